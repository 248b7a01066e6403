// One SOP as Word content: the identity table, the six lists, the procedure table (split into one table a
// page at the PDF's breaks, header rows repeating) with the flowchart bands as pictures, and Riwayat Revisi.
import {
  AlignmentType,
  BorderStyle,
  Footer,
  Header,
  HeightRule,
  ImageRun,
  LevelFormat,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type FileChild,
  type INumberingOptions,
  type ISectionOptions,
  type ParagraphChild,
} from 'docx';
import { TextWatermark } from 'docx/watermarks';
import type { Locale } from '../../config/types.js';
import { PDF_WORDS } from '../pdf/page-css.js';
import type { Sheet } from '../pdf/paper.js';
import type { ListView, SopView, StepView } from '../view-types.js';
import { inlineRuns, plain, type RunStyle } from './inline.js';
import type { DocxLayout, Picture } from './layout.js';

/** Twips (1/20 pt) per CSS px and per mm. */
export const TW_PER_PX = 15;
const TW_PER_MM = 1440 / 25.4;
const tw = (mm: number): number => Math.round(mm * TW_PER_MM);

/** Half-point sizes of the stylesheet's type (templates/sop.css), rounded to Word's half points. */
const SIZE = { body: 19, cell: 17, head: 17, orgName: 23, orgUnit: 20, title: 22, history: 21, footer: 16 } as const;
const HEAD_FILL = 'E9EEF5';
const LINE = '222222';

/** The numbering definition of the lists (one instance per list, so each starts at 1). */
export const NUMBERING: INumberingOptions = {
  config: [
    {
      reference: 'sop-list',
      levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 300, hanging: 300 } } } }],
    },
  ],
};

/** The page of a section: size, orientation and margins from the PDF's sheet. */
export function pageProperties(sheet: Sheet): NonNullable<ISectionOptions['properties']> {
  const landscape = sheet.widthMm > sheet.heightMm;
  const [top, right, bottom, left] = sheet.marginMm;
  return {
    page: {
      // docx writes w:w and w:h swapped for a landscape page: give the portrait sides.
      size: { width: tw(Math.min(sheet.widthMm, sheet.heightMm)), height: tw(Math.max(sheet.widthMm, sheet.heightMm)), orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
      margin: { top: tw(top), right: tw(right), bottom: tw(bottom), left: tw(left), header: tw(Math.min(4, top / 2)), footer: tw(Math.min(4, bottom / 3)), gutter: 0 },
    },
  };
}

/** Printable width of the sheet in twips. */
export function contentWidth(sheet: Sheet): number {
  return tw(sheet.widthMm - sheet.marginMm[1] - sheet.marginMm[3]);
}

/** The running footer: left text, and "Halaman X dari Y" as PAGE and NUMPAGES fields at the right margin (unless `numbered` is false). */
export function footer(left: string, locale: Locale, sheet: Sheet, numbered = true): Footer {
  const w = PDF_WORDS[locale];
  const style = { font: 'Arial', size: SIZE.footer, color: '333333' };
  return new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: contentWidth(sheet) }],
        children: [
          new TextRun({ ...style, text: left }),
          ...(numbered ? [new TextRun({ ...style, children: ['\t', `${w.page} `, PageNumber.CURRENT, ` ${w.of} `, PageNumber.TOTAL_PAGES] })] : []),
        ],
      }),
    ],
  });
}

/** The header: empty, or for a draft (or any view with a watermark) the diagonal word behind every page and the word at the top right. */
export function header(watermark: string | undefined, sheet: Sheet): Header {
  if (!watermark) return new Header({ children: [new Paragraph({ children: [] })] });
  const diagonalPt = (Math.hypot(sheet.widthMm, sheet.heightMm) * 72) / 25.4;
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextWatermark({ text: watermark, font: 'Arial', bold: true, color: 'C00000', opacity: 0.13, width: Math.round(diagonalPt * 0.62) }),
          new TextRun({ text: watermark, font: 'Arial', size: SIZE.footer, bold: true, color: 'C00000', characterSpacing: 40 }),
        ],
      }),
    ],
  });
}

const border = (size: number) => ({ style: BorderStyle.SINGLE, size, color: LINE });
const TABLE_BORDERS = {
  top: border(9),
  bottom: border(9),
  left: border(9),
  right: border(9),
  insideHorizontal: border(6),
  insideVertical: border(6),
};
const CELL_MARGINS = { top: 45, bottom: 45, left: 75, right: 75 };

