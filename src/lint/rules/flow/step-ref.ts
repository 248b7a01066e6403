import { buildFlow } from '../../../model/graph.js';
import type { Step } from '../../../model/types.js';
import { defineRule } from '../../rule.js';
import { closest } from '../../../model/words.js';
import { isDecision, isRefShape, isText, stepEntries, stepField } from '../support.js';

const PROCESS_ONLY = ['next'] as const;
const DECISION_ONLY = ['ifYes', 'ifNo', 'labels'] as const;

/** Step references resolve, step ids are unique, and branch keys sit on the right kind of step. */
export const stepRef = defineRule({
  meta: {
    id: 'step-ref',
    description: '`next`, `ifYes` and `ifNo` name existing steps; step ids are unique; branch keys only on decisions, `next` only on process steps.',
    defaultSeverity: 'error',
    messages: {
      unknownIdHint: '`{{field}}` (step {{step}}) names the step id "{{ref}}", but no step has that id; did you mean `{{hint}}`?',
      unknownIdList: '`{{field}}` (step {{step}}) names the step id "{{ref}}", but no step has that id. Step ids: {{ids}}; or use a step number or `end`.',
      unknownIdNone: '`{{field}}` (step {{step}}) names the step id "{{ref}}", but no step has that id. No step has an `id`: add `id: {{ref}}` to the target step, or use its number or `end`.',
      badNumber: '`{{field}}` (step {{step}}) names step {{ref}}, but the SOP has {{count}} steps; use a number from 1 to {{count}}, a step id or `end`.',
      duplicateId: '`{{field}}` (step {{step}}) repeats the step id "{{id}}" of step {{first}}; step ids must be unique so references are unambiguous.',
      nextOnDecision: '`{{field}}` (step {{step}}): `next` is ignored on a decision step; use `ifYes` and `ifNo` for its two exits.',
      branchOnProcess: '`{{field}}` (step {{step}}): `{{key}}` is only used on decision steps (`type: decision`) and would be ignored here; use `next` for a process step, or make it `type: decision`.',
      labelsOnProcess: '`{{field}}` (step {{step}}): `labels` is only used on decision steps (`type: decision`) and would be ignored here; remove it, or make the step `type: decision`.',
    },
  },
  check(ctx) {
    const steps: unknown = ctx.sop.steps;
    if (!Array.isArray(steps)) return;
    const entries = stepEntries(ctx.sop);
    const firstById = new Map<string, number>();
    for (const [i, s] of entries) {
      if (!isText(s.id)) continue;
      const first = firstById.get(s.id);
      if (first === undefined) firstById.set(s.id, i);
      else ctx.report({ path: ['steps', i, 'id'], messageId: 'duplicateId', data: { ...stepField(['steps', i, 'id']), id: s.id, first: first + 1 } });
    }
    for (const [i, s] of entries) {
      const decision = isDecision(s);
      // An unknown `type` is the schema's business; say nothing about its keys.
      if (!decision && s.type !== undefined && s.type !== 'process') continue;
      for (const key of decision ? PROCESS_ONLY : DECISION_ONLY) {
        if (!(key in s)) continue;
        const path = ['steps', i, key];
        if (decision) ctx.report({ path, key: true, messageId: 'nextOnDecision', data: stepField(path) });
        else {
          if (key === 'labels') ctx.report({ path, key: true, messageId: 'labelsOnProcess', data: stepField(path) });
          else ctx.report({ path, key: true, messageId: 'branchOnProcess', data: { ...stepField(path), key } });
        }
      }
    }
    const ids = [...firstById.keys()];
    for (const bad of buildFlow(steps as Step[]).badRefs) {
      if (!isRefShape(bad.ref)) continue; // the schema words malformed references
      const path = ['steps', bad.from, bad.key];
      if (typeof bad.ref === 'number') {
        ctx.report({ path, messageId: 'badNumber', data: { ...stepField(path), ref: bad.ref, count: steps.length } });
      } else {
        const hint = closest(bad.ref, ids);
        const at = { ...stepField(path), ref: bad.ref };
        if (hint) ctx.report({ path, messageId: 'unknownIdHint', data: { ...at, hint } });
        else if (ids.length) ctx.report({ path, messageId: 'unknownIdList', data: { ...at, ids: ids.join(', ') } });
        else ctx.report({ path, messageId: 'unknownIdNone', data: at });
      }
    }
  },
});
