import type { Rule } from '../rule.js';

/** Not too many swim lanes. */
export const maxActors: Rule = {
  id: 'max-actors',
  description: 'At most `max` actors (default 6): more makes the flowchart columns too narrow to read.',
  defaultSeverity: 'warn',
  options: { max: 6 },
  messages: {
    tooMany: 'The SOP has {{count}} actors, more than {{max}}: the flowchart columns get too narrow to read. Merge positions that act together, or split the SOP.',
  },
  check(ctx) {
    const actors: unknown = ctx.sop.actors;
    const max = Number(ctx.options.max);
    if (!Array.isArray(actors) || !Number.isFinite(max) || actors.length <= max) return;
    ctx.report({ path: ['actors'], key: true, messageId: 'tooMany', data: { count: actors.length, max } });
  },
};
