import path from 'node:path';
import { UsageError } from '../../util/errors.js';
import type { RepoFile } from '../../model/facts/facts.js';
import type { Project } from '../project.js';
import { CatFile } from '../../git/cat-file.js';
import { logFolder, mergeBase, openRepo, resolveCommit, SHALLOW_MESSAGE, treeFiles } from '../../git/git.js';
import { buildLineages, type CommitMeta } from '../../git/lineage.js';
import { repoRel, sopPathspecs } from '../../git/repo.js';
import { parseSop } from '../../model/stage.js';
import type { BaseVersion, ChainVersion, DeletedSop, LintBase } from '../../lint/base.js';
export type { BaseVersion, ChainVersion, DeletedSop, LintBase } from '../../lint/base.js';

const isYaml = (p: string) => /\.ya?ml$/.test(p) && path.posix.basename(p) !== 'sop.config.yaml';

/**
 * Read the SOPs at the merge base of HEAD and `ref`, follow renames since (committed renames from one
 * `git log base..HEAD`; uncommitted moves by id), and collect the commits in between. A constant number
 * of git processes.
 */
export async function loadLintBase(project: Project<RepoFile>, ref: string): Promise<LintBase> {
  const config = project.config;
  const info = await openRepo(config.root);
  if (!info?.head) throw new UsageError(`--since needs a git repository with commits; ${config.root} is not in one.`, { id: 'since.noRepo', data: { root: config.root } });
  const target = await resolveCommit(info.root, ref);
  const base = await mergeBase(info.root, info.head, target);
  if (!base) throw new UsageError(`HEAD and \`${ref}\` share no history (no merge base)${info.shallow ? `; ${SHALLOW_MESSAGE}` : ''}.`, { id: info.shallow ? 'since.noMergeBaseShallow' : 'since.noMergeBase', data: { ref } });
  const pathspecs = sopPathspecs(info.root, config);
  const [tree, log] = await Promise.all([treeFiles(info.root, base, pathspecs.filter((p) => !p.includes('*'))), logFolder(info.root, pathspecs, `${base}..HEAD`)]);
  const cat = new CatFile(info.root);
  try {
    const lineages = buildLineages(log);
    // Current path → base path (committed renames), and which base paths are accounted for.
    const baseOf = new Map<string, string>();
    for (const [p, lin] of lineages.live) {
      const first = lin.versions[0];
      if (!first) continue;
      if (first.change === 'R' && first.oldPath && tree.has(first.oldPath)) baseOf.set(p, first.oldPath);
      else if (tree.has(p)) baseOf.set(p, p);
    }
    const current = new Map<string, string>();
    for (const f of project.repo.files) current.set(repoRel(info.root, project.absPaths.get(f.file) ?? path.resolve(config.root, f.file)), f.file);
    for (const p of tree.keys()) if (current.has(p) && !lineages.live.has(p) && !lineages.deleted.some((d) => d.path === p)) baseOf.set(p, p);
    const baseData = new Map<string, Record<string, any> | undefined>();
    await Promise.all([...tree].filter(([p]) => isYaml(p)).map(async ([p, blob]) => baseData.set(p, parseSop((await cat.text(blob)) ?? ''))));
    const byFile = new Map<string, BaseVersion>();
    const used = new Set<string>();
    for (const [rel, shown] of current) {
      const bp = baseOf.get(rel);
      if (bp === undefined || !baseData.has(bp)) continue;
      used.add(bp);
      const lin = lineages.live.get(rel);
      const commits = await Promise.all((lin?.versions ?? []).filter((v) => v.change !== 'D').map(async (v) => ({ data: parseSop((await cat.text(v.blob)) ?? ''), commit: v.commit })));
      byFile.set(shown, { ref, base, path: bp, data: baseData.get(bp), commits });
    }
    // Base files not found at their (followed) path: matched by id (an uncommitted move), else deleted.
    const byId = new Map<string, string>();
    for (const f of project.repo.files) {
      const id = (f.data as { id?: unknown } | undefined)?.id;
      if (!byFile.has(f.file) && typeof id === 'string') byId.set(id, f.file);
    }
    const deleted: DeletedSop[] = [];
    for (const [bp, data] of baseData) {
      if (used.has(bp) || !data) continue;
      const moved = typeof data.id === 'string' ? byId.get(data.id) : undefined;
      if (moved) {
        byFile.set(moved, { ref, base, path: bp, data, commits: [] });
        byId.delete(data.id);
      } else deleted.push({ path: bp, abs: path.join(info.root, bp), data });
    }
    return { byFile, deleted, base, warnings: info.shallow ? [SHALLOW_MESSAGE] : [] };
  } finally {
    await cat.close();
  }
}
