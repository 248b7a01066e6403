// Geometry checks of a drawn flowchart, from the SVG's own numbers.
import type { FlowchartInput, Flowchart } from '../../../src/render/flowchart/index.js';
import { parseChart, type Seg } from './parse.js';

const EPS = 0.05;
const near = (a: number, b: number, e = 0.15) => Math.abs(a - b) <= e;

export interface Shape {
  row: number;
  kind: string;
  cx: number;
  cy: number;
  hw: number;
  hh: number;
  what: string;
}

/** Strictly inside the shape (border excluded). */
function inside(s: Shape, x: number, y: number, e = 0.4): boolean {
  const dx = Math.abs(x - s.cx);
  const dy = Math.abs(y - s.cy);
  if (s.kind === 'decision') return dx / s.hw + dy / s.hh < 1 - e / Math.min(s.hw, s.hh);
  if (s.kind !== 'process') {
    const straight = s.hw - s.hh;
    if (dx > straight) return Math.hypot(dx - straight, dy) < s.hh - e;
  }
  return dx < s.hw - e && dy < s.hh - e;
}

/** On the shape's border (for arrow tips). */
function onBorder(s: Shape, x: number, y: number): boolean {
  const dx = Math.abs(x - s.cx);
  const dy = Math.abs(y - s.cy);
  if (s.kind === 'decision') return near(dx / s.hw + dy / s.hh, 1, 0.02);
  if (s.kind === 'start' || s.kind === 'end' || s.kind === 'cap') {
    const r = s.hh;
    const straight = s.hw - r;
    if (dx <= straight + EPS) return near(dy, s.hh);
    return near(Math.hypot(dx - straight, dy), r, 0.2);
  }
  return (near(dx, s.hw) && dy <= s.hh + EPS) || (near(dy, s.hh) && dx <= s.hw + EPS);
}

function segPassesThrough(g: Seg, s: Shape): boolean {
  const n = Math.ceil(Math.hypot(g.x2 - g.x1, g.y2 - g.y1) / 0.5) + 1;
  for (let k = 0; k <= n; k++) {
    const t = k / n;
    if (inside(s, g.x1 + (g.x2 - g.x1) * t, g.y1 + (g.y2 - g.y1) * t)) return true;
  }
  return false;
}

function segHitsBox(g: Seg, b: { x: number; y: number; w: number; h: number }): boolean {
  const [x1, x2] = [Math.min(g.x1, g.x2), Math.max(g.x1, g.x2)];
  const [y1, y2] = [Math.min(g.y1, g.y2), Math.max(g.y1, g.y2)];
  return x2 > b.x + 0.3 && x1 < b.x + b.w - 0.3 && y2 > b.y + 0.3 && y1 < b.y + b.h - 0.3;
}

/** Expected kinds, worked out here independently of the module. */
export function expectedKinds(input: FlowchartInput): string[] {
  return input.steps.map((s, i) => {
    if (s.type === 'decision') return 'decision';
    if (i === 0) return 'start';
    return input.edges.some((e) => e.from === i && e.to === 'end') ? 'end' : 'process';
  });
}

