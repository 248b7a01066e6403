import type { Status } from '../model/types.js';
import type { Config } from '../config/types.js';
import type { WorktreeState } from '../git/git.js';
import type { CommitMeta } from '../git/lineage.js';
import { reviewDue } from './review.js';

/** One row of `sop status`. */
export interface StatusRow {
  /** File as shown (relative to cwd). */
  file: string;
  /** SOP id. */
  id: string;
  /** Nama SOP. */
  title: string;
  /** Owning unit. */
  unit: string;
  /** Stage in the working tree. */
  stage: string;
  /** Revision in the working tree. */
  revision: number | null;
  /** Date it entered its stage (author date of the commit), when committed. */
  since?: string;
  /** Short id of that commit. */
  sinceCommit?: string;
  /** `approval.position` and `approval.name` from the file. */
  approvedBy?: string;
  /** Short id of the commit that approved the current revision. */
  approvalCommit?: string;
  /** Next monitoring due. */
  nextMonitoring?: string;
  /** Monitoring overdue. */
  monitoringOverdue: boolean;
  /** Next evaluation due. */
  nextEvaluation?: string;
  /** Evaluation overdue. */
  evaluationOverdue: boolean;
  /** Content differs from the approved version of this revision. */
  changedAfterApproval: boolean;
  /** Uncommitted state of the file, if any. */
  uncommitted?: WorktreeState;
  /** The git submodule (path from the repository root) that holds the file: its history is read there. */
  submodule?: string;
  /** The file does not parse (`sop lint` says why). */
  unreadable?: true;
}

/** The git facts a row shows (`StageFacts` has them): the commit that entered the stage, the one that approved the revision. */
export interface RowFacts {
  /** The version that entered the committed stage. */
  since?: { commit: Pick<CommitMeta, 'hash' | 'date'> };
  /** The version that approved the current revision. */
  approval?: { commit: Pick<CommitMeta, 'hash'> };
}

/** What `statusRow` needs to know about one SOP. */
export interface StatusInput {
  /** File as shown. */
  file: string;
  /** Parsed working-tree data (may be partial). */
  data: Record<string, any> | undefined;
  /** From git, when available. */
  facts?: RowFacts;
  /** The content differs from the version that approved the current revision. */
  changedAfterApproval?: boolean;
  /** Uncommitted state. */
  uncommitted?: WorktreeState;
  /** The git submodule holding the file. */
  submodule?: string;
}

/** The approval line of a file: "position, name". */
export function approverOf(data: Record<string, any> | undefined): string | undefined {
  const a = data?.approval;
  if (!a || typeof a !== 'object') return undefined;
  const parts = [a.position, a.name].filter((x) => typeof x === 'string' && x.trim());
  return parts.length ? parts.join(', ') : undefined;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The date a version of an SOP file gives for the stage it is in: `dates.created` (first draft), `dates.revised`
 * (a revision's draft), `dates.effective` (approved: the signing date), `dates.implemented`, the latest
 * evaluation (evaluated); undefined when the file has none (withdrawn has no date field).
 */
export function stageDateOf(data: Record<string, any> | undefined, stage: Status, revision: number): string | undefined {
  const d = data?.dates && typeof data.dates === 'object' ? data.dates : {};
  const day = (v: unknown) => (typeof v === 'string' && ISO_DAY.test(v) ? v : undefined);
  switch (stage) {
    case 'draft':
      return revision > 0 ? day(d.revised) : day(d.created);
    case 'approved':
      return day(d.effective);
    case 'implemented':
      return day(d.implemented) ?? day(d.effective);
    case 'evaluated': {
      const evals = (Array.isArray(data?.evaluations) ? data!.evaluations : []).map((e: any) => day(e?.date)).filter(Boolean) as string[];
      return evals.sort().pop() ?? day(d.implemented) ?? day(d.effective);
    }
    default:
      return undefined;
  }
}

const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

/**
 * The fields of an SOP's data that {@link statusRow} reads (directly, through `reviewDue` and the stage): the
 * row made from them is the row made from the whole data, so a cache can keep them instead of the file.
 * Undefined when they cannot stand for the data as plain JSON (an `id` or `status` that is not text).
 */
export function statusFields(d: Record<string, any>): Record<string, unknown> | undefined {
  const text = (v: unknown) => v === undefined || v === null || typeof v === 'string';
  if (!text(d.status) || !text(d.id)) return undefined;
  const out: Record<string, unknown> = { title: str(d.title), unit: str(d.unit) };
  if (typeof d.id === 'string') out.id = d.id;
  if (typeof d.status === 'string') out.status = d.status;
  if (Number.isInteger(d.revision)) out.revision = d.revision;
  const a = d.approval;
  if (a && typeof a === 'object') out.approval = { position: typeof a.position === 'string' ? a.position : undefined, name: typeof a.name === 'string' ? a.name : undefined };
  if (typeof d.dates?.effective === 'string') out.dates = { effective: d.dates.effective };
  const dated = (v: unknown) => (v as unknown[]).filter((e: any) => e && typeof e === 'object' && typeof e.date === 'string').map((e: any) => ({ date: e.date as string }));
  if (Array.isArray(d.monitoring)) out.monitoring = dated(d.monitoring);
  if (Array.isArray(d.evaluations)) out.evaluations = dated(d.evaluations);
  return out;
}

/** Build a status row (pure: git facts, data and today are given). */
export function statusRow(input: StatusInput, review: Config['review'], today: string): StatusRow {
  const d = input.data ?? {};
  const stage = str(d.status);
  const due = reviewDue(d, review, today);
  const approved = ['approved', 'implemented', 'evaluated'].includes(stage);
  return {
    file: input.file,
    id: str(d.id),
    title: str(d.title),
    unit: str(d.unit),
    stage,
    revision: Number.isInteger(d.revision) ? (d.revision as number) : null,
    since: input.facts?.since?.commit.date.slice(0, 10),
    sinceCommit: input.facts?.since?.commit.hash.slice(0, 7),
    approvedBy: approved || stage === 'withdrawn' ? approverOf(d) : undefined,
    approvalCommit: input.facts?.approval?.commit.hash.slice(0, 7),
    ...due,
    changedAfterApproval: approved && input.changedAfterApproval === true,
    uncommitted: input.uncommitted,
    ...(input.submodule ? { submodule: input.submodule } : {}),
    ...(input.data ? {} : { unreadable: true as const }),
  };
}
