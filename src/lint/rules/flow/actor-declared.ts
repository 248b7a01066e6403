import { defineRule } from '../../rule.js';
import { closest } from '../../../model/words.js';
import { actorEntries, isText, stepEntries, where } from '../support.js';

/** Every step's actor is declared, and actor ids are unique. */
export const actorDeclared = defineRule({
  meta: {
    id: 'actor-declared',
    description: "Each step's `actor` is the id of a declared actor; actor ids are unique.",
    defaultSeverity: 'error',
    messages: {
      undeclared: '{{where}} must be one of the declared actors: {{declared}} (got "{{actor}}"){{hint}}',
      duplicate: '{{where}} repeats the actor id "{{id}}" already declared at `actors[{{first}}]`; actor ids must be unique (each is one column of the flowchart).',
    },
  },
  check(ctx) {
    const actors = actorEntries(ctx.sop);
    const firstIndex = new Map<string, number>();
    for (const [i, a] of actors) {
      if (!isText(a.id)) continue;
      const first = firstIndex.get(a.id);
      if (first === undefined) firstIndex.set(a.id, i);
      else ctx.report({ path: ['actors', i, 'id'], messageId: 'duplicate', data: { where: where(['actors', i, 'id']), id: a.id, first } });
    }
    // Without a usable actor list the schema has already complained; checking steps would be noise.
    if (!Array.isArray(ctx.sop.actors) || firstIndex.size === 0) return;
    const declared = [...firstIndex.keys()];
    for (const [i, s] of stepEntries(ctx.sop)) {
      if (!isText(s.actor) || firstIndex.has(s.actor)) continue;
      const hint = closest(s.actor, declared);
      ctx.report({
        path: ['steps', i, 'actor'],
        messageId: 'undeclared',
        data: { where: where(['steps', i, 'actor']), declared: declared.join(', '), actor: s.actor, hint: hint ? `; did you mean \`${hint}\`?` : '.' },
      });
    }
  },
});
