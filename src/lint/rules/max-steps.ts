import type { Rule } from '../rule.js';

/** Not too many steps. */
export const maxSteps: Rule = {
  id: 'max-steps',
  description: 'At most `max` steps (default 25): a longer procedure is hard to follow and to print.',
  defaultSeverity: 'warn',
  options: { max: 25 },
  messages: {
    tooMany: 'The SOP has {{count}} steps, more than {{max}}: a procedure this long is hard to follow and spans many pages. Split it into several SOPs linked with `related`.',
  },
  check(ctx) {
    const steps: unknown = ctx.sop.steps;
    const max = Number(ctx.options.max);
    if (!Array.isArray(steps) || !Number.isFinite(max) || steps.length <= max) return;
    ctx.report({ path: ['steps'], key: true, messageId: 'tooMany', data: { count: steps.length, max } });
  },
};
