import { defineRule } from '../../rule.js';
import { isDecision, listWords, stepEntries } from '../support.js';

/** Process steps state their Mutu Baku: time and output. */
export const qualityStandard = defineRule({
  meta: {
    id: 'quality-standard',
    description: 'Each process step states its Mutu Baku `time` and `output` (decisions need no output).',
    defaultSeverity: 'warn',
    messages: {
      missing: 'Step {{n}} has no {{missing}} (Mutu Baku): the printed table would show an empty cell. Add {{what}}.',
    },
  },
  check(ctx) {
    for (const [i, s] of stepEntries(ctx.sop)) {
      if (s.type !== undefined && s.type !== 'process' && s.type !== 'decision') continue;
      const missing: string[] = [];
      if (s.time === undefined) missing.push('`time`'); // `time:` left empty (null) is the schema's
      if (!isDecision(s) && s.output === undefined) missing.push('`output`');
      if (missing.length === 0) continue;
      const what = missing.length === 2 ? 'how long it takes (e.g. `time: 15 menit`) and what it produces (`output`)' : missing[0] === '`time`' ? 'how long it takes, e.g. `time: 15 menit`' : 'what it produces, e.g. `output: Surat tercatat`';
      ctx.report({ path: ['steps', i, 'activity'], messageId: 'missing', data: { n: i + 1, missing: listWords(missing), what } });
    }
  },
});
