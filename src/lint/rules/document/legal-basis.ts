import { defineRule } from '../../rule.js';

/** Dasar Hukum is filled in. */
export const legalBasis = defineRule({
  meta: {
    id: 'legal-basis',
    description: '`legalBasis` (Dasar Hukum) lists at least one regulation.',
    defaultSeverity: 'warn',
    messages: {
      missing: 'The SOP has no `legalBasis` (Dasar Hukum): list the laws and regulations it rests on, one per entry.',
      empty: '`legalBasis` (Dasar Hukum) is empty: list at least one law or regulation the SOP rests on.',
    },
  },
  check(ctx) {
    const lb: unknown = ctx.sop.legalBasis;
    if (lb === undefined) ctx.report({ path: [], messageId: 'missing' });
    else if (Array.isArray(lb) && lb.length === 0) ctx.report({ path: ['legalBasis'], messageId: 'empty' });
  },
});
