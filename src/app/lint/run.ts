// `sop lint` as a library call: open the project once, give the date rules their day, the lifecycle rule its past.
import { lintRepository, lintTargets } from '../../lint/engine.js';
import type { LintReport } from '../../lint/diagnostic.js';
import { wordReport } from '../../lint/messages/word.js';
import type { Lang } from '../../model/lang.js';
import { dayOf, type Now } from '../../model/day.js';
import { repositoryRoot } from '../../util/paths.js';
import { openProject } from '../project.js';
import { factsLoading } from '../../model/facts/load.js';
import { version } from '../../util/version.js';
import { loadSince } from './since.js';

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
  /** Language of the diagnostics' messages (`messageId` and `data` are the same in every language); English by default. */
  lang?: Lang;
}

/** A lint report and where its repository is. */
export interface LintResult extends LintReport {
  /** Repository root (git work tree holding the config, else the config's folder, else the current folder): CI formats give paths relative to it. */
  root: string;
  /** Web folder of the rule pages (config `docsBase`), when set. */
  docsBase?: string;
}

/** Lint SOP files; cross-file checks see the whole repository (the facts of the files not named). */
export async function lint(opts: LintOptions): Promise<LintResult> {
  // The files named are checked in full; of the others the cross-file rules read only their facts.
  const facts = factsLoading({ cache: opts.cache ?? false, version: version() });
  const project = openProject({ ...opts, loaders: facts.loaders });
  facts.save();
  if (opts.today ?? opts.now) project.repo.today = opts.today ?? dayOf(opts.now!, project.config.timeZone);
  const run = opts.since !== undefined ? await loadSince(project, opts.since, opts.cwd) : {};
  return { ...wordReport(lintRepository(lintTargets(project), project.repo, run), opts.lang ?? 'en'), root: repositoryRoot(project.config.root, project.config.file ? project.config.root : opts.cwd), docsBase: project.config.docsBase };
}

