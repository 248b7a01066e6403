import { showControls } from '../../visible.js';
import { portablePath } from './location.js';
import type { Formatter } from './types.js';

// Control characters shown escaped: the Actions log is a terminal too.
const data = (s: string) => showControls(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions workflow commands: one `::error`/`::warning` annotation per diagnostic. */
export const github: Formatter = (report, ctx) => {
  const lines: string[] = [];
  for (const f of report.files) {
    for (const d of f.diagnostics) {
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
  return lines.join('');
};
