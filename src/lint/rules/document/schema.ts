import { defineRule } from '../../rule.js';
import { validateAgainst } from '../../../model/schema/check.js';
import { SCHEMA_MESSAGES } from '../../../model/messages.js';

/** The SOP file format (schemas/sop.schema.json), worded for people. */
export const schema = defineRule({
  meta: {
    id: 'schema',
    description: 'The file follows the SOP format: required keys, types, allowed values, no unknown keys.',
    defaultSeverity: 'error',
    messages: SCHEMA_MESSAGES,
  },
  check(ctx) {
    for (const issue of validateAgainst('sop', ctx.sop, ctx.file)) {
      ctx.report({ path: issue.path, key: issue.key, messageId: issue.messageId, data: issue.data });
    }
  },
});
