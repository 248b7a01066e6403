// Hand-made and random SOP graphs for the flowchart tests.
import { buildFlow } from '../../../src/model/graph.js';
import type { Step } from '../../../src/model/types.js';
import type { FlowchartInput } from '../../../src/render/flowchart/index.js';
import { mulberry32 } from '../../helpers/prng.js';

/** A step in short form: lane index, optional decision, and refs (1-based numbers or 'end'). */
export interface S {
  lane: number;
  decision?: boolean;
  next?: number | 'end';
  yes?: number | 'end';
  no?: number | 'end';
  labels?: [string, string];
}

/** Build a FlowchartInput through the real buildFlow. */
export function graph(lanes: number, steps: S[]): FlowchartInput & { activities: string[] } {
  const full: Step[] = steps.map((s, i) => ({
    activity: `Kegiatan ${i + 1}`,
    actor: `a${s.lane}`,
    ...(s.decision ? { type: 'decision' as const, ifNo: s.no ?? 'end' } : {}),
    ...(s.decision && s.yes !== undefined ? { ifYes: s.yes } : {}),
    ...(!s.decision && s.next !== undefined ? { next: s.next } : {}),
  }));
  return {
    lanes: Array.from({ length: lanes }, (_, i) => ({ id: `a${i}`, name: `Pelaksana ${i + 1}` })),
    steps: steps.map((s) => ({ lane: s.lane, type: s.decision ? 'decision' : 'process' })),
    edges: buildFlow(full).edges,
    labels: steps.map((s) => s.labels),
    activities: full.map((s) => s.activity),
  };
}

/** Deterministic PRNG (mulberry32). */
export const prng = mulberry32;

/** A random valid SOP graph: every step reachable, an end reachable, decisions with two different branches. */
export function randomGraph(seed: number): { lanes: number; steps: S[] } {
  const rnd = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const lanes = int(1, 6);
  const n = int(2, 30);
  const steps: S[] = [];
  for (let i = 0; i < n; i++) {
    const s: S = { lane: int(0, lanes - 1) };
    const num = i + 1;
    const pick = (): number | 'end' => {
      const r = rnd();
      if (r < 0.15) return 'end';
      if (r < 0.45 && i > 0) return int(1, num); // loop back (or to itself)
      return int(Math.min(num + 1, n), n);
    };
    if (i > 0 && i < n - 1 && rnd() < 0.3) {
      s.decision = true;
      if (rnd() < 0.2) s.yes = pick();
      let no = pick();
      const yes = s.yes ?? num + 1;
      for (let t = 0; no === yes && t < 5; t++) no = pick();
      if (no === yes) no = yes === 'end' ? 1 : 'end';
      s.no = no;
      if (rnd() < 0.2) s.labels = ['Lengkap', 'Tidak lengkap'];
    } else if (rnd() < 0.15 && i < n - 1) s.next = pick();
    steps.push(s);
  }
  // Keep the last step an end unless it jumps elsewhere; the default flow keeps every step reachable from its predecessor.
  return { lanes, steps };
}
