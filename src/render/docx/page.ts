// The page of a Word section: size, orientation and margins from the PDF's sheet, the running footer with
// PAGE/NUMPAGES fields, and the draft watermark.
import {
  Footer,
  Header,
  PageNumber,
  PageOrientation,
  Paragraph,
  TabStopType,
  TextRun,
  type ISectionOptions,
} from 'docx';
import { TextWatermark } from 'docx/watermarks';
import type { Locale } from '../../config/types.js';
import { PDF_WORDS } from '../pdf/page-css.js';
import type { Sheet } from '../pdf/paper.js';

/** Half-point size of the footer's type (8 pt). */
const FOOTER_SIZE = 16;
/** Half-point size of the book's LAMPIRAN header (7.5 pt). */
const HEADER_SIZE = 15;

/** Twips (1/20 pt) per CSS px and per mm. */
export const TW_PER_PX = 15;
const TW_PER_MM = 1440 / 25.4;
export const tw = (mm: number): number => Math.round(mm * TW_PER_MM);

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
  const style = { font: 'Arial', size: FOOTER_SIZE, color: '333333' };
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

/**
 * The header: empty; or `text` at the top left (the book's "LAMPIRAN KEPUTUSAN … NOMOR … TANGGAL …"); and for a draft
 * or a withdrawn SOP (any view with a watermark) the diagonal word behind every page and the word at the top right.
 */
export function header(watermark: string | undefined, sheet: Sheet, text?: string): Header {
  if (!watermark && !text) return new Header({ children: [new Paragraph({ children: [] })] });
  const diagonalPt = (Math.hypot(sheet.widthMm, sheet.heightMm) * 72) / 25.4;
  return new Header({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: contentWidth(sheet) }],
        children: [
          ...(watermark ? [new TextWatermark({ text: watermark, font: 'Arial', bold: true, color: 'C00000', opacity: 0.13, width: Math.round(diagonalPt * 0.62) })] : []),
          ...(text ? [new TextRun({ text, font: 'Arial', size: HEADER_SIZE, color: '333333' })] : []),
          ...(watermark ? [new TextRun({ text: `\t${watermark}`, font: 'Arial', size: FOOTER_SIZE, bold: true, color: 'C00000', characterSpacing: 40 })] : []),
        ],
      }),
    ],
  });
}
