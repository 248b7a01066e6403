// Bagian Prosedur as Word tables (one a printed page, header rows repeating, a band picture a row) and Riwayat Revisi.
import {
  AlignmentType,
  HeightRule,
  Paragraph,
  TableRow,
  TextRun,
  type FileChild,
  type ParagraphChild,
} from 'docx';
import type { SopView, StepView } from '../view-types.js';
import { cell, columns, imageRun, pageBreak, para, SIZE, spacer, table, text, type CellOpts } from './cells.js';
import { inlineRuns, plain } from './inline.js';
import type { DocxLayout, Picture } from './layout.js';
import { TW_PER_PX } from './page.js';
import { procedureWidths } from './widths.js';

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

/** Bagian Prosedur: one table per printed page of the PDF, each with the two header rows. */
export function procedure(layout: DocxLayout, width: number): FileChild[] {
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
      cell({ span: 3 + Math.max(1, view.actors.length), fill: 'F5F5F5', children: [text(view.labels.totalTime, { bold: true, size: SIZE.cell }, AlignmentType.RIGHT)] }),
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
export function history(view: SopView, width: number): FileChild[] {
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
