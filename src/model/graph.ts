import type { DocPath, Step, StepRef } from './types.js';

/** Target of a flow edge: a step index (0-based) or the end. */
export type Target = number | 'end';

/** One arrow of the flow. */
export interface FlowEdge {
  /** Source step index. */
  from: number;
  /** Target step index or `end`. */
  to: Target;
  /** How the edge arises. */
  kind: 'next' | 'yes' | 'no';
  /** Path of the key that set it (or of the step, for defaults). */
  path: DocPath;
}

/** A reference that names no step. */
export interface BadRef {
  /** Step index holding it. */
  from: number;
  /** Key holding it. */
  key: 'next' | 'ifYes' | 'ifNo';
  /** The reference as written. */
  ref: unknown;
}

/** The resolved flow of an SOP. */
export interface Flow {
  /** All edges, in step order (yes before no). */
  edges: FlowEdge[];
  /** References that resolve to nothing. */
  badRefs: BadRef[];
  /** Decisions without `ifNo`. */
  missingNo: number[];
}

// Step index by id, built once per steps list (a lookup per reference must not scan every step).
const idIndexes = new WeakMap<ReadonlyArray<Partial<Step>>, { length: number; ids: Map<unknown, number> }>();
function idIndex(steps: ReadonlyArray<Partial<Step>>): Map<unknown, number> {
  let idx = idIndexes.get(steps);
  if (!idx || idx.length !== steps.length) {
    const ids = new Map<unknown, number>();
    steps.forEach((s, i) => {
      if (s && typeof s === 'object' && !ids.has(s.id)) ids.set(s.id, i);
    });
    idx = { length: steps.length, ids };
    idIndexes.set(steps, idx);
  }
  return idx.ids;
}

/** Resolve a step ref to an index or `end`; undefined when it names nothing. */
export function resolveRef(steps: ReadonlyArray<Partial<Step>>, ref: StepRef | unknown): Target | undefined {
  if (ref === 'end') return 'end';
  if (typeof ref === 'number') return Number.isInteger(ref) && ref >= 1 && ref <= steps.length ? ref - 1 : undefined;
  if (typeof ref === 'string') return idIndex(steps).get(ref);
  return undefined;
}

/** Build the flow graph with the format's defaults (following step; `end` after the last). */
export function buildFlow(steps: ReadonlyArray<Partial<Step>>): Flow {
  const edges: FlowEdge[] = [];
  const badRefs: BadRef[] = [];
  const missingNo: number[] = [];
  const following = (i: number): Target => (i + 1 < steps.length ? i + 1 : 'end');
  steps.forEach((s, i) => {
    if (!s || typeof s !== 'object') return;
    const add = (key: 'next' | 'ifYes' | 'ifNo', kind: FlowEdge['kind'], fallback: Target | undefined) => {
      const ref = s[key];
      if (ref === undefined || ref === null) {
        if (fallback !== undefined) edges.push({ from: i, to: fallback, kind, path: ['steps', i] });
        return;
      }
      const t = resolveRef(steps, ref);
      if (t === undefined) badRefs.push({ from: i, key, ref });
      else edges.push({ from: i, to: t, kind, path: ['steps', i, key] });
    };
    if (s.type === 'decision') {
      add('ifYes', 'yes', following(i));
      if (s.ifNo === undefined || s.ifNo === null) missingNo.push(i);
      else add('ifNo', 'no', undefined);
    } else {
      add('next', 'next', following(i));
    }
  });
  return { edges, badRefs, missingNo };
}

/** Adjacency lists of the edges between steps, forward (`from` → `to`) or backward. */
function adjacency(edges: readonly FlowEdge[], backward: boolean): Map<number, number[]> {
  const adj = new Map<number, number[]>();
  for (const e of edges) {
    if (e.to === 'end') continue;
    const [a, b] = backward ? [e.to, e.from] : [e.from, e.to];
    const list = adj.get(a);
    if (list) list.push(b);
    else adj.set(a, [b]);
  }
  return adj;
}

/** Every node reachable from `starts` along `adj` (each edge looked at once). */
function search(starts: Iterable<number>, adj: Map<number, number[]>): Set<number> {
  const seen = new Set<number>();
  const stack: number[] = [];
  const visit = (i: number) => {
    if (seen.has(i)) return;
    seen.add(i);
    stack.push(i);
  };
  for (const s of starts) visit(s);
  while (stack.length) for (const j of adj.get(stack.pop()!) ?? []) visit(j);
  return seen;
}

/** Steps reachable from the first step (linear in steps and edges). */
export function reachableFromStart(n: number, edges: readonly FlowEdge[]): Set<number> {
  return n === 0 ? new Set() : search([0], adjacency(edges, false));
}

/** Steps from which an end can be reached (linear: one backward search from the steps that end the flow). */
export function canReachEnd(edges: readonly FlowEdge[]): Set<number> {
  return search(endSteps(edges), adjacency(edges, true));
}

/** Indexes of steps that end the flow (terminators besides the start). */
export function endSteps(edges: readonly FlowEdge[]): Set<number> {
  return new Set(edges.filter((e) => e.to === 'end').map((e) => e.from));
}
