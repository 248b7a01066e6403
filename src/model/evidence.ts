import { statSync } from 'node:fs';
import path from 'node:path';
import { resolveInside } from '../util/inside.js';
import { ConfigError } from '../util/errors.js';
import type { DocPath } from './types.js';

/** One evidence reference of an SOP, with where it is written. */
export interface EvidenceRef {
  /** Document path of the reference (e.g. `['monitoring', 0, 'evidence', 1]`). */
  path: DocPath;
  /** The reference as written: a repository path or a URL. */
  value: string;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a reference is a web address rather than a repository path. */
export function isUrl(ref: string): boolean {
  return /^https?:\/\/\S+$/i.test(ref);
}

/** Every evidence reference of an SOP: `evidence` lists of the records and the evaluation meeting's minutes and attendance. */
export function evidenceRefs(sop: Record<string, any>): EvidenceRef[] {
  const out: EvidenceRef[] = [];
  for (const list of ['socialization', 'monitoring', 'evaluations'] as const) {
    const entries: unknown = sop[list];
    if (!Array.isArray(entries)) continue;
    entries.forEach((e, i) => {
      if (!isObj(e)) return;
      if (Array.isArray(e.evidence)) e.evidence.forEach((v, j) => typeof v === 'string' && out.push({ path: [list, i, 'evidence', j], value: v }));
      if (list === 'evaluations' && isObj(e.meeting)) {
        for (const k of ['minutes', 'attendance'] as const) if (typeof e.meeting[k] === 'string') out.push({ path: [list, i, 'meeting', k], value: e.meeting[k] as string });
      }
    });
  }
  return out;
}

/** Where a repository path leads. */
export type InsideResult = { ok: true; abs: string } | { ok: false; why: 'absolute' | 'outside' | 'missing' | 'not-file' };

/**
 * Resolve an evidence path `rel` against the repository `root` through `resolveInside` (the one check every
 * path an SOP names goes through: symlinks followed, refused outside the repository). Never throws: it must be
 * relative, stay inside, exist and be a file, and says which of these failed.
 */
export function resolveEvidence(root: string, rel: string): InsideResult {
  if (path.isAbsolute(rel) || /^[A-Za-z]:[\\/]/.test(rel) || rel.startsWith('\\')) return { ok: false, why: 'absolute' };
  let real: string;
  try {
    real = resolveInside(root, rel, { what: 'evidence' });
  } catch (e) {
    if (e instanceof ConfigError) return { ok: false, why: 'outside' };
    throw e;
  }
  try {
    return statSync(real).isFile() ? { ok: true, abs: real } : { ok: false, why: 'not-file' };
  } catch {
    return { ok: false, why: 'missing' };
  }
}
