import { loadText } from './load.js';
import type { Status } from './types.js';

/** The lifecycle facts of one version of an SOP file. */
export interface StageInfo {
  /** `status` as written (may be invalid text in broken files). */
  status?: string;
  /** `revision`, when an integer. */
  revision?: number;
  /** `id`, when a string. */
  id?: string;
}

const STATUS_LINE = /^status:[ \t]*(["']?)([A-Za-z]+)\1[ \t]*(?:#.*)?$/my;
const REVISION_LINE = /^revision:[ \t]*(["']?)(\d+)\1[ \t]*(?:#.*)?$/my;
const ID_LINE = /^id:[ \t]*(["']?)([A-Za-z0-9-]+)\1[ \t]*(?:#.*)?$/my;
const KEYS = /^(status|revision|id)[ \t]*:/gm;

/**
 * Read `status`, `revision` and `id` from the top-level lines without building a parse tree;
 * undefined when the lines do not settle it (flow-style root, several documents, odd quoting).
 * One pass finds the lines that start with one of the keys; a key counts when it starts exactly one line
 * and that line is the whole `key: value`.
 */
export function quickStage(text: string): StageInfo | undefined {
  const at: Record<string, number> = { status: -1, revision: -1, id: -1 };
  for (const m of text.matchAll(KEYS)) at[m[1]!] = at[m[1]!] === -1 ? m.index : -2;
  const value = (re: RegExp, i: number): string | null => {
    if (i < 0) return null;
    re.lastIndex = i;
    return re.exec(text)?.[2] ?? null;
  };
  const status = value(STATUS_LINE, at.status!);
  const revision = value(REVISION_LINE, at.revision!);
  if (status === null || revision === null) return undefined;
  const id = value(ID_LINE, at.id!);
  return { status, revision: Number(revision), id: id ?? undefined };
}

/** Parse SOP text to plain data, as `sop lint` reads it (dates stay strings); undefined when it is not a clean mapping. */
export function parseSop(text: string): Record<string, any> | undefined {
  if (!text) return undefined;
  const data = loadText('', text).data;
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, any>) : undefined;
}

/** Stage facts of parsed data. */
export function stageOfData(data: Record<string, any> | undefined): StageInfo {
  if (!data) return {};
  return {
    status: typeof data.status === 'string' ? data.status : undefined,
    revision: Number.isInteger(data.revision) ? (data.revision as number) : undefined,
    id: typeof data.id === 'string' ? data.id : undefined,
  };
}

/** Stage facts of a text: the cheap line scan when it settles it, a full parse otherwise. */
export function readStage(text: string): StageInfo {
  return quickStage(text) ?? stageOfData(parseSop(text));
}

/** Whether a string is a known lifecycle status. */
export function isStatus(s: unknown): s is Status {
  return s === 'draft' || s === 'approved' || s === 'implemented' || s === 'evaluated' || s === 'withdrawn';
}
