import path from 'node:path';
import type { Config, Orientation, Paper } from '../config/types.js';
import type { LintReport } from '../lint/diagnostic.js';
import { lintRepository } from '../lint/engine.js';
import type { LoadedFile } from '../model/load.js';
import { ID_PATTERN, type Sop } from '../model/types.js';
import { openProject } from '../project.js';
import type { IndexEntry } from './view.js';

/** A target that may be rendered: its data has the shape the renderer needs. */
export interface RenderTarget {
  /** The loaded file. */
  file: LoadedFile & { data: Sop };
  /** Its absolute path. */
  abs: string;
}

/** The targets of a render or print command, linted and sorted into those to render and those refused. */
export interface RenderSelection {
  /** The configuration with paper and orientation overrides applied. */
  config: Config;
  /** Keterkaitan links: every SOP of the repository by id. */
  index: Map<string, IndexEntry>;
  /** Lint errors of the files with errors (refused, or rendered with `force`). */
  errors: LintReport;
  /** What to render, in target order. */
  ready: RenderTarget[];
  /** Files not rendered, with the reason. */
  skipped: Array<{ file: string; reason: string }>;
}

/** What selects the targets. */
export interface SelectOptions {
  /** Folder paths are relative to. */
  cwd: string;
  /** Files, folders or globs; empty for the config's SOP glob. */
  paths: readonly string[];
  /** Explicit config file. */
  configPath?: string;
  /** Overrides the config's paper. */
  paper?: Paper;
  /** Overrides the config's orientation. */
  orientation?: Orientation;
  /** Keep files that have lint errors too. */
  force?: boolean;
}

/** Whether loaded data has the shape the renderer needs (it may still break other rules). */
function renderable(f: LoadedFile): f is LoadedFile & { data: Sop } {
  const d = f.data as Record<string, unknown> | null | undefined;
  return !!d && typeof d === 'object' && !Array.isArray(d) && Array.isArray(d.steps) && Array.isArray(d.actors)
    && d.steps.every((s) => s && typeof s === 'object') && d.actors.every((a) => a && typeof a === 'object');
}

/**
 * Open the project, lint the targets, and keep those that may be rendered (all renderable ones
 * with `force`). `href` gives the link of a Keterkaitan entry naming an SOP id; `verb` words the
 * refusal ("render", "print").
 */
export function selectForRendering(opts: SelectOptions, href: (id: string) => string, verb: string): RenderSelection {
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
    const data = files[0]?.data as { title?: unknown; number?: unknown } | undefined;
    const number = typeof data?.number === 'string' && data.number.trim() ? data.number.trim() : undefined;
    if (ID_PATTERN.test(id)) index.set(id, { title: typeof data?.title === 'string' ? data.title : '', href: href(id), ...(number ? { number } : {}) });
  }
  const ready: RenderTarget[] = [];
  const skipped: RenderSelection['skipped'] = [];
  for (const f of project.targets) {
    if (bad.has(f.file) && !opts.force) skipped.push({ file: f.file, reason: `it has lint errors (use --force to ${verb} it anyway)` });
    else if (!renderable(f)) skipped.push({ file: f.file, reason: 'it is not an SOP document with `actors` and `steps` lists' });
    else ready.push({ file: f, abs: project.absPaths.get(f.file) ?? path.resolve(opts.cwd, f.file) });
  }
  return { config, index, errors, ready, skipped };
}
