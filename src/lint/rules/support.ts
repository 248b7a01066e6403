import { buildFlow, type Flow } from '../../model/graph.js';
import type { DocPath, Step } from '../../model/types.js';
import { formatPath } from '../../model/words.js';

/** Shared helpers for rules that must cope with schema-invalid data. */

/** A plain mapping (not null, not a list). */
export function isObj(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A non-empty string. */
export function isText(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0;
}

/** Data naming a node inside `steps`, for messages worded `\`{{field}}\` (step {{step}})`: `steps[3].actor` and 4. */
export function stepField(p: DocPath): { field: string; step: number } {
  return { field: formatPath(p), step: typeof p[1] === 'number' ? p[1] + 1 : 0 };
}

/** The steps as a list of (index, mapping) pairs, skipping entries that are not mappings. */
export function stepEntries(sop: Record<string, any>): Array<[number, Record<string, any>]> {
  const steps: unknown = sop.steps;
  if (!Array.isArray(steps)) return [];
  const out: Array<[number, Record<string, any>]> = [];
  steps.forEach((s, i) => {
    if (isObj(s)) out.push([i, s]);
  });
  return out;
}

/** The actors as (index, mapping) pairs, skipping entries that are not mappings. */
export function actorEntries(sop: Record<string, any>): Array<[number, Record<string, any>]> {
  const actors: unknown = sop.actors;
  if (!Array.isArray(actors)) return [];
  const out: Array<[number, Record<string, any>]> = [];
  actors.forEach((a, i) => {
    if (isObj(a)) out.push([i, a]);
  });
  return out;
}

/** Whether a step is a decision (anything else counts as a process step). */
export function isDecision(step: Record<string, any>): boolean {
  return step.type === 'decision';
}

/** A step reference of a shape the schema accepts: `end`, a slug, or a positive integer. */
export function isRefShape(v: unknown): v is string | number {
  return (typeof v === 'number' && Number.isInteger(v) && v >= 1) || (typeof v === 'string' && /^[a-z][a-z0-9-]*$/.test(v));
}

/**
 * The flow when the step list can be trusted for graph checks: every step a mapping with a known
 * type, every reference resolving, ids unique, every decision with `ifNo`. Otherwise undefined
 * (the problems are reported by `schema`, `step-ref` and `decision-branches`; graph rules would only add noise).
 */
export function trustedFlow(sop: Record<string, any>): { steps: Step[]; flow: Flow } | undefined {
  // Two rules ask for it (no-end, unreachable-step): the graph of one file is built once.
  if (flows.has(sop)) return flows.get(sop);
  const t = buildTrustedFlow(sop);
  flows.set(sop, t);
  return t;
}

const flows = new WeakMap<object, { steps: Step[]; flow: Flow } | undefined>();

function buildTrustedFlow(sop: Record<string, any>): { steps: Step[]; flow: Flow } | undefined {
  const steps: unknown = sop.steps;
  if (!Array.isArray(steps) || steps.length === 0) return undefined;
  if (!steps.every((s) => isObj(s) && (s.type === undefined || s.type === 'process' || s.type === 'decision'))) return undefined;
  const ids = steps.map((s) => (s as Record<string, unknown>).id).filter((id) => id !== undefined);
  if (ids.some((id) => typeof id !== 'string') || new Set(ids).size !== ids.length) return undefined;
  const flow = buildFlow(steps as Step[]);
  if (flow.badRefs.length > 0 || flow.missingNo.length > 0) return undefined;
  return { steps: steps as Step[], flow };
}

export { DATE_SHAPE, isRealDay, validDate } from '../../model/day.js';

/** Names a list of items in prose: `a`, `a and b`, `a, b and c`. */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
