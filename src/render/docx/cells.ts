// The building blocks of the SOP's Word tables: type sizes, borders, cells, paragraphs, pictures, numbered lists.
import {
  AlignmentType,
  BorderStyle,
  ImageRun,
  LevelFormat,
  PageBreak,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
  type INumberingOptions,
  type ParagraphChild,
} from 'docx';
import type { ListView } from '../view-types.js';
import { inlineRuns, plain, type RunStyle } from './inline.js';

/** A picture for Word: SVG with a PNG fallback, or a raster image alone; size in CSS px. */
export interface Picture {
  /** SVG source, when the picture is vector. */
  svg?: Uint8Array;
  /** The raster image (the SVG's fallback, or the picture itself). */
  raster: Uint8Array;
  /** Raster type. */
  type: 'png' | 'jpg' | 'gif';
  /** Display width and height (CSS px). */
  width: number;
  height: number;
}

/** Half-point sizes of the stylesheet's type (templates/sop.css), rounded to Word's half points. */
export const SIZE = { body: 19, cell: 17, head: 17, orgName: 23, orgUnit: 20, title: 22, history: 21, footer: 16 } as const;
export const HEAD_FILL = 'E9EEF5';
export const LINE = '222222';

/** The numbering definition of the lists (one instance per list, so each starts at 1). */
export const NUMBERING: INumberingOptions = {
  config: [
    {
      reference: 'sop-list',
      levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 300, hanging: 300 } } } }],
    },
  ],
};

export const border = (size: number) => ({ style: BorderStyle.SINGLE, size, color: LINE });
export const TABLE_BORDERS = {
  top: border(9),
  bottom: border(9),
  left: border(9),
  right: border(9),
  insideHorizontal: border(6),
  insideVertical: border(6),
};
export const CELL_MARGINS = { top: 45, bottom: 45, left: 75, right: 75 };

export interface CellOpts {
  children: Paragraph[];
  head?: boolean;
  span?: number;
  rowSpan?: number;
  center?: boolean;
  middle?: boolean;
  fill?: string;
  margins?: typeof CELL_MARGINS;
}

export function cell(o: CellOpts): TableCell {
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

export const para = (children: ParagraphChild[], align?: (typeof AlignmentType)[keyof typeof AlignmentType]): Paragraph =>
  new Paragraph({ children, alignment: align, spacing: { before: 0, after: 0 } });

export const text = (t: string, style: RunStyle = {}, align?: (typeof AlignmentType)[keyof typeof AlignmentType]) => para([plain(t, style)], align);

/** Column widths in twips from percentages of the printable width (the last absorbs rounding). */
export function columns(total: number, pcts: number[]): number[] {
  const out = pcts.map((p) => Math.floor((total * p) / 100));
  out[out.length - 1]! += total - out.reduce((a, b) => a + b, 0);
  return out;
}

export function table(rows: TableRow[], widths: number[]): Table {
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

export function listParagraphs(list: ListView, empty: string, lists: ListCounter): Paragraph[] {
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

/** A paragraph that only breaks the page (1 pt tall, so it takes no room on either page). */
export function pageBreak(): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 0 }, run: { size: 2 }, children: [new PageBreak()] });
}

export const spacer = (pt = 6) => new Paragraph({ spacing: { before: 0, after: 0, line: pt * 20, lineRule: 'exact' }, children: [] });
