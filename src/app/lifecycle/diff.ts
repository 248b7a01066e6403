import { UsageError, type Said } from '../../util/errors.js';
import { openSopWithGit } from '../find-sop.js';
import { resolveCommit } from '../../git/git.js';
import { stageFacts, stageRuns, type StagedVersion } from '../../lifecycle/history.js';
import { closeSopGit, repoRel, stageVersions, type SopGit } from '../../git/repo.js';
import { semanticDiff, type SemanticDiff } from '../../lifecycle/semantic-diff.js';
import { parseSop, stageOfData, type StageInfo } from '../../model/stage.js';
import type { Lineage } from '../../git/lineage.js';

/** One side of a diff. */
export interface DiffSide {
  /** What the user sees: "approved r1 (0440f25, 2025-06-02)" or "working tree". */
  label: string;
  /** Stage facts of that version. */
  stage: StageInfo;
  /** Commit id, when committed. */
  commit?: string;
}

/** `sop diff` result. */
export interface DiffReport {
  /** SOP id. */
  id: string;
  /** Older side. */
  from: DiffSide;
  /** Newer side. */
  to: DiffSide;
  /** The semantic differences. */
  diff: SemanticDiff;
  /** Notes (shallow clone). */
  warnings: Said[];
}

interface Side {
  side: DiffSide;
  data: Record<string, any> | undefined;
}

const describe = (stage: StageInfo, commit?: { hash: string; date: string }) =>
  `${stage.status ?? '?'} r${stage.revision ?? '?'}${commit ? ` (${commit.hash.slice(0, 7)}, ${commit.date.slice(0, 10)})` : ''}`;

async function fromVersion(g: SopGit, v: StagedVersion): Promise<Side> {
  const text = (await g.cat.text(v.blob)) ?? '';
  return { side: { label: describe(v.stage, v.commit), stage: v.stage, commit: v.commit.hash }, data: parseSop(text) };
}

/** A version chosen by SOP revision number: the approval of that revision, else its latest version. */
async function byRevision(g: SopGit, lin: Lineage, n: number): Promise<Side> {
  const staged = (await stageVersions(g, lin.versions)).filter((v) => v.change !== 'D');
  const runs = stageRuns(staged);
  const approved = runs.filter((r) => r.revision === n && r.status === 'approved').at(-1)?.entered;
  const latest = staged.filter((v) => v.stage.revision === n).at(-1);
  const v = approved ?? latest;
  if (!v) throw new UsageError(`Revision ${n} was never committed; committed revisions: ${[...new Set(staged.map((s) => s.stage.revision))].join(', ') || 'none'}.`, {
      id: 'diff.revisionNeverCommitted',
      data: { revision: n, revisions: [...new Set(staged.map((s) => s.stage.revision))].join(', ') || '-' },
    });
  return fromVersion(g, v);
}

/** A version chosen by git revision: the file at that commit, under any path it had. */
async function byRef(g: SopGit, lin: Lineage | undefined, rel: string, ref: string): Promise<Side> {
  const commit = await resolveCommit(g.info.root, ref);
  const paths = [...new Set([rel, ...(lin?.versions.map((v) => v.path).reverse() ?? [])])];
  for (const p of paths) {
    const text = await g.cat.text(`${commit}:${p}`);
    if (text === undefined) continue;
    const data = parseSop(text);
    const stage = stageOfData(data);
    return { side: { label: `${describe(stage)} at ${ref} (${commit.slice(0, 7)})`, stage, commit }, data };
  }
  throw new UsageError(`The SOP did not exist at \`${ref}\` (${commit.slice(0, 7)}).`, { id: 'diff.notAtRef', data: { ref, commit: commit.slice(0, 7) } });
}

async function pick(g: SopGit, lin: Lineage | undefined, rel: string, spec: string): Promise<Side> {
  if (/^\d{1,3}$/.test(spec)) {
    if (!lin) throw new UsageError(`${rel} has never been committed, so it has no revision ${spec}.`, { id: 'diff.neverCommitted', data: { file: rel, revision: spec } });
    return byRevision(g, lin, Number(spec));
  }
  return byRef(g, lin, rel, spec);
}

/**
 * `sop diff <id> [a [b]]`: a semantic diff between two versions. A version is an SOP revision number
 * (0, 1, …: the version that approved it) or a git revision; default a = the last approved version, b = the working tree.
 */
export async function sopDiff(opts: { cwd: string; target: string; from?: string; to?: string; configPath?: string }): Promise<DiffReport> {
  const { file, abs, data: workData, id, g } = await openSopWithGit(opts, { text: '`sop diff` compares versions from git history.', id: 'diff.notGit' });
  try {
    const rel = repoRel(g.info.root, abs);
    const lin = g.lineages.live.get(rel);
    let from: Side;
    if (opts.from !== undefined) from = await pick(g, lin, rel, opts.from);
    else {
      const staged = lin ? (await stageVersions(g, lin.versions)).filter((v) => v.change !== 'D') : [];
      const runs = stageRuns(staged);
      const current = stageOfData(workData);
      const approval = stageFacts(runs, current).approval ?? runs.filter((r) => r.status === 'approved').at(-1)?.entered;
      if (!approval) throw new UsageError(`${id} has no approved version in git history; name the versions to compare: \`sop diff ${id} <a> [<b>]\`.`, { id: 'diff.noApproved', data: { id } });
      from = await fromVersion(g, approval);
    }
    const to: Side = opts.to !== undefined ? await pick(g, lin, rel, opts.to) : { side: { label: 'working tree', stage: stageOfData(workData) }, data: workData };
    return { id, from: from.side, to: to.side, diff: semanticDiff(from.data, to.data), warnings: g.warnings };
  } finally {
    await closeSopGit(g);
  }
}
