import { defineRule } from '../../rule.js';

/** Codes of the business process map are unique. */
export const processUnique = defineRule({
  meta: {
    id: 'process-unique',
    scope: 'map',
    description: 'No two processes of the business process map share a `code`.',
    defaultSeverity: 'error',
    messages: { duplicate: 'The code `{{code}}` is already used by the process on line {{line}} ({{name}}); every process needs its own code.' },
  },
  check(ctx) {
    const map = ctx.repo.processMap;
    if (!map) return;
    for (const p of map.entries) {
      const first = map.byCode.get(p.code);
      if (!first || first === p) continue;
      const line = ctx.file.locator.locate([...first.path, 'code']).start.line;
      ctx.report({ path: [...p.path, 'code'], messageId: 'duplicate', data: { code: p.code, line, name: first.name } });
    }
  },
});
