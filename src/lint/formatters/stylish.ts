import { Chalk } from 'chalk';
import { showControls } from '../../util/visible.js';
import { wordReport } from '../messages/word.js';
import type { Formatter } from './types.js';
import { REPORT_WORDS } from './words.js';

/** Keep one diagnostic on one line whatever its message holds, control characters shown escaped. */
const oneLine = (s: string) => showControls(s.replace(/\r\n|\r|\n/g, ' '));

/** Grouped by file: `file:line:col  severity  message  rule-id` (columns aligned), then a summary line. */
export const stylish: Formatter = (given, ctx) => {
  const report = wordReport(given, ctx.lang ?? 'en');
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const lines: string[] = [];
  for (const f of report.files) {
    if (f.diagnostics.length === 0) continue;
    lines.push(c.underline(oneLine(f.file)));
    const where = f.diagnostics.map((d) => `${oneLine(f.file)}:${d.range.start.line}:${d.range.start.column}`);
    const width = Math.max(...where.map((w) => w.length));
    f.diagnostics.forEach((d, i) => {
      const sev = d.severity === 'error' ? c.red('error') : c.yellow('warn ');
      lines.push(`  ${where[i]!.padEnd(width)}  ${sev}  ${oneLine(d.message)}  ${c.dim(d.ruleId)}`);
    });
    lines.push('');
  }
  const w = REPORT_WORDS[ctx.lang ?? 'en'];
  const total = report.errorCount + report.warningCount;
  const checked = w.checked(report.files.length);
  const hidden = ctx.hiddenWarnings ? w.hidden(ctx.hiddenWarnings) : '';
  if (total === 0) {
    lines.push(hidden ? c.yellow(`✓ ${checked}, ${w.none(true)} (${hidden})`) : c.green(`✓ ${checked}, ${w.none(false)}`));
  } else {
    const summary = `✖ ${w.count(total, 'problem')} (${w.count(report.errorCount, 'error')}, ${w.count(report.warningCount, 'warning')}${hidden ? `; ${hidden}` : ''})${w.in}${checked}`;
    lines.push(report.errorCount ? c.red.bold(summary) : c.yellow.bold(summary));
  }
  return `${lines.join('\n')}\n`;
};