/** All problems found; empty when the drawing is right. */
export function checkChart(input: FlowchartInput, fc: Flowchart, laneW: number, heights: number[], opts: { yes: string; no: string; breaks?: number[] }): string[] {
  const problems: string[] = [];
  const lanes = input.lanes.length;
  const p = parseChart(fc.bands, lanes, laneW, heights);
  const kinds = expectedKinds(input);
  // Symbols.
  const shapes: Shape[] = [];
  for (const r of p.rects) {
    if (r.attrs['data-s'] !== undefined)
      shapes.push({ row: Number(r.attrs['data-s']), kind: r.attrs['data-k']!, cx: r.x + r.w / 2, cy: r.y + r.h / 2, hw: r.w / 2, hh: r.h / 2, what: `symbol ${r.attrs['data-s']}` });
    if (r.attrs['data-cap'] !== undefined) {
      const edge = input.edges[Number(r.attrs['data-cap'])]!;
      shapes.push({ row: edge.from, kind: 'cap', cx: r.x + r.w / 2, cy: r.y + r.h / 2, hw: r.w / 2, hh: r.h / 2, what: `cap of edge ${r.attrs['data-cap']}` });
      if (Math.abs(r.attrs.rx ? Number(r.attrs.rx) - r.h / 2 : 1) > EPS) problems.push(`cap ${r.attrs['data-cap']} is not a capsule`);
    }
    if (r.attrs['data-k'] && r.attrs['data-k'] !== 'process' && Math.abs(Number(r.attrs.rx ?? 0) - r.h / 2) > EPS) problems.push(`symbol ${r.attrs['data-s']} is not a capsule`);
  }
  for (const q of p.polys)
    if (q.attrs['data-s'] !== undefined) {
      const xs = q.pts.map((t) => t[0]);
      const ys = q.pts.map((t) => t[1]);
      const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      shapes.push({ row: Number(q.attrs['data-s']), kind: 'decision', cx: (x0 + x1) / 2, cy: (y0 + y1) / 2, hw: (x1 - x0) / 2, hh: (y1 - y0) / 2, what: `symbol ${q.attrs['data-s']}` });
    }
  const sym = (i: number) => shapes.find((s) => s.what === `symbol ${i}`);
  input.steps.forEach((s, i) => {
    const sh = sym(i);
    if (!sh) return void problems.push(`step ${i} has no symbol`);
    if (sh.kind !== kinds[i]) problems.push(`step ${i} is drawn as ${sh.kind}, expected ${kinds[i]}`);
    const top = p.rowTop[i]!;
    if (!near(sh.cy, top + heights[i]! / 2)) problems.push(`step ${i} is not centred in its row`);
    if (!near(sh.cx, (s.lane + 0.5) * laneW)) problems.push(`step ${i} is not centred in its lane`);
    if (sh.cx - sh.hw < s.lane * laneW || sh.cx + sh.hw > (s.lane + 1) * laneW || sh.cy - sh.hh < top || sh.cy + sh.hh > top + heights[i]!)
      problems.push(`step ${i} leaves its cell`);
  });
  if (shapes.filter((s) => s.what.startsWith('symbol')).length !== input.steps.length) problems.push('symbol count differs from step count');
  for (let a = 0; a < shapes.length; a++)
    for (let b = a + 1; b < shapes.length; b++) {
      const s = shapes[a]!;
      const t = shapes[b]!;
      if (Math.abs(s.cx - t.cx) >= s.hw + t.hw || Math.abs(s.cy - t.cy) >= s.hh + t.hh) continue;
      const [d, o] = s.kind === 'decision' ? [s, t] : [t, s];
      if (d.kind === 'decision' && o.kind !== 'decision' && clearOfDiamond({ x: o.cx - o.hw, y: o.cy - o.hh, w: 2 * o.hw, h: 2 * o.hh }, d)) continue;
      problems.push(`${s.what} overlaps ${t.what}`);
    }
  // Lines: orthogonal, never through a shape, never on top of another line.
  for (const g of p.segs) {
    if (!near(g.x1, g.x2, EPS) && !near(g.y1, g.y2, EPS)) problems.push(`edge ${g.edge}: diagonal segment`);
    for (const s of shapes) if (segPassesThrough(g, s)) problems.push(`edge ${g.edge} passes through ${s.what}`);
    const bandIdx = p.rowTop.findIndex((t, i) => g.y1 >= t - EPS && g.y1 <= t + heights[i]! + EPS);
    if (bandIdx < 0) problems.push(`edge ${g.edge}: segment outside the bands`);
  }
  const merged = mergeCollinear(p.segs);
  for (let a = 0; a < merged.length; a++)
    for (let b = a + 1; b < merged.length; b++) {
      const o = overlap(merged[a]!, merged[b]!);
      if (o > 0.5) problems.push(`edges ${merged[a]!.edge} and ${merged[b]!.edge} overlap for ${o.toFixed(1)} px`);
    }
  // One arrow per drawn edge, its tip on the target's border and its line ending there.
  input.edges.forEach((e, k) => {
    const heads = p.polys.filter((q) => q.attrs['data-r'] === 'end' && q.attrs['data-e'] === String(k));
    const src = input.steps[e.from];
    const drawn = e.to !== 'end' || src?.type === 'decision';
    if (!drawn) {
      if (heads.length) problems.push(`edge ${k} to end from a process has an arrow`);
      if (p.segs.some((g) => g.edge === k)) problems.push(`edge ${k} to end from a process has lines`);
      return;
    }
    if (heads.length !== 1) return void problems.push(`edge ${k} has ${heads.length} arrowheads`);
    const tip = heads[0]!.pts[0]!;
    const target = e.to === 'end' ? shapes.find((s) => s.what === `cap of edge ${k}`) : sym(e.to);
    if (!target) return void problems.push(`edge ${k}: target not drawn`);
    if (!onBorder(target, tip[0], tip[1])) problems.push(`edge ${k}: arrow tip (${tip[0].toFixed(1)},${tip[1].toFixed(1)}) is not on ${target.what}'s border`);
    const base = heads[0]!.pts.slice(1);
    const bx = (base[0]![0] + base[1]![0]) / 2;
    const by = (base[0]![1] + base[1]![1]) / 2;
    if (inside(target, bx, by, -0.5) && !onBorder(target, bx, by)) problems.push(`edge ${k}: arrowhead points out of its target`);
    const mine = p.segs.filter((g) => g.edge === k);
    if (!mine.some((g) => (near(g.x2, tip[0]) && near(g.y2, tip[1])) || (near(g.x1, tip[0]) && near(g.y1, tip[1])))) problems.push(`edge ${k}: no line reaches its arrow tip`);
    const ends = loose(mine);
    const conns = fc.connectors.filter((c) => c.edge === k).length;
    if (ends.length !== 2 + 2 * conns) problems.push(`edge ${k}: line has ${ends.length} loose ends (expected ${2 + 2 * conns})`);
    const source = sym(e.from)!;
    if (!ends.some(([x, y]) => onBorder(source, x, y))) problems.push(`edge ${k}: line does not start on step ${e.from}'s border`);
  });
  // Branch labels.
  input.edges.forEach((e, k) => {
    if (input.steps[e.from]?.type !== 'decision') return;
    const want = (e.kind === 'yes' ? input.labels[e.from]?.[0] : input.labels[e.from]?.[1]) ?? (e.kind === 'yes' ? opts.yes : opts.no);
    const t = p.texts.find((x) => x.attrs['data-l'] === String(k));
    if (!t) return void problems.push(`edge ${k}: no branch label`);
    if (decode(t.text).replace(/- /g, '') !== want) problems.push(`edge ${k}: label "${decode(t.text)}" should be "${want}"`);
    for (const g of p.segs) if (segHitsBox(g, t)) problems.push(`edge ${k}: label crossed by a line of edge ${g.edge}`);
    for (const s of shapes) if (Math.abs(t.x + t.w / 2 - s.cx) < t.w / 2 + s.hw && Math.abs(t.y + t.h / 2 - s.cy) < t.h / 2 + s.hh - 0.3 && !(s.kind === 'decision' && clearOfDiamond(t, s)))
      problems.push(`edge ${k}: label overlaps ${s.what}`);
    if (t.x < 0 || t.x + t.w > lanes * laneW) problems.push(`edge ${k}: label outside the band`);
  });
  // Connectors: a labelled pentagon pair per crossing.
  for (const c of fc.connectors) {
    const pent = p.polys.filter((q) => q.attrs['data-c'] === c.label && q.attrs['data-e'] === String(c.edge));
    if (pent.length !== 2) problems.push(`connector ${c.label}: ${pent.length} pentagons`);
    if (p.texts.filter((t) => decode(t.text) === c.label).length < 0) problems.push('');
  }
  return problems;
}

