import path from 'node:path';
import type { Config, Locale, Orientation, Paper } from '../../config/types.js';
import { UsageError } from '../../errors.js';
import type { LintReport } from '../../lint/diagnostic.js';
import { lintRepository } from '../../lint/engine.js';
import type { RevisionRow } from '../../lifecycle/revision-row.js';
import type { LoadedFile } from '../../model/load.js';
import { ID_PATTERN, type Sop } from '../../model/types.js';
import { openProject } from '../../project.js';
import { logoDataUri } from '../assets.js';
import { outputBase } from '../project.js';
import type { IndexEntry, ViewContext } from '../view.js';
import { parseMargins, sheet, type Sheet } from './paper.js';

/** An SOP ready to print. */
export interface PrintableSop {
  /** Source file as shown to the user. */
  file: string;
  /** Output base name (the id). */
  base: string;
  /** The SOP. */
  sop: Sop;
  /** Revision history rows, when wanted. */
  history?: RevisionRow[];
}

/** Options shared by `sop render --format pdf` and `sop book`. */
export interface PrintProjectOptions {
  /** Folder paths are relative to. */
  cwd: string;
  /** Files, folders or globs; empty for the config's SOP glob. */
  paths: readonly string[];
  /** Explicit config file. */
  configPath?: string;
  /** Overrides the config's locale. */
  locale?: Locale;
  /** Overrides the config's paper. */
  paper?: Paper;
  /** Overrides the config's orientation. */
  orientation?: Orientation;
  /** User template folder (absolute). */
  templates?: string;
  /** Print files with lint errors too. */
  force?: boolean;
  /** The clock. */
  now: Date;
  /** Revision history of a file (absolute path), when wanted. */
  historyFor?: (absFile: string) => Promise<RevisionRow[] | undefined>;
}

/** A project opened for printing. */
export interface PrintProject {
  /** The configuration, with paper and orientation overrides applied. */
  config: Config;
  /** The sheet of every page. */
  sheet: Sheet;
  /** Output language. */
  locale: Locale;
  /** The SOPs to print, in target order. */
  sops: PrintableSop[];
  /** The render context shared by all SOPs (breaks and history are per SOP). */
  ctx: ViewContext & { templates?: string };
  /** Lint errors of refused (or forced) files. */
  errors: LintReport;
  /** Files not printed, with the reason. */
  skipped: Array<{ file: string; reason: string }>;
}

function renderable(f: LoadedFile): f is LoadedFile & { data: Sop } {
  const d = f.data as Record<string, unknown> | null | undefined;
  return !!d && typeof d === 'object' && !Array.isArray(d) && Array.isArray(d.steps) && Array.isArray(d.actors)
    && d.steps.every((s) => s && typeof s === 'object') && d.actors.every((a) => a && typeof a === 'object');
}

/** Open the project, lint the targets, and keep the SOPs that may be printed (all of them with `force`). */
export async function openPrintProject(opts: PrintProjectOptions, linkExt: 'pdf' | 'html' | 'book'): Promise<PrintProject> {
  const project = openProject({ cwd: opts.cwd, paths: opts.paths, configPath: opts.configPath });
  const config: Config = { ...project.config, paper: opts.paper ?? project.config.paper, orientation: opts.orientation ?? project.config.orientation };
  const margin = parseMargins(config.pdf.margin);
  if (!margin) throw new UsageError(`pdf.margin must be 1 to 4 lengths such as "10mm" or "10mm 12mm"; got "${config.pdf.margin}"`);
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
    // In a book every SOP is an anchor of the same document; single PDFs link to their neighbours.
    const href = linkExt === 'book' ? `#sop-${id}` : `${id}.${linkExt}`;
    if (ID_PATTERN.test(id)) index.set(id, { title: typeof data?.title === 'string' ? data.title : '', href });
  }
  const sops: PrintableSop[] = [];
  const skipped: PrintProject['skipped'] = [];
  for (const f of project.targets) {
    if (bad.has(f.file) && !opts.force) skipped.push({ file: f.file, reason: 'it has lint errors (use --force to print it anyway)' });
    else if (!renderable(f)) skipped.push({ file: f.file, reason: 'it is not an SOP document with `actors` and `steps` lists' });
    else {
      const abs = project.absPaths.get(f.file) ?? path.resolve(opts.cwd, f.file);
      sops.push({ file: f.file, base: outputBase(f), sop: f.data, history: opts.historyFor ? await opts.historyFor(abs) : undefined });
    }
  }
  const locale = opts.locale ?? config.locale;
  return {
    config,
    sheet: sheet(config.paper, config.orientation, margin),
    locale,
    sops,
    ctx: { config, locale, now: opts.now, index, logo: logoDataUri(config), templates: opts.templates },
    errors,
    skipped,
  };
}
