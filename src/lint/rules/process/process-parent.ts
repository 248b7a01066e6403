import { inCycle } from '../../../model/processes/build.js';
import { defineRule } from '../../rule.js';
import { closest } from '../../../model/words.js';

/** `parent` names a process of the map, agrees with the nesting, and parents form no cycle. */
export const processParent = defineRule({
  meta: {
    id: 'process-parent',
    scope: 'map',
    description: 'A process\'s `parent` names a process of the map, agrees with where the process is nested, and parents form no cycle.',
    defaultSeverity: 'error',
    messages: {
      unknown: '`parent` names "{{parent}}", but no process of the map has that code.',
      unknownHint: '`parent` names "{{parent}}", but no process of the map has that code; did you mean `{{hint}}`?',
      nesting: '`parent` says "{{parent}}", but the process is nested under `{{container}}`; remove `parent` or move the process.',
      cycle: 'Process `{{code}}` is its own ancestor: {{chain}}. A process map is a tree; break the cycle.',
    },
  },
  check(ctx) {
    const map = ctx.repo.processMap;
    if (!map) return;
    const codes = [...map.byCode.keys()];
    for (const p of map.entries) {
      const parent = p.declared.parent;
      if (parent === undefined) continue;
      const at = [...p.path, 'parent'];
      if (!map.byCode.has(parent)) {
        const hint = closest(parent, codes.filter((c) => c !== p.code));
        if (hint) ctx.report({ path: at, messageId: 'unknownHint', data: { parent, hint } });
        else ctx.report({ path: at, messageId: 'unknown', data: { parent } });
      } else if (p.container && p.container.code !== parent) {
        ctx.report({ path: at, messageId: 'nesting', data: { parent, container: p.container.code } });
      } else if (inCycle(p)) {
        const chain = [p.code];
        for (let q = p.parent; q && q !== p; q = q.parent) chain.push(q.code);
        ctx.report({ path: at, messageId: 'cycle', data: { code: p.code, chain: [...chain, p.code].join(' → ') } });
      }
    }
  },
});
