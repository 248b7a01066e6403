import { said, type MessageRef, type Said } from '../../util/errors.js';
import path from 'node:path';
import type { Config, Orientation, Paper } from '../../config/types.js';
import type { LintReport } from '../../lint/diagnostic.js';
import { lintRepository } from '../../lint/engine.js';
import type { Repository } from '../../lint/rule.js';
import type { LoadedFile } from '../../model/load.js';
import { ID_PATTERN, type Sop } from '../../model/types.js';
import { openProject } from '../project.js';
import { shapeIssues } from '../../render/view-check.js';
import type { IndexEntry } from '../../render/view.js';

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
  skipped: Array<{ file: string; reason: string; ref?: MessageRef }>;
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

/** Why loaded data cannot be rendered (a field the document reads holds the wrong kind of value), or undefined when it can. */
export function unrenderable(f: LoadedFile): string | undefined {
  return whyUnrenderable(f)?.text;
}

/** {@link unrenderable} as a message with its id and data. */
export function whyUnrenderable(f: LoadedFile): Said | undefined {
  const d = f.data as Record<string, unknown> | null | undefined;
  if (!d || typeof d !== 'object' || Array.isArray(d) || !Array.isArray(d.actors) || !Array.isArray(d.steps)) return said('it is not an SOP document with `actors` and `steps` lists', 'render.notSop');
  const issues = shapeIssues(d);
  const first = issues[0];
  if (!first) return undefined;
  // At the key when there is one: a block mapping's value starts on the next line.
  const { line, column } = f.locator.locate(first.path, { key: typeof first.path.at(-1) === 'string' }).start;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more such ${issues.length === 2 ? 'value' : 'values'})` : '';
  const text = `line ${line}, column ${column}: ${first.message}${more}; fix it to render the SOP, even with --force`;
  return issues.length > 1 ? said(text, 'render.wrongValueMore', { line, column, problem: first.message, more: issues.length - 1 }) : said(text, 'render.wrongValue', { line, column, problem: first.message });
}

/** Keterkaitan links: every SOP of the repository by id, its link given by `href`. */
export function sopIndex(repo: Pick<Repository, 'byId'>, href: (id: string) => string): Map<string, IndexEntry> {
  const index = new Map<string, IndexEntry>();
  for (const [id, files] of repo.byId) {
    const data = files[0]?.data as { title?: unknown; number?: unknown } | undefined;
    const number = typeof data?.number === 'string' && data.number.trim() ? data.number.trim() : undefined;
    if (ID_PATTERN.test(id)) index.set(id, { title: typeof data?.title === 'string' ? data.title : '', href: href(id), ...(number ? { number } : {}) });
  }
  return index;
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
  const index = sopIndex(project.repo, href);
  const ready: RenderTarget[] = [];
  const skipped: RenderSelection['skipped'] = [];
  for (const f of project.targets) {
    const why = bad.has(f.file) && !opts.force ? undefined : whyUnrenderable(f);
    if (bad.has(f.file) && !opts.force) skipped.push({ file: f.file, reason: `it has lint errors (use --force to ${verb} it anyway)`, ref: { id: 'render.lintErrors', data: {} } });
    else if (why) skipped.push({ file: f.file, reason: why.text, ref: { id: why.id, data: why.data } });
    else ready.push({ file: f as LoadedFile & { data: Sop }, abs: project.absPaths.get(f.file) ?? path.resolve(opts.cwd, f.file) });
  }
  return { config, index, errors, ready, skipped };
}
