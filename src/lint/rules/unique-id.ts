import type { Rule } from '../rule.js';
import { isText } from './support.js';

/** No two SOPs of the repository share an `id`. */
export const uniqueId: Rule = {
  id: 'unique-id',
  description: 'Every SOP `id` is unique across the repository.',
  defaultSeverity: 'error',
  messages: {
    duplicate: '`id` "{{id}}" is not unique: it is also the id of {{others}}. Each SOP needs its own id (cross-references use it).',
  },
  check(ctx) {
    const id: unknown = ctx.sop.id;
    if (!isText(id)) return;
    const others = (ctx.repo.byId.get(id) ?? []).filter((f) => f !== ctx.file).map((f) => f.file);
    if (others.length === 0) return;
    ctx.report({ path: ['id'], messageId: 'duplicate', data: { id, others: others.join(', ') } });
  },
};
