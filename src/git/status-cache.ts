import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CommitMeta, Lineage, Lineages, Version } from './lineage.js';
import type { StageInfo } from '../model/stage.js';
import { version } from '../util/version.js';
import { CACHE_FOLDER, cacheFolderUsable, prepareCacheFolder } from '../util/cache-folder.js';

/** The file of `sop status`'s cache, relative to the config's folder: what a run reads when HEAD has not moved. */
export const STATUS_CACHE_FILE = `${CACHE_FOLDER}/status/cache.json`;
/** Its second file, read only when needed: the history (lineages) at that commit and the facts of file versions by blob id. */
export const STATUS_HISTORY_FILE = `${CACHE_FOLDER}/status/history.json`;

/** Version of the file's layout and meaning (bump it when what is cached is computed otherwise): a file of another version, or written by another sopkit version, is ignored (and replaced). */
const FORMAT = 1;

function sopkitVersion(): string {
  try {
    return version();
  } catch {
    return '';
  }
}
/** Working-tree texts (and rows) kept from earlier runs (the ones of this run are always kept). */
const MAX_KEPT = 10_000;
const OID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
const CHANGES = new Set(['A', 'M', 'D', 'R', 'C', 'T']);

/** Writes a file atomically (injected by the CLI; it may throw). */
export type CacheWriter = (absFile: string, data: string) => void;

