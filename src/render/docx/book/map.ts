// The book's map parts (`book.parts`) in Word: the Level 0 diagram as a picture (the map's own SVG, with the PNG
// Chromium drew as its fallback), the lower levels as a table per Level 0 process (indented by level), and the
// process → SOP matrix as a native table. Same data and words as the HTML (src/render/map/).
import { AlignmentType, BorderStyle, Paragraph, TableRow, type FileChild } from 'docx';
import type { BookPart } from '../../../config/types.js';
import { subtree } from '../../../model/processes/build.js';
import type { Process } from '../../../model/processes/types.js';
import type { MapDocument } from '../../map/html.js';
import { level0Svg } from '../../map/level0.js';
import { stageLabel } from '../../map/matrix.js';
import { deepestLevel } from '../../map/tree.js';
import { MAP_WORDS, percent } from '../../map/words.js';
import type { SandboxPage } from '../../pdf/browser.js';
import { cell, columns, imageRun, pageBreak, table, type CellOpts } from '../cells.js';
import { plain, type RunStyle } from '../inline.js';
import { rasterise, type Picture } from '../layout.js';
import { numberText } from '../../locale/index.js';

const BLUE = '1F4E79';
const TEXT: RunStyle = { size: 17 };

/** The Level 0 diagram as a standalone SVG of its own size (1000 px wide), and that size. */
export function level0Document(doc: MapDocument): { svg: string; width: number; height: number } {
  const svg = level0Svg(doc.map, MAP_WORDS[doc.locale]);
  const [, , width, height] = (/viewBox="([^"]+)"/.exec(svg)?.[1] ?? '0 0 1000 1').split(' ').map(Number);
  return { svg: svg.replace(' width="100%"', ` width="${width}" height="${height}"`), width: width!, height: height! };
}

/** The Level 0 picture at the size it is printed (fits `maxWidth` × `maxHeight` CSS px), drawn on the sandboxed page. */
export async function level0Picture(page: SandboxPage, doc: MapDocument, maxWidth: number, maxHeight: number): Promise<Picture> {
  const d = level0Document(doc);
  const k = Math.min(maxWidth / d.width, maxHeight / d.height);
  const size = { width: Math.floor(d.width * k), height: Math.floor(d.height * k) };
  const [png] = await rasterise(page, [{ svg: d.svg, ...size }]);
  return { svg: Buffer.from(d.svg, 'utf8'), raster: png!, type: 'png', ...size };
}

const para = (text: string, style: RunStyle, o: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; after?: number; keep?: boolean } = {}) =>
  new Paragraph({ alignment: o.align, keepNext: o.keep, spacing: { before: 0, after: o.after ?? 0 }, children: [plain(text, style)] });

/** A part's heading (blue, ruled below). */
const heading = (text: string) =>
  new Paragraph({
    keepNext: true,
    spacing: { before: 0, after: 110 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: BLUE, space: 1 } },
    children: [plain(text, { size: 22, bold: true, color: BLUE })],
  });

const head = (t: string, o: Partial<CellOpts> = {}) => cell({ fill: BLUE, middle: true, ...o, children: [para(t, { ...TEXT, bold: true, color: 'FFFFFF' })] });

/** The lower levels of one Level 0 process: a row per process, indented by level; a leaf without an SOP in force says so. */
function levelTable(root: Process, doc: MapDocument, width: number, uncovered: ReadonlySet<Process>): FileChild[] {
  const words = MAP_WORDS[doc.locale];
  const range = words.levelRange((root.level ?? 0) + 1, deepestLevel(root));
  const rows = subtree(root).map(({ p, depth }) => {
    const fill = depth === 0 ? 'CFDEEE' : p.children.length > 0 ? 'E6EEF7' : undefined;
    const name = [plain(p.name, { ...TEXT, bold: p.children.length > 0 })];
    if (uncovered.has(p)) name.push(plain(` (${words.noSop})`, { ...TEXT, italics: true, color: 'A00000' }));
    const io = [
      ...(p.inputs.length ? [para(`${words.inputs}: ${p.inputs.join('; ')}`, TEXT)] : []),
      ...(p.outputs.length ? [para(`${words.outputs}: ${p.outputs.join('; ')}`, TEXT)] : []),
    ];
    return new TableRow({
      cantSplit: true,
      children: [
        cell({ fill, children: [para(p.code, { ...TEXT, bold: true })] }),
        cell({ fill, children: [new Paragraph({ indent: { left: depth * 280 }, spacing: { before: 0, after: 0 }, children: name })] }),
        cell({ fill, children: [para(p.owner ?? '', TEXT)] }),
        cell({ fill, children: io }),
      ],
    });
  });
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: [head(words.code), head(words.process), head(words.owner), head(`${words.inputs} / ${words.outputs}`)] });
  return [
    para(`${root.code} ${root.name} (${range})`, { size: 19, bold: true }, { keep: true, after: 60 }),
    table([header, ...rows], columns(width, [11, 43, 20, 26])),
    new Paragraph({ spacing: { before: 0, after: 160 }, children: [] }),
  ];
}

