// The book's adopting decision (`book.decree`) and its attachment list (LAMPIRAN) as Word paragraphs and tables, in
// the layout of a KPU Keputusan: the wording, dates and diktum names are the HTML's (src/render/book/decree.ts).
import { AlignmentType, BorderStyle, Paragraph, Table, TableLayoutType, TableRow, WidthType, type FileChild, type ParagraphChild } from 'docx';
import type { BookDecree, Locale } from '../../../config/types.js';
import { decreeDate, decreeName, DECREE_WORDS, diktum, stripComma, upper } from '../../book/decree.js';
import type { BookUnit } from '../../book/parts.js';
import { border, cell, imageRun } from '../cells.js';
import { inlineRuns, plain, type RunStyle } from '../inline.js';
import type { Picture } from '../layout.js';
import { tw } from '../page.js';

/** Times New Roman 11 pt, 1.35 lines (the decision's stylesheet). */
const BODY: RunStyle = { font: 'Times New Roman', size: 22 };
const LIST: RunStyle = { ...BODY, size: 21 };
const LINE = 324;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const NO_MARGINS = { top: 0, bottom: 0, left: 0, right: 0 };

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

const line = (children: ParagraphChild[], o: { align?: Align; after?: number; keep?: boolean; indent?: number } = {}) =>
  new Paragraph({
    alignment: o.align,
    spacing: { before: 0, after: o.after ?? 0, line: LINE },
    indent: o.indent ? { left: o.indent } : undefined,
    keepNext: o.keep,
    keepLines: o.keep,
    children,
  });

/** A borderless table of these widths (twips). */
function plainTable(rows: TableRow[], widths: number[], indent = 0): Table {
  return new Table({
    rows,
    columnWidths: widths,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    indent: indent ? { size: indent, type: WidthType.DXA } : undefined,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
  });
}

/** A row "Label | : | body" of the decision (Menimbang, Mengingat, Menetapkan, a diktum). */
function labelled(label: string, body: Paragraph[]): TableRow {
  const plainCell = (children: Paragraph[]) => cell({ margins: NO_MARGINS, children });
  return new TableRow({ children: [plainCell([line([plain(label, BODY)])]), plainCell([line([plain(':', BODY)])]), plainCell(body)] });
}

/** An a./1. list inside a row: the marker in a hanging indent, the text justified. */
function listParagraphs(items: readonly string[] | undefined, marker: (i: number) => string): Paragraph[] {
  if (!items || items.length === 0) return [line([plain('-', BODY)])];
  const hang = tw(6);
  return items.map(
    (t, i) =>
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        spacing: { before: 0, after: 40, line: LINE },
        indent: { left: hang, hanging: hang },
        tabStops: [{ type: 'left', position: hang }],
        children: [plain(`${marker(i)}\t`, LIST), ...inlineRuns(t, LIST)],
      }),
  );
}

const justified = (children: ParagraphChild[]) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { before: 0, after: 0, line: LINE }, children });

/** The signature block in the right half, kept together on one page: place and date (decision only), position, name, NIP. */
function signature(d: BookDecree, locale: Locale, width: number, placed: boolean): Paragraph[] {
  const w = DECREE_WORDS[locale];
  const indent = Math.round(width * 0.52);
  const tab = indent + tw(28);
  const out: Paragraph[] = [];
  const where = (label: string, value: string, after = 0) =>
    new Paragraph({ keepNext: true, keepLines: true, indent: { left: indent }, tabStops: [{ type: 'left', position: tab }], spacing: { before: 0, after, line: LINE }, children: [plain(`${label}\t${value}`, BODY)] });
  if (placed) out.push(new Paragraph({ keepNext: true, spacing: { before: 0, after: 0 }, children: [] }), where(w.at, d.place), where(w.on, decreeDate(d, locale), 160));
  else out.push(new Paragraph({ keepNext: true, spacing: { before: 0, after: 0 }, children: [] }));
  out.push(line([plain(`${upper(stripComma(d.signer.position))},`, BODY)], { indent, keep: true }));
  out.push(new Paragraph({ keepNext: true, spacing: { before: 0, after: 0, line: tw(20), lineRule: 'exact' }, children: [] }));
  const nip = d.signer.nip ? `${w.nip} ${d.signer.nip}` : '';
  out.push(line([plain(d.signer.name, { ...BODY, bold: true, underline: true })], { indent, keep: nip !== '' }));
  if (nip) out.push(line([plain(nip, BODY)], { indent }));
  return out;
}

