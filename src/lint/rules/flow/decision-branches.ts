import { resolveRef, type Target } from '../../../model/graph.js';
import type { Step } from '../../../model/types.js';
import { defineRule } from '../../rule.js';
import { isDecision, stepEntries, stepField } from '../support.js';

/** A decision has an explicit `ifNo`, and its two exits go to different places. */
export const decisionBranches = defineRule({
  meta: {
    id: 'decision-branches',
    description: 'A decision has `ifNo`, and its two branches (after defaults) lead to different places.',
    defaultSeverity: 'error',
    messages: {
      missingNo: '`steps[{{index}}]` (step {{step}}) is a decision but has no `ifNo`: say where the flow goes when the answer is no (a step id, a step number or `end`).',
      sameStepDefault: '`{{field}}` (step {{step}}): both branches of this decision go to step {{target}} (`ifYes` defaults to the following step); a decision needs two different exits, otherwise make it a process step.',
      sameStepExplicit: '`{{field}}` (step {{step}}): both branches of this decision go to step {{target}} (`ifYes` and `ifNo` agree); a decision needs two different exits, otherwise make it a process step.',
      sameEndDefault: '`{{field}}` (step {{step}}): both branches of this decision go to `end` (`ifYes` defaults to the following step); a decision needs two different exits, otherwise make it a process step.',
      sameEndExplicit: '`{{field}}` (step {{step}}): both branches of this decision go to `end` (`ifYes` and `ifNo` agree); a decision needs two different exits, otherwise make it a process step.',
    },
  },
  check(ctx) {
    const steps: unknown = ctx.sop.steps;
    if (!Array.isArray(steps)) return;
    for (const [i, s] of stepEntries(ctx.sop)) {
      if (!isDecision(s)) continue;
      if (s.ifNo === undefined) {
        ctx.report({ path: ['steps', i, 'type'], messageId: 'missingNo', data: { index: i, step: i + 1 } });
        continue;
      }
      if (s.ifNo === null) continue; // `ifNo:` left empty: the schema reports it
      const yesDefault = s.ifYes === undefined || s.ifYes === null;
      const yes: Target | undefined = yesDefault ? (i + 1 < steps.length ? i + 1 : 'end') : resolveRef(steps as Step[], s.ifYes);
      const no = resolveRef(steps as Step[], s.ifNo);
      if (yes === undefined || no === undefined || yes !== no) continue; // unresolved refs belong to step-ref
      ctx.report({
        path: ['steps', i, 'ifNo'],
        messageId: yes === 'end' ? (yesDefault ? 'sameEndDefault' : 'sameEndExplicit') : yesDefault ? 'sameStepDefault' : 'sameStepExplicit',
        data: { ...stepField(['steps', i, 'ifNo']), ...(yes === 'end' ? {} : { target: yes + 1 }) },
      });
    }
  },
});