interface CellOpts {
  children: Paragraph[];
  head?: boolean;
  span?: number;
  rowSpan?: number;
  center?: boolean;
  middle?: boolean;
  fill?: string;
  margins?: typeof CELL_MARGINS;
}

function cell(o: CellOpts): TableCell {
  const fill = o.fill ?? (o.head ? HEAD_FILL : undefined);
  return new TableCell({
    children: o.children.length ? o.children : [new Paragraph({ children: [] })],
    columnSpan: o.span,
    rowSpan: o.rowSpan,
    verticalAlign: o.middle ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
    shading: fill ? { type: ShadingType.CLEAR, color: 'auto', fill } : undefined,
    margins: o.margins ?? CELL_MARGINS,
  });
}

const para = (children: ParagraphChild[], align?: (typeof AlignmentType)[keyof typeof AlignmentType]): Paragraph =>
  new Paragraph({ children, alignment: align, spacing: { before: 0, after: 0 } });

const text = (t: string, style: RunStyle = {}, align?: (typeof AlignmentType)[keyof typeof AlignmentType]) => para([plain(t, style)], align);

/** Column widths in twips from percentages of the printable width (the last absorbs rounding). */
function columns(total: number, pcts: number[]): number[] {
  const out = pcts.map((p) => Math.floor((total * p) / 100));
  out[out.length - 1]! += total - out.reduce((a, b) => a + b, 0);
  return out;
}

function table(rows: TableRow[], widths: number[]): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  return new Table({
    rows,
    columnWidths: widths,
    width: { size: total, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
  });
}

/** A picture at a size: SVG with its PNG fallback, or the raster image alone. */
export function imageRun(p: Picture, size: { width: number; height: number }): ImageRun {
  const transformation = { width: size.width, height: size.height };
  const run = { size: 2 };
  return p.svg
    ? new ImageRun({ type: 'svg', data: p.svg, fallback: { type: p.type, data: p.raster }, transformation, run })
    : new ImageRun({ type: p.type, data: p.raster, transformation, run });
}

/** Hands out numbering instances so that each list of the document starts at 1. */
export class ListCounter {
  private n = 0;
  /** A fresh instance number. */
  next(): number {
    return ++this.n;
  }
}

function listParagraphs(list: ListView, empty: string, lists: ListCounter): Paragraph[] {
  if (list.items.length === 0) return [text(empty, { size: SIZE.body })];
  const instance = lists.next();
  return list.items.map(
    (item) =>
      new Paragraph({
        numbering: { reference: 'sop-list', level: 0, instance },
        spacing: { before: 0, after: 20 },
        children: item.href ? [plain(item.text, { size: SIZE.body }), ...(item.linkTitle ? [plain(` ${item.linkTitle}`, { size: SIZE.body })] : [])] : inlineRuns(item.text, { size: SIZE.body }),
      }),
  );
}

