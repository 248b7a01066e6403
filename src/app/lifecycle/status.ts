import { said, type Said } from '../../util/errors.js';
import type { Config } from '../../config/types.js';
import { loadText, readSopText, type LoadedFile } from '../../model/load.js';
import { resolveConfig } from '../../config/load.js';
import { projectFiles } from '../project.js';
import { stageFacts, stageRuns } from '../../lifecycle/history.js';
import { contentFingerprint, contentOf, stableJson } from '../../lifecycle/content.js';
import type { Version } from '../../git/lineage.js';
import { blobText, closeSopGit, openLazySopGit, repoRel, stagedTail, submoduleOf, type GitSide, type LazySopGit, type SopGit } from '../../git/repo.js';
import { dayOf, type Now } from '../../model/day.js';
import { parseSop, stageOfData, type StageInfo } from '../../model/stage.js';
import { digest, StatusCache, type CacheWriter, type CachedRow, type TextFacts } from '../../git/status-cache.js';
import { statusFields, statusRow, type StatusRow } from '../../lifecycle/status.js';

/** Result of `sop status`. */
export interface StatusReport {
  /** One row per SOP, in file order. */
  rows: StatusRow[];
  /** Whether git history was available. */
  git: boolean;
  /** Notes for the user (shallow clone, not a repository). */
  warnings: Said[];
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
  /** Keep `.sop-cache/status/` in the config's folder, written atomically with this (none: nothing is read or written). */
  cache?: CacheWriter;
}

/** One working-tree SOP file, as a status row needs it. */
interface WorkFile {
  /** File as shown. */
  file: string;
  /** Absolute path. */
  abs: string;
  /** Status fields, fingerprint and content digests. */
  facts: TextFacts;
  /** Digest of the text, when the cache has files (its rows are found by it). */
  key?: string;
  /** Digest of the content (parsed), computed once. */
  content(): string;
}

const plain = (d: unknown) => (d && typeof d === 'object' && !Array.isArray(d) ? (d as Record<string, any>) : undefined);
const fingerprintDigest = (text: string) => {
  const fp = contentFingerprint(text);
  return fp === undefined ? null : digest(fp);
};
/** Digest of an SOP's content: equal digests for equal content (`sameContent`). */
const contentDigest = (data: Record<string, any> | undefined) => digest(stableJson(contentOf(data)));

/** A loaded file as a status row needs it (no cache). */
function fromLoaded(f: LoadedFile, abs: string): WorkFile {
  const data = plain(f.data);
  const facts: TextFacts = { data: data && (statusFields(data) ?? data), fp: fingerprintDigest(f.text) };
  return { file: f.file, abs, facts, content: () => (facts.content ??= contentDigest(data)) };
}

/** Read a working-tree file: its facts from the cache by the text's digest, or parsed (and cached). */
function readWorkFile(file: string, abs: string, cache: StatusCache): WorkFile {
  const read = readSopText(file, abs);
  if (typeof read !== 'string' || !cache.persistent) return fromLoaded(typeof read === 'string' ? loadText(file, read) : read, abs);
  const key = digest(read);
  const known = cache.text(key);
  if (!known) {
    const loaded = loadText(file, read);
    const w = fromLoaded(loaded, abs);
    const data = plain(loaded.data);
    // Kept only when the fields stand for the data (always but for an `id` or `status` that is not text).
    if (!data || w.facts.data !== data) cache.setText(key, w.facts);
    return { ...w, key };
  }
  return {
    file,
    abs,
    key,
    facts: known,
    content: () => {
      if (known.content === undefined) {
        known.content = contentDigest(plain(loadText(file, read).data));
        cache.setText(key, known);
      }
      return known.content;
    },
  };
}

/**
 * Whether the working content differs from the version that approved it. Same fingerprint ⇒ same content:
 * the parsed content is compared only when the fingerprints differ. Both digests of a blob are cached by its id.
 */
