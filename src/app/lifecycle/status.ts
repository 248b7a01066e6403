import type { Config } from '../../config/types.js';
import type { LoadedFile } from '../../model/load.js';
import { resolveConfig } from '../../config/load.js';
import { openProject } from '../project.js';
import { stageFacts, stageRuns } from '../../lifecycle/history.js';
import { contentFingerprint, sameContent } from '../../lifecycle/content.js';
import { closeSopGit, openSopGit, repoRel, stagedTail, submoduleOf, versionText, type SopGit } from '../../git/repo.js';
import { dayOf, type Now } from '../../model/day.js';
import { parseSop, stageOfData } from '../../model/stage.js';
import { statusRow, type StatusRow } from '../../lifecycle/status.js';

/** Result of `sop status`. */
export interface StatusReport {
  /** One row per SOP, in file order. */
  rows: StatusRow[];
  /** Whether git history was available. */
  git: boolean;
  /** Notes for the user (shallow clone, not a repository). */
  warnings: string[];
}

/** Options of a status run. */
export interface StatusOptions {
  /** Folder paths are relative to. */
  cwd: string;
  /** Files, folders or globs; empty for every SOP. */
  paths: readonly string[];
  /** Explicit config file. */
  configPath?: string;
  /** Injected clock. */
  now: Now;
}

/** Rows for loaded files against an opened git side (or none). */
export async function statusRows(files: readonly LoadedFile[], absPaths: Map<string, string>, config: Config, g: SopGit | undefined, today: string): Promise<StatusRow[]> {
  return Promise.all(
    files.map(async (f) => {
      const data = f.data && typeof f.data === 'object' && !Array.isArray(f.data) ? (f.data as Record<string, any>) : undefined;
      const abs = absPaths.get(f.file) ?? f.file;
      if (!g) return statusRow({ file: f.file, data }, config.review, today);
      const submodule = submoduleOf(g.info.root, abs);
      if (submodule) return statusRow({ file: f.file, data, submodule }, config.review, today);
      const rel = repoRel(g.info.root, abs);
      const uncommitted = g.worktree.get(rel);
      const lin = g.lineages.live.get(rel);
      const current = stageOfData(data);
      if (!lin) return statusRow({ file: f.file, data, uncommitted }, config.review, today);
      const tail = await stagedTail(g, lin, current);
      const facts = stageFacts(stageRuns(tail), current);
      let changedAfterApproval = false;
      if (facts.approval) {
        // Same text fingerprint ⇒ same content: the parse is only needed when the texts differ.
        const approvedText = await versionText(g, facts.approval);
        const a = contentFingerprint(approvedText);
        changedAfterApproval = a === undefined || a !== contentFingerprint(f.text) ? !sameContent(parseSop(approvedText), data) : false;
      }
      return statusRow({ file: f.file, data, facts, changedAfterApproval, uncommitted }, config.review, today);
    }),
  );
}

/** `sop status`: the lifecycle position of each SOP, from the files and git. */
export async function sopStatus(opts: StatusOptions): Promise<StatusReport> {
  // git starts first and runs while openProject parses the files.
  const gitP = openSopGit(resolveConfig(opts.cwd, opts.paths[0], opts.configPath));
  gitP.catch(() => undefined); // observed below; never an unhandled rejection if parsing throws first
  const project = openProject(opts);
  const g = await gitP;
  try {
    const rows = await statusRows(project.targets, project.absPaths, project.config, g, dayOf(opts.now, project.config.timeZone));
    const warnings = g ? g.warnings : ['not a git repository: stage dates and approval commits are not shown'];
    return { rows, git: !!g, warnings };
  } finally {
    await closeSopGit(g);
  }
}
