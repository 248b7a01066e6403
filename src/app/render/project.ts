import type { MessageRef } from '../../util/errors.js';
import path from 'node:path';
import type { Config, Locale } from '../../config/types.js';
import type { LintReport } from '../../lint/diagnostic.js';
import type { RevisionRow } from '../../lifecycle/revision-row.js';
import type { LoadedFile } from '../../model/load.js';
import { ID_PATTERN, type Sop } from '../../model/types.js';
import { logoDataUri } from '../../render/assets.js';
import { renderHtml, renderMarkdown } from '../../render/index.js';
import { selectForRendering } from './select.js';
import type { Now } from '../../model/day.js';

/** Output formats of `renderProject`. */
export type TextFormat = 'html' | 'md';

/** Options of a repository render. */
export interface RenderProjectOptions {
  /** Folder paths are relative to. */
  cwd: string;
  /** Files, folders or globs; empty for the config's SOP glob. */
  paths: readonly string[];
  /** Explicit config file. */
  configPath?: string;
  /** Output format. */
  format: TextFormat;
  /** Overrides the config's locale. */
  locale?: Locale;
  /** User template folder (absolute); overrides the config's `templates`. */
  templates?: string;
  /** Render files that have lint errors too. */
  force?: boolean;
  /** The clock. */
  now: Now;
  /** Paper size, overriding the config's. */
  paper?: Config['paper'];
  /** Orientation, overriding the config's. */
  orientation?: Config['orientation'];
  /** "Riwayat Revisi" rows of files (absolute paths) of the repository at `root`, when wanted (one git pass for all). */
  histories?: (root: string, absFiles: readonly string[]) => Promise<Map<string, RevisionRow[] | undefined>>;
}

/** One rendered document. */
export interface RenderedSop {
  /** Source file as shown to the user. */
  source: string;
  /** Output file name (`KUL-004.html`). */
  name: string;
  /** The document. */
  text: string;
}

/** Result of a repository render. */
export interface RenderProjectResult {
  /** Documents, in target order. */
  rendered: RenderedSop[];
  /** Lint report of the files refused (or rendered with --force) because of errors. */
  errors: LintReport;
  /** Files not rendered, with the reason. */
  skipped: Array<{ file: string; reason: string; ref?: MessageRef }>;
}

/** Output base name: the SOP id, or (forced, id unusable) a sanitised file name. */
export function outputBase(f: LoadedFile): string {
  const id = (f.data as { id?: unknown } | undefined)?.id;
  if (typeof id === 'string' && ID_PATTERN.test(id)) return id;
  return path.basename(f.file).replace(/\.ya?ml$/i, '').replace(/[^A-Za-z0-9._-]/g, '_');
}

/** Lint the targets, then render each clean one (or every one, with `force`). */
export async function renderProject(opts: RenderProjectOptions): Promise<RenderProjectResult> {
  const { config, index, errors, ready, skipped } = selectForRendering(opts, (id) => `${id}.${opts.format}`, 'render');
  const logo = logoDataUri(config);
  const rendered: RenderedSop[] = [];
  const histories = opts.histories && config.history ? await opts.histories(config.root, ready.map((t) => t.abs)) : undefined;
  for (const { file: f, abs } of ready) {
    const history = histories?.get(abs);
    const ctx = { config, locale: opts.locale, now: opts.now, index, logo, history, templates: opts.templates };
    const text = opts.format === 'html' ? renderHtml(f.data, ctx) : renderMarkdown(f.data, ctx);
    rendered.push({ source: f.file, name: `${outputBase(f)}.${opts.format}`, text });
  }
  return { rendered, errors, skipped };
}
