import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
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
 * Resolve `rel` against the repository `root`, following symlinks: it must be relative, exist, be a
 * file and stay inside the (real) root. One small function, so a general path-safety helper can replace it.
 */
export function resolveInsideRepo(root: string, rel: string): InsideResult {
  if (path.isAbsolute(rel) || /^[A-Za-z]:[\\/]/.test(rel) || rel.startsWith('\\')) return { ok: false, why: 'absolute' };
  const realRoot = (() => {
    try {
      return realpathSync(root);
    } catch {
      return path.resolve(root);
    }
  })();
  const inside = (p: string) => {
    const r = path.relative(realRoot, p);
    return r !== '' && !r.startsWith('..') && !path.isAbsolute(r);
  };
  const lexical = path.resolve(realRoot, rel);
  if (!inside(lexical)) return { ok: false, why: 'outside' };
  let real: string;
  try {
    real = realpathSync(path.resolve(root, rel));
  } catch {
    return { ok: false, why: 'missing' };
  }
  if (!inside(real)) return { ok: false, why: 'outside' };
  try {
    if (!statSync(real).isFile()) return { ok: false, why: 'not-file' };
  } catch {
    return { ok: false, why: 'missing' };
  }
  return { ok: true, abs: real };
}
