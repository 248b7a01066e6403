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

/** Values substituted for `{{name}}` in a message: each placeholder of the message has one, and nothing else. */
export type MessageData = Record<string, string | number>;

/** What one lint run knows besides the repository (given to the engine, never stored on the repository). */
export interface LintRun {
  /** The past since the merge base with a ref: `sop lint --since <ref>`. */
  since?: import('./base.js').LintBase;
}

/** One report from a rule: where (document path) and which of the rule's messages. */
export interface ReportInput<Id extends string = string> {
  /** Path of the offending node. */
  path: DocPath;
  /** Report the mapping key's range rather than the value's. */
  key?: boolean;
  /** Key of the rule's `meta.messages`. */
  messageId: Id;
  /** Values substituted for `{{name}}` in the message. */
  data?: MessageData;
}

/** What a rule's `check` receives. */
export interface RuleContext<Id extends string = string, Options = Record<string, any>> {
  /** The file under check. */
  file: LoadedFile;
  /** Its data: a mapping, but not necessarily schema-valid (the map's data for a map rule). */
  sop: Record<string, any>;
  /** Whether the file passed the schema (rules may skip shapes they cannot trust). */
  schemaValid: boolean;
  /** The whole repository. */
  repo: Repository<RepoFile>;
  /** The rule's options (defaults merged with config; the config schema checks their types). */
  options: Options;
  /** What this run knows besides the repository. */
  run: LintRun;
  /** Report a problem with one of the rule's messages. */
  report(input: ReportInput<Id>): void;
}

/** What a rule's `checkRepository` receives: the repository as a whole, once per run. */
export interface RepositoryContext<Id extends string = string, Options = Record<string, any>> {
  /** The whole repository. */
  repo: Repository<RepoFile>;
  /** The rule's options (defaults merged with config). */
  options: Options;
  /** What this run knows besides the repository. */
  run: LintRun;
  /** Report a problem about the repository, on line 1 of `file` (a file name as shown: one that exists). */
  report(input: { file: string; messageId: Id; data?: MessageData }): void;
}

/** What a rule declares about itself. */
export interface RuleMetaInput<Id extends string, Options> {
  /** Kebab-case id, also the docs page name. */
  id: string;
  /** One line on what it checks. */
  description: string;
  /** Severity unless configured. */
  defaultSeverity: Severity;
  /** Which files it checks: SOP files (default) or the business process map. */
  scope?: 'sop' | 'map';
  /** Default options. */
  options?: Options;
  /** English message templates by id, with `{{name}}` placeholders (Indonesian ones: messages/id.ts, keyed `ruleId/messageId`). */
  messages: Record<Id, string>;
}

/** A rule as written: its meta and its checks, typed over its message ids and options. */
export interface RuleDefinition<Id extends string, Options> {
  /** Id, description, severity, scope, default options and messages. */
  meta: RuleMetaInput<Id, Options>;
  /** Run the check on one file; `ctx.report` accepts only the ids of `meta.messages`. */
  check(ctx: RuleContext<Id, Options>): void;
  /** Run the check once on the repository as a whole (findings that belong to no file under check, e.g. a deleted SOP). */
  checkRepository?(ctx: RepositoryContext<Id, Options>): void;
}

/** A lint rule as the engine runs it: a plain object in its own file, made with `defineRule`. */
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
  /** English message templates by id, with `{{name}}` placeholders. */
  messages: Readonly<Record<string, string>>;
  /** Run the check on one file. */
  check(ctx: RuleContext): void;
  /** Run the check once on the repository as a whole (findings that belong to no file under check, e.g. a deleted SOP). */
  checkRepository?(ctx: RepositoryContext): void;
}

/**
 * Define a rule typed over its message ids and options (like ESLint's rule meta): `ctx.report` with an id the
 * rule does not declare, or `ctx.options.x` it has no default for, is a compile error. Ids are inferred from
 * `meta.messages` unless given: `defineRule<'duplicate' | 'other', { max: number }>({ meta: {...}, check(ctx) {...} })`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export function defineRule<Id extends string, Options extends object = {}>(def: RuleDefinition<Id, Options>): Rule {
  const { meta, check, checkRepository } = def;
  return {
    id: meta.id,
    description: meta.description,
    defaultSeverity: meta.defaultSeverity,
    ...(meta.scope ? { scope: meta.scope } : {}),
    ...(meta.options ? { options: meta.options as Record<string, unknown> } : {}),
    messages: meta.messages,
    check: check as (ctx: RuleContext) => void,
    ...(checkRepository ? { checkRepository: checkRepository as (ctx: RepositoryContext) => void } : {}),
  };
}
