import type { Locale } from '../../config/types.js';
import type { PdfBrowser, SandboxPage } from './browser.js';
import { pageRule, type PageMarks } from './page-css.js';
import { chooseBreaks, CONNECTOR_ROOM, fits, measureRows, type Pagination, type RowSelectors } from './paginate.js';
import type { Sheet } from './paper.js';
import { mapPool } from './pool.js';

/** One SOP as the PDF layer sees it: an HTML document it can ask for again with page breaks. */
export interface PdfSource {
  /** Shown in messages and progress. */
  name: string;
  /** Running footer and watermark. */
  marks: PageMarks;
  /** The whole HTML document with this pagination and extra CSS. */
  html(pagination: Pagination, extraCss: string): string;
}

/** Settings shared by every PDF of a run. */
export interface PdfSettings {
  /** Sheet and printable area. */
  sheet: Sheet;
  /** Language of footer words and the watermark. */
  locale: Locale;
  /** How to find the procedure table in the HTML. */
  selectors: RowSelectors;
  /** CSS added to every document (after the page rule). */
  extraCss?: string;
}

/** The result of one PDF. */
export interface PdfResult {
  /** The PDF bytes. */
  pdf: Uint8Array;
  /** The breaks used. */
  pagination: Pagination;
}

const NO_BREAKS: Pagination = { breaks: [], tableOnNewPage: false, pages: 1 };
const same = (a: Pagination, b: Pagination) => a.tableOnNewPage === b.tableOnNewPage && a.breaks.join() === b.breaks.join();

/**
 * Lay out `source`, measure its rows, choose the breaks (keeping room for the connectors), render again,
 * and check that every page fits as measured with the connectors drawn; if not, choose again with the new
 * heights. At most four rounds.
 */
export async function paginate(page: SandboxPage, settings: PdfSettings, css: string, html: (p: Pagination) => string): Promise<Pagination> {
  let current = NO_BREAKS;
  await page.setHtml(html(current));
  for (let round = 0; round < 4; round++) {
    const [m] = await measureRows(page, settings.selectors);
    if (!m || m.rows.length === 0 || fits(m, current, settings.sheet.contentHeightPx)) return current;
    const next = chooseBreaks(m, settings.sheet.contentHeightPx, CONNECTOR_ROOM);
    if (same(next, current)) return current;
    current = next;
    await page.setHtml(html(current));
  }
  return current;
}

/** Render one SOP to PDF on an open page. */
export async function renderOnePdf(page: SandboxPage, source: PdfSource, settings: PdfSettings): Promise<PdfResult> {
  const css = `${pageRule(settings.sheet, source.marks, settings.locale)}\n${settings.extraCss ?? ''}`;
  const pagination = await paginate(page, settings, css, (p) => source.html(p, css));
  return { pdf: await page.pdf(), pagination };
}

/** Options of a batch of single PDFs. */
export interface BatchOptions {
  /** Pages rendered at once (default 2). */
  concurrency?: number;
  /** Called after each PDF with (done, total, name). */
  onProgress?(done: number, total: number, name: string): void;
  /** Keep the PDFs in the returned results (default true; false frees each once `onResult` has it). */
  keep?: boolean;
  /** Called with each result as soon as it is ready (e.g. to write it out). */
  onResult?(index: number, result: PdfResult): Promise<void> | void;
}

/** Render many SOPs to single PDFs in one browser, a few pages at a time. */
export async function renderPdfs(browser: PdfBrowser, sources: readonly PdfSource[], settings: PdfSettings, opts: BatchOptions = {}): Promise<PdfResult[]> {
  const limit = Math.max(1, Math.min(opts.concurrency ?? 2, sources.length));
  const pages = await Promise.all(Array.from({ length: limit }, () => browser.newPage(settings.sheet.contentWidthPx)));
  const free = [...pages];
  let done = 0;
  try {
    return await mapPool(sources, limit, async (source, i) => {
      const page = free.pop()!;
      try {
        const result = await renderOnePdf(page, source, settings);
        await opts.onResult?.(i, result);
        opts.onProgress?.(++done, sources.length, source.name);
        return opts.keep === false ? { ...result, pdf: new Uint8Array() } : result;
      } finally {
        free.push(page);
      }
    });
  } finally {
    await Promise.all(pages.map((p) => p.close().catch(() => undefined)));
  }
}