/** A short digest of a text (SHA-1, base64). */
export function digest(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

/** What `sop status` needs from one committed version of an SOP file (a blob). */
export interface BlobFacts {
  /** Status, revision and id. */
  stage: StageInfo;
  /** Digest of its content fingerprint (null when it has none), once needed. */
  fp?: string | null;
  /** Digest of its content (parsed), once needed. */
  content?: string;
}

/** What `sop status` needs from one working-tree text. */
export interface TextFacts {
  /** The fields a status row reads (see `statusFields`); absent when the text does not parse. */
  data?: Record<string, unknown>;
  /** Digest of its content fingerprint (null when it has none). */
  fp: string | null;
  /** Digest of its content (parsed), once needed. */
  content?: string;
}

/** The git side of a status row at a commit, by file and text: what {@link RowFacts} holds, and the approval check. */
export interface CachedRow {
  /** The commit that entered the stage: id and author date. */
  since?: [string, string];
  /** The commit that approved the revision. */
  approval?: string;
  /** The content differs from the approved version. */
  changed?: true;
}

/** Where a history was read: the SOP pathspecs, the work tree's root, the commit. */
export interface HistoryAt {
  /** The SOP pathspecs (joined). */
  key: string;
  /** Work-tree root. */
  root: string;
  /** The commit. */
  head: string;
}

/** The history read at a commit, as stored. */
interface StoredHistory extends HistoryAt {
  commits: unknown[];
  live: unknown[];
  deleted: unknown[];
}

/** The history of the SOP folder at `head`, from the cache. */
export interface CachedHistory {
  /** Work-tree root it was read in. */
  root: string;
  /** The commit it was read at. */
  head: string;
  /** Fresh lineages (the caller may extend them); undefined when the stored ones are damaged. */
  lineages(): Lineages | undefined;
}

const isStr = (v: unknown): v is string => typeof v === 'string';
const optStr = (v: unknown) => v === undefined || typeof v === 'string';

function validStage(v: unknown): v is StageInfo {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const s = v as Record<string, unknown>;
  return optStr(s.status) && optStr(s.id) && (s.revision === undefined || Number.isInteger(s.revision));
}

function validBlob(v: unknown): v is BlobFacts {
  if (!v || typeof v !== 'object') return false;
  const b = v as Record<string, unknown>;
  return validStage(b.stage) && (b.fp === undefined || b.fp === null || isStr(b.fp)) && optStr(b.content);
}

function validRow(v: unknown): v is CachedRow {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const r = v as Record<string, unknown>;
  const since = r.since === undefined || (Array.isArray(r.since) && r.since.length === 2 && r.since.every(isStr) && OID.test(r.since[0] as string));
  return since && (r.approval === undefined || (isStr(r.approval) && OID.test(r.approval))) && (r.changed === undefined || r.changed === true);
}

const validAt = (v: unknown): v is HistoryAt => !!v && typeof v === 'object' && isStr((v as HistoryAt).key) && isStr((v as HistoryAt).root) && isStr((v as HistoryAt).head) && OID.test((v as HistoryAt).head);
const sameAt = (a: HistoryAt | undefined, b: HistoryAt | undefined) => !!a && !!b && a.key === b.key && a.root === b.root && a.head === b.head;

function validText(v: unknown): v is TextFacts {
  if (!v || typeof v !== 'object') return false;
  const t = v as Record<string, unknown>;
  const data = t.data === undefined || (!!t.data && typeof t.data === 'object' && !Array.isArray(t.data));
  return data && (t.fp === null || isStr(t.fp)) && optStr(t.content);
}

/** Lineages back from their stored form; undefined when anything is out of shape. */
function readLineages(h: StoredHistory): Lineages | undefined {
  const commits: CommitMeta[] = [];
  for (const c of h.commits) {
    if (!Array.isArray(c) || c.length !== 5 || !c.every(isStr)) return undefined;
    const [hash, author, email, date, subject] = c as [string, string, string, string, string];
    if (!OID.test(hash)) return undefined;
    commits.push({ hash, author, email, date, subject });
  }
  const lineage = (l: unknown): Lineage | undefined => {
    if (!Array.isArray(l) || l.length !== 2 || !isStr(l[0]) || !Array.isArray(l[1]) || l[1].length === 0) return undefined;
    const versions: Version[] = [];
    for (const v of l[1] as unknown[]) {
      if (!Array.isArray(v) || v.length < 4 || v.length > 5) return undefined;
      const [ci, p, blob, change, oldPath] = v as unknown[];
      const commit = typeof ci === 'number' ? commits[ci] : undefined;
      if (!commit || !isStr(p) || !isStr(blob) || !OID.test(blob) || !isStr(change) || !CHANGES.has(change) || !optStr(oldPath)) return undefined;
      versions.push({ commit, path: p, blob, change: change as Version['change'], ...(oldPath === undefined ? {} : { oldPath: oldPath as string }) });
    }
    return { path: l[0], deleted: false, versions };
  };
  const live = new Map<string, Lineage>();
  for (const l of h.live) {
    const lin = lineage(l);
    if (!lin || live.has(lin.path)) return undefined;
    live.set(lin.path, lin);
  }
  const deleted: Lineage[] = [];
  for (const l of h.deleted) {
    const lin = lineage(l);
    if (!lin) return undefined;
    deleted.push({ ...lin, deleted: true });
  }
  return { live, deleted };
}

/** Lineages in their stored form: commits listed once, versions as `[commit index, path, blob, change, old path?]`. */
function storeLineages(l: Lineages): { commits: string[][]; live: unknown[]; deleted: unknown[] } {
  const index = new Map<CommitMeta, number>();
  const commits: string[][] = [];
  const lineage = (lin: Lineage) => [
    lin.path,
    lin.versions.map((v) => {
      let i = index.get(v.commit);
      if (i === undefined) {
        i = commits.length;
        index.set(v.commit, i);
        commits.push([v.commit.hash, v.commit.author, v.commit.email, v.commit.date, v.commit.subject]);
      }
      return v.oldPath === undefined ? [i, v.path, v.blob, v.change] : [i, v.path, v.blob, v.change, v.oldPath];
    }),
  ];
  return { commits, live: [...l.live.values()].map(lineage), deleted: l.deleted.map(lineage) };
}

/** Parse a cache file of this format and sopkit version; undefined when it is missing, unreadable or of another kind. */
function readCacheFile(file: string): Record<string, unknown> | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined; // none yet, unreadable or damaged: start afresh
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const c = raw as Record<string, unknown>;
  return c.format === FORMAT && c.sopkit === sopkitVersion() ? c : undefined;
}

const entries = (o: unknown): Array<[string, unknown]> => (o && typeof o === 'object' && !Array.isArray(o) ? Object.entries(o) : []);

