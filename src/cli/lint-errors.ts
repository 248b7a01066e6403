import type { LintReport } from '../lint/diagnostic.js';
import { stylish } from '../lint/formatters/stylish.js';
import { ruleMetas } from '../lint/meta.js';
import { version } from '../util/version.js';
import type { Lang } from '../model/lang.js';
import { useColor, type CliIO } from './io.js';

/** Only the errors of a report (warnings dropped). */
export function errorsOnly<R extends LintReport>(report: R): R {
  return { ...report, warningCount: 0, files: report.files.map((f) => ({ ...f, diagnostics: f.diagnostics.filter((d) => d.severity === 'error') })) };
}

/** Print on stderr, as `sop lint` shows them, the lint errors that refused files of a render, book or map (or came along with --force). */
export function printLintErrors(io: CliIO, errors: LintReport, color: boolean | undefined, lang: Lang = 'en'): void {
  if (errors.files.length === 0) return;
  io.stderr(stylish(errors, { color: useColor(io, color, io.stderrIsTTY), cwd: io.cwd, root: io.cwd, rules: ruleMetas(), version: version(), lang }));
}
