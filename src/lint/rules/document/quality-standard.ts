import { defineRule } from '../../rule.js';
import { isDecision, stepEntries } from '../support.js';

/** Process steps state their Mutu Baku: time and output. */
export const qualityStandard = defineRule({
  meta: {
    id: 'quality-standard',
    description: 'Each process step states its Mutu Baku `time` and `output` (decisions need no output).',
    defaultSeverity: 'warn',
    messages: {
      missingTime: 'Step {{n}} has no `time` (Mutu Baku): the printed table would show an empty cell. Add how long it takes, e.g. `time: 15 menit`.',
      missingOutput: 'Step {{n}} has no `output` (Mutu Baku): the printed table would show an empty cell. Add what it produces, e.g. `output: Surat tercatat`.',
      missingBoth: 'Step {{n}} has no `time` and `output` (Mutu Baku): the printed table would show an empty cell. Add how long it takes (e.g. `time: 15 menit`) and what it produces (`output`).',
    },
  },
  check(ctx) {
    for (const [i, s] of stepEntries(ctx.sop)) {
      if (s.type !== undefined && s.type !== 'process' && s.type !== 'decision') continue;
      const time = s.time === undefined; // `time:` left empty (null) is the schema's
      const output = !isDecision(s) && s.output === undefined;
      if (!time && !output) continue;
      ctx.report({ path: ['steps', i, 'activity'], messageId: time && output ? 'missingBoth' : time ? 'missingTime' : 'missingOutput', data: { n: i + 1 } });
    }
  },
});
