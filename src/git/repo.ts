import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Said } from '../util/errors.js';
import { globFolder, realPath } from '../util/inside.js';
import { CatFile } from './cat-file.js';
import { git, logFolder, openRepo, SHALLOW, worktreeChanges, type RepoInfo, type WorktreeState } from './git.js';
import { buildLineages, type Lineage, type Lineages, type Version } from './lineage.js';
import { parseSop, readStage, type StageInfo } from '../model/stage.js';
import type { CachedHistory, HistoryAt, StatusCache } from './status-cache.js';

/** The git side of an SOP repository before its history is read. */
export interface GitSide {
  /** Repository facts. */
  info: RepoInfo;
  /** Pathspecs of the SOP files (relative to the config's folder, or the root for revision histories). */
  pathspecs: string[];
  /** Uncommitted changes, by repository-relative path. */
  worktree: Map<string, WorktreeState>;
  /** The shared `git cat-file --batch` reader. */
  cat: CatFile;
  /** Things the user should know (a shallow clone). */
  warnings: Said[];
  /** What `sop status` knows already (by blob id, by file and text at HEAD). */
  cache?: StatusCache;
}

/** The git side of an SOP repository, read once per command. */
export interface SopGit extends GitSide {
  /** Every SOP file followed across renames. */
  lineages: Lineages;
}

/** A git side whose history is read when first asked for (`sop status` may find all it needs in its cache). */
export interface LazySopGit extends GitSide {
  /** Every SOP file followed across renames (read once). */
  lineages(): Promise<Lineages>;
}

export { globFolder, realPath };

/**
 * Repository-relative `/` path of an absolute file or folder, through any symlink on the way (a symlinked
 * `sops/` folder, macOS /var → /private/var): git records the real path. Starts with `..` when outside.
 */
export function repoRel(root: string, abs: string): string {
  return path.relative(realPath(root), realPath(abs)).split(path.sep).join('/');
}

/**
 * The submodule (or nested repository) holding `abs`, as a `/` path relative to `root`: the outermost folder
 * between the file and the work tree's root that has its own `.git` (the one this repository records). Its files are not in this repository's
 * history (they are neither committed nor uncommitted here). Undefined for a file of the repository itself.
 */
export function submoduleOf(root: string, abs: string): string | undefined {
  const top = realPath(root);
  let dir = path.dirname(realPath(abs));
  let found: string | undefined;
  while (dir !== top && dir.startsWith(top + path.sep)) {
    if (existsSync(path.join(dir, '.git'))) found = dir;
    dir = path.dirname(dir);
  }
  return found === undefined ? undefined : path.relative(top, found).split(path.sep).join('/');
}

/** What the git side needs of a configuration: where the repository is and where its SOPs are. */
export interface SopFolderConfig {
  /** The config's folder. */
  root: string;
  /** The config file, when one was found. */
  file?: string;
  /** The SOP glob. */
  sops: string;
}

/** A committed version with its lifecycle facts. */
export interface StagedVersion extends Version {
  /** Status, revision and id in that version (empty for a deletion). */
  stage: StageInfo;
}

/** Every YAML file of the repository (git pathspecs match `*` across folders). */
export const YAML_PATHSPECS = ['*.yaml', '*.yml'];

/** Pathspecs for the SOP files of a config: its glob's folder, or every YAML file when there is no config file. */
export function sopPathspecs(gitRoot: string, config: SopFolderConfig): string[] {
  if (!config.file) return YAML_PATHSPECS;
  const folder = repoRel(gitRoot, path.join(config.root, globFolder(config.sops)));
  if (folder.startsWith('..')) return YAML_PATHSPECS;
  return folder ? [folder] : YAML_PATHSPECS;
}

/**
 * Open the git side for a config: one `git log` pass over the SOP folder, one `git status`, and a
 * cat-file reader started on first use. Undefined when the folder is not in a git work tree.
 * The processes start at once (pathspecs relative to the config's folder) and the log writes to a
 * file, so git works while the caller parses the SOP files: call this before `openProject`.
 */
export async function openSopGit(config: SopFolderConfig): Promise<SopGit | undefined> {
  const g = await openLazySopGit(config);
  return g && { ...g, lineages: await g.lineages() };
}

/**
 * {@link openSopGit}, with the history read when first asked for. With a cache that holds the folder's history
 * at an earlier commit, the log reads only the commits since (none when HEAD has not moved; see
 * {@link continueHistory}), and only when asked; without one, the log starts at once.
 */
export async function openLazySopGit(config: SopFolderConfig, cache?: StatusCache): Promise<LazySopGit | undefined> {
  const folder = globFolder(config.sops);
  // Relative to the config's folder, through a symlinked SOP folder (git does not follow symlinks); as written when outside.
  const real = folder ? repoRel(config.root, path.join(config.root, folder)) : '';
  const pathspecs = config.file && folder ? [real && !real.startsWith('..') ? real : folder] : YAML_PATHSPECS;
  const key = pathspecs.join('\0');
  const prior = cache?.storedHistory(key);
  const infoP = openRepo(config.root);
  const logP = prior ? undefined : logFolder(config.root, pathspecs, 'HEAD', true).catch((e: Error) => e);
  const worktreeP = worktreeChanges(config.root, pathspecs).catch(() => new Map<string, WorktreeState>());
  const info = await infoP;
  const [log, worktree] = await Promise.all([logP, worktreeP]);
  if (!info) return undefined;
  const warnings = info.shallow ? [SHALLOW] : [];
  const side = { info, pathspecs, worktree, cat: new CatFile(info.root), warnings, cache };
  // Before the first commit `git log HEAD` fails ("bad revision 'HEAD'" on older git): there is no history to read.
  const head = info.head;
  if (!head) return { ...side, lineages: () => Promise.resolve(buildLineages([])) };
  // A shallow clone may be deepened without HEAD moving: its history is never cached.
  const at = info.shallow ? undefined : { key, root: info.root, head };
  cache?.setHead(at);
  const read = async (): Promise<Lineages> => {
    let lineages = prior && at ? await continueHistory(config.root, pathspecs, at, prior) : undefined;
    if (!lineages) {
      const full = log ?? (await logFolder(config.root, pathspecs, 'HEAD', true).catch((e: Error) => e));
      if (full instanceof Error) throw full;
      lineages = buildLineages(full);
    }
    if (at) cache?.setHistory(at, lineages);
    return lineages;
  };
  let once: Promise<Lineages> | undefined;
  const lineages = () => (once ??= read());
  // HEAD moved: every cached row is stale, the history is needed.
  if (prior && prior.head !== head) lineages().catch(() => undefined);
  return { ...side, lineages };
}

