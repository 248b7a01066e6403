import path from 'node:path';
import type { Config, Locale } from '../config/types.js';
import type { LintReport } from '../lint/diagnostic.js';
import { lintRepository } from '../lint/engine.js';
import type { RevisionRow } from '../lifecycle/revision-row.js';
import type { LoadedFile } from '../model/load.js';
import { ID_PATTERN, type Sop } from '../model/types.js';
import { openProject } from '../project.js';
import { logoDataUri } from './assets.js';
import { renderHtml, renderMarkdown } from './index.js';
import type { IndexEntry } from './view.js';

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
  now: Date;
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
  skipped: Array<{ file: string; reason: string }>;
}

/** Whether loaded data has the shape the renderer needs (it may still break other rules). */
function renderable(f: LoadedFile): f is LoadedFile & { data: Sop } {
  const d = f.data as Record<string, unknown> | null | undefined;
  return !!d && typeof d === 'object' && !Array.isArray(d) && Array.isArray(d.steps) && Array.isArray(d.actors)
    && d.steps.every((s) => s && typeof s === 'object') && d.actors.every((a) => a && typeof a === 'object');
}

/** Output base name: the SOP id, or (forced, id unusable) a sanitised file name. */
export function outputBase(f: LoadedFile): string {
  const id = (f.data as { id?: unknown } | undefined)?.id;
  if (typeof id === 'string' && ID_PATTERN.test(id)) return id;
  return path.basename(f.file).replace(/\.ya?ml$/i, '').replace(/[^A-Za-z0-9._-]/g, '_');
}

/** Lint the targets, then render each clean one (or every one, with `force`). */
export async function renderProject(opts: RenderProjectOptions): Promise<RenderProjectResult> {
  const project = openProject({ cwd: opts.cwd, paths: opts.paths, configPath: opts.configPath });
  const config: Config = { ...project.config, paper: opts.paper ?? project.config.paper, orientation: opts.orientation ?? project.config.orientation };
  const report = lintRepository(project.targets, project.repo);
  const withErrors = report.files.filter((f) => f.diagnostics.some((d) => d.severity === 'error'));
  const bad = new Set(withErrors.map((f) => f.file));
  const errors: LintReport = {
    files: withErrors.map((f) => ({ file: f.file, diagnostics: f.diagnostics.filter((d) => d.severity === 'error') })),
    errorCount: report.errorCount,
    warningCount: 0,
  };
  const index = new Map<string, IndexEntry>();
  for (const [id, files] of project.repo.byId) {
    const data = files[0]?.data as { title?: unknown } | undefined;
    if (ID_PATTERN.test(id)) index.set(id, { title: typeof data?.title === 'string' ? data.title : '', href: `${id}.${opts.format}` });
  }
  const logo = logoDataUri(config);
  const rendered: RenderedSop[] = [];
  const skipped: RenderProjectResult['skipped'] = [];
  const absOf = (f: LoadedFile) => project.absPaths.get(f.file) ?? path.resolve(opts.cwd, f.file);
  const histories = opts.histories && config.history ? await opts.histories(config.root, project.targets.map(absOf)) : undefined;
  for (const f of project.targets) {
    if (bad.has(f.file) && !opts.force) {
      skipped.push({ file: f.file, reason: 'it has lint errors (use --force to render it anyway)' });
      continue;
    }
    if (!renderable(f)) {
      skipped.push({ file: f.file, reason: 'it is not an SOP document with `actors` and `steps` lists' });
      continue;
    }
    const history = histories?.get(absOf(f));
    const ctx = { config, locale: opts.locale, now: opts.now, index, logo, history, templates: opts.templates };
    const text = opts.format === 'html' ? renderHtml(f.data, ctx) : renderMarkdown(f.data, ctx);
    rendered.push({ source: f.file, name: `${outputBase(f)}.${opts.format}`, text });
  }
  return { rendered, errors, skipped };
}
