// Bagian Identitas as Word tables: the office block, Nomor SOP, dates, Disahkan oleh, Nama SOP, and the six lists.
import { AlignmentType, Paragraph, TableRow, type FileChild, type ParagraphChild } from 'docx';
import type { SopView } from '../view-types.js';
import { cell, columns, imageRun, listParagraphs, para, SIZE, table, text, type ListCounter } from './cells.js';
import { inlineRuns, plain } from './inline.js';
import type { Picture } from './layout.js';
import { tw } from './page.js';

/** Bagian Identitas: the office block, Nomor SOP, dates, Disahkan oleh, Nama SOP; then the grid of six lists. */
export function identity(view: SopView, logo: Picture | undefined, width: number, lists: ListCounter): FileChild[] {
  const L = view.labels;
  const widths = columns(width, [46, 16, 38]);
  const label = (t: string) => cell({ head: true, middle: true, children: [text(t, { bold: true, size: SIZE.body })] });
  const value = (children: Paragraph[]) => cell({ middle: true, children });
  // The office block spans the six rows. Its padding is paragraph spacing, not cell margins: docx repeats a merged
  // cell's margins in the cells it continues into, and LibreOffice then makes every row as tall as those margins.
  const lines: Array<{ runs: ParagraphChild[]; after: number }> = [];
  if (logo) lines.push({ runs: [imageRun(logo, logo)], after: 120 });
  if (view.org.name) lines.push({ runs: [plain(view.org.name, { bold: true, allCaps: true, size: SIZE.orgName })], after: 0 });
  for (const u of [...view.org.unitLines, ...(view.unit ? [view.unit] : [])]) lines.push({ runs: [plain(u, { bold: true, allCaps: true, size: SIZE.orgUnit })], after: 0 });
  const org = lines.map(
    (l, i) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: i === 0 ? 150 : 0, after: i === lines.length - 1 ? 150 : l.after }, children: l.runs }),
  );
  const approval = [text(view.approval.position, { size: SIZE.body }), new Paragraph({ spacing: { before: 0, after: 0, line: tw(16), lineRule: 'exact' }, children: [] })];
  if (view.approval.present) approval.push(text(view.approval.name, { size: SIZE.body, bold: true, underline: true }), text(view.approval.nip, { size: SIZE.body }));
  const rows = [
    new TableRow({
      cantSplit: true,
      children: [
        cell({ rowSpan: 6, middle: true, margins: { top: 0, bottom: 0, left: 150, right: 150 }, children: org }),
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
