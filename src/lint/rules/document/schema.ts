import { defineRule } from '../../rule.js';
import { validateAgainst } from '../../../model/schema/check.js';

/** The SOP file format (schemas/sop.schema.json), worded for people. */
export const schema = defineRule({
  meta: {
    id: 'schema',
    description: 'The file follows the SOP format: required keys, types, allowed values, no unknown keys.',
    defaultSeverity: 'error',
    messages: { invalid: '{{message}}' },
  },
  check(ctx) {
    for (const issue of validateAgainst('sop', ctx.sop, ctx.file)) {
      ctx.report({ path: issue.path, key: issue.path.length > 0 && /^Unknown key/.test(issue.message), messageId: 'invalid', data: { message: issue.message } });
    }
  },
});
