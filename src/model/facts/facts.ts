import type { LoadedFile } from '../load.js';

/**
 * What the cross-file checks need of an SOP that is not linted itself: its top-level text fields that other
 * files refer to (`unique-id`, `unique-number`, `related-exists`, the map's coverage, `--since` moves).
 * A rule that needs more of the other files adds a key here and bumps FACTS_FORMAT (cached facts of the
 * old format are then ignored).
 */
export const FACT_KEYS = ['id', 'number', 'title', 'unit', 'status', 'process'] as const;

/** Version of the facts' shape: part of the cache's key. */
export const FACTS_FORMAT = 1;

/** The facts of one SOP: each key present only when the file sets it to a text, as the loader read it. */
export type SopFacts = Partial<Record<(typeof FACT_KEYS)[number], string>>;

/** An SOP file as the cross-file checks see it: the full load of a file under check, or the facts of another. */
export interface RepoFile {
  /** Path as shown in messages. */
  file: string;
  /** Its data (facts only, for a file not under check); `undefined` when the file could not be read as a mapping. */
  data: unknown;
}

/** How a command loads the files it checks (in full) and the other files of the repository (as it needs them). */
export interface Loaders<F extends RepoFile> {
  /** Load a file under check. */
  target(shown: string, abs: string): LoadedFile;
  /** Load any other SOP file of the repository. */
  other(shown: string, abs: string): F;
}

/** The facts of loaded data; `undefined` when it is not a mapping (nothing for the cross-file checks). */
export function factsOf(data: unknown): SopFacts | undefined {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const d = data as Record<string, unknown>;
  const out: SopFacts = {};
  for (const k of FACT_KEYS) {
    const v = d[k];
    if (typeof v === 'string') out[k] = v;
  }
  return out;
}

/** Whether `v` has the shape of facts (a cache entry read back is checked before it is used). */
export function isFacts(v: unknown): v is SopFacts {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  for (const [k, x] of Object.entries(v)) if (!(FACT_KEYS as readonly string[]).includes(k) || typeof x !== 'string') return false;
  return true;
}
