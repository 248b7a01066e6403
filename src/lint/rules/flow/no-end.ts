import { canReachEnd } from '../../../model/graph.js';
import { defineRule } from '../../rule.js';
import { trustedFlow } from '../support.js';

/** From every step the flow can reach an end. */
export const noEnd = defineRule({
  meta: {
    id: 'no-end',
    description: 'An end is reachable from every step (no loop without an exit).',
    defaultSeverity: 'error',
    messages: {
      noEnd: 'Step {{n}} can never reach an end: every path from it loops back without `end`. Give the loop an exit (e.g. a decision with one branch leaving it) or end the flow with `next: end`.',
    },
  },
  check(ctx) {
    const t = trustedFlow(ctx.sop);
    if (!t) return;
    const ok = canReachEnd(t.flow.edges);
    for (let i = 0; i < t.steps.length; i++) {
      if (!ok.has(i)) ctx.report({ path: ['steps', i, 'activity'], messageId: 'noEnd', data: { n: i + 1 } });
    }
  },
});
