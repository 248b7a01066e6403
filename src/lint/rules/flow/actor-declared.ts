import { defineRule } from '../../rule.js';
import { closest } from '../../../model/words.js';
import { actorEntries, isText, stepEntries, stepField } from '../support.js';

/** Every step's actor is declared, and actor ids are unique. */
export const actorDeclared = defineRule({
  meta: {
    id: 'actor-declared',
    description: "Each step's `actor` is the id of a declared actor; actor ids are unique.",
    defaultSeverity: 'error',
    messages: {
      undeclared: '`{{field}}` (step {{step}}) must be one of the declared actors: {{declared}} (got "{{actor}}").',
      undeclaredHint: '`{{field}}` (step {{step}}) must be one of the declared actors: {{declared}} (got "{{actor}}"); did you mean `{{hint}}`?',
      duplicate: '`actors[{{index}}].id` repeats the actor id "{{id}}" already declared at `actors[{{first}}]`; actor ids must be unique (each is one column of the flowchart).',
    },
  },
  check(ctx) {
    const actors = actorEntries(ctx.sop);
    const firstIndex = new Map<string, number>();
    for (const [i, a] of actors) {
      if (!isText(a.id)) continue;
      const first = firstIndex.get(a.id);
      if (first === undefined) firstIndex.set(a.id, i);
      else ctx.report({ path: ['actors', i, 'id'], messageId: 'duplicate', data: { index: i, id: a.id, first } });
    }
    // Without a usable actor list the schema has already complained; checking steps would be noise.
    if (!Array.isArray(ctx.sop.actors) || firstIndex.size === 0) return;
    const declared = [...firstIndex.keys()];
    for (const [i, s] of stepEntries(ctx.sop)) {
      if (!isText(s.actor) || firstIndex.has(s.actor)) continue;
      const hint = closest(s.actor, declared);
      ctx.report({
        path: ['steps', i, 'actor'],
        messageId: hint ? 'undeclaredHint' : 'undeclared',
        data: { ...stepField(['steps', i, 'actor']), declared: declared.join(', '), actor: s.actor, ...(hint ? { hint } : {}) },
      });
    }
  },
});
