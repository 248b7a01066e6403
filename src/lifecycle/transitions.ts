import type { Status } from '../model/types.js';
import { isStatus } from '../model/stage.js';

/** A lifecycle position: stage and revision. */
export interface StagePoint {
  /** The stage. */
  status: Status;
  /** The revision counter. */
  revision: number;
}

/** What a valid change is: nothing, one step forward, a revision back to draft, or a withdrawal. */
export type TransitionKind = 'none' | 'forward' | 'revision' | 'withdraw';

/** Why a change is invalid. */
export type TransitionProblem =
  | 'skipped' // a stage was skipped (draft → implemented)
  | 'backward' // moved back without a revision (implemented → approved)
  | 'revision-required' // left approval for draft without revision + 1
  | 'revision-down' // the revision went down
  | 'revision-jump' // the revision changed by other than +1, or outside a return to draft
  | 'after-withdrawal' // a withdrawn SOP came back
  | 'unknown-stage'; // not a lifecycle stage

/** Verdict on one change of stage/revision. */
export type Transition = { ok: true; kind: TransitionKind } | { ok: false; problem: TransitionProblem };

const ORDER: Record<Exclude<Status, 'withdrawn'>, number> = { draft: 0, approved: 1, implemented: 2, evaluated: 3 };

/**
 * Check one change against the lifecycle: draft → approved → implemented → evaluated;
 * approved|implemented|evaluated → draft with revision + 1; any → withdrawn; a no-op is fine.
 */
export function checkTransition(from: { status?: string; revision?: number }, to: { status?: string; revision?: number }): Transition {
  if (!isStatus(from.status) || !isStatus(to.status)) return { ok: false, problem: 'unknown-stage' };
  const fr = from.revision ?? 0;
  const tr = to.revision ?? 0;
  if (tr < fr) return { ok: false, problem: 'revision-down' };
  if (from.status === to.status && fr === tr) return { ok: true, kind: 'none' };
  if (from.status === 'withdrawn') return { ok: false, problem: 'after-withdrawal' };
  if (to.status === 'withdrawn') return fr === tr ? { ok: true, kind: 'withdraw' } : { ok: false, problem: 'revision-jump' };
  const a = ORDER[from.status];
  const b = ORDER[to.status];
  if (to.status === 'draft') {
    if (tr === fr) return { ok: false, problem: from.status === 'draft' ? 'revision-jump' : 'revision-required' };
    if (from.status === 'draft' || tr !== fr + 1) return { ok: false, problem: 'revision-jump' };
    return { ok: true, kind: 'revision' };
  }
  if (tr !== fr) return { ok: false, problem: 'revision-jump' };
  if (b === a + 1) return { ok: true, kind: 'forward' };
  return { ok: false, problem: b > a ? 'skipped' : 'backward' };
}

/** One sentence per problem, for messages. */
export const TRANSITION_TEXT: Record<TransitionProblem, string> = {
  skipped: 'a stage was skipped; the lifecycle is draft → approved → implemented → evaluated',
  backward: 'a stage can only go back to draft, through a revision (revision + 1)',
  'revision-required': 'returning to draft needs a revision: `revision` + 1 and `dates.revised`',
  'revision-down': 'the revision went down',
  'revision-jump': 'the revision may only grow by 1, when an approved, implemented or evaluated SOP returns to draft',
  'after-withdrawal': 'a withdrawn SOP cannot come back; write a new SOP instead',
  'unknown-stage': 'the status is not a lifecycle stage',
};

/** The stage reached by a promote verb from `from` (revise returns to draft with revision + 1). */
export function targetOf(verb: Status | 'revise', from: StagePoint): StagePoint {
  if (verb === 'revise') return { status: 'draft', revision: from.revision + 1 };
  return { status: verb, revision: from.revision };
}
