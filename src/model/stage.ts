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

const STATUS_LINE = /^status:[ \t]*(["']?)([A-Za-z]+)\1[ \t]*(?:#.*)?$/gm;
const REVISION_LINE = /^revision:[ \t]*(["']?)(\d+)\1[ \t]*(?:#.*)?$/gm;
const ID_LINE = /^id:[ \t]*(["']?)([A-Za-z0-9-]+)\1[ \t]*(?:#.*)?$/gm;
const ANY_KEY = (key: string) => new RegExp(`^${key}[ \\t]*:`, 'gm');

function single(text: string, re: RegExp, key: string): string | undefined | null {
  const all = [...text.matchAll(re)];
  const keys = text.match(ANY_KEY(key))?.length ?? 0;
  if (all.length !== 1 || keys !== 1) return null;
  return all[0]![2];
}

/**
 * Read `status`, `revision` and `id` from the top-level lines without building a parse tree;
 * undefined when the lines do not settle it (flow-style root, several documents, odd quoting).
 */
export function quickStage(text: string): StageInfo | undefined {
  const status = single(text, STATUS_LINE, 'status');
  const revision = single(text, REVISION_LINE, 'revision');
  if (status === null || revision === null) return undefined;
  const id = single(text, ID_LINE, 'id');
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
