import { renderHtml } from '../index.js';
import { withBrowser, type LaunchOptions } from './browser.js';
import { numberText, PDF_WORDS, type PageMarks } from './page-css.js';
import type { Pagination, RowSelectors } from './paginate.js';
import { renderPdfs, type BatchOptions, type PdfSource } from './pdf.js';
import type { PrintableSop, PrintProject } from './sources.js';

export { findBrowser, requireBrowser, installHint, installLine, BrowserNotFoundError, systemBrowserPaths } from './discover.js';
export { withBrowser, openBrowser, InterruptedError, type LaunchOptions, type PdfBrowser } from './browser.js';
export type { PrintProject, PrintProjectOptions } from './sources.js';
export { PAPERS, ORIENTATIONS } from './paper.js';

/** Where the bundled templates put the procedure table (a user template must keep these classes). */
export const SOP_SELECTORS: RowSelectors = { root: 'article.sop', table: 'table.procedure', head: 'thead', row: 'tbody > tr.step', tail: 'tbody > tr.total' };

/**
 * CSS the PDF layer adds to the renderer's: the watermark comes from the page margin boxes instead, and the
 * lane lines are one repeating gradient per band (the same lines; a tiled gradient costs Chromium's PDF
 * backend ~0.3 s per page, this one almost nothing). The bands lose their positioned boxes: Chromium paints
 * every positioned box (a paint layer) of the document again for each printed page, which made a book's print
 * grow with pages × bands; a static svg sized by its cell fills the band alike (`contain: size` keeps its
 * 150 px default height out of the row's height, so the row is as tall as before).
 */
export const PRINT_CSS = [
  '.watermark { display: none !important; }',
  'table.procedure td.band { background-image: repeating-linear-gradient(to right, #9a9a9a 0 0.75px, transparent 0.75px calc(100% / var(--actors, 1))); background-size: auto; background-repeat: no-repeat; }',
  'div.sop-flow-band { position: static !important; }',
  'div.sop-flow-band > svg.sop-flow { position: static !important; contain: size; }',
].join('\n');

/** Extra CSS for one pagination: the procedure part on a new page when no row fits under the identity part. */
export function paginationCss(p: Pagination): string {
  return p.tableOnNewPage ? 'article.sop .procedure-part { break-before: page; }' : '';
}

/** Running footer and watermark of an SOP. */
export function marksOf(sop: PrintableSop['sop'], project: PrintProject): PageMarks {
  const w = PDF_WORDS[project.locale];
  return { footerLeft: `${w.number} ${numberText(sop.number, project.locale)}`, draft: sop.status === 'draft', withdrawn: sop.status === 'withdrawn' };
}

/** The PDF source of one SOP: the renderer's HTML, asked for again with the chosen breaks. */
export function pdfSource(item: PrintableSop, project: PrintProject): PdfSource {
  return {
    name: item.file,
    marks: marksOf(item.sop, project),
    html: (p, css) =>
      renderHtml(item.sop, { ...project.ctx, history: item.history, breaks: p.breaks, extraCss: `${css}\n${PRINT_CSS}\n${paginationCss(p)}` }),
  };
}

/** Print every SOP of the project to its own PDF in one browser; `write` receives each as it is ready. */
export async function printPdfs(
  project: PrintProject,
  launch: LaunchOptions,
  write: (item: PrintableSop, pdf: Uint8Array) => void,
  opts: Omit<BatchOptions, 'onResult'> = {},
): Promise<{ launches: number }> {
  const sources = project.sops.map((s) => pdfSource(s, project));
  return withBrowser(launch, async (browser) => {
    await renderPdfs(browser, sources, { sheet: project.sheet, locale: project.locale, selectors: SOP_SELECTORS }, {
      ...opts,
      keep: false,
      onResult: (i, r) => write(project.sops[i]!, r.pdf),
    });
    return { launches: browser.launches };
  });
}
