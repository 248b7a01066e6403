import type { Status } from '../types.js';
import { leaves, treeOrder } from './build.js';
import type { Process, ProcessMap } from './types.js';

/** SOP statuses that count as in force (an SOP that covers its process). */
export const IN_FORCE: readonly Status[] = ['approved', 'implemented', 'evaluated'];

/** What the matrix needs of an SOP (any object with these fields, e.g. a loaded SOP's data). */
export interface SopSummary {
  /** SOP id. */
  id: string;
  /** Nomor SOP, when set. */
  number?: string;
  /** Nama SOP. */
  title: string;
  /** Owning unit. */
  unit: string;
  /** Lifecycle stage. */
  status: string;
  /** Process code, when set. */
  process?: string;
}

/** One row of the process → SOP matrix. */
export interface MatrixRow {
  /** The process. */
  process: Process;
  /** Its SOPs (withdrawn ones left out), ordered by number then id. */
  sops: SopSummary[];
  /** Whether one of them is in force. */
  inForce: boolean;
}

/** The process → SOP matrix and the coverage figure. */
export interface Coverage {
  /** A row per process of the tree, depth-first in drawing order. */
  rows: MatrixRow[];
  /** Leaf processes. */
  leaves: number;
  /** Leaf processes with an SOP in force. */
  covered: number;
  /** covered / leaves (0 for a map without leaves). */
  ratio: number;
  /** Leaf processes without an SOP in force, in drawing order. */
  uncovered: Process[];
  /** SOPs (not withdrawn) whose `process` is unset or not a code of the map. */
  unmapped: SopSummary[];
}

const collator = new Intl.Collator('id', { numeric: true, sensitivity: 'base' });
const order = (a: SopSummary, b: SopSummary) => collator.compare(a.number ?? a.id, b.number ?? b.id) || collator.compare(a.id, b.id);

/** A loaded SOP's data as a summary, or undefined when it lacks an id or a title. */
export function summarize(data: unknown): SopSummary | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const d = data as Record<string, unknown>;
  const s = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const id = s(d.id);
  if (!id) return undefined;
  return { id, number: s(d.number), title: s(d.title) ?? id, unit: s(d.unit) ?? '', status: s(d.status) ?? '', process: s(d.process) };
}

/** Match SOPs to the map: the matrix rows, the coverage of leaf processes by SOPs in force, and the SOPs outside the map. */
export function mapCoverage(map: ProcessMap, sops: readonly SopSummary[], inForce: readonly string[] = IN_FORCE): Coverage {
  const byProcess = new Map<string, SopSummary[]>();
  const unmapped: SopSummary[] = [];
  for (const s of sops) {
    if (s.status === 'withdrawn' && !inForce.includes('withdrawn')) continue;
    if (s.process !== undefined && map.byCode.has(s.process)) byProcess.set(s.process, [...(byProcess.get(s.process) ?? []), s]);
    else unmapped.push(s);
  }
  const rows = treeOrder(map).map((process) => {
    const list = [...(byProcess.get(process.code) ?? [])].sort(order);
    return { process, sops: list, inForce: list.some((s) => inForce.includes(s.status)) };
  });
  const leafSet = new Set(leaves(map));
  const leafRows = rows.filter((r) => leafSet.has(r.process));
  const covered = leafRows.filter((r) => r.inForce).length;
  return {
    rows,
    leaves: leafRows.length,
    covered,
    ratio: leafRows.length ? covered / leafRows.length : 0,
    uncovered: leafRows.filter((r) => !r.inForce).map((r) => r.process),
    unmapped: unmapped.sort(order),
  };
}
