import { Chalk } from 'chalk';
import type { Formatter } from './types.js';

/** Grouped by file: `file:line:col  severity  message  rule-id`, then a summary line. */
export const stylish: Formatter = (report, ctx) => {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const lines: string[] = [];
  for (const f of report.files) {
    if (f.diagnostics.length === 0) continue;
    lines.push(c.underline(f.file));
    for (const d of f.diagnostics) {
      const sev = d.severity === 'error' ? c.red('error') : c.yellow('warn ');
      lines.push(`  ${f.file}:${d.range.start.line}:${d.range.start.column}  ${sev}  ${d.message}  ${c.dim(d.ruleId)}`);
    }
    lines.push('');
  }
  const total = report.errorCount + report.warningCount;
  const files = report.files.length;
  if (total === 0) {
    lines.push(c.green(`✓ ${files} file${files === 1 ? '' : 's'} checked, no problems`));
  } else {
    const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${report.errorCount} error${report.errorCount === 1 ? '' : 's'}, ${report.warningCount} warning${report.warningCount === 1 ? '' : 's'}) in ${files} file${files === 1 ? '' : 's'} checked`;
    lines.push(report.errorCount ? c.red.bold(summary) : c.yellow.bold(summary));
  }
  return `${lines.join('\n')}\n`;
};