/** Bagian Identitas: the office block, Nomor SOP, dates, Disahkan oleh, Nama SOP; then the grid of six lists. */
function identity(view: SopView, logo: Picture | undefined, width: number, lists: ListCounter): FileChild[] {
  const L = view.labels;
  const widths = columns(width, [46, 16, 38]);
  const label = (t: string) => cell({ head: true, middle: true, children: [text(t, { bold: true, size: SIZE.body })] });
  const value = (children: Paragraph[]) => cell({ middle: true, children });
  const org: Paragraph[] = [];
  if (logo) org.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [imageRun(logo, logo)] }));
  if (view.org.name) org.push(text(view.org.name, { bold: true, allCaps: true, size: SIZE.orgName }, AlignmentType.CENTER));
  for (const u of view.org.unitLines) org.push(text(u, { bold: true, allCaps: true, size: SIZE.orgUnit }, AlignmentType.CENTER));
  if (view.unit) org.push(text(view.unit, { bold: true, allCaps: true, size: SIZE.orgUnit }, AlignmentType.CENTER));
  const approval = [text(view.approval.position, { size: SIZE.body }), new Paragraph({ spacing: { before: 0, after: 0, line: tw(16), lineRule: 'exact' }, children: [] })];
  if (view.approval.present) approval.push(text(view.approval.name, { size: SIZE.body, bold: true, underline: true }), text(view.approval.nip, { size: SIZE.body }));
  const rows = [
    new TableRow({
      cantSplit: true,
      children: [
        cell({ rowSpan: 6, middle: true, margins: { top: 150, bottom: 150, left: 150, right: 150 }, children: org }),
        label(L.number),
        value([text(view.number, { bold: true, size: SIZE.body })]),
      ],
    }),
    ...[
      [L.created, view.dates.created],
      [L.revised, view.dates.revised],
      [L.effective, view.dates.effective],
    ].map(([l, v]) => new TableRow({ cantSplit: true, children: [label(l!), value([text(v!, { size: SIZE.body })])] })),
    new TableRow({ cantSplit: true, children: [label(L.approvedBy), value(approval)] }),
    new TableRow({ cantSplit: true, children: [label(L.title), value([para(inlineRuns(view.title, { bold: true, allCaps: true, size: SIZE.title }))])] }),
  ];
  const half = columns(width, [50, 50]);
  const grid = view.grid.flatMap(
    (pair) => [
      new TableRow({ cantSplit: true, children: [pair.left, pair.right].map((l) => cell({ head: true, children: [text(l.label, { bold: true, size: SIZE.body })] })) }),
      new TableRow({ children: [pair.left, pair.right].map((l) => cell({ children: listParagraphs(l, L.empty, lists) })) }),
    ],
  );
  return [table(rows, widths), table(grid, half)];
}

/** Percent widths of the procedure table's columns (templates/sop.css). */
function procedureWidths(width: number, lanes: number): number[] {
  return columns(width, [3.2, 19, ...Array.from({ length: lanes }, () => 39 / lanes), 13, 7.3, 10, 8.5]);
}

function procedureHead(view: SopView & { layout: { actorFontPt: number } }): TableRow[] {
  const L = view.labels;
  const n = Math.max(1, view.actors.length);
  const h = (t: string, o: Partial<CellOpts> = {}, size: number = SIZE.head) => cell({ head: true, middle: true, ...o, children: [text(t, { bold: true, size }, AlignmentType.CENTER)] });
  const actorSize = Math.max(11, Math.round(view.layout.actorFontPt * 2));
  return [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: [h(L.no, { rowSpan: 2 }), h(L.activity, { rowSpan: 2 }), h(L.actors, { span: n }), h(L.standard, { span: 3 }), h(L.notes, { rowSpan: 2 })],
    }),
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: [
        ...(view.actors.length ? view.actors : [{ name: '' }]).map((a) => h(a.name, { margins: { top: 45, bottom: 45, left: 30, right: 30 } }, actorSize)),
        h(L.requirements),
        h(L.time),
        h(L.output),
      ],
    }),
  ];
}

/**
 * A procedure row, at least as tall as Chromium laid it out, its band picture exactly that tall. The cells have no
 * top or bottom margin (LibreOffice adds those to a row's height; Word does not): the text's first paragraph is
 * spaced down instead.
 */
function stepRow(s: StepView, view: SopView, band: Picture | undefined, height: number): TableRow {
  const st = { size: SIZE.cell };
  const n = Math.max(1, view.actors.length);
  const pad = { top: 0, bottom: 0, left: 75, right: 75 };
  const first = (children: ParagraphChild[], align?: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new Paragraph({ children, alignment: align, spacing: { before: 45, after: 0 } });
  const req = s.requirements.length
    ? s.requirements.map((r, i) => new Paragraph({ spacing: { before: i === 0 ? 45 : 0, after: 0 }, indent: { left: 160, hanging: 160 }, children: [plain('- ', st), ...inlineRuns(r, st)] }))
    : [first([plain(view.labels.empty, st)])];
  const bandPara = new Paragraph({ spacing: { before: 0, after: 0 }, run: { size: 2 }, children: band ? [imageRun(band, band)] : [] });
  return new TableRow({
    cantSplit: true,
    height: { value: Math.round(height * TW_PER_PX), rule: HeightRule.ATLEAST },
    children: [
      cell({ margins: pad, children: [first([plain(String(s.no), st)], AlignmentType.CENTER)] }),
      cell({ margins: pad, children: [first(inlineRuns(s.activity, st))] }),
      cell({ span: n, margins: { top: 0, bottom: 0, left: 0, right: 0 }, children: [bandPara] }),
      cell({ margins: pad, children: req }),
      cell({ margins: pad, children: [first([plain(s.time, st)], AlignmentType.CENTER)] }),
      cell({ margins: pad, children: [first(inlineRuns(s.output, st))] }),
      cell({ margins: pad, children: [first(inlineRuns(s.notes, st))] }),
    ],
  });
}

/** A paragraph that only breaks the page (1 pt tall, so it takes no room on either page). */
export function pageBreak(): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 0 }, run: { size: 2 }, children: [new PageBreak()] });
}