function clearOfDiamond(t: { x: number; y: number; w: number; h: number }, s: Shape): boolean {
  const corners: Array<[number, number]> = [[t.x, t.y], [t.x + t.w, t.y], [t.x, t.y + t.h], [t.x + t.w, t.y + t.h]];
  // A box is clear of a convex diamond when a diamond edge separates them: check the nearest corner.
  const nearest = corners.reduce((a, b) => (Math.abs(a[0] - s.cx) / s.hw + Math.abs(a[1] - s.cy) / s.hh <= Math.abs(b[0] - s.cx) / s.hw + Math.abs(b[1] - s.cy) / s.hh ? a : b));
  const boxStraddlesX = t.x < s.cx && t.x + t.w > s.cx;
  const boxStraddlesY = t.y < s.cy && t.y + t.h > s.cy;
  if (boxStraddlesX || boxStraddlesY) return false;
  return Math.abs(nearest[0] - s.cx) / s.hw + Math.abs(nearest[1] - s.cy) / s.hh >= 1;
}

export function decode(s: string): string {
  return s.replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(Number(d))).replace(/&amp;/g, '&');
}

/** Join pieces of the same edge that continue each other in a straight line. */
export function mergeCollinear(segs: Seg[]): Seg[] {
  const norm = segs.map((g) => {
    const v = near(g.x1, g.x2, EPS);
    const [a, b] = v ? [g.y1, g.y2].sort((p, q) => p - q) : [g.x1, g.x2].sort((p, q) => p - q);
    return v ? { edge: g.edge, x1: g.x1, x2: g.x1, y1: a!, y2: b! } : { edge: g.edge, x1: a!, x2: b!, y1: g.y1, y2: g.y1 };
  });
  let changed = true;
  while (changed) {
    changed = false;
    outer: for (let i = 0; i < norm.length; i++)
      for (let j = i + 1; j < norm.length; j++) {
        const a = norm[i]!;
        const b = norm[j]!;
        if (a.edge !== b.edge) continue;
        const va = near(a.x1, a.x2, EPS) && !near(a.y1, a.y2, EPS);
        const vb = near(b.x1, b.x2, EPS) && !near(b.y1, b.y2, EPS);
        if (va && vb && near(a.x1, b.x1, EPS) && (near(a.y2, b.y1, 0.2) || near(b.y2, a.y1, 0.2))) {
          norm[i] = { ...a, y1: Math.min(a.y1, b.y1), y2: Math.max(a.y2, b.y2) };
        } else if (!va && !vb && near(a.y1, b.y1, EPS) && (near(a.x2, b.x1, 0.2) || near(b.x2, a.x1, 0.2))) {
          norm[i] = { ...a, x1: Math.min(a.x1, b.x1), x2: Math.max(a.x2, b.x2) };
        } else continue;
        norm.splice(j, 1);
        changed = true;
        break outer;
      }
  }
  return norm;
}

