import { lintRepository, lintTargets } from './lint/engine.js';
import type { LintReport } from './lint/diagnostic.js';
import { openProject } from './project.js';
import { factsLoading } from './model/facts/load.js';
import { version } from './version.js';
import { dayOf, type Now } from './day.js';
import { repositoryRoot } from './paths.js';
import { prepareSince } from './lifecycle/lint-since.js';
import type { RenderProjectOptions, RenderProjectResult } from './render/project.js';

export type { Diagnostic, LintReport, Severity } from './lint/diagnostic.js';
export type { Sop, Step, Actor } from './model/types.js';
export type { Config } from './config/types.js';
export { openProject } from './project.js';
export { loadFile, loadText } from './model/load.js';
export * from './lifecycle/index.js';
// The business process map: load it (undefined without one) and match SOPs to it (matrix and coverage).
export { loadProcessMap, mapCoverage, summarize, IN_FORCE, treeOrder, leaves } from './model/processes/index.js';
export type { ProcessMap, Process, Category, Coverage, MatrixRow, SopSummary } from './model/processes/index.js';

/** Options of a lint run. */
export interface LintOptions {
  /** Folder paths are relative to. */
  cwd: string;
  /** Files, folders or globs; empty for the config's SOP glob. */
  paths: readonly string[];
  /** Explicit config file. */
  configPath?: string;
  /** Check lifecycle changes against the merge base with this git ref (rule `lifecycle-transition`). */
  since?: string;
  /** Today as YYYY-MM-DD for date-dependent rules (`review-due`); without it (and without `now`) they are silent. */
  today?: string;
  /** Read and write the facts of the files not checked (what the cross-file rules need) in `<root>/.sop-cache/` (default: no). */
  cache?: boolean;
  /** The clock: its day in the config's time zone is today for `review-due` (when `today` is not given) and the NIP rule. */
  now?: Now;
}

/** A lint report and where its repository is. */
export interface LintResult extends LintReport {
  /** Repository root (git work tree holding the config, else the config's folder, else the current folder): CI formats give paths relative to it. */
  root: string;
}

/** Lint SOP files; cross-file checks see the whole repository (the facts of the files not named). */
export async function lint(opts: LintOptions): Promise<LintResult> {
  // The files named are checked in full; of the others the cross-file rules read only their facts.
  const facts = factsLoading({ cache: opts.cache ?? false, version: version() });
  const project = openProject({ ...opts, loaders: facts.loaders });
  facts.save();
  if (opts.today ?? opts.now) project.repo.today = opts.today ?? dayOf(opts.now!, project.config.timeZone);
  const finish = opts.since !== undefined ? await prepareSince(project, opts.since, opts.cwd) : (r: LintReport) => r;
  return { ...finish(lintRepository(lintTargets(project), project.repo)), root: repositoryRoot(project.config.root, project.config.file ? project.config.root : opts.cwd) };
}

export type { RenderProjectOptions, RenderProjectResult, RenderedSop } from './render/project.js';

/** Render SOPs to HTML or Markdown documents (lints first; Handlebars and markdown-it load only here). */
export async function render(opts: RenderProjectOptions): Promise<RenderProjectResult> {
  const { renderProject } = await import('./render/project.js');
  return renderProject(opts);
}
