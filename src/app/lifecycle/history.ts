import type { HistoryActor, HistoryEntry } from '../../lifecycle/history.js';
export type { HistoryActor, HistoryEntry } from '../../lifecycle/history.js';
import { said, UsageError, type Said } from '../../util/errors.js';
import { resolveConfig } from '../../config/load.js';
import { openProject } from '../project.js';
import type { CommitMeta } from '../../git/lineage.js';
import { closeSopGit, openSopGit, repoRel, versionText, type SopGit } from '../../git/repo.js';
import type { WorktreeState } from '../../git/git.js';
import { openSopWithGit } from '../find-sop.js';
import { isEmptyDiff, semanticDiff, summarizeDiff, type SemanticDiff } from '../../lifecycle/semantic-diff.js';
import { parseSop, stageOfData, type StageInfo } from '../../model/stage.js';
import { checkTransition, type Transition } from '../../lifecycle/transitions.js';
import type { Lineage } from '../../git/lineage.js';


const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** The approving official of an approval (`approval.name`), or the evaluator of the latest evaluation; not the git author, who may be a clerk. */
export function stageActor(to: StageInfo, data: Record<string, any> | undefined): HistoryActor | undefined {
  if (to.status === 'approved') {
    const name = text(data?.approval?.name);
    return name ? { did: 'approved', name, position: text(data?.approval?.position) } : undefined;
  }
  if (to.status === 'evaluated' && Array.isArray(data?.evaluations)) {
    const latest = [...(data.evaluations as Array<Record<string, unknown>>)].filter((e) => e && typeof e === 'object').sort((a, b) => String(a.date ?? '').localeCompare(String(b.date ?? ''))).at(-1);
    const name = text(latest?.evaluator);
    return name ? { did: 'evaluated', name } : undefined;
  }
  return undefined;
}

/** The timeline of one SOP. */
export interface HistoryReport {
  /** SOP id. */
  id: string;
  /** File as shown. */
  file: string;
  /** Oldest first. */
  entries: HistoryEntry[];
  /** Whether git history was available. */
  git: boolean;
  /** Notes (shallow clone, not a repository, not committed yet). */
  warnings: Said[];
}

function summaryOf(e: { change: HistoryEntry['change']; renamedFrom?: string }, first: boolean, diff: SemanticDiff): string {
  if (e.change === 'D') return 'file deleted';
  if (first) return 'created';
  const rename = e.renamedFrom !== undefined ? `renamed from ${e.renamedFrom}` : '';
  if (rename && isEmptyDiff(diff)) return rename;
  return [summarizeDiff(diff), rename].filter(Boolean).join('; ');
}

/** Timeline entries of a lineage plus optional working-tree data (reads every version through cat-file). */
export async function timeline(g: SopGit, lin: Lineage | undefined, work?: { data: Record<string, any> | undefined; path: string; state?: WorktreeState }): Promise<HistoryEntry[]> {
  const versions = lin?.versions ?? [];
  const datas = await Promise.all(versions.map(async (v) => (v.change === 'D' ? undefined : parseSop(await versionText(g, v)))));
  const entries: HistoryEntry[] = [];
  let prev: Record<string, any> | undefined;
  let prevStage: StageInfo | undefined;
  const push = (e: Omit<HistoryEntry, 'transition' | 'diff' | 'summary' | 'actor'>, data: Record<string, any> | undefined) => {
    const diff = semanticDiff(prev, data);
    const moved = prevStage && (prevStage.status !== e.stage.status || prevStage.revision !== e.stage.revision);
    const actor = moved && e.change !== 'D' ? stageActor(e.stage, data) : undefined;
    entries.push({
      ...e,
      transition: moved && e.change !== 'D' ? { from: prevStage!, to: e.stage, verdict: checkTransition(prevStage!, e.stage) } : undefined,
      diff,
      summary: summaryOf(e, prev === undefined, diff),
      ...(actor ? { actor } : {}),
    });
    if (e.change !== 'D') {
      prev = data;
      prevStage = e.stage;
    }
  };
  versions.forEach((v, i) => {
    const data = datas[i];
    push({ commit: v.commit, path: v.path, renamedFrom: v.change === 'R' ? v.oldPath : undefined, change: v.change, stage: v.change === 'D' ? {} : stageOfData(data) }, data);
  });
  if (work && (work.state || !lin)) push({ path: work.path, change: 'W', stage: stageOfData(work.data) }, work.data);
  return entries;
}

/** `sop history <id|path>`: every commit that touched the SOP, stage transitions marked, each with a semantic summary. */
export async function sopHistory(opts: { cwd: string; target: string; configPath?: string }): Promise<HistoryReport> {
  const { file, abs, data, id, g } = await openSopWithGit(opts, { text: '`sop history` reads git history (everything else works without git).', id: 'history.notGit' });
  try {
    const rel = repoRel(g.info.root, abs);
    if (rel.startsWith('..')) throw new UsageError(`${file.file} is outside the git repository at ${g.info.root}.`, { id: 'history.outsideRepo', data: { file: file.file, root: g.info.root } });
    const lin = g.lineages.live.get(rel);
    const entries = await timeline(g, lin, { data, path: rel, state: g.worktree.get(rel) });
    const warnings = [...g.warnings];
    if (!lin) warnings.push(said(`${file.file} has never been committed`, 'history.neverCommitted', { file: file.file }));
    return { id, file: file.file, entries, git: true, warnings };
  } finally {
    await closeSopGit(g);
  }
}

/** Timelines of every SOP (or the given paths) with one git log pass and one cat-file process. */
export async function sopHistories(opts: { cwd: string; paths: readonly string[]; configPath?: string }): Promise<HistoryReport[]> {
  const gitP = openSopGit(resolveConfig(opts.cwd, opts.paths[0], opts.configPath)); // runs while the files are parsed
  gitP.catch(() => undefined); // observed below; never an unhandled rejection if parsing throws first
  const project = openProject(opts);
  const g = await gitP;
  if (!g) throw new UsageError(`${project.config.root} is not in a git repository: history needs git.`, { id: 'history.noGit', data: { root: project.config.root } });
  try {
    return await Promise.all(
      project.targets.map(async (file) => {
        const abs = project.absPaths.get(file.file) ?? file.file;
        const data = file.data && typeof file.data === 'object' ? (file.data as Record<string, any>) : undefined;
        const rel = repoRel(g.info.root, abs);
        const lin = g.lineages.live.get(rel);
        const entries = await timeline(g, lin, { data, path: rel, state: g.worktree.get(rel) });
        return { id: typeof data?.id === 'string' ? data.id : file.file, file: file.file, entries, git: true, warnings: g.warnings };
      }),
    );
  } finally {
    await closeSopGit(g);
  }
}
