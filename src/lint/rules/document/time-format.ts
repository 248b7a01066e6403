import { parseDuration, UNIT_WORDS } from '../../../model/duration.js';
import { defineRule } from '../../rule.js';
import { stepEntries, stepField } from '../support.js';

/** Mutu Baku times parse, so durations can be summed and printed. */
export const timeFormat = defineRule({
  meta: {
    id: 'time-format',
    description: "Each step's `time` is a number or range and a known unit, e.g. `15 menit`, `1-2 hari`, `3 hari kerja`.",
    defaultSeverity: 'error',
    messages: {
      unparsable: '`{{field}}` (step {{step}}) must be a number (or a range like `1-2`) followed by a unit, e.g. `15 menit`, `2 jam`, `3 hari kerja` (got "{{value}}"). Units: {{units}}.',
    },
  },
  check(ctx) {
    for (const [i, s] of stepEntries(ctx.sop)) {
      if (typeof s.time !== 'string' || s.time === '') continue; // the schema reports non-text and empty values
      if (parseDuration(s.time)) continue;
      ctx.report({ path: ['steps', i, 'time'], messageId: 'unparsable', data: { ...stepField(['steps', i, 'time']), value: s.time, units: UNIT_WORDS.join(', ') } });
    }
  },
});
