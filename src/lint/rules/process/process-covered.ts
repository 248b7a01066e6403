import { IN_FORCE, mapCoverage, summarize, type SopSummary } from '../../../model/processes/coverage.js';
import { defineRule } from '../../rule.js';

/** Every leaf process of the map has an SOP in force. */
export const processCovered = defineRule({
  meta: {
    id: 'process-covered',
    scope: 'map',
    description: 'Every leaf process of the business process map has an SOP in force (status `approved`, `implemented` or `evaluated` by default).',
    defaultSeverity: 'warn',
    options: { statuses: IN_FORCE },
    messages: {
      uncovered: 'Process `{{code}}` ({{name}}) has no SOP in force; write one with `process: {{code}}`, or split the process.',
      uncoveredOnly: 'Process `{{code}}` ({{name}}) has no SOP in force (only {{sops}}); write one with `process: {{code}}`, or split the process.',
    },
  },
  check(ctx) {
    const map = ctx.repo.processMap;
    if (!map) return;
    const statuses = Array.isArray(ctx.options.statuses) ? (ctx.options.statuses as string[]) : IN_FORCE;
    const sops = ctx.repo.files.map((f) => summarize(f.data)).filter((s): s is SopSummary => s !== undefined);
    const coverage = mapCoverage(map, sops, statuses);
    for (const row of coverage.rows) {
      if (row.process.children.length > 0 || row.inForce) continue;
      const sops = row.sops.map((s) => `${s.id} (${s.status})`).join(', ');
      const data = { code: row.process.code, name: row.process.name };
      if (sops) ctx.report({ path: [...row.process.path, 'code'], messageId: 'uncoveredOnly', data: { ...data, sops } });
      else ctx.report({ path: [...row.process.path, 'code'], messageId: 'uncovered', data });
    }
  },
});