/** Earlier entries (up to {@link MAX_KEPT}, the newest) and this run's, as an object to store. */
function kept(all: Map<string, unknown>, used: Set<string>): Record<string, unknown> {
  const earlier = [...all.keys()].filter((k) => !used.has(k));
  const out: Record<string, unknown> = {};
  for (const k of [...earlier.slice(Math.max(0, earlier.length - MAX_KEPT)), ...used]) out[k] = all.get(k);
  return out;
}

/**
 * The cache of `sop status` in the config's folder. `.sop-cache/status/cache.json`, read by every run: the
 * status fields of working-tree texts by their digest, and the git side of each row (since, approval, changed)
 * by file and text digest, valid at one commit. `.sop-cache/status/history.json`, read only when a row is not
 * there or HEAD moved: the lineages of the SOP folder at that commit (continued from there when HEAD moves
 * on) and the stage and content digests of committed versions by blob id. Everything is keyed by content
 * (blob ids, text digests) or checked against git (the commit, its ancestry), so a stale entry is never used;
 * a file that cannot be read or is out of shape is ignored and replaced. Without a file (no config file,
 * `--no-cache`, the library's default) it lives in memory for one run.
 */
export class StatusCache {
  private readonly texts = new Map<string, unknown>();
  private readonly usedTexts = new Set<string>();
  private readonly rows = new Map<string, unknown>();
  private readonly usedRows = new Set<string>();
  private readonly blobs = new Map<string, unknown>();
  /** Where the stored history and rows were read (from cache.json). */
  private storedAt?: HistoryAt;
  /** Where this run's rows hold (undefined: rows are not kept). */
  private rowsAt?: HistoryAt;
  private stored?: StoredHistory;
  private historyLoaded = false;
  private history?: HistoryAt & { lineages: Lineages };
  private dirty = false;
  private historyDirty = false;

  private constructor(
    private readonly root?: string,
    private readonly write?: CacheWriter,
  ) {}

  /** The cache of a config: its files when there is a config file and a writer, memory only otherwise. */
  static open(config: { root: string; file?: string }, write?: CacheWriter): StatusCache {
    // A .sop-cache that is a symbolic link is never read or written through (the lint cache keeps the same rule).
    if (!config.file || !write || !cacheFolderUsable(config.root)) return new StatusCache();
    const cache = new StatusCache(config.root, write);
    const c = readCacheFile(cache.path(STATUS_CACHE_FILE)!);
    if (c) {
      if (validAt(c.at)) cache.storedAt = { key: c.at.key, root: c.at.root, head: c.at.head };
      for (const [k, v] of entries(c.texts)) cache.texts.set(k, v);
      if (cache.storedAt) for (const [k, v] of entries(c.rows)) cache.rows.set(k, v);
    }
    return cache;
  }

  private path(rel: string): string | undefined {
    return this.root === undefined ? undefined : path.join(this.root, rel);
  }

  /** Whether the cache has files (otherwise it is kept in memory for one run). */
  get persistent(): boolean {
    return this.root !== undefined;
  }

  /** history.json, once: its lineages when they were stored at the commit cache.json names, and its blobs. */
  private loadHistory(): void {
    if (this.historyLoaded) return;
    this.historyLoaded = true;
    const file = this.path(STATUS_HISTORY_FILE);
    const c = file ? readCacheFile(file) : undefined;
    if (!c) return;
    const h = c.history as Record<string, unknown> | undefined;
    if (h && validAt(h) && sameAt(h, this.storedAt) && Array.isArray(h.commits) && Array.isArray(h.live) && Array.isArray(h.deleted)) this.stored = h as unknown as StoredHistory;
    for (const [k, v] of entries(c.blobs)) if (!this.blobs.has(k)) this.blobs.set(k, v);
  }

  /** Where the stored history was read, for this key (SOP pathspecs), if anywhere; its lineages are read on demand. */
  storedHistory(key: string): CachedHistory | undefined {
    const at = this.storedAt;
    if (!at || at.key !== key) return undefined;
    return {
      root: at.root,
      head: at.head,
      lineages: () => {
        this.loadHistory();
        return this.stored ? readLineages(this.stored) : undefined;
      },
    };
  }

