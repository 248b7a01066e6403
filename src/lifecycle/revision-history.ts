import path from 'node:path';
import { CatFile } from './cat-file.js';
import { logFolder, openRepo } from './git.js';
import { revisionRows, stageRuns } from './history.js';
import { buildLineages } from './lineage.js';
import { repoRel, stageVersions, versionData, YAML_PATHSPECS, type SopGit } from './repo.js';
import type { RevisionRow } from './revision-row.js';
import { approverOf } from './status.js';

/**
 * "Riwayat Revisi" rows for several files of one repository: one git log pass over the repository's YAML
 * files and one cat-file process, whatever the number of files. Files outside git, or a folder that is
 * not a repository, get undefined (the table is left out silently).
 */
export async function revisionHistories(repoRoot: string, absFiles: readonly string[]): Promise<Map<string, RevisionRow[] | undefined>> {
  const out = new Map<string, RevisionRow[] | undefined>(absFiles.map((f) => [f, undefined]));
  const info = await openRepo(repoRoot).catch(() => undefined);
  if (!info?.head) return out;
  const log = await logFolder(info.root, YAML_PATHSPECS);
  const g: SopGit = { info, pathspecs: YAML_PATHSPECS, lineages: buildLineages(log), worktree: new Map(), cat: new CatFile(info.root), warnings: [] };
  try {
    await Promise.all(
      absFiles.map(async (abs) => {
        const lin = g.lineages.live.get(repoRel(info.root, path.resolve(abs)));
        if (!lin) return;
        const runs = stageRuns(await stageVersions(g, lin.versions));
        const approvers = new Map<string, string | undefined>();
        await Promise.all(runs.filter((r) => r.status !== 'draft').map(async (r) => approvers.set(r.entered.blob, approverOf(await versionData(g, r.entered)))));
        out.set(abs, revisionRows(runs, (v) => approvers.get(v.blob)));
      }),
    );
  } finally {
    await g.cat.close();
  }
  return out;
}

/** "Riwayat Revisi" rows of one file, oldest first; undefined without git or before its first commit. */
export async function revisionHistory(repoRoot: string, absFile: string): Promise<RevisionRow[] | undefined> {
  return (await revisionHistories(repoRoot, [absFile])).get(absFile);
}
