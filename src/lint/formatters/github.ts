import { createHash } from 'node:crypto';
import { showControls } from '../../util/visible.js';
import { portablePath } from './location.js';
import { stylish } from './stylish.js';
import { wordDiagnostic } from '../messages/word.js';
import type { Formatter } from './types.js';

// Control characters shown escaped: the Actions log is a terminal too.
const data = (s: string) => showControls(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * GitHub Actions workflow commands: one `::error`/`::warning` annotation per diagnostic, then the plain text
 * report (stylish without colour), as GitHub shows only 10 annotations of each kind per step and the log
 * should hold every problem. The runner reads any line of the log starting with `::` as a command, and a file
 * name is the user's: the text report goes between `::stop-commands::TOKEN` and `::TOKEN::`, the token the
 * SHA-256 of that report, which the report therefore cannot contain.
 */
export const github: Formatter = (report, ctx) => {
  const lines: string[] = [];
  for (const f of report.files) {
    for (const d of f.diagnostics.map((x) => wordDiagnostic(x, ctx.lang ?? 'en'))) {
      const { start, end } = d.range;
      const props = [
        `file=${property(portablePath(ctx, d.file))}`,
        `line=${start.line}`,
        `col=${start.column}`,
        `endLine=${end.line}`,
        `endColumn=${end.column}`,
        `title=${property(d.ruleId)}`,
      ].join(',');
      lines.push(`::${d.severity === 'error' ? 'error' : 'warning'} ${props}::${data(d.message)}\n`);
    }
  }
  const text = stylish(report, { ...ctx, color: false });
  const token = `sop-lint-${createHash('sha256').update(text).digest('hex')}`;
  return `${lines.join('')}::stop-commands::${token}\n${text}::${token}::\n`;
};
