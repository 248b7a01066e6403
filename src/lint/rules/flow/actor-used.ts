import { defineRule } from '../../rule.js';
import { actorEntries, isText, stepEntries } from '../support.js';

/** Every declared actor carries at least one step. */
export const actorUsed = defineRule({
  meta: {
    id: 'actor-used',
    description: 'Each declared actor has at least one step (an empty column is usually a leftover).',
    defaultSeverity: 'warn',
    messages: {
      unused: 'Actor "{{id}}" (`actors[{{index}}]`) has no step: no step names it in `actor`. Give it a step or remove it (it would be an empty column).',
    },
  },
  check(ctx) {
    if (!Array.isArray(ctx.sop.steps)) return;
    const used = new Set(stepEntries(ctx.sop).map(([, s]) => s.actor));
    const seen = new Set<string>();
    for (const [i, a] of actorEntries(ctx.sop)) {
      if (!isText(a.id) || seen.has(a.id)) continue;
      seen.add(a.id);
      if (!used.has(a.id)) ctx.report({ path: ['actors', i, 'id'], messageId: 'unused', data: { id: a.id, index: i } });
    }
  },
});
