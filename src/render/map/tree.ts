import { subtree } from '../../model/processes/build.js';
import type { Process } from '../../model/processes/types.js';
import { escapeHtml } from '../format.js';
import { svgLines, wrap } from './text.js';
import type { MapWords } from './words.js';

const W = 1000;
const PAD = 6;
const INDENT = 34;
const BOX_RIGHT = 500;
const OWNER_X = 514;
const OWNER_W = 190;
const IO_X = 716;
const IO_W = W - IO_X - PAD;
const SIZE = 10.5;
const SMALL = 9.5;
const LINE = 13;
const ROW_GAP = 8;
const HEAD = 22;

const f = (n: number) => n.toFixed(1);

/**
 * A Level 0 process and its lower levels as an indented tree: one box per process (code, name), elbow
 * connectors from each parent, the owner and the inputs and outputs beside it. A leaf without an SOP in force
 * has a dashed outline.
 */
export function treeSvg(root: Process, words: MapWords, uncovered: ReadonlySet<Process>): string {
  const list = subtree(root);
  const codeW = Math.max(...list.map((r) => r.p.code.length)) * SIZE * 0.6 + 12;
  let y = HEAD;
  const placed = list.map(({ p, depth }) => {
    const x = PAD + depth * INDENT;
    const nameLines = wrap(p.name, BOX_RIGHT - x - codeW - 14, SIZE);
    const ownerLines = p.owner ? wrap(p.owner, OWNER_W, SMALL) : [];
    const io = [
      ...(p.inputs.length ? wrap(`${words.inputs}: ${p.inputs.join('; ')}`, IO_W, SMALL) : []),
      ...(p.outputs.length ? wrap(`${words.outputs}: ${p.outputs.join('; ')}`, IO_W, SMALL) : []),
    ];
    const h = Math.max(nameLines.length * LINE, ownerLines.length * 12, io.length * 12) + 12;
    const at = { p, depth, x, y, h, nameLines, ownerLines, io };
    y += h + ROW_GAP;
    return at;
  });
  const height = y - ROW_GAP + PAD;
  const byProcess = new Map(placed.map((r) => [r.p, r]));
  let body =
    `<text x="${PAD}" y="14" font-size="${SMALL}" font-weight="700" fill="#444">${escapeHtml(words.process)}</text>` +
    `<text x="${OWNER_X}" y="14" font-size="${SMALL}" font-weight="700" fill="#444">${escapeHtml(words.owner)}</text>` +
    `<text x="${IO_X}" y="14" font-size="${SMALL}" font-weight="700" fill="#444">${escapeHtml(`${words.inputs} / ${words.outputs}`)}</text>` +
    `<line x1="0" y1="${HEAD - 4}" x2="${W}" y2="${HEAD - 4}" stroke="#888" stroke-width="0.8"/>`;
  for (const r of placed) {
    const parent = r.p.parent ? byProcess.get(r.p.parent) : undefined;
    if (parent && r.depth > 0) {
      const px = parent.x + 12;
      const mid = r.y + r.h / 2;
      body += `<path class="pb-link" d="M${f(px)} ${f(parent.y + parent.h)} L${f(px)} ${f(mid)} L${f(r.x)} ${f(mid)}" fill="none" stroke="#5b7fa6" stroke-width="1.1"/>`;
    }
    const leaf = r.p.children.length === 0;
    const dashed = leaf && uncovered.has(r.p);
    const w = BOX_RIGHT - r.x;
    const fill = r.depth === 0 ? '#1f4e79' : leaf ? '#ffffff' : '#e6eef7';
    const ink = r.depth === 0 ? '#ffffff' : '#1b1b1b';
    body +=
      `<g class="pb-node${leaf ? ' pb-leaf' : ''}${dashed ? ' pb-uncovered' : ''}" data-code="${escapeHtml(r.p.code)}" data-level="${r.p.level ?? ''}">` +
      `<rect x="${f(r.x)}" y="${f(r.y)}" width="${f(w)}" height="${f(r.h)}" rx="4" fill="${fill}" stroke="#1f4e79" stroke-width="1.2"${dashed ? ' stroke-dasharray="5 3"' : ''}/>` +
      `<text x="${f(r.x + 7)}" y="${f(r.y + 6 + LINE - 3)}" font-size="${SIZE}" font-weight="700" fill="${ink}">${escapeHtml(r.p.code)}</text>` +
      svgLines(r.nameLines, r.x + codeW + 7, r.y + 6 + LINE - 3, { size: SIZE, lineHeight: LINE, anchor: 'start', cls: 'pb-name' }).replace('<text ', `<text fill="${ink}" `) +
      (r.ownerLines.length ? svgLines(r.ownerLines, OWNER_X, r.y + 6 + 9, { size: SMALL, lineHeight: 12, anchor: 'start', cls: 'pb-owner' }).replace('<text ', '<text fill="#333" ') : '') +
      (r.io.length ? svgLines(r.io, IO_X, r.y + 6 + 9, { size: SMALL, lineHeight: 12, anchor: 'start', cls: 'pb-io' }).replace('<text ', '<text fill="#333" ') : '') +
      `</g>`;
  }
  return (
    `<svg class="pb-tree" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${f(height)}" width="100%" role="img" ` +
    `aria-label="${escapeHtml(`${root.code} ${root.name}`)}" font-family="Arial, Helvetica, sans-serif">${body}</svg>`
  );
}

/** The deepest level under `root` (its own level when it has no children). */
export function deepestLevel(root: Process): number {
  let deepest = root.level ?? 0;
  const visit = (p: Process) => {
    deepest = Math.max(deepest, p.level ?? 0);
    p.children.forEach(visit);
  };
  visit(root);
  return deepest;
}
