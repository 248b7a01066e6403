import { defineRule } from '../../rule.js';
import { validateAgainst } from '../../../model/schema/check.js';
import { SCHEMA_MESSAGES } from '../../../model/messages.js';

/** The business process map follows schemas/processes.schema.json; categories are set at Level 0 and not contradicted below. */
// Its ids are the schema messages (SCHEMA_MESSAGES, one per shape) and the two below.
export const processSchema = defineRule<string>({
  meta: {
    id: 'process-schema',
    scope: 'map',
    description: 'The business process map (processes.yaml) follows its format: required keys, types, allowed values, no unknown keys; each Level 0 process has a `category`.',
    defaultSeverity: 'error',
    messages: {
      ...SCHEMA_MESSAGES,
      noCategory: 'Level 0 process `{{code}}` needs a `category`: `manajemen`, `inti` or `pendukung`.',
      otherCategory: 'Process `{{code}}` has category `{{category}}`, but it lies under the Level 0 process `{{root}}` ({{rootCategory}}); a lower process keeps its Level 0 category. Remove `category` here.',
    },
  },
  check(ctx) {
    const issues = validateAgainst('processes', ctx.sop, ctx.file);
    for (const issue of issues) {
      ctx.report({ path: issue.path, key: issue.key, messageId: issue.messageId, data: issue.data });
    }
    const map = ctx.repo.processMap;
    if (!map || issues.length > 0) return;
    for (const p of map.entries) {
      if (p.level === 0 && p.declared.category === undefined) ctx.report({ path: [...p.path, 'code'], messageId: 'noCategory', data: { code: p.code } });
      if (p.level === undefined || p.level === 0 || p.declared.category === undefined || p.category === undefined || p.declared.category === p.category) continue;
      let root = p;
      while (root.parent) root = root.parent;
      ctx.report({ path: [...p.path, 'category'], messageId: 'otherCategory', data: { code: p.code, category: p.declared.category, root: root.code, rootCategory: p.category } });
    }
  },
});
