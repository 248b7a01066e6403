import type { DocPath } from '../../../model/types.js';
import { defineRule } from '../../rule.js';
import { formatPath } from '../../../model/words.js';
import { DATE_SHAPE, isObj, isRealDay } from '../support.js';

/** Every date of the file with its path: `dates.*`, `socialization[].date`, `monitoring[].date`, `evaluations[].date`, `evaluations[].meeting.date`. */
export function allDates(sop: Record<string, any>): Array<{ path: DocPath; value: unknown }> {
  const out: Array<{ path: DocPath; value: unknown }> = [];
  if (isObj(sop.dates)) for (const k of ['created', 'revised', 'effective', 'implemented']) if (k in sop.dates) out.push({ path: ['dates', k], value: sop.dates[k] });
  for (const list of ['socialization', 'monitoring', 'evaluations'] as const) {
    const entries: unknown = sop[list];
    if (!Array.isArray(entries)) continue;
    entries.forEach((e, i) => {
      if (!isObj(e)) return;
      if ('date' in e) out.push({ path: [list, i, 'date'], value: e.date });
      if (list === 'evaluations' && isObj(e.meeting) && 'date' in e.meeting) out.push({ path: [list, i, 'meeting', 'date'], value: e.meeting.date });
    });
  }
  return out;
}

/** Dates are real calendar days. */
export const dateValid = defineRule({
  meta: {
    id: 'date-valid',
    description: 'Every date (`dates.*`, `socialization[].date`, `monitoring[].date`, `evaluations[].date` and `.meeting.date`) is a real calendar day.',
    defaultSeverity: 'error',
    messages: {
      badMonth: '`{{field}}` is not a real calendar day: month {{month}} does not exist (01–12) (got "{{value}}").',
      dayZero: '`{{field}}` is not a real calendar day: day 00 does not exist (got "{{value}}").',
      noSuchDay: '`{{field}}` is not a real calendar day: {{month}} has no day {{day}} (got "{{value}}").',
    },
  },
  check(ctx) {
    for (const { path, value } of allDates(ctx.sop)) {
      if (typeof value !== 'string') continue;
      const m = DATE_SHAPE.exec(value);
      if (!m) continue; // the schema reports the shape
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      if (isRealDay(y, mo, d)) continue;
      const field = formatPath(path);
      if (mo < 1 || mo > 12) ctx.report({ path, messageId: 'badMonth', data: { field, month: m[2]!, value } });
      else if (d < 1) ctx.report({ path, messageId: 'dayZero', data: { field, value } });
      else ctx.report({ path, messageId: 'noSuchDay', data: { field, month: `${m[1]}-${m[2]}`, day: m[3]!, value } });
    }
  },
});
