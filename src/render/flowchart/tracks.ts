// Channel tracks by interval colouring: a run that spans rows [a, b] in a lane's channel takes the
// innermost track free over those rows. Shorter runs are placed first so nested loops nest.
import { CONN, SYMBOL, TRACK_GAP, trackX } from './geometry.js';

const SYMBOL_HW = SYMBOL.process.hw;

/** A box in a row's channel that no run may pass (a branch label, an end capsule). */
export interface Reservation {
  /** Row. */
  row: number;
  /** Lane. */
  lane: number;
  /** Side of the lane centre. */
  side: -1 | 1;
  /** Nearest and furthest px from the lane centre. */
  from: number;
  /** Furthest px from the lane centre. */
  to: number;
}

/** A run wanting a track. */
export interface RunRequest {
  /** Edge index. */
  edge: number;
  /** Rows spanned (inclusive, a ≤ b). */
  a: number;
  /** Last row spanned. */
  b: number;
  /** Source row and lane. */
  from: number;
  ls: number;
  /** Target row and lane. */
  to: number;
  lt: number;
  /** Side the source must leave from (a decision's "no" exit), if fixed. */
  exitSide?: -1 | 1;
}

/** What the runs must get along with: the lanes, the next-row jogs, the lines down lane centres. */
export interface TrackContext {
  /** Number of lanes. */
  lanes: number;
  /** Per row: lanes spanned by the next-row edge's horizontal at its top, if any. */
  tops: Array<[number, number] | undefined>;
  /** Lines down lane centres (straight and centre routes): lane and the rows they pass. */
  centres: Array<{ lane: number; a: number; b: number }>;
  /** Lane width in px, when known. */
  laneWidth?: number;
  /** Whether the lane width is the real one, so the band's outer edges are known (runs beside an outer lane stay inside). */
  edges?: boolean;
}

/** A placed run. */
export interface PlacedRun {
  /** Edge index. */
  edge: number;
  /** Lane of the channel. */
  lane: number;
  /** Side of the channel. */
  side: -1 | 1;
  /** Track index. */
  index: number;
  /** First row. */
  a: number;
  /** Last row. */
  b: number;
}

/** Tracks that a connector pentagon needs between two runs crossing the same page break. */
const CONN_SPREAD = Math.ceil((CONN.w + 2) / TRACK_GAP);
/** Costs, in tracks: a crossing, and a lane of detour beyond the shortest way across. */
const CROSSING_COST = 3;
const DETOUR_COST = 4;

function crossesCommonBreak(r: { a: number; b: number }, s: { a: number; b: number }, breaks: readonly number[]): boolean {
  return breaks.some((k) => r.a <= k && k < r.b && s.a <= k && k < s.b);
}

function crossesAny(r: { a: number; b: number }, breaks: readonly number[]): boolean {
  return breaks.some((k) => r.a <= k && k < r.b);
}

interface Geo {
  x: number;
  a: number;
  b: number;
  stubs: Array<{ row: number; lo: number; hi: number }>;
}

/**
 * Place every run on a track of some lane's channel; returns them in request order. Shorter runs
 * go first (so loops nest); each takes, among all channels its exit allows, the free track with
 * the lowest cost: distance out, detour, and crossings with the lines already there.
 */