/** The decision: logo, heading, by whom, Menimbang, Mengingat, MEMUTUSKAN, Menetapkan, the diktum, the signature. */
export function decreeBlocks(d: BookDecree, locale: Locale, width: number, logo: Picture | undefined): FileChild[] {
  const w = DECREE_WORDS[locale];
  const name = decreeName(d, locale);
  const bold = { ...BODY, bold: true };
  const centre = (t: string, after = 20) => line([plain(t, bold)], { align: AlignmentType.CENTER, after });
  const widths = [tw(27), tw(4), width - tw(31)];
  const out: FileChild[] = [];
  if (logo) {
    const k = Math.min(1, (22 * 96) / 25.4 / logo.height, (30 * 96) / 25.4 / logo.width);
    out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after: 120 }, children: [imageRun(logo, { width: Math.round(logo.width * k), height: Math.round(logo.height * k) })] }));
  }
  out.push(centre(name), centre(`${w.number} ${d.number.trim()}`), centre(w.about), centre(upper(d.title), 220));
  out.push(centre(`${upper(stripComma(d.signer.position))},`, 220));
  out.push(
    plainTable(
      [
        labelled(w.considering, listParagraphs(d.considering, (i) => `${String.fromCharCode(97 + (i % 26))}.`)),
        labelled(w.observing, listParagraphs(d.legalBasis, (i) => `${i + 1}.`)),
      ],
      widths,
    ),
  );
  out.push(line([plain(w.decide, bold)], { align: AlignmentType.CENTER, after: 170 }));
  out.push(new Paragraph({ spacing: { before: 0, after: 0 }, children: [] }));
  out.push(
    plainTable(
      [
        labelled(w.stipulate, [justified([plain(`${name} ${w.about} ${upper(d.title)}.`, BODY)])]),
        ...d.decisions.map((t, i) => labelled(diktum(i + 1, locale), [new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { before: 0, after: 110, line: LINE }, children: inlineRuns(t, BODY) })])),
      ],
      widths,
    ),
  );
  out.push(...signature(d, locale, width, true));
  return out;
}

/** The attachment: its heading block at the right, the list's title, the SOPs of the book by unit (number, title), signed. */
export function attachmentBlocks(d: BookDecree, units: readonly BookUnit[], locale: Locale, width: number): FileChild[] {
  const w = DECREE_WORDS[locale];
  const text = (t: string, style: RunStyle = BODY, align?: Align) => new Paragraph({ alignment: align, spacing: { before: 0, after: 0 }, children: [plain(t, style)] });
  const half = Math.round(width / 2);
  const labelWidth = tw(Math.max(25, w.attachment.length * 2.4 + 3));
  const head = [
    [w.attachment, decreeName(d, locale)],
    ['', `${w.number} ${d.number.trim()}`],
    ['', `${w.date} ${upper(decreeDate(d, locale))}`],
  ].map(([a, b]) => new TableRow({ children: [cell({ margins: NO_MARGINS, children: [text(a!)] }), cell({ margins: NO_MARGINS, children: [text(b!)] })] }));
  const small: RunStyle = { ...BODY, size: 21 };
  const pad = { top: 45, bottom: 45, left: 110, right: 110 };
  const c = (t: string, o: { bold?: boolean; center?: boolean; span?: number } = {}) =>
    cell({ margins: pad, span: o.span, children: [text(t, { ...small, bold: o.bold }, o.center ? AlignmentType.CENTER : undefined)] });
  const rows = [
    new TableRow({ tableHeader: true, cantSplit: true, children: [c(w.no, { bold: true, center: true }), c(w.sopNumber, { bold: true, center: true }), c(w.sopTitle, { bold: true, center: true })] }),
  ];
  let n = 0;
  units.forEach((u, i) => {
    rows.push(new TableRow({ cantSplit: true, children: [c(`${String.fromCharCode(65 + (i % 26))}.`, { bold: true, center: true }), c(u.name, { bold: true, span: 2 })] }));
    for (const s of u.sops) rows.push(new TableRow({ cantSplit: true, children: [c(`${++n}.`, { center: true }), c(s.number), c(s.title)] }));
  });
  const listWidths = [tw(11), tw(62), width - tw(73)];
  const list = new Table({
    rows,
    columnWidths: listWidths,
    width: { size: width, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: { top: border(6), bottom: border(6), left: border(6), right: border(6), insideHorizontal: border(6), insideVertical: border(6) },
  });
  return [
    plainTable(head, [labelWidth, width - half - labelWidth], half),
    new Paragraph({ spacing: { before: 0, after: 0 }, children: [] }),
    line([plain(w.list, { ...BODY, bold: true })], { align: AlignmentType.CENTER }),
    line([plain(upper(d.title), { ...BODY, bold: true })], { align: AlignmentType.CENTER, after: 220 }),
    list,
    ...signature(d, locale, width, false),
  ];
}