function overlap(a: Seg, b: Seg): number {
  const va = near(a.x1, a.x2, EPS);
  const vb = near(b.x1, b.x2, EPS);
  if (va !== vb) return 0;
  if (va) return near(a.x1, b.x1, 0.5) ? Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) : 0;
  return near(a.y1, b.y1, 0.5) ? Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) : 0;
}

/** Ends of an edge's polyline that touch no other piece. */
function loose(segs: Seg[]): Array<[number, number]> {
  const pts: Array<[number, number]> = [];
  for (const g of segs) pts.push([g.x1, g.y1], [g.x2, g.y2]);
  return pts.filter(([x, y], i) => pts.filter(([u, v], j) => j !== i && near(u, x, 0.2) && near(v, y, 0.2)).length === 0);
}

/** Crossings between lines of different edges (a horizontal and a vertical meeting inside both). */
export function countCrossings(fc: Flowchart, lanes: number, laneW: number, heights: number[]): number {
  const segs = mergeCollinear(parseChart(fc.bands, lanes, laneW, heights).segs);
  const hs = segs.filter((g) => near(g.y1, g.y2, EPS) && !near(g.x1, g.x2, EPS));
  const vs = segs.filter((g) => near(g.x1, g.x2, EPS) && !near(g.y1, g.y2, EPS));
  let n = 0;
  for (const h of hs) for (const v of vs) if (h.edge !== v.edge && v.x1 > h.x1 + 0.5 && v.x1 < h.x2 - 0.5 && h.y1 > v.y1 + 0.5 && h.y1 < v.y2 - 0.5) n++;
  return n;
}
