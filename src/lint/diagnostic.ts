import type { DocPath, Range } from '../model/types.js';

import type { Severity } from '../config/types.js';
export type { Severity, SeveritySetting } from '../config/types.js';

/** One problem found in one file. */
export interface Diagnostic {
  /** Rule that reported it. */
  ruleId: string;
  /** Severity after configuration. */
  severity: Severity;
  /** File path as given to the user (relative to cwd when possible). */
  file: string;
  /** Document path of the offending node. */
  path: DocPath;
  /** Source range, 1-based. */
  range: Range;
  /** Human sentence (English unless reworded with `wordDiagnostic`). */
  message: string;
  /** Stable id of the message within its rule (`ruleId/messageId` names it across rules), for tools and translations. */
  messageId: string;
  /** The values filled into the message's `{{name}}` placeholders. */
  data: Record<string, string | number>;
  /** Link to the rule's documentation page. */
  docsUrl: string;
}

/** Base URL of the rule pages. */
export const DOCS_BASE = 'https://github.com/sopkit/sopkit/blob/main/docs/rules/';

/** The documentation page of a rule. */
export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}

/** Result of linting a set of files. */
export interface LintReport {
  /** Every file that was checked, in order, with its diagnostics. */
  files: Array<{ file: string; diagnostics: Diagnostic[] }>;
  /** Total error count. */
  errorCount: number;
  /** Total warning count. */
  warningCount: number;
}

/** Order diagnostics by position, then rule. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.column - b.range.start.column ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.message.localeCompare(b.message)
  );
}
