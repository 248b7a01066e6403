import { buildFlow } from '../model/graph.js';
import { parseDuration } from '../model/duration.js';
import type { Step } from '../model/types.js';

/** Total time of the main path, in working minutes. */
export interface PathTime {
  /** Step indexes on the main path, in order. */
  steps: number[];
  /** Sum of the lower bounds. */
  min: number;
  /** Sum of the upper bounds. */
  max: number;
  /** Steps on the path whose time is missing or does not parse. */
  untimed: number;
}

/** The main path: from the start, following `next`/`ifYes` until an end, each step once. */
export function mainPath(steps: ReadonlyArray<Partial<Step>>): number[] {
  const { edges } = buildFlow(steps);
  const out: number[] = [];
  const seen = new Set<number>();
  let at: number | 'end' | undefined = steps.length > 0 ? 0 : undefined;
  while (typeof at === 'number' && !seen.has(at)) {
    seen.add(at);
    out.push(at);
    const from: number = at;
    at = edges.find((e) => e.from === from && (e.kind === 'next' || e.kind === 'yes'))?.to;
  }
  return out;
}

/** Sum each main-path step's `time` (working minutes; a day is 8 hours). */
export function mainPathTime(steps: ReadonlyArray<Partial<Step>>): PathTime {
  const path = mainPath(steps);
  let min = 0;
  let max = 0;
  let untimed = 0;
  for (const i of path) {
    const t = steps[i]?.time;
    const d = typeof t === 'string' ? parseDuration(t) : undefined;
    if (!d) {
      untimed++;
      continue;
    }
    min += d.min;
    max += d.max;
  }
  return { steps: path, min, max, untimed };
}
