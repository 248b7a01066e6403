// First pass of the layout: symbol kinds, each edge's routing class, which side a decision's
// "no" exit takes, and the branch labels with the channel room they reserve.
import type { FlowEdge } from '../../model/graph.js';
import { CAP, LINE_H, SYMBOL, TRACK0, textWidth, wrapLabel } from './geometry.js';
import type { Reservation } from './tracks.js';
import type { BandOptions, BranchLabel, FlowchartInput, RouteKind, SymbolKind } from './types.js';

/** Result of classification. */
export interface Plan {
  /** Number of lanes (at least 1). */
  lanes: number;
  /** Lane per row, clamped into range. */
  laneOf: number[];
  /** Symbol per row. */
  kinds: SymbolKind[];
  /** Valid edges with their index in the input. */
  edges: Array<{ index: number; e: FlowEdge }>;
  /** Routing class per input edge. */
  cls: RouteKind[];
  /** Side of each decision's "no" exit (and its label); the "yes" label sits on the other side. */
  noSide: Array<-1 | 1>;
  /** Branch labels. */
  labels: BranchLabel[];
  /** Channel room taken by labels and end capsules. */
  reservations: Reservation[];
}

/** Kinds: first step = start; a process whose flow goes to `end` = end; decisions stay diamonds. */
export function symbolKinds(input: FlowchartInput): SymbolKind[] {
  const ends = new Set(input.edges.filter((e) => e.to === 'end').map((e) => e.from));
  return input.steps.map((s, i) => (s.type === 'decision' ? 'decision' : i === 0 ? 'start' : ends.has(i) ? 'end' : 'process'));
}

export function classify(input: FlowchartInput, opts: BandOptions): Plan {
  const n = input.steps.length;
  const lanes = Math.max(1, input.lanes.length);
  const laneOf = input.steps.map((s) => Math.min(lanes - 1, Math.max(0, Math.trunc(Number.isFinite(s.lane) ? s.lane : 0))));
  const kinds = symbolKinds(input);
  const edges: Plan['edges'] = [];
  const cls: RouteKind[] = input.edges.map(() => 'terminal');
  const topTaken = new Array<boolean>(n).fill(false);
  const ok = (t: unknown): t is number => typeof t === 'number' && Number.isInteger(t) && t >= 0 && t < n;
  input.edges.forEach((e, index) => {
    if (!ok(e.from) || (e.to !== 'end' && !ok(e.to))) return;
    edges.push({ index, e });
  });
  const bottomExit = (e: FlowEdge) => e.kind !== 'no';
  for (const { index, e } of edges) {
    const dec = kinds[e.from] === 'decision';
    if (e.to === 'end') cls[index] = dec ? (e.kind === 'no' ? 'endSide' : 'endBelow') : 'terminal';
    else if (bottomExit(e) && e.to === e.from + 1) {
      cls[index] = 'next';
      topTaken[e.to] = true;
    } else cls[index] = 'channel';
  }
  // A forward jump down its own lane whose rows in between hold no symbol of that lane goes straight down.
  for (const { index, e } of edges) {
    if (cls[index] !== 'channel' || !bottomExit(e) || e.to === 'end' || e.to <= e.from + 1) continue;
    const lane = laneOf[e.from]!;
    if (laneOf[e.to] !== lane || topTaken[e.to]) continue;
    let free = true;
    for (let r = e.from + 1; r < e.to; r++) if (laneOf[r] === lane) free = false;
    if (!free) continue;
    cls[index] = 'straight';
    topTaken[e.to] = true;
  }
  // A "yes" exit jumping forward to another lane goes straight down its own lane while that lane is
  // empty, then across into the target's side (fewer bends than a channel).
  for (const { index, e } of edges) {
    if (cls[index] !== 'channel' || e.kind !== 'yes' || e.to === 'end' || e.to <= e.from + 1) continue;
    const lane = laneOf[e.from]!;
    if (laneOf[e.to] === lane) continue;
    let free = true;
    for (let r = e.from + 1; r < e.to; r++) if (laneOf[r] === lane) free = false;
    if (free) cls[index] = 'centre';
  }
  const noSide = decideNoSides(n, lanes, laneOf, kinds, edges, cls);
  const { labels, reservations } = placeLabels(input, opts, laneOf, kinds, edges, cls, noSide);
  return { lanes, laneOf, kinds, edges, cls, noSide, labels, reservations };
}

