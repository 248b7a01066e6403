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

/** Resolve a step ref to an index or `end`; undefined when it names nothing. */
export function resolveRef(steps: ReadonlyArray<Partial<Step>>, ref: StepRef | unknown): Target | undefined {
  if (ref === 'end') return 'end';
  if (typeof ref === 'number') return Number.isInteger(ref) && ref >= 1 && ref <= steps.length ? ref - 1 : undefined;
  if (typeof ref === 'string') {
    const i = steps.findIndex((s) => s && s.id === ref);
    return i >= 0 ? i : undefined;
  }
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

/** Steps reachable from the first step. */
export function reachableFromStart(n: number, edges: readonly FlowEdge[]): Set<number> {
  const seen = new Set<number>();
  if (n === 0) return seen;
  const stack = [0];
  while (stack.length) {
    const i = stack.pop()!;
    if (seen.has(i)) continue;
    seen.add(i);
    for (const e of edges) if (e.from === i && e.to !== 'end' && !seen.has(e.to)) stack.push(e.to);
  }
  return seen;
}

/** Steps from which an end can be reached. */
export function canReachEnd(edges: readonly FlowEdge[]): Set<number> {
  const ok = new Set<number>();
  let changed = true;
  for (const e of edges) if (e.to === 'end') ok.add(e.from);
  while (changed) {
    changed = false;
    for (const e of edges) if (!ok.has(e.from) && e.to !== 'end' && ok.has(e.to)) {
      ok.add(e.from);
      changed = true;
    }
  }
  return ok;
}

/** Indexes of steps that end the flow (terminators besides the start). */
export function endSteps(edges: readonly FlowEdge[]): Set<number> {
  return new Set(edges.filter((e) => e.to === 'end').map((e) => e.from));
}
