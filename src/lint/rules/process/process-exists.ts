import { defineRule } from '../../rule.js';
import { closest } from '../../../model/words.js';
import { isText } from '../support.js';

/** An SOP's `process` is a code of the business process map. */
export const processExists = defineRule({
  meta: {
    id: 'process-exists',
    description: 'An SOP\'s `process` names a process of the business process map (when the repository has one).',
    defaultSeverity: 'error',
    messages: {
      missing: '`process` names "{{code}}", but the business process map ({{map}}) has no process with that code.',
      missingHint: '`process` names "{{code}}", but the business process map ({{map}}) has no process with that code; did you mean `{{hint}}`?',
    },
  },
  check(ctx) {
    const map = ctx.repo.processMap;
    const code: unknown = ctx.sop.process;
    // An unreadable map is reported on the map; checking codes against it would only add noise.
    if (!map || map.file.data === undefined || !isText(code) || map.byCode.has(code)) return;
    const hint = closest(code, map.byCode.keys());
    if (hint) ctx.report({ path: ['process'], messageId: 'missingHint', data: { code, map: map.file.file, hint } });
    else ctx.report({ path: ['process'], messageId: 'missing', data: { code, map: map.file.file } });
  },
});
