import type { Rule } from '../rule.js';
import { isText } from './support.js';

/** No two SOPs of the repository share a `number`. */
export const uniqueNumber: Rule = {
  id: 'unique-number',
  description: 'Every SOP `number` (Nomor SOP) is unique across the repository.',
  defaultSeverity: 'error',
  messages: {
    duplicate: '`number` "{{number}}" is not unique: it is also the number of {{others}}. Each SOP needs its own Nomor SOP.',
  },
  check(ctx) {
    const number: unknown = ctx.sop.number;
    if (!isText(number)) return;
    const others = (ctx.repo.byNumber.get(number) ?? []).filter((f) => f !== ctx.file).map((f) => f.file);
    if (others.length === 0) return;
    ctx.report({ path: ['number'], messageId: 'duplicate', data: { number, others: others.join(', ') } });
  },
};
