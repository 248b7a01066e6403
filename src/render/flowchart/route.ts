// Second pass: channel tracks, side ports, and each edge's orthogonal polyline.
import type { FlowEdge } from '../../model/graph.js';
import { CAP, CONN, EDGE_GAP, PORT_GAP, PORT_LIMIT, SYMBOL, borderX, trackX } from './geometry.js';
import type { Plan } from './classify.js';
import { assignTracks, type PlacedRun, type RunRequest } from './tracks.js';
import type { EdgeRoute, EndCap, Pt } from './types.js';

type Side = -1 | 1;
interface Attach {
  edge: number;
  row: number;
  side: Side;
  group: 'above' | 'below';
  dist: number;
  fixed?: boolean;
  dy: number;
}

/** Route every edge of the plan. */
export function routeEdges(plan: Plan, breaks: readonly number[], laneWidth?: number, knownWidth = false): { routes: EdgeRoute[]; caps: EndCap[]; runs: PlacedRun[] } {
  const { laneOf, kinds, lanes } = plan;
  const pct = (lane: number) => ((lane + 0.5) / lanes) * 100;
  const P = (lane: number, px: number, row: number, at: number, py: number): Pt => ({ x: { pct: pct(lane), px }, y: { row, pct: at, px: py } });
  const isBreak = new Set(breaks);
  const connRoom = CONN.margin + CONN.h + EDGE_GAP;
  const gTop = (row: number) => (isBreak.has(row - 1) ? connRoom : EDGE_GAP);
  const gBot = (row: number) => (isBreak.has(row) ? connRoom : EDGE_GAP);
  const hh = (row: number) => SYMBOL[kinds[row]!].hh;

  // Channel runs.
  const channel = plan.edges.filter(({ index }) => plan.cls[index] === 'channel') as Array<{ index: number; e: FlowEdge & { to: number } }>;
  const requests: RunRequest[] = channel.map(({ index, e }) => ({
    edge: index,
    a: Math.min(e.from, e.to),
    b: Math.max(e.from, e.to),
    from: e.from,
    ls: laneOf[e.from]!,
    to: e.to,
    lt: laneOf[e.to]!,
    ...(e.kind === 'no' ? { exitSide: plan.noSide[e.from]! } : {}),
  }));
  const tops: Array<[number, number] | undefined> = laneOf.map(() => undefined);
  const centres: Array<{ lane: number; a: number; b: number }> = [];
  for (const { index, e } of plan.edges) {
    if (e.to === 'end') continue;
    const [l1, l2] = [laneOf[e.from]!, laneOf[e.to]!];
    if (plan.cls[index] === 'next' && l1 !== l2) tops[e.to] = [Math.min(l1, l2), Math.max(l1, l2)];
    if (plan.cls[index] === 'straight' || plan.cls[index] === 'centre') centres.push({ lane: l1, a: e.from, b: e.to });
  }
  const runs = assignTracks(requests, plan.reservations, breaks, { lanes, tops, centres, laneWidth, edges: knownWidth });

  // Side ports.
  const attaches: Attach[] = [];
  const byEdge = new Map<number, { src?: Attach; tgt: Attach; run: PlacedRun }>();
  channel.forEach(({ index, e }, k) => {
    const run = runs[k]!;
    const T = trackX(run.index);
    const sideFor = (lane: number): Side => (run.lane === lane ? run.side : run.lane > lane ? 1 : -1);
    const distFor = (lane: number) => Math.abs((run.lane - lane) * 1000 + run.side * T);
    const bottom = e.kind === 'yes'; // a decision's first exit always leaves from the bottom
    let src: Attach | undefined;
    if (!bottom) {
      const group = e.to >= e.from ? 'below' : 'above';
      src = { edge: index, row: e.from, side: sideFor(laneOf[e.from]!), group, dist: distFor(laneOf[e.from]!), dy: 0, fixed: e.kind === 'no' };
      attaches.push(src);
    }
    const tg = e.from < e.to ? 'above' : e.from > e.to ? 'below' : bottom ? 'below' : 'above';
    const tgt: Attach = { edge: index, row: e.to, side: sideFor(laneOf[e.to]!), group: tg, dist: distFor(laneOf[e.to]!), dy: 0 };
    attaches.push(tgt);
    byEdge.set(index, { src, tgt, run });
  });
  // Centre runs enter their target's side facing the source lane.
  const centre = new Map<number, Attach>();
  for (const { index, e } of plan.edges) {
    if (plan.cls[index] !== 'centre') continue;
    const ls = laneOf[e.from]!;
    const lt = laneOf[e.to as number]!;
    const a: Attach = { edge: index, row: e.to as number, side: ls > lt ? 1 : -1, group: 'above', dist: Math.abs(ls - lt) * 1000, dy: 0 };
    attaches.push(a);
    centre.set(index, a);
  }
  // A decision's "no" exit to `end` holds its side tip too.
  for (const { index, e } of plan.edges) {
    if (plan.cls[index] === 'endSide') attaches.push({ edge: index, row: e.from, side: plan.noSide[e.from]!, group: 'below', dist: 0, dy: 0, fixed: true });
  }
  placePorts(attaches, kinds);

  const caps: EndCap[] = [];
  const routes: EdgeRoute[] = plan.cls.map((kind, edge) => ({ edge, kind, points: [] }));
  for (const { index, e } of plan.edges) {
    const route = routes[index]!;
    const i = e.from;
    const ls = laneOf[i]!;
    if (route.kind === 'terminal') continue;
    if (route.kind === 'endBelow') {
      route.points = [P(ls, 0, i, 50, hh(i)), P(ls, 0, i, 50, CAP.belowTop)];
      caps.push({ edge: index, row: i, lane: ls, cx: 0, cy: CAP.belowTop + CAP.h / 2, w: CAP.w, h: CAP.h });
      continue;
    }
    if (route.kind === 'endSide') {
      const s = plan.noSide[i]!;
      route.points = [P(ls, s * SYMBOL.decision.hw, i, 50, 0), P(ls, s * CAP.sideX, i, 50, 0), P(ls, s * CAP.sideX, i, 50, CAP.sideTop)];
      caps.push({ edge: index, row: i, lane: ls, cx: s * CAP.sideX, cy: CAP.sideTop + CAP.h / 2, w: CAP.w, h: CAP.h });
      continue;
    }
    const j = e.to as number;
    const lt = laneOf[j]!;
    if (route.kind === 'next' || route.kind === 'straight') {
      route.points =
        ls === lt
          ? [P(ls, 0, i, 50, hh(i)), P(lt, 0, j, 50, -hh(j))]
          : [P(ls, 0, i, 50, hh(i)), P(ls, 0, j, 0, gTop(j)), P(lt, 0, j, 0, gTop(j)), P(lt, 0, j, 50, -hh(j))];
      continue;
    }
    const c = centre.get(index);
    if (c) {
      route.points = [P(ls, 0, i, 50, hh(i)), P(ls, 0, j, 50, c.dy), P(lt, c.side * borderX(kinds[j]!, c.dy), j, 50, c.dy)];
      continue;
    }
    const info = byEdge.get(index)!;
    const { run, src, tgt } = info;
    const tx = run.side * trackX(run.index);
    const pts: Pt[] = [];
    if (src) {
      pts.push(P(ls, src.side * borderX(kinds[i]!, src.dy), i, 50, src.dy), P(run.lane, tx, i, 50, src.dy));
    } else {
      pts.push(P(ls, 0, i, 50, hh(i)), P(ls, 0, i, 100, -gBot(i)), P(run.lane, tx, i, 100, -gBot(i)));
    }
    pts.push(P(run.lane, tx, j, 50, tgt.dy), P(lt, tgt.side * borderX(kinds[j]!, tgt.dy), j, 50, tgt.dy));
    route.points = pts;
    route.track = { lane: run.lane, side: run.side, index: run.index, rows: [run.a, run.b] };
  }
  return { routes, caps, runs };
}

