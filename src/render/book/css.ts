import type { Locale } from '../../config/types.js';
import { marginBoxes, pageRule, type PageMarks } from '../pdf/page-css.js';
import type { Sheet } from '../pdf/paper.js';
import type { BookUnit } from './parts.js';
import { PRINT_CSS } from '../pdf/index.js';
import { DECREE_CSS } from './decree.js';

/** The book's layout, shared by its HTML and PDF forms. */
export const BOOK_CSS = `
.book-cover { display: flex; flex-direction: column; align-items: center; justify-content: center; text-align: center; gap: 5mm; break-after: page; overflow: hidden; }
.book-cover .cover-logo { max-height: 45mm; max-width: 60mm; }
.book-cover .cover-kind { font-size: 24pt; font-weight: bold; letter-spacing: 0.06em; }
.book-cover .cover-title { font-size: 15pt; font-weight: bold; max-width: 80%; }
.book-cover .cover-subtitle { font-size: 12pt; }
.book-cover .cover-org { font-size: 13pt; font-weight: bold; text-transform: uppercase; line-height: 1.5; }
.book-cover .cover-year { font-size: 15pt; font-weight: bold; }
.book-cover .cover-address { font-size: 10pt; }
.book-cover .cover-review { font-size: 12pt; font-weight: bold; color: #c00000; letter-spacing: 0.04em; border: 1.5px solid #c00000; padding: 2mm 5mm; }
.book-page, .book-toc, .book-sop { break-before: page; }
.book-page { font-size: 10.5pt; line-height: 1.45; max-width: 190mm; margin: 0 auto; }
.book-page p, .book-page ul, .book-page ol { margin: 0 0 0.6em; }
.book-page .md-center { text-align: center; }
.book-page .md-h1 { font-size: 13pt; font-weight: bold; text-align: center; margin: 0 0 0.8em; }
.book-page .md-h2 { font-size: 11.5pt; font-weight: bold; margin: 1em 0 0.5em; }
.book-page .md-h3, .book-page .md-h4, .book-page .md-h5, .book-page .md-h6 { font-weight: bold; margin: 0.8em 0 0.4em; }
.book-page table { width: auto; table-layout: auto; margin: 0 0 0.6em; }
.book-toc h1 { font-size: 14pt; text-align: center; margin: 0 0 5mm; }
table.toc { width: 100%; max-width: 230mm; margin: 0 auto; border: 0; table-layout: fixed; }
table.toc th, table.toc td { border: 0; border-bottom: 0.5px solid #bbb; padding: 2px 5px; font-size: 9.5pt; }
table.toc th { text-align: left; border-bottom: 1px solid #222; }
table.toc .toc-no { width: 10mm; text-align: right; }
table.toc .toc-number { width: 70mm; }
table.toc .toc-page { width: 16mm; text-align: right; }
table.toc tr.toc-unit td { font-weight: bold; padding-top: 8px; border-bottom: 1px solid #222; }
table.toc a { color: inherit; text-decoration: none; }
table.toc tr { break-inside: avoid; }
.book-sop > h1.unit-heading { font-size: 12pt; text-transform: uppercase; margin: 0 0 2px; padding: 0 0 2px; border-bottom: 2px solid #222; }
.book-sop > h2.sop-heading { font-size: 7.5pt; font-weight: normal; color: #555; margin: 0 0 3px; }
.book-sop .demoted-h1, .book-sop .demoted-h2, .book-sop .demoted-h3 { font-weight: bold; font-size: 10.5pt; margin: 0 0 4px; }
.book-sop.table-new-page .procedure-part { break-before: page; }
${DECREE_CSS}`;

/** CSS of the book's HTML form: each draft's watermark over its own first screen instead of fixed to the window. */
export const BOOK_HTML_CSS = `
.book-sop .watermark { position: absolute; top: 90mm; }
.book-cover { min-height: 180mm; border-bottom: 1px solid #ccc; }
@media screen { .book-page, .book-toc, .book-sop { margin-top: 14mm; } }
`;

/** The @page rules of the book's PDF: default footer, an unnumbered cover, one named page per SOP. */
export function bookPageCss(sheet: Sheet, locale: Locale, footer: string, units: readonly BookUnit[], marks: (seq: number) => PageMarks): string {
  const rules = [
    pageRule(sheet, { footerLeft: footer, draft: false }, locale),
    '@page cover { @bottom-left { content: none; } @bottom-right { content: none; } }',
    '.book-cover { page: cover; }',
    PRINT_CSS,
  ];
  for (const u of units) {
    for (const s of u.sops) rules.push(`@page sop${s.seq} {\n  ${marginBoxes(marks(s.seq), locale, sheet)}\n}`, `.book-sop.s${s.seq} { page: sop${s.seq}; }`);
  }
  return rules.join('\n');
}