function decideNoSides(n: number, lanes: number, laneOf: number[], kinds: SymbolKind[], edges: Plan['edges'], cls: RouteKind[]): Array<-1 | 1> {
  const noSide = new Array<-1 | 1>(n).fill(1);
  for (const { index, e } of edges) {
    if (e.kind !== 'no' || kinds[e.from] !== 'decision') continue;
    const ls = laneOf[e.from]!;
    if (e.to !== 'end' && laneOf[e.to] !== ls) noSide[e.from] = laneOf[e.to]! > ls ? 1 : -1;
    // A loop within the last lane runs inside the band, not past its right edge.
    else if (e.to !== 'end' && cls[index] === 'channel' && ls === lanes - 1 && lanes > 1) noSide[e.from] = -1;
    else if (cls[index] === 'endSide') {
      // The end capsule goes on the side fewer other-lane edges must enter from.
      let left = 0;
      let right = 0;
      for (const o of edges) {
        if (o.e.to !== e.from || cls[o.index] !== 'channel') continue;
        const l = laneOf[o.e.from]!;
        if (l < ls) left++;
        if (l > ls) right++;
      }
      noSide[e.from] = right > left ? -1 : 1;
    }
  }
  return noSide;
}

function placeLabels(
  input: FlowchartInput,
  opts: BandOptions,
  laneOf: number[],
  kinds: SymbolKind[],
  edges: Plan['edges'],
  cls: RouteKind[],
  noSide: Array<-1 | 1>,
): { labels: BranchLabel[]; reservations: Reservation[] } {
  const labels: BranchLabel[] = [];
  const reservations: Reservation[] = [];
  for (const { index, e } of edges) {
    const row = e.from;
    if (kinds[row] !== 'decision' || e.kind === 'next') continue;
    const lane = laneOf[row]!;
    const { hh } = SYMBOL.decision;
    const pair = input.labels[row];
    const text = e.kind === 'yes' ? (pair?.[0] ?? opts.yes) : (pair?.[1] ?? opts.no);
    const near = e.kind === 'yes' ? 3 : 13;
    const lw = opts.laneWidth;
    const side: -1 | 1 = e.kind === 'yes' ? (-noSide[row]! as -1 | 1) : noSide[row]!;
    // Beside an outer lane the band's edge clips what reaches past it; elsewhere the neighbour's symbol is the limit.
    const outer = lane + side < 0 || lane + side >= input.lanes.length;
    const hard = lw ? (outer ? lw / 2 - near - 2 : lw - near - SYMBOL.process.hw - 2) : Infinity;
    const lines = wrapLabel(text, 10, lw ? lw / 2 - near - 3 : Infinity, Math.max(12, hard));
    const w = Math.max(...lines.map(textWidth));
    const h = lines.length * LINE_H;
    // "yes": beside the bottom exit, just under the diamond; "no": above the side tip.
    const y = e.kind === 'yes' ? hh + 1 : -13 - h;
    labels.push({ edge: index, row, lane, x: side > 0 ? near : -near - w, y, w, h, lines });
    reservations.push({ row, lane, side, from: near, to: near + w });
    // A label wider than its half lane reaches into the neighbour lane's facing channel.
    // (In the neighbour's coordinates the label spans lw - near - w … lw - near; tracks past the lane boundary count too.)
    if (lw && near + w + 2 + TRACK0 > lw / 2) reservations.push({ row, lane: lane + side, side: (-side) as -1 | 1, from: lw - near - w - 2, to: lw - near });
    if (cls[index] === 'endSide') reservations.push({ row, lane, side, from: CAP.sideX - CAP.w / 2, to: CAP.sideX + CAP.w / 2 });
  }
  return { labels, reservations };
}
