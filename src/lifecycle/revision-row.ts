import type { Status } from '../model/types.js';

/** One row of the "Riwayat Revisi" table in rendered documents, read from git history. */
export interface RevisionRow {
  /** The SOP's `revision` in that version. */
  revision: number;
  /**
   * The stage's date as written in that version of the file (YYYY-MM-DD): `dates.created` for a first draft,
   * `dates.revised` for a revision, `dates.effective` when approved, `dates.implemented`, the latest evaluation;
   * the commit date when the file has none (e.g. withdrawn).
   */
  date: string;
  /** Date of the commit that entered the stage (YYYY-MM-DD, author date), shown as a secondary column. */
  commitDate: string;
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
