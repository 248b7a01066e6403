import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { said, UsageError, type Said } from '../util/errors.js';
import { removeStale } from '../util/temp.js';

/** Output of one finished git command. */
export interface GitResult {
  /** Exit code (null when killed). */
  code: number | null;
  /** Standard output, raw. */
  stdout: Buffer;
  /** Standard error, decoded. */
  stderr: string;
}

let spawned = 0;

/** How many git processes this module has started (tests and the bench assert it does not grow with commits or SOPs). */
export function gitProcessCount(): number {
  return spawned;
}

/** Environment for git: no pager, no prompts, stable output regardless of the user's locale. */
function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...extra };
}

/**
 * Options before every git command. A repository's `.git/config` may name programs (a hostile one came in a
 * downloaded tarball): sop's reads never run them. No fsmonitor hook, no hooks (`status` may write the index,
 * which runs post-index-change), no signature verification program, no optional index writes. Filters are
 * switched off per driver where a read could run them (see {@link worktreeChanges}); textconv and external diff
 * are off by flag (`--no-textconv`, `--no-ext-diff`); `cat-file` runs without `--filters`.
 */
const READ_SAFE = ['-c', 'core.quotepath=off', '-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null', '-c', 'log.showSignature=false', '--no-optional-locks'];
/** For `git add` and `git commit` (`promote --commit`, the user's own commit): the user's hooks and filters apply, as with `git commit`. */
const WRITE = ['-c', 'core.quotepath=off', '-c', 'core.fsmonitor=false'];

/** Start a git process (counted); the caller owns its streams. */
export function spawnGit(cwd: string, args: readonly string[], env?: Record<string, string>, write = false): ChildProcessWithoutNullStreams {
  spawned++;
  return spawn('git', [...(write ? WRITE : READ_SAFE), ...args], { cwd, env: gitEnv(env), stdio: 'pipe' });
}

let tmpSeq = 0;
/** Temporary git output files: `sopkit-git-<pid>-<n>.out`. */
export const GIT_OUT_NAME = /^sopkit-git-(\d+)-\d+\.out$/;

/**
 * Run git with its standard output going to a temporary file instead of a pipe, so it runs to the end
 * while this process is busy (a full pipe would stall it); the file is read and removed afterwards.
 */
function gitToFile(cwd: string, args: readonly string[]): Promise<GitResult> {
  removeStale(tmpdir(), GIT_OUT_NAME); // left by runs killed with -9
  const file = path.join(tmpdir(), `sopkit-git-${process.pid}-${++tmpSeq}.out`);
  const fd = openSync(file, 'w', 0o600);
  return new Promise<GitResult>((resolve, reject) => {
    spawned++;
    const child = spawn('git', [...READ_SAFE, ...args], { cwd, env: gitEnv(), stdio: ['ignore', fd, 'pipe'] });
    const err: Buffer[] = [];
    child.stderr?.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => reject(e));
    child.on('close', (code) => {
      try {
        resolve({ code, stdout: readFileSync(file), stderr: Buffer.concat(err).toString('utf8') });
      } catch (e) {
        reject(e);
      }
    });
  }).finally(() => {
    closeSync(fd);
    rmSync(file, { force: true });
  });
}

/** Run `git <args>` in `cwd` (argument array, never a shell); never rejects for a non-zero exit. `toFile` lets a long output run unattended. */
export function git(cwd: string, args: readonly string[], opts: { input?: string; env?: Record<string, string>; toFile?: boolean; write?: boolean } = {}): Promise<GitResult> {
  if (opts.toFile) return gitToFile(cwd, args);
  return new Promise((resolve, reject) => {
    const child = spawnGit(cwd, args, opts.env, opts.write);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => reject(e));
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(opts.input ?? '');
  });
}

/** Where a folder sits in git, or nothing when it is not inside a work tree. */
export interface RepoInfo {
  /** Absolute work-tree root. */
  root: string;
  /** Whether the clone is shallow (history incomplete). */
  shallow: boolean;
  /** Commit of HEAD, undefined before the first commit. */
  head?: string;
}

/** Find the repository of `dir` (one git call), or undefined when `dir` is not in a git work tree or git is missing. */
export async function openRepo(dir: string): Promise<RepoInfo | undefined> {
  let r: GitResult;
  try {
    // Exit 1 (with the first two lines) before the first commit; 128 outside a work tree.
    r = await git(dir, ['rev-parse', '--show-toplevel', '--is-shallow-repository', '--verify', '--quiet', 'HEAD^{commit}']);
  } catch {
    return undefined;
  }
  if (r.code !== 0 && r.code !== 1) return undefined;
  const [root, shallow, head] = r.stdout.toString('utf8').split('\n');
  if (!root) return undefined;
  return { root, shallow: shallow === 'true', head: r.code === 0 && head ? head : undefined };
}