/** The process → SOP matrix: a row per process (its SOPs beside it, merged down), leaves without an SOP marked; then the SOPs outside the map. */
function matrix(doc: MapDocument, width: number): FileChild[] {
  const words = MAP_WORDS[doc.locale];
  const c = doc.coverage;
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [words.no, words.code, words.process, words.level, words.sopNumber, words.sopTitle, words.unit, words.stage].map((t) => head(t)),
  });
  const rows: TableRow[] = [];
  c.rows.forEach((r, i) => {
    const p = r.process;
    const leaf = p.children.length === 0;
    const fill = (p.level ?? 0) === 0 && !leaf ? 'CFDEEE' : leaf ? undefined : 'E6EEF7';
    const span = Math.max(1, r.sops.length);
    const pc = (children: Paragraph[]) => cell({ fill, rowSpan: span > 1 ? span : undefined, children });
    const processCells = [
      pc([para(String(i + 1), TEXT, { align: AlignmentType.CENTER })]),
      pc([para(p.code, { ...TEXT, bold: !leaf })]),
      pc([new Paragraph({ indent: { left: (p.level ?? 0) * 135 }, spacing: { before: 0, after: 0 }, children: [plain(p.name, { ...TEXT, bold: !leaf })] })]),
      pc([para(String(p.level ?? ''), TEXT, { align: AlignmentType.CENTER })]),
    ];
    if (r.sops.length === 0) {
      rows.push(new TableRow({ cantSplit: true, children: [...processCells, cell({ fill, span: 4, children: [para(leaf ? words.noSop : '', { ...TEXT, italics: true, color: 'A00000' })] })] }));
      return;
    }
    r.sops.forEach((s, k) => {
      const inForce = doc.inForce.includes(s.status);
      const sc = (t: string, style: RunStyle = TEXT) => cell({ fill, children: [para(t, style)] });
      rows.push(
        new TableRow({
          cantSplit: true,
          children: [
            ...(k === 0 ? processCells : []),
            sc(numberText(s.number, doc.locale)),
            sc(s.title),
            sc(s.unit),
            sc(stageLabel(s.status, doc.locale), inForce ? TEXT : { ...TEXT, italics: true, color: '555555' }),
          ],
        }),
      );
    });
  });
  const out: FileChild[] = [
    heading(words.matrix),
    new Paragraph({
      spacing: { before: 0, after: 110 },
      children: [plain(`${words.coverage}: `, { size: 20, bold: true }), plain(words.coverageSentence(c.covered, c.leaves, percent(c.ratio, words)), { size: 20 })],
    }),
    table([header, ...rows], columns(width, [4, 8, 27, 5, 17, 22, 11, 6])),
  ];
  if (c.unmapped.length) {
    out.push(para(words.unmapped, { size: 19, bold: true }, { keep: true, after: 60 }));
    for (const s of c.unmapped) {
      const detail = [s.unit, stageLabel(s.status, doc.locale), ...(s.process ? [s.process] : [])].join('; ');
      out.push(new Paragraph({ bullet: { level: 0 }, spacing: { before: 0, after: 20 }, children: [plain(`${numberText(s.number, doc.locale)}: ${s.title} (${detail})`, TEXT)] }));
    }
  }
  return out;
}

/**
 * The map parts in the order of `parts`, each starting a page: for `map` the title, the Level 0 picture, then the lower
 * levels; for `matrix` the matrix with the coverage figure.
 */
export function mapBlocks(doc: MapDocument, parts: readonly BookPart[], width: number, level0: Picture | undefined): FileChild[] {
  const words = MAP_WORDS[doc.locale];
  const pages: FileChild[][] = [];
  for (const part of parts) {
    if (part === 'map') {
      const page: FileChild[] = [];
      if (doc.organization) page.push(para(doc.organization, { size: 20, bold: true, allCaps: true }, { align: AlignmentType.CENTER }));
      page.push(para(words.title, { size: 28, bold: true, allCaps: true }, { align: AlignmentType.CENTER, after: 20 }));
      if (doc.map.title) page.push(para(doc.map.title, { size: 21 }, { align: AlignmentType.CENTER, after: 220 }));
      page.push(heading(words.level0));
      if (level0) page.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0 }, children: [imageRun(level0, level0)] }));
      pages.push(page);
      const uncovered = new Set<Process>(doc.coverage.uncovered);
      const roots = doc.map.roots.filter((r) => r.children.length > 0);
      if (roots.length) pages.push([heading(words.levels), ...roots.flatMap((r) => levelTable(r, doc, width, uncovered))]);
    } else pages.push(matrix(doc, width));
  }
  return pages.flatMap((p, i) => [...(i > 0 ? [pageBreak()] : []), ...p]);
}

/** Room (CSS px) above the Level 0 picture on its page: the title block and the heading. */
export const LEVEL0_HEAD_PX = 120;
