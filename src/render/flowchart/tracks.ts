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
  /** Candidate channels, in order of preference. */
  candidates: Array<{ lane: number; side: -1 | 1 }>;
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

function crossesCommonBreak(r: { a: number; b: number }, s: { a: number; b: number }, breaks: readonly number[]): boolean {
  return breaks.some((k) => r.a <= k && k < r.b && s.a <= k && k < s.b);
}

function crossesAny(r: { a: number; b: number }, breaks: readonly number[]): boolean {
  return breaks.some((k) => r.a <= k && k < r.b);
}

/** Place every run on a track; returns them in request order. */
export function assignTracks(
  requests: readonly RunRequest[],
  reservations: readonly Reservation[],
  breaks: readonly number[],
  laneWidth?: number,
): PlacedRun[] {
  const placed: PlacedRun[] = [];
  const order = requests.map((r, i) => i).sort((i, j) => {
    const a = requests[i]!, b = requests[j]!;
    return a.b - a.a - (b.b - b.a) || a.a - b.a || i - j;
  });
  const out: PlacedRun[] = new Array(requests.length);
  for (const i of order) {
    const req = requests[i]!;
    let best: PlacedRun | undefined;
    for (const c of req.candidates) {
      const index = firstFree(req, c.lane, c.side, placed, reservations, breaks, laneWidth);
      // A track beyond the lane's reach would pass the neighbour lane's symbols: last resort only.
      const cost = (k: number) => k + (laneWidth && trackX(k) > laneWidth - SYMBOL_HW - 4 ? 1000 : 0);
      if (!best || cost(index) < cost(best.index)) best = { edge: req.edge, lane: c.lane, side: c.side, index, a: req.a, b: req.b };
    }
    if (!best) throw new Error(`flowchart: no channel candidates for edge ${req.edge}`);
    placed.push(best);
    out[i] = best;
  }
  return out;
}

function firstFree(
  req: RunRequest,
  lane: number,
  side: -1 | 1,
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
  for (let k = 0; ; k++) {
    const x = trackX(k);
    if (blocked.some((r) => x >= r.from - 2 && x <= r.to + 2)) continue;
    if (facing.some((p) => gap(p, x) < (crossesCommonBreak(p, req, breaks) ? room : 4))) continue;
    if (others.some((p) => p.index === k || (Math.abs(p.index - k) < CONN_SPREAD && crossesCommonBreak(p, req, breaks)))) continue;
    return k;
  }
}