/** The message shown when history is shallow. */
export const SHALLOW_MESSAGE = 'history is shallow: run `git fetch --unshallow`, or check out with fetch-depth 0';

/** The shallow-clone note as a message the CLI words. */
export const SHALLOW: Said = said(SHALLOW_MESSAGE, 'git.shallow');

/** Resolve a user-given ref to a commit id; refuses option-like refs. */
export async function resolveCommit(root: string, ref: string): Promise<string> {
  if (!ref || ref.startsWith('-') || /[\0\n\r]/.test(ref)) throw new UsageError(`Invalid git revision \`${ref}\`: expected a branch, tag or commit (it may not start with \`-\`).`, { id: 'git.badRef', data: { ref } });
  const r = await git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if (r.code !== 0) throw new UsageError(`Unknown git revision \`${ref}\`: no commit by that name in ${root}.`, { id: 'git.unknownRef', data: { ref, root } });
  return r.stdout.toString('utf8').trim();
}

/** The merge base of HEAD and `commit` (both commit ids), or undefined when they share no history. */
export async function mergeBase(root: string, a: string, b: string): Promise<string | undefined> {
  const r = await git(root, ['merge-base', '--end-of-options', a, b]);
  return r.code === 0 ? r.stdout.toString('utf8').trim() : undefined;
}

/** One file changed by a commit (from `--raw`). */
export interface RawChange {
  /** A added, M modified, D deleted, R renamed, C copied, T type change. */
  status: 'A' | 'M' | 'D' | 'R' | 'C' | 'T';
  /** Path after the change (repository-relative, `/`-separated). */
  path: string;
  /** Path before a rename or copy. */
  oldPath?: string;
  /** Blob id after the change (all zeros when deleted). */
  blob: string;
  /** Blob id before the change (all zeros when added). */
  oldBlob: string;
}

/** A commit with the SOP files it changed. */
export interface LogCommit {
  /** Full commit id. */
  hash: string;
  /** Parent ids. */
  parents: string[];
  /** Author name. */
  author: string;
  /** Author e-mail. */
  email: string;
  /** Author date, strict ISO 8601 with the author's offset. */
  date: string;
  /** Subject line. */
  subject: string;
  /** Files changed under the pathspec. */
  changes: RawChange[];
}

/** Parse `git log --raw -z` output written with LOG_FORMAT. */
export function parseLog(out: Buffer | string): LogCommit[] {
  const text = typeof out === 'string' ? out : out.toString('utf8');
  const commits: LogCommit[] = [];
  for (const rec of text.split('\x1e')) {
    if (!rec) continue;
    const nul = rec.indexOf('\0');
    const header = nul >= 0 ? rec.slice(0, nul) : rec.replace(/\n+$/, '');
    const [hash = '', parents = '', author = '', email = '', date = '', subject = ''] = header.split('\x1f');
    const changes: RawChange[] = [];
    const tokens = nul >= 0 ? rec.slice(nul + 1).replace(/^\n/, '').split('\0') : [];
    for (let i = 0; i < tokens.length; i++) {
      const meta = tokens[i]!;
      if (!meta.startsWith(':')) continue;
      const parts = meta.slice(1).split(' ');
      const oldBlob = parts[2] ?? '';
      const blob = parts[3] ?? '';
      const status = (parts[4] ?? 'M').charAt(0) as RawChange['status'];
      if (status === 'R' || status === 'C') {
        changes.push({ status, oldPath: tokens[i + 1] ?? '', path: tokens[i + 2] ?? '', blob, oldBlob });
        i += 2;
      } else {
        changes.push({ status, path: tokens[i + 1] ?? '', blob, oldBlob });
        i += 1;
      }
    }
    commits.push({ hash, parents: parents ? parents.split(' ') : [], author, email, date, subject, changes });
  }
  return commits;
}

const LOG_FORMAT = '--format=%x1e%H%x1f%P%x1f%an%x1f%ae%x1f%aI%x1f%s';

/**
 * Every commit that touched the pathspecs (repository-relative), newest first, in ONE git process.
 * Renames are detected (-M) and followed by the caller; merges show no changes (their content comes from the merged commits).
 * `root` may be any folder of the work tree (pathspecs are relative to it; output paths are relative to the top).
 * `range` limits the walk (e.g. `<base>..HEAD`, already validated commit ids).
 */
