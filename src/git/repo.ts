import { existsSync } from 'node:fs';
import path from 'node:path';
import { globFolder, realPath } from '../util/inside.js';
import { CatFile } from './cat-file.js';
import { logFolder, openRepo, SHALLOW_MESSAGE, worktreeChanges, type RepoInfo, type WorktreeState } from './git.js';
import { buildLineages, type Lineage, type Lineages, type Version } from './lineage.js';
import { parseSop, readStage, type StageInfo } from '../model/stage.js';

/** The git side of an SOP repository, read once per command. */
export interface SopGit {
  /** Repository facts. */
  info: RepoInfo;
  /** Pathspecs of the SOP files (relative to the config's folder, or the root for revision histories). */
  pathspecs: string[];
  /** Every SOP file followed across renames. */
  lineages: Lineages;
  /** Uncommitted changes, by repository-relative path. */
  worktree: Map<string, WorktreeState>;
  /** The shared `git cat-file --batch` reader. */
  cat: CatFile;
  /** Things the user should know (a shallow clone). */
  warnings: string[];
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
  const folder = globFolder(config.sops);
  // Relative to the config's folder, through a symlinked SOP folder (git does not follow symlinks); as written when outside.
  const real = folder ? repoRel(config.root, path.join(config.root, folder)) : '';
  const pathspecs = config.file && folder ? [real && !real.startsWith('..') ? real : folder] : YAML_PATHSPECS;
  const infoP = openRepo(config.root);
  const logP = logFolder(config.root, pathspecs, 'HEAD', true).catch((e: Error) => e);
  const worktreeP = worktreeChanges(config.root, pathspecs).catch(() => new Map<string, WorktreeState>());
  const info = await infoP;
  const [log, worktree] = await Promise.all([logP, worktreeP]);
  if (!info) return undefined;
  // Before the first commit `git log HEAD` fails ("bad revision 'HEAD'" on older git): there is no history to read.
  if (log instanceof Error && info.head) throw log;
  const warnings = info.shallow ? [SHALLOW_MESSAGE] : [];
  return { info, pathspecs, lineages: buildLineages(info.head && !(log instanceof Error) ? log : []), worktree, cat: new CatFile(info.root), warnings };
}

/** Text of a committed version ('' for a deletion or a missing blob). */
export async function versionText(g: SopGit, v: Version): Promise<string> {
  if (v.change === 'D' || /^0+$/.test(v.blob)) return '';
  return (await g.cat.text(v.blob)) ?? '';
}

/** Read the stage of versions (pipelined through the one cat-file process). */
export async function stageVersions(g: SopGit, versions: readonly Version[]): Promise<StagedVersion[]> {
  return Promise.all(versions.map(async (v) => ({ ...v, stage: v.change === 'D' ? {} : readStage(await versionText(g, v)) })));
}

/**
 * The staged tail of a lineage, read newest to oldest and returned oldest first: only what `sop status`
 * needs to find when the current stage began and which version approved the current revision. It stops
 * after the first version with a lower revision, or (past a draft) the draft that preceded the approval.
 */
export async function stagedTail(g: SopGit, lin: Lineage, current: StageInfo): Promise<StagedVersion[]> {
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
export async function versionData(g: SopGit, v: Version): Promise<Record<string, any> | undefined> {
  return parseSop(await versionText(g, v));
}

/** Close the cat-file process. */
export function closeSopGit(g: SopGit | undefined): Promise<void> {
  return g ? g.cat.close() : Promise.resolve();
}