const spacer = (pt = 6) => new Paragraph({ spacing: { before: 0, after: 0, line: pt * 20, lineRule: 'exact' }, children: [] });

/** Bagian Prosedur: one table per printed page of the PDF, each with the two header rows. */
function procedure(layout: DocxLayout, width: number): FileChild[] {
  const { view, pagination } = layout;
  const widths = procedureWidths(width, Math.max(1, view.actors.length));
  const parts: StepView[][] = [[]];
  const after = new Set(pagination.breaks);
  view.steps.forEach((s, i) => {
    parts[parts.length - 1]!.push(s);
    if (after.has(i) && i < view.steps.length - 1) parts.push([]);
  });
  const total = new TableRow({
    cantSplit: true,
    children: [
      cell({ span: 3 + view.actors.length, fill: 'F5F5F5', children: [text(view.labels.totalTime, { bold: true, size: SIZE.cell }, AlignmentType.RIGHT)] }),
      cell({ span: 3, fill: 'F5F5F5', children: [text(view.totalTime, { bold: true, size: SIZE.cell })] }),
    ],
  });
  const out: FileChild[] = [];
  parts.forEach((rows, k) => {
    if (k > 0 || pagination.tableOnNewPage) out.push(pageBreak());
    const body = rows.map((s) => stepRow(s, view, layout.bands[s.no - 1], layout.rowHeights[s.no - 1] ?? 56));
    out.push(table([...procedureHead(view), ...body, ...(k === parts.length - 1 ? [total] : [])], widths));
  });
  return out;
}

/** Riwayat Revisi. */
function history(view: SopView, width: number): FileChild[] {
  if (!view.history) return [];
  const L = view.labels;
  const st = { size: SIZE.cell };
  const head = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [L.historyRevision, L.historyDate, L.historyStage, L.historyApprovedBy, L.historyChange, L.historyCommit].map((t) => cell({ head: true, children: [text(t, { bold: true, size: SIZE.cell })] })),
  });
  const rows = view.history.map(
    (h) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell({ children: [text(String(h.revision), st, AlignmentType.CENTER)] }),
          cell({ children: [text(h.date, st)] }),
          cell({ children: [text(h.stage, st)] }),
          cell({ children: [text(h.approvedBy, st)] }),
          cell({ children: [text(h.subject, st)] }),
          cell({ children: [para([new TextRun({ text: h.commit, font: 'Liberation Mono', size: SIZE.cell })])] }),
        ],
      }),
  );
  return [
    spacer(8),
    new Paragraph({ keepNext: true, spacing: { before: 0, after: 80 }, children: [plain(L.history, { bold: true, size: SIZE.history })] }),
    table([head, ...rows], columns(width, [7, 14, 11, 20, 38, 10])),
  ];
}

/** The whole SOP as document content for a sheet. */
export function sopContent(layout: DocxLayout, sheet: Sheet, lists: ListCounter): FileChild[] {
  const width = contentWidth(sheet);
  return [...identity(layout.view, layout.logo, width, lists), spacer(6), ...procedure(layout, width), ...history(layout.view, width)];
}

/** The section of one SOP: its page, running footer (Nomor SOP, Halaman X dari Y) and watermark. */
export function sopSection(layout: DocxLayout, sheet: Sheet, locale: Locale, lists: ListCounter, before: FileChild[] = []): ISectionOptions {
  const v = layout.view;
  const w = PDF_WORDS[locale];
  return {
    properties: pageProperties(sheet),
    headers: { default: header(v.watermark, sheet) },
    footers: { default: footer(`${w.number} ${v.number === v.labels.empty ? v.id : v.number}`, locale, sheet) },
    children: [...before, ...sopContent(layout, sheet, lists)],
  };
}