async function changedSince(g: GitSide, approval: Version, work: WorkFile): Promise<boolean> {
  let text: Promise<string | undefined> | undefined;
  const read = () => (text ??= blobText(g, approval));
  const known = () => g.cache?.blob(approval.blob);
  const learn = (facts: { fp?: string | null; content?: string }, t: string | undefined) => {
    const b = known();
    if (b && t !== undefined) g.cache!.setBlob(approval.blob, { ...b, ...facts });
  };
  let fp = known()?.fp;
  if (fp === undefined) {
    const t = await read();
    fp = fingerprintDigest(t ?? '');
    learn({ fp }, t);
  }
  if (fp !== null && fp === work.facts.fp) return false;
  let content = known()?.content;
  if (content === undefined) {
    const t = await read();
    content = contentDigest(parseSop(t ?? ''));
    learn({ content }, t);
  }
  return content !== work.content();
}

/** The git side of a row: from the cache (by file and text at HEAD), or from the history (and cached). */
async function gitFacts(g: LazySopGit, rel: string, f: WorkFile, current: StageInfo): Promise<CachedRow> {
  const known = f.key === undefined ? undefined : g.cache?.row(rel, f.key);
  if (known) return known;
  const lin = (await g.lineages()).live.get(rel);
  let row: CachedRow = {};
  if (lin) {
    const facts = stageFacts(stageRuns(await stagedTail(g, lin, current)), current);
    const since = facts.since?.commit;
    row = {
      ...(since ? { since: [since.hash, since.date] as [string, string] } : {}),
      ...(facts.approval ? { approval: facts.approval.commit.hash } : {}),
      ...(facts.approval && (await changedSince(g, facts.approval, f)) ? { changed: true as const } : {}),
    };
  }
  if (f.key !== undefined) g.cache?.setRow(rel, f.key, row);
  return row;
}

/** The rows of working-tree files against an opened git side (or none). */
async function rowsOf(files: readonly WorkFile[], config: Config, g: LazySopGit | undefined, today: string): Promise<StatusRow[]> {
  return Promise.all(
    files.map(async (f) => {
      const data = f.facts.data as Record<string, any> | undefined;
      if (!g) return statusRow({ file: f.file, data }, config.review, today);
      const submodule = submoduleOf(g.info.root, f.abs);
      if (submodule) return statusRow({ file: f.file, data, submodule }, config.review, today);
      const rel = repoRel(g.info.root, f.abs);
      const uncommitted = g.worktree.get(rel);
      const row = await gitFacts(g, rel, f, stageOfData(data));
      const facts = { since: row.since && { commit: { hash: row.since[0], date: row.since[1] } }, approval: row.approval === undefined ? undefined : { commit: { hash: row.approval } } };
      return statusRow({ file: f.file, data, facts, changedAfterApproval: row.changed === true, uncommitted }, config.review, today);
    }),
  );
}

/** Rows for loaded files against an opened git side (or none). */
export async function statusRows(files: readonly LoadedFile[], absPaths: Map<string, string>, config: Config, g: SopGit | undefined, today: string): Promise<StatusRow[]> {
  return rowsOf(
    files.map((f) => fromLoaded(f, absPaths.get(f.file) ?? f.file)),
    config,
    g && { ...g, lineages: () => Promise.resolve(g.lineages) },
    today,
  );
}

/** `sop status`: the lifecycle position of each SOP, from the files and git. */
export async function sopStatus(opts: StatusOptions): Promise<StatusReport> {
  // git starts first and runs while the files are read.
  const config = resolveConfig(opts.cwd, opts.paths[0], opts.configPath);
  const cache = StatusCache.open(config, opts.cache);
  const gitP = openLazySopGit(config, cache);
  gitP.catch(() => undefined); // observed below; never an unhandled rejection if reading throws first
  const project = projectFiles(opts, config);
  const files = project.targets.map((abs) => readWorkFile(project.shown(abs), abs, cache));
  const g = await gitP;
  try {
    const rows = await rowsOf(files, project.config, g, dayOf(opts.now, project.config.timeZone));
    cache.save();
    const warnings = g ? g.warnings : [said('not a git repository: stage dates and approval commits are not shown', 'status.noGit')];
    return { rows, git: !!g, warnings };
  } finally {
    await closeSopGit(g);
  }
}
