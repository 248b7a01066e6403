import { defineRule } from '../../rule.js';
import { isText } from '../support.js';

/** `number` follows the office's numbering pattern from `sop.config.yaml`. */
export const numberPattern = defineRule({
  meta: {
    id: 'number-pattern',
    description: '`number` matches `numbering.pattern` of sop.config.yaml, when one is set.',
    defaultSeverity: 'error',
    messages: {
      mismatch: '`number` "{{number}}" does not match the numbering pattern of {{config}}: {{pattern}}. Write it the way the office numbers its SOPs, or fix `numbering.pattern`.',
    },
  },
  check(ctx) {
    const pattern = ctx.repo.config.numbering.pattern;
    const number: unknown = ctx.sop.number;
    if (!pattern || !isText(number)) return;
    let re: RegExp;
    try {
      re = new RegExp(pattern);
    } catch {
      return; // the config loader rejects invalid patterns
    }
    if (re.test(number)) return;
    ctx.report({ path: ['number'], messageId: 'mismatch', data: { number, pattern, config: 'sop.config.yaml' } });
  },
});
