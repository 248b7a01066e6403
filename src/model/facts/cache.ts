import { createHash } from 'node:crypto';
import { lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { replaceFile } from '../../util/temp.js';
import { CACHE_FOLDER, cacheFolderUsable, prepareCacheFolder } from '../../util/cache-folder.js';
import { FACTS_FORMAT, isFacts, type SopFacts } from './facts.js';

/** The file of cached facts inside it. */
export const FACTS_FILE = 'facts.json';

/** The content hash a file's facts are cached under. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url');
}

/**
 * Facts of SOP files by the hash of their bytes, kept in `<root>/.sop-cache/facts.json` for one sopkit version
 * and one facts format. A file that is unreadable, not JSON, of another version or format is ignored as a
 * whole, an entry of the wrong shape on its own: either is computed again, never trusted.
 */
export class FactsCache {
  private readonly file: string;
  private readonly old = new Map<string, SopFacts | null>();
  private readonly now = new Map<string, SopFacts | null>();
  private changed = false;
  private readonly root: string;

  constructor(
    root: string,
    private readonly version: string,
  ) {
    this.root = root;
    this.file = path.join(root, CACHE_FOLDER, FACTS_FILE);
    let parsed: unknown;
    try {
      if (!cacheFolderUsable(root) || lstatSync(this.file).isSymbolicLink()) return;
      parsed = JSON.parse(readFileSync(this.file, 'utf8'));
    } catch {
      return; // none yet, unreadable or corrupt
    }
    const p = parsed as { sopkit?: unknown; format?: unknown; facts?: unknown };
    if (!p || typeof p !== 'object' || p.sopkit !== version || p.format !== FACTS_FORMAT || !p.facts || typeof p.facts !== 'object') return;
    for (const [hash, f] of Object.entries(p.facts as Record<string, unknown>)) if (f === null || isFacts(f)) this.old.set(hash, f);
  }

  /** The cached facts of content with this hash: `null` for content that is no mapping, `undefined` when not cached. */
  get(hash: string): SopFacts | null | undefined {
    if (this.now.has(hash)) return this.now.get(hash);
    const f = this.old.get(hash);
    if (f !== undefined) this.now.set(hash, f);
    return f;
  }

  /** Remember the facts of content with this hash. */
  set(hash: string, facts: SopFacts | undefined): void {
    if (!this.now.has(hash) && !this.old.has(hash)) this.changed = true;
    this.now.set(hash, facts ?? null);
  }

  /**
   * Write the facts of this run's files (older entries are dropped) when anything changed, atomically: a temp
   * file renamed over the old one, so two runs at once leave one whole file. A cache that cannot be written
   * (read-only checkout, no permission) is skipped in silence: it only saves time.
   */
  save(): void {
    if (!this.changed && this.now.size === this.old.size) return;
    try {
      if (prepareCacheFolder(this.root)) replaceFile(this.file, JSON.stringify({ sopkit: this.version, format: FACTS_FORMAT, facts: Object.fromEntries(this.now) }));
    } catch {
      // read-only checkout, no permission: the next run computes the facts again
    }
  }
}
