// Band primitives and their SVG form. A position is a percentage of the band plus a px offset;
// SVG lengths cannot add the two, so each element sits in a nested <svg> placed at the
// percentage and draws in px from there (a line whose two ends have different percentages AND
// offsets is split into two pieces meeting at a pure-percentage point).
import type { XPos } from './types.js';

/** A vertical position within one band. */
export interface BY {
  /** Percentage of the band height. */
  pct: number;
  /** Pixels added. */
  px: number;
}

/** A straight line piece of an edge. */
export interface LinePrim {
  /** First end. */
  x1: XPos;
  y1: BY;
  /** Second end. */
  x2: XPos;
  y2: BY;
  /** Attributes (data-*, class). */
  attrs: string;
}

/** A shape drawn in px around one anchor. */
export interface ShapePrim {
  /** Anchor. */
  x: XPos;
  y: BY;
  /** Element markup in px relative to the anchor's px point (the anchor's px are added by a translate). */
  markup: string;
  /** Vertical extent relative to the anchor point, for the band's minimum height. */
  top: number;
  bottom: number;
  /** Drawing layer: 0 symbols, 1 arrowheads and text. */
  layer: 0 | 1;
}

/** Format a number for SVG. */
export function num(v: number): string {
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

/** Escape text for SVG/XML. */
export function xml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

type Piece = { ax: number; ay: number; x1: string; y1: string; x2: string; y2: string; attrs: string };

function splitAt(a: { pct: number; px: number }, b: { pct: number; px: number }): number {
  const [lo, hi] = a.pct <= b.pct ? [a, b] : [b, a];
  const p = Math.max(lo.px, 0);
  const q = Math.max(-hi.px, 0);
  return p + q === 0 ? (lo.pct + hi.pct) / 2 : lo.pct + ((hi.pct - lo.pct) * p) / (p + q);
}

function coord(anchorPct: number, anchorPx: number, p: { pct: number; px: number }): string {
  return p.pct === anchorPct ? num(p.px - anchorPx) : `${num(p.pct - anchorPct)}%`;
}

/** Lines as pieces, each anchored at an end whose other end is expressible. */
function pieces(l: LinePrim): Piece[] {
  const ends = [
    { x: l.x1, y: l.y1 },
    { x: l.x2, y: l.y2 },
  ];
  const fits = (from: (typeof ends)[0], to: (typeof ends)[0]) =>
    (from.x.pct === to.x.pct || to.x.px === 0) && (from.y.pct === to.y.pct || to.y.px === 0);
  const piece = (from: (typeof ends)[0], to: (typeof ends)[0]): Piece => ({
    ax: from.x.pct,
    ay: from.y.pct,
    x1: num(from.x.px),
    y1: num(from.y.px),
    x2: coord(from.x.pct, 0, to.x),
    y2: coord(from.y.pct, 0, to.y),
    attrs: l.attrs,
  });
  const [a, b] = ends as [(typeof ends)[0], (typeof ends)[0]];
  if (fits(a, b)) return [piece(a, b)];
  if (fits(b, a)) return [piece(b, a)];
  const horizontal = a.y.pct === b.y.pct && a.y.px === b.y.px;
  const m = horizontal ? { x: { pct: splitAt(a.x, b.x), px: 0 }, y: a.y } : { x: a.x, y: { pct: splitAt(a.y, b.y), px: 0 } };
  return [piece(a, m), piece(b, m)];
}

function nest(ax: number, ay: number, inner: string): string {
  return `<svg x="${num(ax)}%" y="${num(ay)}%" width="100%" height="100%" overflow="visible">${inner}</svg>`;
}

/** The band: a div holding one self-contained SVG. */
export function bandSvg(lines: LinePrim[], shapes: ShapePrim[], minHeight: number, row: number): string {
  const groups = new Map<string, { ax: number; ay: number; parts: string[] }>();
  const put = (layer: number, ax: number, ay: number, s: string) => {
    const key = `${layer}|${ax}|${ay}`;
    const g = groups.get(key) ?? { ax, ay, parts: [] };
    g.parts.push(s);
    groups.set(key, g);
  };
  for (const l of lines)
    for (const p of pieces(l)) put(0, p.ax, p.ay, `<line x1="${p.x1}" y1="${p.y1}" x2="${p.x2}" y2="${p.y2}"${p.attrs}/>`);
  for (const s of shapes) {
    const inner = s.x.px || s.y.px ? `<g transform="translate(${num(s.x.px)} ${num(s.y.px)})">${s.markup}</g>` : s.markup;
    put(1 + s.layer, s.x.pct, s.y.pct, inner);
  }
  const layer = (k: number) =>
    [...groups.entries()]
      .filter(([key]) => key.startsWith(`${k}|`))
      .map(([, g]) => nest(g.ax, g.ay, g.parts.join('')))
      .join('');
  // Chromium does not stretch a replaced element (<svg>) to a `height: 1px` table cell's
  // height, but it does stretch a block: the div fills the cell and the svg fills the div.
  return (
    `<div class="sop-flow-band" data-row="${row}" style="position:relative;height:100%;min-height:${num(minHeight)}px">` +
    `<svg xmlns="http://www.w3.org/2000/svg" class="sop-flow" width="100%" height="100%" ` +
    `style="position:absolute;left:0;top:0;display:block;width:100%;height:100%;overflow:hidden">` +
    `<g fill="none" stroke="#000" stroke-width="1.2" stroke-linecap="square">${layer(0)}</g>` +
    `<g fill="#fff" stroke="#000" stroke-width="1.2">${layer(1)}</g>` +
    `<g fill="#000" stroke="none" font-family="Arial, Helvetica, sans-serif" font-size="8">${layer(2)}</g>` +
    `</svg></div>`
  );
}