/**
 * The lineages at `head` from a cached history: as stored when HEAD has not moved; when the commits since the
 * cached one are a straight line from it (one parent each, the first on the cached commit), the stored lineages
 * continued with a log of those commits only, which is what the whole walk gives (children are listed before
 * their parents). Undefined, for a whole walk, otherwise: a rewritten history, another branch, a merge (a
 * date-ordered walk may interleave the merged commits with older ones), a damaged cache.
 */
async function continueHistory(cwd: string, pathspecs: readonly string[], { root, head }: HistoryAt, prior: CachedHistory): Promise<Lineages | undefined> {
  if (prior.root !== root) return undefined;
  const stored = prior.lineages();
  if (!stored || prior.head === head) return stored;
  const range = `${prior.head}..${head}`;
  const [chain, log] = await Promise.all([git(cwd, ['rev-list', '--parents', '--end-of-options', range, '--']), logFolder(cwd, pathspecs, range, true).catch(() => undefined)]);
  if (chain.code !== 0 || !log || !straightLine(chain.stdout.toString('utf8'), prior.head, head)) return undefined;
  const added = buildLineages(log, undefined, stored.live);
  return { live: added.live, deleted: [...stored.deleted, ...added.deleted] };
}

/** Whether `rev-list --parents from..to` output is one line of commits from `to` back to a child of `from`. */
function straightLine(out: string, from: string, to: string): boolean {
  const lines = out.split('\n').filter(Boolean);
  if (lines.length === 0 || !lines[0]!.startsWith(`${to} `)) return false;
  return lines.every((line, i) => {
    const ids = line.split(' ');
    const next = i + 1 < lines.length ? lines[i + 1]!.split(' ')[0] : from;
    return ids.length === 2 && ids[1] === next;
  });
}

/** Text of a committed version ('' for a deletion or a missing blob). */
export async function versionText(g: GitSide, v: Version): Promise<string> {
  if (v.change === 'D' || /^0+$/.test(v.blob)) return '';
  return (await g.cat.text(v.blob)) ?? '';
}

/** Text of a committed version as {@link versionText} gives it, but undefined when git has no such blob (nothing to cache). */
export async function blobText(g: GitSide, v: Version): Promise<string | undefined> {
  if (v.change === 'D' || /^0+$/.test(v.blob)) return '';
  return g.cat.text(v.blob);
}

/** The stage of a version: from the cache by blob id, or read (and cached). */
async function stageOf(g: GitSide, v: Version): Promise<StageInfo> {
  if (v.change === 'D') return {};
  const known = g.cache?.blob(v.blob);
  if (known) return known.stage;
  const text = await blobText(g, v);
  const stage = readStage(text ?? '');
  if (text !== undefined) g.cache?.setBlob(v.blob, { stage });
  return stage;
}

/** Read the stage of versions (pipelined through the one cat-file process). */
export async function stageVersions(g: GitSide, versions: readonly Version[]): Promise<StagedVersion[]> {
  return Promise.all(versions.map(async (v) => ({ ...v, stage: await stageOf(g, v) })));
}

/**
 * The staged tail of a lineage, read newest to oldest and returned oldest first: only what `sop status`
 * needs to find when the current stage began and which version approved the current revision. It stops
 * after the first version with a lower revision, or (past a draft) the draft that preceded the approval.
 */
export async function stagedTail(g: GitSide, lin: Lineage, current: StageInfo): Promise<StagedVersion[]> {
  const out: StagedVersion[] = [];
  const vs = lin.versions;
  const minRevision = current.revision ?? 0;
  const stop = (v: StagedVersion) =>
    v.change !== 'D' &&
    ((v.stage.revision ?? 0) < minRevision ||
      (current.status === 'draft' ? v.stage.status !== 'draft' || v.stage.revision !== current.revision : v.stage.status === 'draft'));
  const BATCH = 2;
  for (let end = vs.length; end > 0; end -= BATCH) {
    const chunk = await stageVersions(g, vs.slice(Math.max(0, end - BATCH), end));
    for (let i = chunk.length - 1; i >= 0; i--) {
      const v = chunk[i]!;
      out.push(v);
      if (stop(v)) return out.reverse();
    }
  }
  return out.reverse();
}

/** Parsed data of a version (undefined when it does not parse). */
export async function versionData(g: GitSide, v: Version): Promise<Record<string, any> | undefined> {
  return parseSop(await versionText(g, v));
}

/** Close the cat-file process. */
export function closeSopGit(g: GitSide | undefined): Promise<void> {
  return g ? g.cat.close() : Promise.resolve();
}
