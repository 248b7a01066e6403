// What `sop lint --since` knows of each file's past (the app reads it from git; the rules read it here).
import type { CommitMeta } from '../git/lineage.js';

/** One version in the chain from the merge base to the working tree. */
export interface ChainVersion {
  /** Parsed data (undefined when it does not parse). */
  data: Record<string, any> | undefined;
  /** The commit, absent for the working tree. */
  commit?: CommitMeta;
}

/** What `sop lint --since` knows of a file's past. */
export interface BaseVersion {
  /** The ref the user gave. */
  ref: string;
  /** Merge-base commit id. */
  base: string;
  /** Repository-relative path at the merge base. */
  path: string;
  /** The version at the merge base. */
  data: Record<string, any> | undefined;
  /** Commits since the merge base that touched it, oldest first (the working tree is not included). */
  commits: ChainVersion[];
}

/** An SOP present at the merge base and gone now. */
export interface DeletedSop {
  /** Repository-relative path at the merge base. */
  path: string;
  /** Absolute path it had. */
  abs: string;
  /** Its data at the merge base. */
  data: Record<string, any> | undefined;
  /** Its path as shown to the user. */
  shown?: string;
  /** The existing file a finding about it is reported on, as shown (a deleted file cannot carry an annotation): the config, else the nearest folder. */
  anchor?: string;
}

/** The past of a lint run: base versions by shown file name, and deleted SOPs. */
export interface LintBase {
  /** The ref the user gave. */
  ref?: string;
  /** Base versions by `LoadedFile.file`. */
  byFile: Map<string, BaseVersion>;
  /** SOPs deleted since the merge base. */
  deleted: DeletedSop[];
  /** The merge-base commit. */
  base: string;
  /** Notes (shallow clone). */
  warnings: string[];
}
