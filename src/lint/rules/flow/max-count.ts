import { defineRule, type Rule } from '../../rule.js';

/** A size-limit warning over one list of the SOP (`actors`, `steps`): more than `max` entries. */
export function maxCountRule(spec: { id: string; key: 'actors' | 'steps'; max: number; description: string; message: string }): Rule {
  return defineRule<'tooMany', { max: number }>({
    meta: {
      id: spec.id,
      description: spec.description,
      defaultSeverity: 'warn',
      options: { max: spec.max },
      messages: { tooMany: spec.message },
    },
    check(ctx) {
      const list: unknown = ctx.sop[spec.key];
      const max = Number(ctx.options.max);
      if (!Array.isArray(list) || !Number.isFinite(max) || list.length <= max) return;
      ctx.report({ path: [spec.key], key: true, messageId: 'tooMany', data: { count: list.length, max } });
    },
  });
}