/** Spread the attachments on each symbol side: runs from above on top (inner ones highest), runs from below under them (inner ones lowest), so they do not cross each other. */
function placePorts(attaches: Attach[], kinds: Plan['kinds']): void {
  const groups = new Map<string, Attach[]>();
  for (const a of attaches) {
    const key = `${a.row}:${a.side}`;
    const list = groups.get(key) ?? [];
    list.push(a);
    groups.set(key, list);
  }
  for (const list of groups.values()) {
    const kind = kinds[list[0]!.row]!;
    const limit = PORT_LIMIT[kind];
    const above = list.filter((a) => !a.fixed && a.group === 'above').sort((a, b) => a.dist - b.dist || a.edge - b.edge);
    const below = list.filter((a) => !a.fixed && a.group === 'below').sort((a, b) => b.dist - a.dist || a.edge - b.edge);
    const fixed = list.filter((a) => a.fixed);
    if (fixed.length) {
      fixed.forEach((a) => (a.dy = 0));
      const m = Math.max(above.length, below.length);
      const s = m ? Math.min(PORT_GAP, limit / m) : PORT_GAP;
      above.forEach((a, k) => (a.dy = -s * (above.length - k)));
      below.forEach((a, k) => (a.dy = s * (k + 1)));
    } else {
      const all = [...above, ...below];
      const n = all.length;
      const s = n > 1 ? Math.min(PORT_GAP, (2 * limit) / (n - 1)) : 0;
      all.forEach((a, k) => (a.dy = (k - (n - 1) / 2) * s));
    }
  }
}
