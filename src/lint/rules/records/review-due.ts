import { reviewDue } from '../../../lifecycle/review.js';
import type { DocPath } from '../../../model/types.js';
import { defineRule } from '../../rule.js';
import { isObj, validDate } from '../support.js';

/** Path of the latest dated entry of a record list, or undefined. */
function latestEntry(sop: Record<string, any>, list: 'monitoring' | 'evaluations'): DocPath | undefined {
  const entries: unknown = sop[list];
  if (!Array.isArray(entries)) return undefined;
  let best: { i: number; d: string } | undefined;
  entries.forEach((e, i) => {
    const d = isObj(e) ? validDate(e.date) : undefined;
    if (d && (!best || d >= best.d)) best = { i, d };
  });
  return best ? [list, best.i, 'date'] : undefined;
}

/** Monitoring and evaluation are not overdue (as of `--today`), by the config's review intervals. */
export const reviewDueRule = defineRule({
  meta: {
    id: 'review-due',
    description: 'Monitoring (every `review.monitoringMonths`) and evaluation (every `review.evaluationMonths`) of an SOP in force are not overdue as of today (`sop lint --today`).',
    defaultSeverity: 'warn',
    messages: {
      monitoring: 'Monitoring is overdue: it was due on {{due}} ({{months}} months after dates.effective {{since}}), as of {{today}}. Record one with `sop monitor {{id}}`.',
      monitoringAgain: 'Monitoring is overdue: it was due on {{due}} ({{months}} months after the last monitoring on {{since}}), as of {{today}}. Record one with `sop monitor {{id}}`.',
      evaluation: 'Evaluation is overdue: it was due on {{due}} ({{months}} months after dates.effective {{since}}), as of {{today}}. Record one with `sop evaluate {{id}}`.',
      evaluationAgain: 'Evaluation is overdue: it was due on {{due}} ({{months}} months after the last evaluation on {{since}}), as of {{today}}. Record one with `sop evaluate {{id}}`.',
    },
  },
  check(ctx) {
    const today = ctx.repo.today;
    if (!today || !isObj(ctx.sop.dates) || !validDate(ctx.sop.dates.effective)) return;
    const review = ctx.repo.config.review;
    const due = reviewDue(ctx.sop, review, today);
    const id = typeof ctx.sop.id === 'string' ? ctx.sop.id : '<id>';
    const report = (list: 'monitoring' | 'evaluations', dueOn: string, months: number) => {
      const last = latestEntry(ctx.sop, list);
      const path = last ?? ['dates', 'effective'];
      const since: string = last ? (ctx.sop[list] as Array<{ date: string }>)[last[1] as number]!.date : ctx.sop.dates.effective;
      const messageId = list === 'monitoring' ? (last ? 'monitoringAgain' : 'monitoring') : last ? 'evaluationAgain' : 'evaluation';
      ctx.report({ path, messageId, data: { due: dueOn, months, since, today, id } });
    };
    if (due.monitoringOverdue && due.nextMonitoring) report('monitoring', due.nextMonitoring, review.monitoringMonths);
    if (due.evaluationOverdue && due.nextEvaluation) report('evaluations', due.nextEvaluation, review.evaluationMonths);
  },
});
