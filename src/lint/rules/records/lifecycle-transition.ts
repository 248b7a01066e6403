import { contentOf, sameContent } from '../../../lifecycle/content.js';
import { semanticDiff, summarizeDiff, type SemanticDiff } from '../../../lifecycle/semantic-diff.js';
import type { DocPath } from '../../../model/types.js';
import { checkTransition, TRANSITION_TEXT, type TransitionProblem } from '../../../lifecycle/transitions.js';
import { defineRule } from '../../rule.js';

interface Point {
  data: Record<string, any>;
  where: string;
}

const APPROVED = new Set(['approved', 'implemented', 'evaluated']);
const stage = (d: Record<string, any>) => `${String(d.status)} r${String(d.revision)}`;

/** The message id of each invalid change: one message per reason, so the reason is worded in each language. */
const INVALID = {
  skipped: 'skipped',
  backward: 'backward',
  'revision-required': 'revisionRequired',
  'revision-down': 'revisionDown',
  'revision-jump': 'revisionJump',
  'after-withdrawal': 'afterWithdrawal',
  'unknown-stage': 'unknownStage',
} as const satisfies Record<TransitionProblem, string>;

const invalid = Object.fromEntries(
  (Object.keys(INVALID) as TransitionProblem[]).map((p) => [INVALID[p], `{{from}} → {{to}} ({{where}}) is not a valid lifecycle change since {{ref}}: ${TRANSITION_TEXT[p]}.`]),
) as Record<(typeof INVALID)[TransitionProblem], string>;

const MESSAGES = {
  ...invalid,
  contentChanged: 'The content changed after approval without a revision ({{stage}}, since {{where}}): {{summary}}. Start a revision (`sop revise {{id}}`: revision + 1, back to draft) or undo the change.',
  idChanged: 'The id changed from `{{from}}` to `{{to}}` since {{ref}}; an id is stable (other SOPs and documents cite it). Keep `{{from}}`, or withdraw this SOP and add a new one.',
  deleted: '{{id}} ({{stage}} at {{ref}}, file {{path}}) was deleted instead of withdrawn. Restore the file and set `status: withdrawn` (`sop withdraw {{id}}`), so the record of the SOP stays.',
};

/** Where a content change shows in the current file: the first step added or changed (its changed key), else the first field or actor still there. */
function changedAt(d: SemanticDiff, now: Record<string, any>): DocPath | undefined {
  const step = d.steps.find((c) => c.kind !== 'removed');
  if (step) {
    const key = step.kind === 'changed' ? step.keys.find((k) => step.after?.[k] !== undefined) : undefined;
    return key ? ['steps', step.number - 1, key] : ['steps', step.number - 1];
  }
  const field = d.fields.find((f) => f.after !== undefined);
  if (field) return field.path.split('.');
  const actor = d.actors.find((a) => a.kind !== 'removed');
  const index = actor && Array.isArray(now.actors) ? now.actors.findIndex((a: unknown) => (a as { id?: unknown } | null)?.id === actor.id) : -1;
  return index >= 0 ? ['actors', index] : undefined;
}

/** With `sop lint --since <ref>`: every SOP changed only along the lifecycle since the merge base. */
export const lifecycleTransition = defineRule({
  meta: {
    id: 'lifecycle-transition',
    description: 'With `--since <ref>`: no invalid or skipped stage change, no content change after approval without a revision, no revision going down, no id change, no SOP deleted instead of withdrawn.',
    defaultSeverity: 'error',
    messages: MESSAGES,
  },
  check(ctx) {
    const b = ctx.run.since?.byFile.get(ctx.file.file);
    if (!b || !b.data) return;
    const ref = `\`${b.ref}\``;
    const chain: Point[] = [{ data: b.data, where: `${b.ref}, merge base ${b.base.slice(0, 7)}` }];
    for (const c of b.commits) if (c.data) chain.push({ data: c.data, where: `commit ${c.commit?.hash.slice(0, 7)} "${c.commit?.subject}"` });
    chain.push({ data: ctx.sop, where: 'working tree' });

    for (let i = 1; i < chain.length; i++) {
      const p = chain[i - 1]!;
      const q = chain[i]!;
      const t = checkTransition(p.data, q.data);
      if (t.ok) continue;
      const at = t.problem.startsWith('revision') ? 'revision' : 'status';
      ctx.report({ path: [at], messageId: INVALID[t.problem], data: { from: stage(p.data), to: stage(q.data), where: q.where, ref } });
      break;
    }

    // Content: within each stretch of one revision, from its first approved-or-later version to its last.
    let start = 0;
    for (let i = 1; i <= chain.length; i++) {
      if (i < chain.length && chain[i]!.data.revision === chain[start]!.data.revision) continue;
      const seg = chain.slice(start, i);
      const from = seg.find((v) => APPROVED.has(v.data.status));
      const last = seg.at(-1)!;
      if (from && from !== last && !sameContent(from.data, last.data)) {
        const diff = semanticDiff(contentOf(from.data), contentOf(last.data));
        const summary = summarizeDiff(diff);
        // In the working tree the change itself is marked (a changed step, not only `revision:`).
        const at = i === chain.length ? changedAt(diff, ctx.sop) : undefined;
        ctx.report({ path: at ?? ['revision'], messageId: 'contentChanged', data: { stage: stage(from.data), where: from.where, summary, id: String(ctx.sop.id ?? '') } });
        break;
      }
      start = i;
    }

    if (typeof b.data.id === 'string' && ctx.sop.id !== b.data.id) {
      ctx.report({ path: ['id'], messageId: 'idChanged', data: { from: b.data.id, to: String(ctx.sop.id), ref } });
    }
  },
  // SOPs deleted since the merge base without being withdrawn: on line 1 of the file the app chose (the config, or the nearest folder).
  checkRepository(ctx) {
    const since = ctx.run.since;
    if (!since) return;
    for (const d of since.deleted) {
      if (!d.data || d.data.status === 'withdrawn') continue;
      ctx.report({
        file: d.anchor ?? d.shown ?? d.path,
        messageId: 'deleted',
        data: { id: String(d.data.id ?? d.path), stage: stage(d.data), ref: `\`${since.ref ?? since.base}\``, path: d.shown ?? d.path },
      });
    }
  },
});
