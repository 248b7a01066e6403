import { readFileSync } from 'node:fs';
import { factsOf, type Loaders, type RepoFile } from './facts.js';
import { contentHash, FactsCache } from './cache.js';
import { loadBytes, MAX_FILE_BYTES, readSopBytes, type LoadedFile } from '../load.js';

/** The loaders of `sop lint`, and the cache to save once the project is open. */
export interface FactsLoading {
  /** For openProject: the targets in full, every other file as its facts. */
  loaders(config: { root: string; file?: string }): Loaders<RepoFile>;
  /** Write what the cache learnt (nothing without a cache, or when nothing changed). */
  save(): void;
}

/**
 * Load the files under check in full and take only the facts of the others, from `<root>/.sop-cache/` when
 * their content is known there (`cache`, and only in a repository: a folder with sop.config.yaml, so a file
 * linted on its own leaves nothing beside it), else from the loader itself.
 */
export function factsLoading(opts: { cache: boolean; version: string }): FactsLoading {
  let cache: FactsCache | undefined;
  const target = (shown: string, abs: string): LoadedFile => {
    const bytes = readSopBytes(shown, abs);
    if (!(bytes instanceof Uint8Array)) return bytes;
    const f = loadBytes(shown, bytes);
    cache?.set(contentHash(bytes), factsOf(f.data));
    return f;
  };
  const other = (shown: string, abs: string): RepoFile => {
    // No stat first, unlike a file under check: one too large or unreadable declares nothing either way.
    let bytes: Buffer;
    try {
      bytes = readFileSync(abs);
    } catch {
      return { file: shown, data: undefined };
    }
    if (bytes.length > MAX_FILE_BYTES) return { file: shown, data: undefined };
    const hash = cache ? contentHash(bytes) : '';
    const known = cache?.get(hash);
    if (known !== undefined) return { file: shown, data: known ?? undefined };
    const facts = factsOf(loadBytes(shown, bytes).data);
    cache?.set(hash, facts);
    return { file: shown, data: facts };
  };
  return {
    loaders(config) {
      cache = opts.cache && config.file ? new FactsCache(config.root, opts.version) : undefined;
      return { target, other };
    },
    save: () => cache?.save(),
  };
}