export async function logFolder(root: string, pathspecs: readonly string[], range = 'HEAD', toFile = false): Promise<LogCommit[]> {
  const args = ['log', '--raw', '--no-abbrev', '-M', '-z', '--date-order', '--no-color', '--no-ext-diff', '--no-textconv', LOG_FORMAT, '--end-of-options', range, '--'];
  args.push(...pathspecs);
  const r = await git(root, args, { toFile });
  if (r.code !== 0) {
    if (/does not have any commits|unknown revision|bad default revision|bad revision 'HEAD'/.test(r.stderr)) return [];
    throw new Error(`git log failed: ${r.stderr.trim()}`);
  }
  return parseLog(r.stdout);
}

/** State of a working-tree file against HEAD: modified (staged or not), added (new, staged), untracked, deleted. */
export type WorktreeState = 'modified' | 'added' | 'untracked' | 'deleted';

/**
 * `-c filter.<driver>.clean=` (and smudge, process) for every filter driver the git config defines: `git status`
 * re-reads a file whose timestamps changed through its clean filter, which would run a program named by the
 * repository's config. Empty commands switch the drivers off (git then reads the file as it is).
 */
async function filtersOff(root: string): Promise<string[]> {
  const r = await git(root, ['config', '-z', '--get-regexp', '^filter\\.']);
  const out: string[] = [];
  if (r.code !== 0) return out;
  const names = new Set<string>();
  for (const entry of r.stdout.toString('utf8').split('\0')) {
    const key = entry.split('\n', 1)[0] ?? '';
    const m = /^filter\.(.+)\.[^.]+$/s.exec(key);
    if (m) names.add(m[1]!);
  }
  for (const n of names) out.push('-c', `filter.${n}.clean=`, '-c', `filter.${n}.smudge=`, '-c', `filter.${n}.process=`, '-c', `filter.${n}.required=false`);
  return out;
}

/** Uncommitted changes under the pathspecs, by repository-relative path (two git processes: the filter drivers, then status). */
export async function worktreeChanges(root: string, pathspecs: readonly string[]): Promise<Map<string, WorktreeState>> {
  const args = [...(await filtersOff(root)), 'status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames', '--'];
  args.push(...(pathspecs.length ? pathspecs : ['.']));
  const r = await git(root, args);
  const out = new Map<string, WorktreeState>();
  if (r.code !== 0) return out;
  for (const entry of r.stdout.toString('utf8').split('\0')) {
    if (entry.length < 4) continue;
    const xy = entry.slice(0, 2);
    const file = entry.slice(3);
    const state: WorktreeState = xy === '??' ? 'untracked' : xy.includes('D') ? 'deleted' : xy[0] === 'A' ? 'added' : 'modified';
    out.set(file, state);
  }
  return out;
}

/** Files of a commit under the given folders (ls-tree takes prefixes, not globs; none = all): repository-relative path → blob id (one git process). */
export async function treeFiles(root: string, commit: string, pathspecs: readonly string[]): Promise<Map<string, string>> {
  // ls-tree has no `--` separator: after --end-of-options every word is the tree or a path.
  const args = ['ls-tree', '-r', '-z', '--full-tree', '--end-of-options', commit, ...pathspecs];
  const r = await git(root, args);
  const out = new Map<string, string>();
  if (r.code !== 0) return out;
  for (const entry of r.stdout.toString('utf8').split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const [, type, oid] = entry.slice(0, tab).split(' ');
    if (type === 'blob' && oid) out.set(entry.slice(tab + 1), oid);
  }
  return out;
}

/** Stage `file` and commit it alone with `message` (author and committer from the git config). */
export async function commitFile(root: string, relFile: string, message: string): Promise<string> {
  const add = await git(root, ['add', '--', relFile], { write: true });
  if (add.code !== 0) throw new UsageError(`git add failed: ${add.stderr.trim()}`, { id: 'git.addFailed', data: { output: add.stderr.trim() } });
  const c = await git(root, ['commit', '--quiet', '-F', '-', '--', relFile], { input: message, write: true });
  if (c.code !== 0) throw new UsageError(`git commit failed: ${c.stderr.trim() || c.stdout.toString('utf8').trim()}`, { id: 'git.commitFailed', data: { output: c.stderr.trim() || c.stdout.toString('utf8').trim() } });
  const h = await git(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  return h.stdout.toString('utf8').trim();
}
