import path from 'node:path';
import { CatFile } from '../../git/cat-file.js';
import { logFolder, openRepo } from '../../git/git.js';
import { revisionRows, stageRuns } from '../../lifecycle/history.js';
import { buildLineages } from '../../git/lineage.js';
import { repoRel, stageVersions, versionData, YAML_PATHSPECS, type SopGit } from '../../git/repo.js';
import type { RevisionRow } from '../../lifecycle/revision-row.js';
import { approverOf, stageDateOf } from '../../lifecycle/status.js';

/** Reads "Riwayat Revisi" rows file by file, sharing one git log pass and one cat-file process per repository. */
export interface HistoryReader {
  /** Rows of one file (absolute path), oldest first; undefined outside git or before its first commit. */
  historyFor(absFile: string): Promise<RevisionRow[] | undefined>;
  /** Whether `dir` is in a git repository with commits (opens it for later files). */
  opens(dir: string): Promise<boolean>;
  /** End the git processes. */
  close(): Promise<void>;
}

const noteOf = (data: Record<string, any> | undefined): string | undefined => (typeof data?.revisionNote === 'string' && data.revisionNote.trim() ? data.revisionNote.trim() : undefined);

async function rowsOf(g: SopGit, abs: string): Promise<RevisionRow[] | undefined> {
  const lin = g.lineages.live.get(repoRel(g.info.root, path.resolve(abs)));
  if (!lin) return undefined;
  const runs = stageRuns(await stageVersions(g, lin.versions));
  // Each version that entered a stage is read once: its approver, the stage's date as the file gives it, and
  // the reason of a revision.
  const data = new Map<string, Record<string, any> | undefined>();
  await Promise.all(runs.map(async (r) => data.set(r.entered.blob, await versionData(g, r.entered))));
  return revisionRows(
    runs,
    (v) => approverOf(data.get(v.blob)),
    (v, stage, revision) => stageDateOf(data.get(v.blob), stage, revision),
    (v) => noteOf(data.get(v.blob)),
  );
}

/** A reader for any number of files: each repository is opened once (git rev-parse, one log pass over its YAML files, one cat-file). */
export function createHistoryReader(): HistoryReader {
  const repos = new Map<string, Promise<SopGit | undefined>>();
  const opened: SopGit[] = [];
  const byDir = new Map<string, Promise<SopGit | undefined>>();
  const inside = (dir: string) => opened.find((g) => !repoRel(g.info.root, path.join(dir, 'x')).startsWith('..'));
  const open = (dir: string): Promise<SopGit | undefined> => {
    const known = inside(dir);
    if (known) return Promise.resolve(known);
    let p = byDir.get(dir);
    if (!p) {
      p = openRepo(dir)
        .catch(() => undefined)
        .then((info) => {
          if (!info?.head) return undefined;
          let r = repos.get(info.root);
          if (!r) {
            r = logFolder(info.root, YAML_PATHSPECS).then((log) => {
              const g: SopGit = { info, pathspecs: YAML_PATHSPECS, lineages: buildLineages(log), worktree: new Map(), cat: new CatFile(info.root), warnings: [] };
              opened.push(g);
              return g;
            });
            repos.set(info.root, r);
          }
          return r;
        });
      byDir.set(dir, p);
    }
    return p;
  };
  return {
    async historyFor(absFile) {
      const g = await open(path.dirname(path.resolve(absFile)));
      return g ? rowsOf(g, absFile) : undefined;
    },
    async opens(dir) {
      return !!(await open(path.resolve(dir)));
    },
    async close() {
      await Promise.all([...repos.values()].map(async (r) => (await r.catch(() => undefined))?.cat.close()));
    },
  };
}

/**
 * "Riwayat Revisi" rows for several files of one repository: one git log pass over the repository's YAML
 * files and one cat-file process, whatever the number of files. Files outside git, or a folder that is
 * not a repository, get undefined (the table is left out silently).
 */
export async function revisionHistories(repoRoot: string, absFiles: readonly string[]): Promise<Map<string, RevisionRow[] | undefined>> {
  const reader = createHistoryReader();
  try {
    if (!(await reader.opens(repoRoot))) return new Map(absFiles.map((f) => [f, undefined]));
    const rows = await Promise.all(absFiles.map((f) => reader.historyFor(f)));
    return new Map(absFiles.map((f, i) => [f, rows[i]]));
  } finally {
    await reader.close();
  }
}

/** "Riwayat Revisi" rows of one file, oldest first; undefined without git or before its first commit. */
export async function revisionHistory(repoRoot: string, absFile: string): Promise<RevisionRow[] | undefined> {
  return (await revisionHistories(repoRoot, [absFile])).get(absFile);
}
