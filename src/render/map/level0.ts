import { CATEGORIES, type Category, type Process, type ProcessMap } from '../../model/processes/types.js';
import { escapeHtml } from '../format.js';
import { svgLines, wrap } from './text.js';
import type { MapWords } from './words.js';

/** Width of the diagram's coordinate system (it scales to the page). */
export const LEVEL0_WIDTH = 1000;
const W = LEVEL0_WIDTH;
const PAD = 10;
const HEAD = 30;
const GAP = 8;
const BAND_GAP = 10;
const NAME = 13.5;
const CODE = 11.5;
const LINE = 16;
const CORE_NAME = 12.5;
const CORE_LINE = 15;
const PER_ROW = 6;
const MAX_BOX = 300;
const SIDE = 96;
const TIP = 16;

/** Colours of a band: background, its border, the shapes' stroke, fill and text. */
const PALETTE: Record<Category, { bg: string; border: string; stroke: string; fill: string; text: string }> = {
  manajemen: { bg: '#eef3f9', border: '#8eaacb', stroke: '#1f4e79', fill: '#ffffff', text: '#1f4e79' },
  inti: { bg: '#e6eef7', border: '#8eaacb', stroke: '#163a5c', fill: '#1f4e79', text: '#ffffff' },
  pendukung: { bg: '#f0f5ec', border: '#a9c49a', stroke: '#4a7a35', fill: '#ffffff', text: '#2f5d22' },
};

const f = (n: number) => n.toFixed(1);
const contentHeight = (lines: number, line = LINE) => CODE + 5 + lines * line;
const shapeHeight = (lines: number, line = LINE) => contentHeight(lines, line) + 24;

/** Code and name of a process, centred in the box [left, right] × [top, top + h]. */
function label(p: Process, lines: string[], left: number, right: number, top: number, h: number, color: string, size = NAME, line = LINE): string {
  const cx = (left + right) / 2;
  const y0 = top + (h - contentHeight(lines.length, line)) / 2 + CODE;
  return (
    `<text class="pb-code" x="${f(cx)}" y="${f(y0)}" font-size="${CODE}" font-weight="700" text-anchor="middle" fill="${color}">${escapeHtml(p.code)}</text>` +
    svgLines(lines, cx, y0 + 5 + line - 1, { size, lineHeight: line, cls: 'pb-name' }).replace('<text ', `<text fill="${color}" `)
  );
}

function bandFrame(cat: Category, y: number, h: number, title: string, body: string): string {
  const c = PALETTE[cat];
  return (
    `<g class="pb-band" data-category="${cat}">` +
    `<rect class="pb-band-bg" x="0" y="${f(y)}" width="${W}" height="${f(h)}" rx="6" fill="${c.bg}" stroke="${c.border}" stroke-width="1"/>` +
    `<text class="pb-band-label" x="${PAD + 2}" y="${f(y + 20)}" font-size="13" font-weight="700" letter-spacing="1" fill="${c.stroke}">${escapeHtml(title)}</text>` +
    `${body}</g>`
  );
}

/** Management or support processes: rounded boxes in rows of at most six, centred. */
function boxBand(cat: Category, procs: Process[], y: number, words: MapWords): { svg: string; height: number } {
  const c = PALETTE[cat];
  const rows = Math.ceil(procs.length / PER_ROW);
  const perRow = Math.ceil(procs.length / rows);
  const inner = W - 2 * PAD;
  const boxW = Math.min(MAX_BOX, (inner - GAP * (perRow - 1)) / perRow);
  const wrapped = procs.map((p) => wrap(p.name, boxW - 16, NAME));
  const h = Math.max(66, ...wrapped.map((l) => shapeHeight(l.length)));
  let body = '';
  procs.forEach((p, i) => {
    const row = Math.floor(i / perRow);
    const inRow = Math.min(perRow, procs.length - row * perRow);
    const rowW = inRow * boxW + (inRow - 1) * GAP;
    const x = PAD + (inner - rowW) / 2 + (i - row * perRow) * (boxW + GAP);
    const top = y + HEAD + row * (h + GAP);
    body +=
      `<g class="pb-process" data-code="${escapeHtml(p.code)}">` +
      `<rect class="pb-shape" x="${f(x)}" y="${f(top)}" width="${f(boxW)}" height="${f(h)}" rx="5" fill="${c.fill}" stroke="${c.stroke}" stroke-width="1.4"/>` +
      `${label(p, wrapped[i]!, x + 8, x + boxW - 8, top, h, c.text)}</g>`;
  });
  const height = HEAD + rows * h + (rows - 1) * GAP + PAD;
  return { svg: bandFrame(cat, y, height, words.bands[cat], body), height };
}

