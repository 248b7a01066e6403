import type { Lang } from '../../model/lang.js';
import type { LintReport } from '../diagnostic.js';

/** Rule metadata a formatter may list (SARIF needs every rule). */
export interface RuleMeta {
  /** Rule id. */
  id: string;
  /** One-line description. */
  description: string;
  /** Default severity. */
  defaultSeverity: 'error' | 'warn';
  /** Documentation URL (the `file://` URL of the page in the installed package). */
  docsUrl: string;
  /** The rule's page as Markdown, when asked for (SARIF carries it). */
  help?: string;
}

/** What a formatter may use besides the report. */
export interface FormatContext {
  /** Use ANSI colours. */
  color: boolean;
  /** Folder the diagnostics' file paths are relative to (the current folder). */
  cwd: string;
  /** Repository root: CI formats (github, sarif, json) give paths relative to it, whatever the current folder. */
  root: string;
  /** Every known rule. */
  rules: RuleMeta[];
  /** sopkit's version. */
  version: string;
  /** Warnings left out of the report by `--quiet` (said in the summary). */
  hiddenWarnings?: number;
  /** Language of the diagnostics' messages (reworded from their message id and data); English by default. */
  lang?: Lang;
}

/** A pure function from report to text. */
export type Formatter = (report: LintReport, ctx: FormatContext) => string;