export function assignTracks(requests: readonly RunRequest[], reservations: readonly Reservation[], breaks: readonly number[], ctx: TrackContext): PlacedRun[] {
  const wref = ctx.laneWidth ?? 160;
  const xOf = (lane: number, side: number, k: number) => lane + 0.5 + (side * trackX(k)) / wref;
  const geoOf = (req: RunRequest, lane: number, side: number, k: number): Geo => {
    const x = xOf(lane, side, k);
    const stub = (row: number, l: number) => ({ row, lo: Math.min(x, l + 0.5), hi: Math.max(x, l + 0.5) });
    return { x, a: req.a, b: req.b, stubs: [stub(req.from, req.ls), stub(req.to, req.lt)] };
  };
  const placed: PlacedRun[] = [];
  const geos: Geo[] = [];
  const order = requests.map((_, i) => i).sort((i, j) => {
    const a = requests[i]!, b = requests[j]!;
    return a.b - a.a - (b.b - b.a) || a.a - b.a || i - j;
  });
  const out: PlacedRun[] = new Array(requests.length);
  for (const i of order) {
    const req = requests[i]!;
    let best: { run: PlacedRun; geo: Geo } | undefined;
    let bestCost = Infinity;
    for (let lane = 0; lane < ctx.lanes; lane++)
      for (const side of [1, -1] as const) {
        if (req.exitSide !== undefined && (lane === req.ls ? side : Math.sign(lane - req.ls)) !== req.exitSide) continue;
        for (let k = firstFree(req, lane, side, 0, placed, reservations, breaks, ctx.laneWidth), tries = 0; tries < 4; tries++) {
          const g = geoOf(req, lane, side, k);
          let cost = k + DETOUR_COST * (Math.abs(g.x - req.ls - 0.5) + Math.abs(g.x - req.lt - 0.5) - Math.abs(req.lt - req.ls));
          // A track beyond the lane's reach would pass the neighbour lane's symbols, or (beside an outer lane)
          // leave the band, where it and its off-page connectors would be clipped: last resort only.
          if (ctx.laneWidth && trackX(k) > reach(lane, side, req, breaks, ctx)) cost += 1000;
          cost += CROSSING_COST * crossingsOf(g, geos, ctx);
          if (cost < bestCost) {
            bestCost = cost;
            best = { run: { edge: req.edge, lane, side, index: k, a: req.a, b: req.b }, geo: g };
          }
          k = firstFree(req, lane, side, k + 1, placed, reservations, breaks, ctx.laneWidth);
        }
      }
    if (!best) throw new Error(`flowchart: no channel for edge ${req.edge}`);
    placed.push(best.run);
    geos.push(best.geo);
    out[i] = best.run;
  }
  return out;
}

/** Furthest a run's track may sit from its lane centre: short of the neighbour's symbols, or inside the band's edge (with room for a connector's half when the run crosses a break). */
function reach(lane: number, side: -1 | 1, req: RunRequest, breaks: readonly number[], ctx: TrackContext): number {
  const w = ctx.laneWidth!;
  const outer = ctx.edges === true && (lane + side < 0 || lane + side >= ctx.lanes);
  return outer ? w / 2 - 2 - (crossesAny(req, breaks) ? CONN.w / 2 : 1) : w - SYMBOL_HW - 4;
}

function crossingsOf(g: Geo, others: readonly Geo[], ctx: TrackContext): number {
  let n = 0;
  const inside = (x: number, lo: number, hi: number) => x > lo + 1e-6 && x < hi - 1e-6;
  for (let r = g.a + 1; r <= g.b; r++) {
    const t = ctx.tops[r];
    if (t && inside(g.x, t[0] + 0.5, t[1] + 0.5)) n++;
  }
  for (const o of others) {
    for (const s of o.stubs) if (g.a < s.row && s.row < g.b && inside(g.x, s.lo, s.hi)) n++;
    for (const s of g.stubs) if (o.a < s.row && s.row < o.b && inside(o.x, s.lo, s.hi)) n++;
  }
  for (const c of ctx.centres) for (const s of g.stubs) if (c.a < s.row && s.row < c.b && inside(c.lane + 0.5, s.lo, s.hi)) n++;
  return n;
}

function firstFree(
  req: RunRequest,
  lane: number,
  side: -1 | 1,
  from: number,
  placed: readonly PlacedRun[],
  reservations: readonly Reservation[],
  breaks: readonly number[],
  laneWidth?: number,
): number {
  const blocked = reservations.filter((r) => r.lane === lane && r.side === side && r.row >= req.a && r.row <= req.b);
  const others = placed.filter((p) => p.lane === lane && p.side === side && p.a <= req.b && req.a <= p.b);
  // With a known lane width, runs in the neighbour lane's facing channel are real neighbours too.
  const facing = laneWidth ? placed.filter((p) => p.lane === lane + side && p.side === -side && p.a <= req.b && req.a <= p.b) : [];
  const gap = (p: PlacedRun, x: number) => Math.abs(laneWidth! - trackX(p.index) - x);
  const room = crossesAny(req, breaks) ? CONN.w + 2 : 4;
  for (let k = from; ; k++) {
    const x = trackX(k);
    if (blocked.some((r) => x >= r.from - 2 && x <= r.to + 2)) continue;
    if (facing.some((p) => gap(p, x) < (crossesCommonBreak(p, req, breaks) ? room : 4))) continue;
    if (others.some((p) => p.index === k || (Math.abs(p.index - k) < CONN_SPREAD && crossesCommonBreak(p, req, breaks)))) continue;
    return k;
  }
}
