import { isStandalone } from '../util/package-files.js';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocPath, Range } from '../model/types.js';
import { packageRoot } from '../util/paths.js';

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
  /** Link to the rule's documentation page (see {@link docsUrl}). */
  docsUrl: string;
}

/** The folder of the rule pages: `docs/rules/` of the installed package (the package ships them). */
export function docsDir(): string {
  return path.join(packageRoot(), 'docs', 'rules');
}

let installed: string | undefined;

/**
 * The documentation page of a rule: under `base` (config `docsBase`, a web folder of the pages) when given, else the
 * `file://` URL of its page inside the installed package, so the link works offline and describes the installed
 * version (no web address the project would have to keep alive). A standalone executable, which has no package folder,
 * names the page's path in the sopkit sources (`docs/rules/<id>.md`) unless `docsBase` is set.
 */
export function docsUrl(ruleId: string, base?: string): string {
  // A standalone executable has no package folder: its links name the page's place in the sopkit sources.
  installed ??= isStandalone() ? 'docs/rules/' : pathToFileURL(`${docsDir()}${path.sep}`).href;
  return `${base ?? installed}${encodeURIComponent(ruleId)}.md`;
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
