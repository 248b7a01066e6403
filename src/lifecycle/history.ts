import type { Status } from '../model/types.js';
import type { RevisionRow } from './revision-row.js';
import type { StagedVersion } from '../git/repo.js';
export type { StagedVersion } from '../git/repo.js';
import { isStatus, type StageInfo } from '../model/stage.js';
import { checkTransition, type Transition } from './transitions.js';
import type { CommitMeta } from '../git/lineage.js';
import type { SemanticDiff } from './semantic-diff.js';

/** One entry of an SOP's timeline: a commit, or the uncommitted working tree. */
export interface HistoryEntry {
  /** The commit (absent for the working tree). */
  commit?: CommitMeta;
  /** Path of the file in this version. */
  path: string;
  /** Previous path when renamed. */
  renamedFrom?: string;
  /** A added, M modified, R renamed, D deleted; W uncommitted working tree. */
  change: 'A' | 'M' | 'D' | 'R' | 'C' | 'T' | 'W';
  /** Stage facts in this version. */
  stage: StageInfo;
  /** Stage or revision change from the previous version, with its verdict. */
  transition?: { from: StageInfo; to: StageInfo; verdict: Transition };
  /** What changed from the previous version. */
  diff: SemanticDiff;
  /** One-line summary of `diff`. */
  summary: string;
  /** Who made the stage change, from the SOP itself (the approving official, the evaluator), when it says. */
  actor?: HistoryActor;
}

/** The person the SOP names for a stage change. */
export interface HistoryActor {
  /** What they did: `approved` or `evaluated`. */
  did: 'approved' | 'evaluated';
  /** Their name. */
  name: string;
  /** Their position (jabatan), when given. */
  position?: string;
}


/** A stretch of history spent in one (stage, revision). */
export interface StageRun {
  /** The stage. */
  status?: string;
  /** The revision. */
  revision?: number;
  /** The version that entered it. */
  entered: StagedVersion;
  /** Later commits made in the same stage (edits, renames). */
  edits: StagedVersion[];
  /** Verdict on the change from the previous run (none for the first). */
  transition?: Transition;
}

const key = (s: StageInfo) => `${s.status ?? ''}\u0000${s.revision ?? ''}`;

/** Group oldest-first versions into stage runs; deletions are left out (the lineage says whether it was deleted). */
export function stageRuns(versions: readonly StagedVersion[]): StageRun[] {
  const runs: StageRun[] = [];
  for (const v of versions) {
    if (v.change === 'D') continue;
    const last = runs.at(-1);
    if (last && key(last.entered.stage) === key(v.stage)) {
      last.edits.push(v);
      continue;
    }
    runs.push({
      status: v.stage.status,
      revision: v.stage.revision,
      entered: v,
      edits: [],
      transition: last ? checkTransition(last.entered.stage, v.stage) : undefined,
    });
  }
  return runs;
}

/** The lifecycle facts `sop status` shows. */
export interface StageFacts {
  /** The version that entered the committed stage, when the working tree is in that same stage. */
  since?: StagedVersion;
  /** The version that approved the current revision. */
  approval?: StagedVersion;
}

/** Since when the SOP is in `current`, and which commit approved its revision. */
export function stageFacts(runs: readonly StageRun[], current: StageInfo): StageFacts {
  const last = runs.at(-1);
  const since = last && key(last.entered.stage) === key(current) ? last.entered : undefined;
  let approval: StagedVersion | undefined;
  if (current.status !== 'draft') {
    for (let i = runs.length - 1; i >= 0; i--) {
      const r = runs[i]!;
      if (r.revision !== current.revision) break;
      if (r.status === 'approved') {
        approval = r.entered;
        break;
      }
    }
  }
  return { since, approval };
}

/**
 * Rows of the "Riwayat Revisi" table: one per stage entered, oldest first. `approver` gives the approval line
 * of a version, `fileDate` the stage's date as the file gives it, `reason` its `revisionNote` (shown on the
 * draft row that starts a revision).
 */
export function revisionRows(
  runs: readonly StageRun[],
  approver: (v: StagedVersion) => string | undefined,
  fileDate: (v: StagedVersion, stage: Status, revision: number) => string | undefined = () => undefined,
  reason?: (v: StagedVersion) => string | undefined,
): RevisionRow[] {
  const rows: RevisionRow[] = [];
  for (const r of runs) {
    if (!isStatus(r.status) || r.revision === undefined) continue;
    const v = r.entered;
    const commitDate = v.commit.date.slice(0, 10);
    rows.push({
      revision: r.revision,
      date: fileDate(v, r.status, r.revision) ?? commitDate,
      commitDate,
      stage: r.status,
      approvedBy: r.status === 'draft' ? undefined : approver(v),
      commit: v.commit.hash.slice(0, 7),
      subject: v.commit.subject,
      ...(r.status === 'draft' && r.revision > 0 && reason?.(v) ? { reason: reason(v) } : {}),
    });
  }
  return rows;
}
