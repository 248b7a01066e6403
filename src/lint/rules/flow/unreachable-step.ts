import { reachableFromStart } from '../../../model/graph.js';
import { defineRule } from '../../rule.js';
import { trustedFlow } from '../support.js';

/** Every step can be reached from the first one. */
export const unreachableStep = defineRule({
  meta: {
    id: 'unreachable-step',
    description: 'Every step is reachable from the first step (the start).',
    defaultSeverity: 'error',
    messages: {
      unreachable: 'Step {{n}} cannot be reached from step 1: no `next`, `ifYes`, `ifNo` or default flow leads to it. Point a step at it or remove it.',
    },
  },
  check(ctx) {
    const t = trustedFlow(ctx.sop);
    if (!t) return;
    const seen = reachableFromStart(t.steps.length, t.flow.edges);
    for (let i = 0; i < t.steps.length; i++) {
      if (!seen.has(i)) ctx.report({ path: ['steps', i, 'activity'], messageId: 'unreachable', data: { n: i + 1 } });
    }
  },
});
