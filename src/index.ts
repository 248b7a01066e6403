import { lintRepository } from './lint/engine.js';
import type { LintReport } from './lint/diagnostic.js';
import { openProject } from './project.js';

export type { Diagnostic, LintReport, Severity } from './lint/diagnostic.js';
export type { Sop, Step, Actor } from './model/types.js';
export type { Config } from './config/types.js';
export { openProject } from './project.js';
export { loadFile, loadText } from './model/load.js';

/** Options of a lint run. */
export interface LintOptions {
  /** Folder paths are relative to. */
  cwd: string;
  /** Files, folders or globs; empty for the config's SOP glob. */
  paths: readonly string[];
  /** Explicit config file. */
  configPath?: string;
}

/** Lint SOP files; cross-file checks see the whole repository. */
export async function lint(opts: LintOptions): Promise<LintReport> {
  const project = openProject(opts);
  return lintRepository(project.targets, project.repo);
}
