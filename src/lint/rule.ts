import type { Config } from '../config/types.js';
import type { RepoFile } from '../model/facts/facts.js';
import type { LoadedFile } from '../model/load.js';
import type { DocPath } from '../model/types.js';
import type { Severity } from './diagnostic.js';

/**
 * What every rule sees of the whole repository (cross-file checks). `sop lint` loads only the files it checks;
 * of the others a rule sees their facts (model/facts.ts): F is then RepoFile.
 */
export interface Repository<F extends RepoFile = LoadedFile> {
  /** Every SOP file of the repository plus the named files. */
  files: F[];
  /** Files by the `id` they declare. */
  byId: Map<string, F[]>;
  /** Files by the `number` they declare. */
  byNumber: Map<string, F[]>;
  /** The repository's configuration. */
  config: Config;
  /** The business process map, when the repository has one. */
  processMap?: import('../model/processes/types.js').ProcessMap;
  /** Today as YYYY-MM-DD, for date-dependent rules (`review-due`); they are silent without it. */
  today?: string;
}

/** What one lint run knows besides the repository (given to the engine, never stored on the repository). */
export interface LintRun {
  /** The past since the merge base with a ref: `sop lint --since <ref>`. */
  since?: import('./base.js').LintBase;
}

/** One report from a rule: where (document path) and which message. */
export interface ReportInput {
  /** Path of the offending node. */
  path: DocPath;
  /** Report the mapping key's range rather than the value's. */
  key?: boolean;
  /** Key of `messages`. */
  messageId: string;
  /** Values substituted for `{{name}}` in the message. */
  data?: Record<string, string | number>;
}

/** What a rule's `check` receives. */
export interface RuleContext {
  /** The file under check. */
  file: LoadedFile;
  /** Its data: a mapping, but not necessarily schema-valid (the map's data for a map rule). */
  sop: Record<string, any>;
  /** Whether the file passed the schema (rules may skip shapes they cannot trust). */
  schemaValid: boolean;
  /** The whole repository. */
  repo: Repository<RepoFile>;
  /** The rule's options (defaults merged with config). */
  options: Record<string, any>;
  /** What this run knows besides the repository. */
  run: LintRun;
  /** Report a problem. */
  report(input: ReportInput): void;
}

/** What a rule's `checkRepository` receives: the repository as a whole, once per run. */
export interface RepositoryContext {
  /** The whole repository. */
  repo: Repository<RepoFile>;
  /** The rule's options (defaults merged with config). */
  options: Record<string, any>;
  /** What this run knows besides the repository. */
  run: LintRun;
  /** Report a problem about the repository, on line 1 of `file` (a file name as shown: one that exists). */
  report(input: { file: string; messageId: string; data?: Record<string, string | number> }): void;
}

/** A lint rule: a plain object in its own file. */
export interface Rule {
  /** Kebab-case id, also the docs page name. */
  id: string;
  /** One line on what it checks. */
  description: string;
  /** Severity unless configured. */
  defaultSeverity: Severity;
  /** Which files it checks: SOP files (default) or the business process map. */
  scope?: 'sop' | 'map';
  /** Default options. */
  options?: Record<string, unknown>;
  /** Message templates by id, with `{{name}}` placeholders. */
  messages: Record<string, string>;
  /** Run the check on one file. */
  check(ctx: RuleContext): void;
  /** Run the check once on the repository as a whole (findings that belong to no file under check, e.g. a deleted SOP). */
  checkRepository?(ctx: RepositoryContext): void;
}
