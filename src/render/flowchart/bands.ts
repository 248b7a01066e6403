// Cut the routes into per-row pieces and draw each row's band, with off-page connectors at breaks.
import { ARROW, BASE_HEIGHT, CONN, FONT, LINE_H, VGAP } from './geometry.js';
import { bandSvg, num, xml, type BY, type LinePrim, type ShapePrim } from './svg.js';
import type { BranchLabel, Connector, EdgeRoute, EndCap, Pt, SymbolBox, XPos } from './types.js';

interface Row {
  lines: LinePrim[];
  shapes: ShapePrim[];
}

const FOOT: BY = { pct: 100, px: -(CONN.margin + CONN.h) };
const HEAD: BY = { pct: 0, px: CONN.margin + CONN.h };

/** Default connector text: A … Z, AA, AB … */
export function letters(k: number): string {
  let s = '';
  let n = k + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Every place a route's vertical run crosses a page break, in break order then left to right. */
export function findConnectors(routes: EdgeRoute[], breaks: readonly number[], label?: (b: number, e: number) => string): Connector[] {
  const found: Array<Omit<Connector, 'label'>> = [];
  breaks.forEach((row, breakIndex) => {
    for (const r of routes)
      for (let k = 1; k < r.points.length; k++) {
        const a = r.points[k - 1]!;
        const b = r.points[k]!;
        if (Math.min(a.y.row, b.y.row) <= row && row < Math.max(a.y.row, b.y.row)) found.push({ row, breakIndex, edge: r.edge, x: a.x });
      }
  });
  found.sort((p, q) => p.breakIndex - q.breakIndex || p.x.pct - q.x.pct || p.x.px - q.x.px);
  return found.map((c, k) => ({ ...c, label: label ? label(c.breakIndex, c.edge) : letters(k) }));
}

function arrowHead(at: Pt, from: Pt, role: string, edge: number): ShapePrim {
  const dx = Math.sign(at.x.pct - from.x.pct || at.x.px - from.x.px);
  const dy = Math.sign(at.y.row - from.y.row || at.y.pct - from.y.pct || at.y.px - from.y.px);
  const { len, half } = ARROW;
  const pts = dx !== 0 ? [[0, 0], [-dx * len, -half], [-dx * len, half]] : [[0, 0], [-half, -dy * len], [half, -dy * len]];
  return {
    x: at.x,
    y: { pct: at.y.pct, px: at.y.px },
    markup: `<polygon data-e="${edge}" data-r="${role}" points="${pts.map(([x, y]) => `${num(x!)},${num(y!)}`).join(' ')}"/>`,
    top: Math.min(0, -dy * len),
    bottom: Math.max(0, -dy * len),
    layer: 1,
  };
}

function pentagon(x: XPos, y: BY, foot: boolean, c: Connector): ShapePrim[] {
  const { w, h, body } = CONN;
  const top = foot ? -h : 0;
  const pts = [[-w / 2, top], [w / 2, top], [w / 2, top + body], [0, top + h], [-w / 2, top + body]];
  const pos = { x, y: { pct: y.pct, px: foot ? y.px + CONN.h : y.px - CONN.h } };
  return [
    { ...pos, markup: `<polygon data-c="${xml(c.label)}" data-e="${c.edge}" points="${pts.map(([a, b]) => `${num(a!)},${num(b!)}`).join(' ')}"/>`, top, bottom: top + h, layer: 0 },
    { ...pos, markup: `<text x="0" y="${num(top + body - 2)}" text-anchor="middle" font-weight="bold">${xml(c.label)}</text>`, top, bottom: top + h, layer: 1 },
  ];
}

/** Draw every band. */
export function drawBands(
  n: number,
  symbols: SymbolBox[],
  routes: EdgeRoute[],
  caps: EndCap[],
  labels: BranchLabel[],
  connectors: Connector[],
  lanes: number,
  numbers: boolean,
): { bands: string[]; minHeights: number[] } {
  const rows: Row[] = Array.from({ length: n }, () => ({ lines: [], shapes: [] }));
  const pct = (lane: number) => ((lane + 0.5) / lanes) * 100;
  const mid = (lane: number, px = 0): { x: XPos; y: BY } => ({ x: { pct: pct(lane), px }, y: { pct: 50, px: 0 } });
  for (const s of symbols) {
    const { hw, hh } = s;
    const shape =
      s.kind === 'decision'
        ? `<polygon data-s="${s.row}" data-k="decision" points="0,${-hh} ${hw},0 0,${hh} ${-hw},0"/>`
        : `<rect data-s="${s.row}" data-k="${s.kind}" x="${-hw}" y="${-hh}" width="${2 * hw}" height="${2 * hh}"${s.kind === 'process' ? '' : ` rx="${hh}"`}/>`;
    rows[s.row]!.shapes.push({ ...mid(s.lane), markup: shape, top: -hh, bottom: hh, layer: 0 });
    if (numbers)
      rows[s.row]!.shapes.push({ ...mid(s.lane), markup: `<text x="0" y="3" text-anchor="middle" fill="#666">${s.row + 1}</text>`, top: -4, bottom: 3, layer: 1 });
  }
  for (const c of caps)
    rows[c.row]!.shapes.push({
      ...mid(c.lane, c.cx),
      y: { pct: 50, px: c.cy },
      markup: `<rect data-cap="${c.edge}" x="${-c.w / 2}" y="${-c.h / 2}" width="${c.w}" height="${c.h}" rx="${c.h / 2}"/>`,
      top: -c.h / 2,
      bottom: c.h / 2,
      layer: 0,
    });
  for (const l of labels) {
    const right = l.x >= 0;
    const x = right ? l.x : l.x + l.w;
    const spans = l.lines.map((t, k) => `<tspan x="${num(x)}" y="${num(l.y + (k + 1) * LINE_H - 2)}">${xml(t)}</tspan>`).join('');
    rows[l.row]!.shapes.push({
      ...mid(l.lane),
      markup: `<text data-l="${l.edge}" data-box="${num(l.x)},${num(l.y)},${num(l.w)},${num(l.h)}" text-anchor="${right ? 'start' : 'end'}">${spans}</text>`,
      top: l.y,
      bottom: l.y + l.h,
      layer: 1,
    });
  }
  const conn = new Map(connectors.map((c) => [`${c.row}|${c.edge}|${c.x.pct}|${c.x.px}`, c]));
  for (const r of routes) {
    const attrs = ` data-e="${r.edge}"`;
    for (let k = 1; k < r.points.length; k++) {
      const a = r.points[k - 1]!;
      const b = r.points[k]!;
      if (a.y.row === b.y.row) {
        rows[a.y.row]!.lines.push({ x1: a.x, y1: a.y, x2: b.x, y2: b.y, attrs });
        continue;
      }
      const d = b.y.row > a.y.row ? 1 : -1;
      let from: BY = a.y;
      for (let row = a.y.row; ; row += d) {
        const last = row === b.y.row;
        const boundary = d > 0 ? row : row - 1;
        const c = last ? undefined : conn.get(`${boundary}|${r.edge}|${a.x.pct}|${a.x.px}`);
        let to: BY = last ? b.y : d > 0 ? { pct: 100, px: 0 } : { pct: 0, px: 0 };
        if (c) {
          to = d > 0 ? FOOT : HEAD;
          rows[row]!.shapes.push(arrowHead({ x: a.x, y: { row, ...to } }, { x: a.x, y: { row: row - d, pct: 50, px: 0 } }, 'conn', r.edge));
          rows[row]!.shapes.push(...pentagon(a.x, to, d > 0, c));
          rows[row + d]!.shapes.push(...pentagon(a.x, d > 0 ? HEAD : FOOT, d < 0, c));
        }
        rows[row]!.lines.push({ x1: a.x, y1: from, x2: a.x, y2: to, attrs });
        if (last) break;
        from = c ? (d > 0 ? HEAD : FOOT) : d > 0 ? { pct: 0, px: 0 } : { pct: 100, px: 0 };
      }
    }
    const end = r.points[r.points.length - 1];
    const before = r.points[r.points.length - 2];
    if (end && before) rows[end.y.row]!.shapes.push(arrowHead(end, before, 'end', r.edge));
  }
  const minHeights = rows.map(minHeight);
  const bands = rows.map((row, i) => bandSvg(row.lines, row.shapes, minHeights[i]!, i));
  return { bands, minHeights };
}

/** Smallest height at which things anchored to the top, middle and bottom of a band keep apart. */
function minHeight(row: Row): number {
  let t = 0;
  let mTop = 0;
  let mBottom = 0;
  let b = 0;
  const see = (pct: number, lo: number, hi: number) => {
    if (pct === 0) t = Math.max(t, hi);
    else if (pct === 100) b = Math.max(b, -lo);
    else {
      mTop = Math.min(mTop, lo);
      mBottom = Math.max(mBottom, hi);
    }
  };
  for (const l of row.lines) {
    see(l.y1.pct, l.y1.px, l.y1.px);
    see(l.y2.pct, l.y2.px, l.y2.px);
  }
  for (const s of row.shapes) see(s.y.pct, s.y.px + s.top, s.y.px + s.bottom);
  return Math.ceil(Math.max(BASE_HEIGHT, 2 * (t - mTop + VGAP), 2 * (mBottom + b + VGAP)) + FONT * 0);
}
