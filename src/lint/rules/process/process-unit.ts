import { defineRule } from '../../rule.js';
import { isText } from '../support.js';

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** An SOP belongs to the unit that owns its process. */
export const processUnit = defineRule({
  meta: {
    id: 'process-unit',
    description: 'An SOP\'s `unit` is the owner of its process in the business process map.',
    defaultSeverity: 'warn',
    messages: {
      other: '`unit` is "{{unit}}", but process `{{code}}` is owned by "{{owner}}" ({{where}}); move the SOP to the owner, or correct the owner in the map.',
    },
  },
  check(ctx) {
    const map = ctx.repo.processMap;
    const code: unknown = ctx.sop.process;
    const unit: unknown = ctx.sop.unit;
    if (!map || !isText(code) || !isText(unit)) return;
    const process = map.byCode.get(code);
    if (!process?.owner || norm(process.owner) === norm(unit)) return;
    // Where the owner is written: the process's own `unit`, or the ancestor it inherits from.
    let from = process;
    while (from.declared.unit === undefined && from.parent) from = from.parent;
    const r = map.file.locator.locate([...from.path, 'unit']);
    ctx.report({ path: ['unit'], messageId: 'other', data: { unit, code, owner: process.owner, where: `${map.file.file}:${r.start.line}:${r.start.column}` } });
  },
});
