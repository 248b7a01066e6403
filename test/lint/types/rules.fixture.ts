// Compiled by test/lint/rule-types.test.ts (never run): each marked line must be a type error.
import { defineRule } from '../../../src/lint/rule.js';

export const good = defineRule({
  meta: { id: 'good', description: 'd', defaultSeverity: 'warn', options: { max: 3 }, messages: { duplicate: '{{value}}', other: 'x' } },
  check(ctx) {
    const max: number = ctx.options.max;
    ctx.report({ path: [], messageId: 'duplicate', data: { value: max } });
    ctx.report({ path: [], messageId: 'other' });
    // @expect-error unknown message id
    ctx.report({ path: [], messageId: 'dupliate' });
    // @expect-error an option without a default
    ctx.report({ path: [], messageId: 'other', data: { x: ctx.options.min } });
  },
});

export const explicit = defineRule<'tooMany', { max: number }>({
  meta: { id: 'explicit', description: 'd', defaultSeverity: 'warn', options: { max: 25 }, messages: { tooMany: '{{count}}' } },
  check(ctx) {
    ctx.report({ path: [], messageId: 'tooMany', data: { count: ctx.options.max } });
    // @expect-error an id outside the declared union
    ctx.report({ path: [], messageId: 'tooFew' });
  },
});

// @expect-error a message the declared ids lack
export const missing = defineRule<'a' | 'b', object>({ meta: { id: 'm', description: 'd', defaultSeverity: 'warn', messages: { a: 'x' } }, check() {} });