  /** The commit this run reads (none for a shallow clone): rows stored for another are dropped. */
  setHead(at: HistoryAt | undefined): void {
    this.rowsAt = at;
    if (!sameAt(at, this.storedAt) && this.rows.size) {
      this.rows.clear();
      this.dirty = true;
    }
  }

  /** Record the history read at `head` (saved when it differs from the stored one). */
  setHistory(at: HistoryAt, lineages: Lineages): void {
    this.history = { ...at, lineages };
    if (!sameAt(at, this.storedAt)) this.historyDirty = this.dirty = true;
  }

  /** The git side of a row at this run's commit, by repository path and text digest, when known. */
  row(rel: string, text: string): CachedRow | undefined {
    if (!this.rowsAt) return undefined;
    const key = `${rel}\0${text}`;
    const r = this.rows.get(key);
    if (!validRow(r)) return undefined;
    this.usedRows.add(key);
    return r;
  }

  /** Record the git side of a row (kept when the run's commit is known). */
  setRow(rel: string, text: string, row: CachedRow): void {
    if (!this.rowsAt) return;
    const key = `${rel}\0${text}`;
    this.rows.set(key, row);
    this.usedRows.add(key);
    this.dirty = true;
  }

  /** Facts of a blob, when known. */
  blob(oid: string): BlobFacts | undefined {
    if (this.persistent) this.loadHistory();
    const b = this.blobs.get(oid);
    return validBlob(b) ? b : undefined;
  }

  /** Record (or complete) the facts of a blob. */
  setBlob(oid: string, facts: BlobFacts): void {
    this.blobs.set(oid, facts);
    this.historyDirty = this.dirty = true;
  }

  /** Facts of a working-tree text by its digest, when known. */
  text(key: string): TextFacts | undefined {
    const t = this.texts.get(key);
    if (!validText(t)) return undefined;
    this.usedTexts.add(key);
    return t;
  }

  /** Record (or complete) the facts of a working-tree text. */
  setText(key: string, facts: TextFacts): void {
    this.texts.set(key, facts);
    this.usedTexts.add(key);
    this.dirty = true;
  }

  /**
   * Write what the run learnt (atomically, through the injected writer): history.json when the history or the
   * blobs changed (blobs no file refers to any more are dropped), then cache.json; and a `.gitignore` that keeps
   * the cache folder out of git. Texts and rows of earlier runs are kept up to {@link MAX_KEPT}. A failed
   * write is ignored: the cache only saves time.
   */
  save(): void {
    if (!this.persistent || !this.write || !this.dirty) return;
    const history = this.history;
    try {
      if (!prepareCacheFolder(this.root!)) return;
      if (this.historyDirty && history) {
        this.loadHistory(); // blobs of earlier runs still referred to are kept
        const referenced = new Set<string>();
        for (const lin of [...history.lineages.live.values(), ...history.lineages.deleted]) for (const v of lin.versions) referenced.add(v.blob);
        const blobs: Record<string, unknown> = {};
        for (const [k, v] of this.blobs) if (referenced.has(k)) blobs[k] = v;
        const { key, root, head } = history;
        this.write(this.path(STATUS_HISTORY_FILE)!, JSON.stringify({ format: FORMAT, sopkit: sopkitVersion(), history: { key, root, head, ...storeLineages(history.lineages) }, blobs }));
      }
      // cache.json names the commit of history.json: written second, so a run killed in between finds them apart and reads git again.
      const at = history && (this.historyDirty || sameAt(history, this.storedAt)) ? { key: history.key, root: history.root, head: history.head } : this.historyDirty ? undefined : this.storedAt;
      const rows = at && sameAt(at, this.rowsAt) ? kept(this.rows, this.usedRows) : {};
      this.write(this.path(STATUS_CACHE_FILE)!, JSON.stringify({ format: FORMAT, sopkit: sopkitVersion(), ...(at ? { at } : {}), rows, texts: kept(this.texts, this.usedTexts) }));
      this.dirty = this.historyDirty = false;
    } catch {
      // read-only folder, full disk: the next run reads git again
    }
  }
}