/** Core processes: the value chain, chevrons left to right between the stakeholders they serve. */
function coreBand(procs: Process[], y: number, words: MapWords): { svg: string; height: number } {
  const c = PALETTE.inti;
  const x0 = PAD + SIDE + 12;
  const x1 = W - PAD - SIDE - 12;
  const n = procs.length;
  const slot = (x1 - x0 + GAP - TIP) / n;
  const textW = slot - GAP - TIP / 2 - 6;
  const wrapped = procs.map((p) => wrap(p.name, textW, CORE_NAME));
  const h = Math.max(96, ...wrapped.map((l) => shapeHeight(l.length, CORE_LINE)));
  const top = y + HEAD;
  const mid = top + h / 2;
  const side = (x: number, cls: string) => {
    const lines = wrap(words.stakeholders, SIDE - 8, 12);
    return (
      `<g class="${cls}"><rect x="${f(x)}" y="${f(top)}" width="${SIDE}" height="${f(h)}" rx="${f(Math.min(18, h / 2))}" fill="#ffffff" stroke="${c.stroke}" stroke-width="1.2"/>` +
      svgLines(lines, x + SIDE / 2, mid - ((lines.length - 1) * 14) / 2 + 4, { size: 12, lineHeight: 14, cls: 'pb-side' }).replace('<text ', `<text fill="${c.stroke}" font-style="italic" `) +
      `</g>`
    );
  };
  let body = side(PAD, 'pb-stakeholders pb-in');
  // The arrow from the stakeholders' needs into the chain, and from the chain's end to them.
  const arrow = (from: number, to: number) =>
    `<path class="pb-arrow" d="M${f(from)} ${f(mid)} L${f(to - 6)} ${f(mid)}" stroke="${c.stroke}" stroke-width="1.6"/><path d="M${f(to - 7)} ${f(mid - 4)} L${f(to)} ${f(mid)} L${f(to - 7)} ${f(mid + 4)} Z" fill="${c.stroke}"/>`;
  body += arrow(PAD + SIDE, x0);
  procs.forEach((p, i) => {
    const x = x0 + i * slot;
    const right = x + slot - GAP;
    const notch = i === 0 ? 0 : TIP;
    const pts = [
      [x, top],
      [right, top],
      [right + TIP, mid],
      [right, top + h],
      [x, top + h],
      [x + notch, mid],
    ];
    body +=
      `<g class="pb-process" data-code="${escapeHtml(p.code)}">` +
      `<polygon class="pb-shape" points="${pts.map(([a, b]) => `${f(a!)},${f(b!)}`).join(' ')}" fill="${c.fill}" stroke="${c.stroke}" stroke-width="1"/>` +
      `${label(p, wrapped[i]!, x + notch / 2 + 2, right + TIP / 2 - 2, top, h, c.text, CORE_NAME, CORE_LINE)}</g>`;
  });
  body += arrow(x1, W - PAD - SIDE);
  body += side(W - PAD - SIDE, 'pb-stakeholders pb-out');
  const height = HEAD + h + PAD;
  return { svg: bandFrame('inti', y, height, words.bands.inti, body), height };
}

/** The Level 0 diagram: management processes on top, the core value chain, support processes below; drawn from the data, text escaped. */
export function level0Svg(map: ProcessMap, words: MapWords): string {
  let y = 0;
  const bands: string[] = [];
  for (const cat of CATEGORIES) {
    const procs = map.roots.filter((p) => p.category === cat);
    if (procs.length === 0) continue;
    const band = cat === 'inti' ? coreBand(procs, y, words) : boxBand(cat, procs, y, words);
    bands.push(band.svg);
    y += band.height + BAND_GAP;
  }
  const h = Math.max(1, y - BAND_GAP);
  return (
    `<svg class="pb-level0" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${f(h)}" width="100%" role="img" aria-label="${escapeHtml(words.level0)}" ` +
    `font-family="Arial, Helvetica, sans-serif">${bands.join('')}</svg>`
  );
}
