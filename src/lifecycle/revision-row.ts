import type { Status } from '../model/types.js';

/** One row of the "Riwayat Revisi" table in rendered documents, read from git history. */
export interface RevisionRow {
  /** The SOP's `revision` in that version. */
  revision: number;
  /** Date of the commit that entered the stage (YYYY-MM-DD, author date). */
  date: string;
  /** Stage entered. */
  stage: Status;
  /** `approval.name` (and position) in that version, when set. */
  approvedBy?: string;
  /** Short commit hash. */
  commit: string;
  /** Commit subject. */
  subject: string;
  /** `revisionNote` of the draft that starts a revision: why it was revised. */
  reason?: string;
}
