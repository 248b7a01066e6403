import type { Locale } from '../../config/types.js';
import type { Sheet } from './paper.js';

/** Words printed by the PDF layer, per locale. */
export const PDF_WORDS = {
  id: { page: 'Halaman', of: 'dari', number: 'Nomor SOP', draft: 'KONSEP', withdrawn: 'DICABUT' },
  en: { page: 'Page', of: 'of', number: 'SOP No.', draft: 'DRAFT', withdrawn: 'WITHDRAWN' },
} as const satisfies Record<Locale, Record<string, string>>;

export { numberText } from '../locale/index.js';

/** A CSS string literal; every character outside printable ASCII, quotes, backslashes and `<` escaped. */
export function cssString(text: string): string {
  return `"${text.replace(/[^\x20-\x7e]|["\\<>&]/gu, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;
}

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A full-sheet SVG with one diagonal word, as a `url(...)` for CSS. */
export function watermarkUrl(word: string, sheet: Sheet): string {
  const w = Math.round((sheet.widthMm * 96) / 25.4);
  const h = Math.round((sheet.heightMm * 96) / 25.4);
  const angle = (-Math.atan2(h, w) * 180) / Math.PI;
  // Bold capitals advance about 0.72 em, plus 0.08 em letter spacing: the word spans ~70% of the diagonal.
  const size = Math.round(Math.min((0.7 * Math.hypot(w, h)) / (Math.max(4, word.length) * 0.8), h * 0.4));
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `<text x="${w / 2}" y="${h / 2}" transform="rotate(${angle.toFixed(2)} ${w / 2} ${h / 2})" text-anchor="middle" dominant-baseline="middle" ` +
    `font-family="Arial, Helvetica, sans-serif" font-weight="700" font-size="${size}" letter-spacing="${Math.round(size * 0.08)}" ` +
    `fill="#c00000" fill-opacity="0.13">${escapeHtml(word)}</text></svg>`;
  return `url("data:image/svg+xml,${encodeURIComponent(svg).replace(/'/g, '%27').replace(/\(/g, '%28').replace(/\)/g, '%29')}")`;
}

/** What a page's running footer and marks say. */
export interface PageMarks {
  /** Left of the footer (e.g. "Nomor SOP 004/SOP/KUL/…"); empty for none. */
  footerLeft: string;
  /** Whether pages carry the draft watermark. */
  draft: boolean;
  /** Whether pages carry the withdrawn (DICABUT) watermark. */
  withdrawn?: boolean;
  /** Text of the header at the top of the page (e.g. the book's "LAMPIRAN KEPUTUSAN … NOMOR … TANGGAL …"). */
  header?: string;
}

/**
 * The footer's "Halaman n dari N": N from `counter(pages)`, or the given total (a book printed in parts, where each
 * part's own page count is not the book's).
 */
export function pageNumberContent(locale: Locale, total?: number): string {
  const w = PDF_WORDS[locale];
  return `${cssString(`${w.page} `)} counter(page) ${total === undefined ? `${cssString(` ${w.of} `)} counter(pages)` : cssString(` ${w.of} ${total}`)}`;
}

const BOX = 'font-family: Arial, Helvetica, sans-serif; font-size: 8pt; color: #333;';

/** Margin boxes of one kind of page: footer left text, page x of y on the right, the draft watermark. */
export function marginBoxes(marks: PageMarks, locale: Locale, sheet: Sheet): string {
  const w = PDF_WORDS[locale];
  const out = [
    `@bottom-left { content: ${cssString(marks.footerLeft)}; ${BOX} text-align: left; vertical-align: middle; }`,
    `@bottom-right { content: ${pageNumberContent(locale)}; ${BOX} text-align: right; vertical-align: middle; }`,
  ];
  const mark = marks.draft ? w.draft : marks.withdrawn ? w.withdrawn : undefined;
  if (mark) {
    out.push(
      // The corner box sits at the sheet's top-left; its full-sheet image overflows across the page.
      `@top-left-corner { content: ${watermarkUrl(mark, sheet)}; text-align: left; vertical-align: top; }`,
      `@top-right { content: ${cssString(mark)}; ${BOX} color: #c00000; font-weight: bold; letter-spacing: 2pt; text-align: right; vertical-align: middle; }`,
    );
  }
  if (marks.header) out.push(`@top-left { content: ${cssString(marks.header)}; ${BOX} font-size: 7.5pt; text-align: left; vertical-align: bottom; padding-bottom: 1.5mm; }`);
  return out.join('\n  ');
}

/** The @page rule of a sheet (size and margins) with default margin boxes. */
export function pageRule(sheet: Sheet, marks: PageMarks, locale: Locale): string {
  const m = sheet.marginMm.map((v) => `${v}mm`).join(' ');
  return `@page {\n  size: ${sheet.widthMm}mm ${sheet.heightMm}mm;\n  margin: ${m};\n  ${marginBoxes(marks, locale, sheet)}\n}`;
}

/** A named @page rule (for the book: one name per SOP, so footers and watermarks follow each SOP). */
export function namedPageRule(name: string, sheet: Sheet, marks: PageMarks, locale: Locale): string {
  return `@page ${name} {\n  ${marginBoxes(marks, locale, sheet)}\n}`;
}
