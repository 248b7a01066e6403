import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/types.js';
import type { CommitMeta, Lineage, Lineages, Version } from './lineage.js';
import type { StageInfo } from './stage.js';
import { version } from '../version.js';

/** The folder of sop's caches, in the config's folder (ignored by git through its own `.gitignore`). */
export const CACHE_FOLDER = '.sop-cache';
/** The file of `sop status`'s cache, relative to the config's folder. */
export const STATUS_CACHE_FILE = `${CACHE_FOLDER}/status/cache.json`;

/** Version of the file's layout and meaning (bump it when what is cached is computed otherwise): a file of another version, or written by another sopkit version, is ignored (and replaced). */
const FORMAT = 1;

function sopkitVersion(): string {
  try {
    return version();
  } catch {
    return '';
  }
}
/** Working-tree texts kept from earlier runs (the ones of this run are always kept). */
const MAX_TEXTS = 10_000;
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

/** The history read at a commit, as stored. */
interface StoredHistory {
  key: string;
  root: string;
  head: string;
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

/**
 * The cache of `sop status` (`.sop-cache/status/cache.json` in the config's folder): the lineages of the SOP
 * folder at the last commit read (continued from there when HEAD moves on), the stage and content digests of
 * committed versions by blob id, and the status fields of working-tree texts by their digest. Everything in it
 * is keyed by content (blob ids, text digests) or checked against git (the commit, its ancestry), so a stale
 * entry is never used; a file that cannot be read or is out of shape is ignored and replaced. Without a file
 * (no config file, `--no-cache`, the library's default) it lives in memory for one run.
 */
export class StatusCache {
  private readonly blobs = new Map<string, unknown>();
  private readonly texts = new Map<string, unknown>();
  private readonly usedTexts = new Set<string>();
  private stored?: StoredHistory;
  private history?: { key: string; root: string; head: string; lineages: Lineages };
  private dirty = false;

  private constructor(
    private readonly root?: string,
    private readonly write?: CacheWriter,
  ) {}

  /** The cache of a config: its file when there is a config file and a writer, memory only otherwise. */
  static open(config: Config, write?: CacheWriter): StatusCache {
    if (!config.file || !write) return new StatusCache();
    const cache = new StatusCache(config.root, write);
    cache.load();
    return cache;
  }

  /** The cache file (absolute), when the cache has one. */
  get file(): string | undefined {
    return this.root === undefined ? undefined : path.join(this.root, STATUS_CACHE_FILE);
  }

  private load(): void {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.file!, 'utf8'));
    } catch {
      return; // none yet, unreadable or damaged: start afresh
    }
    if (!raw || typeof raw !== 'object') return;
    const c = raw as Record<string, unknown>;
    if (c.format !== FORMAT || c.sopkit !== sopkitVersion()) return;
    const h = c.history as Record<string, unknown> | undefined;
    if (h && isStr(h.key) && isStr(h.root) && isStr(h.head) && OID.test(h.head) && Array.isArray(h.commits) && Array.isArray(h.live) && Array.isArray(h.deleted)) {
      this.stored = h as unknown as StoredHistory;
    }
    if (c.blobs && typeof c.blobs === 'object') for (const [k, v] of Object.entries(c.blobs)) this.blobs.set(k, v);
    if (c.texts && typeof c.texts === 'object') for (const [k, v] of Object.entries(c.texts)) this.texts.set(k, v);
  }

  /** The stored history for this key (SOP pathspecs), if any. */
  storedHistory(key: string): CachedHistory | undefined {
    const h = this.stored;
    if (!h || h.key !== key) return undefined;
    return { root: h.root, head: h.head, lineages: () => readLineages(h) };
  }

  /** Record the history read at `head` (saved when it differs from the stored one). */
  setHistory(key: string, root: string, head: string, lineages: Lineages): void {
    this.history = { key, root, head, lineages };
    const s = this.stored;
    if (!s || s.key !== key || s.root !== root || s.head !== head) this.dirty = true;
  }

  /** Facts of a blob, when known. */
  blob(oid: string): BlobFacts | undefined {
    const b = this.blobs.get(oid);
    return validBlob(b) ? b : undefined;
  }

  /** Record (or complete) the facts of a blob. */
  setBlob(oid: string, facts: BlobFacts): void {
    this.blobs.set(oid, facts);
    this.dirty = true;
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
   * Write the cache when it learnt something (atomically, through the injected writer), with a `.gitignore`
   * that keeps the cache folder out of git. Blobs no live or deleted file refers to any more are dropped,
   * and the oldest texts past {@link MAX_TEXTS}. A failed write is ignored: the cache only saves time.
   */
  save(): void {
    const file = this.file;
    if (!file || !this.write || !this.dirty) return;
    const history = this.history;
    const blobs: Record<string, unknown> = {};
    if (history) {
      const referenced = new Set<string>();
      for (const lin of [...history.lineages.live.values(), ...history.lineages.deleted]) for (const v of lin.versions) referenced.add(v.blob);
      for (const [k, v] of this.blobs) if (referenced.has(k)) blobs[k] = v;
    } else for (const [k, v] of this.blobs) blobs[k] = v;
    const kept = [...this.texts.keys()].filter((k) => !this.usedTexts.has(k));
    const texts: Record<string, unknown> = {};
    for (const k of [...kept.slice(Math.max(0, kept.length - MAX_TEXTS)), ...this.usedTexts]) texts[k] = this.texts.get(k);
    const out = {
      format: FORMAT,
      sopkit: sopkitVersion(),
      ...(history ? { history: { key: history.key, root: history.root, head: history.head, ...storeLineages(history.lineages) } } : {}),
      blobs,
      texts,
    };
    try {
      const ignore = path.join(this.root!, CACHE_FOLDER, '.gitignore');
      if (!existsSync(ignore)) this.write(ignore, '# sop caches: never committed\n*\n');
      this.write(file, JSON.stringify(out));
      this.dirty = false;
    } catch {
      // read-only folder, full disk: the next run reads git again
    }
  }
}
