import type { LogCommit, RawChange } from './git.js';

/** The commit facts shown in history (no file list). */
export interface CommitMeta {
  /** Full commit id. */
  hash: string;
  /** Author name. */
  author: string;
  /** Author e-mail. */
  email: string;
  /** Author date, strict ISO 8601. */
  date: string;
  /** Subject line. */
  subject: string;
}

/** One committed version of a file. */
export interface Version {
  /** The commit that wrote it. */
  commit: CommitMeta;
  /** Repository-relative path in that commit. */
  path: string;
  /** Blob id of the content (all zeros for a deletion). */
  blob: string;
  /** How the commit changed the file. */
  change: RawChange['status'];
  /** Previous path, for renames. */
  oldPath?: string;
}

/** The committed history of one file, renames followed. */
export interface Lineage {
  /** Latest path (where it lives now, or where it was deleted). */
  path: string;
  /** Whether the last version is a deletion. */
  deleted: boolean;
  /** Versions, oldest first. */
  versions: Version[];
}

/** Files followed across renames. */
export interface Lineages {
  /** Live files by their current repository-relative path. */
  live: Map<string, Lineage>;
  /** Files whose last change is a deletion. */
  deleted: Lineage[];
}

const meta = (c: LogCommit): CommitMeta => ({ hash: c.hash, author: c.author, email: c.email, date: c.date, subject: c.subject });

/**
 * Follow every file through a newest-first commit list (one `git log --raw -M` pass):
 * renames move a file's history to its new path, deletions close it.
 * `keep` filters paths (e.g. the SOP glob); renames are followed whatever the old path was.
 * `from` continues the live files of an earlier walk (`log` then holds only the commits after it, and
 * `deleted` only the files deleted by those); the map is updated in place.
 */
export function buildLineages(log: readonly LogCommit[], keep: (path: string) => boolean = () => true, from?: Map<string, Lineage>): Lineages {
  const live = from ?? new Map<string, Lineage>();
  const deleted: Lineage[] = [];
  for (let i = log.length - 1; i >= 0; i--) {
    const c = log[i]!;
    const m = meta(c);
    for (const ch of c.changes) {
      const v: Version = { commit: m, path: ch.path, blob: ch.blob, change: ch.status, oldPath: ch.oldPath };
      if (ch.status === 'R' && ch.oldPath !== undefined) {
        const prev = live.get(ch.oldPath);
        live.delete(ch.oldPath);
        const lin = prev ?? { path: ch.path, deleted: false, versions: [] };
        lin.path = ch.path;
        lin.versions.push(v);
        live.set(ch.path, lin);
      } else if (ch.status === 'D') {
        const lin = live.get(ch.path);
        if (!lin) continue;
        lin.versions.push(v);
        lin.deleted = true;
        live.delete(ch.path);
        deleted.push(lin);
      } else {
        const lin = live.get(ch.path);
        if (lin) lin.versions.push(v);
        else live.set(ch.path, { path: ch.path, deleted: false, versions: [v] });
      }
    }
  }
  for (const [p] of live) if (!keep(p)) live.delete(p);
  return { live, deleted: deleted.filter((l) => keep(l.path)) };
}
