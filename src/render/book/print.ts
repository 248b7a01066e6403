import type { PdfBrowser, SandboxPage } from '../pdf/browser.js';
import { numberText, PDF_WORDS } from '../pdf/page-css.js';
import { chooseBreaks, CONNECTOR_ROOM, measureHeights, measureRows, pagesFor, pagesWith, type Pagination } from '../pdf/paginate.js';
import type { PrintProject } from '../pdf/sources.js';
import { SOP_SELECTORS } from '../pdf/index.js';
import { bookHtml, type BookContent } from './assemble.js';
import { bookPageCss, BOOK_CSS } from './css.js';
import { readOutline } from './outline.js';

/** The printed book. */
export interface PrintedBook {
  /** The PDF. */
  pdf: Uint8Array;
  /** First page of each SOP by anchor, as printed in the contents. */
  pages: Map<string, number>;
  /** PDF renderings done (2 when the first prediction of page numbers was wrong). */
  passes: number;
}

const BOOK_SELECTORS = { ...SOP_SELECTORS, root: 'section.book-sop' };
const NO_BREAKS: Pagination = { breaks: [], tableOnNewPage: false, pages: 1 };
const same = (a: Pagination, b: Pagination) => a.tableOnNewPage === b.tableOnNewPage && a.breaks.join() === b.breaks.join();

/** Write page numbers into the contents' cells of the loaded book (trusted code; the document's scripts stay off). */
async function setContentsPages(page: SandboxPage, pages: ReadonlyMap<string, number>): Promise<void> {
  const changed = await page.evaluate((entries: Array<[string, number]>) => {
    const byAnchor = new Map(entries);
    let n = 0;
    document.querySelectorAll<HTMLElement>('td.toc-page[data-anchor]').forEach((td) => {
      td.textContent = String(byAnchor.get(td.dataset.anchor ?? '') ?? '');
      n++;
    });
    return n;
  }, [...pages]);
  if (changed !== pages.size) throw new Error(`book contents: ${changed} page cells for ${pages.size} SOPs`);
}

/**
 * Print the book: lay it out and measure until each SOP's breaks are stable, predict each SOP's first page,
 * print, and read the PDF's outline (one bookmark per SOP) for the pages where SOPs really start; when the
 * contents page was wrong, print again with the real numbers (the contents keeps its length).
 */
export async function printBook(
  browser: PdfBrowser,
  content: BookContent,
  project: PrintProject,
  onStep?: (done: number, total: number, label: string) => void,
): Promise<PrintedBook> {
  const { sheet, locale } = project;
  const H = sheet.contentHeightPx;
  const all = content.units.flatMap((u) => u.sops);
  const words = PDF_WORDS[locale];
  const css = `${BOOK_CSS}\n${bookPageCss(sheet, locale, content.title, content.units, (seq) => {
    const s = all[seq]!.item.sop;
    return { footerLeft: `${words.number} ${numberText(s.number, locale)}`, draft: s.status === 'draft', withdrawn: s.status === 'withdrawn', header: content.header };
  })}`;
  const placeholder = new Map(all.map((s) => [s.anchor, 888]));
  const page = await browser.newPage(sheet.contentWidthPx);
  try {
    const paginations = new Map<number, Pagination>();
    const html = (pages: Map<string, number>) => bookHtml(content, project, { paginations, pages, css, coverHeightPx: H }, locale);
    let steps = 0;
    const step = (label: string) => onStep?.(Math.min(++steps, 3), 3, label);
    // 1. Breaks: measure, choose (with room for connectors), render again until every SOP's pages fit.
    await page.setHtml(html(placeholder));
    let measures = await measureRows(page, BOOK_SELECTORS);
    for (let round = 0; round < 4; round++) {
      let changed = false;
      measures.forEach((m, seq) => {
        const current = paginations.get(seq) ?? NO_BREAKS;
        const pages = pagesWith(m, current, H);
        if (pages !== undefined) {
          paginations.set(seq, { ...current, pages });
          return;
        }
        const next = chooseBreaks(m, H, CONNECTOR_ROOM);
        if (!same(current, next)) changed = true;
        paginations.set(seq, next);
      });
      if (!changed) break;
      await page.setHtml(html(placeholder));
      measures = await measureRows(page, BOOK_SELECTORS);
    }
    step('laid out');
    // 2. Predicted first pages: cover, front pages, contents, then each SOP.
    const [fronts, toc] = await Promise.all([measureHeights(page, 'section.book-page'), measureHeights(page, 'section.book-toc')]);
    let next = 2 + fronts.reduce((n, h) => n + pagesFor(h, H), 0) + pagesFor(toc[0] ?? 0, H);
    const predicted = new Map<string, number>();
    all.forEach((s, seq) => {
      predicted.set(s.anchor, next);
      next += paginations.get(seq)?.pages ?? pagesFor(measures[seq]?.height ?? 0, H);
    });
    // 3. Print, check against the outline, and print again with the real numbers if needed. The numbers are
    //    written into the contents' cells in place (fixed-width cells: the layout does not move).
    let pages = predicted;
    for (let pass = 1; ; pass++) {
      await setContentsPages(page, pages);
      const pdf = await page.pdf({ outline: true });
      if (pass === 1) step('printed');
      const starts = readOutline(pdf).filter((e) => e.level === 2);
      if (starts.length !== all.length) throw new Error(`book outline: expected ${all.length} SOP bookmarks, found ${starts.length}`);
      const actual = new Map(all.map((s, i) => [s.anchor, starts[i]!.page]));
      if (all.every((s) => actual.get(s.anchor) === pages.get(s.anchor)) || pass >= 3) {
        step('contents checked');
        return { pdf, pages: actual, passes: pass };
      }
      pages = actual;
    }
  } finally {
    await page.close().catch(() => undefined);
  }
}
