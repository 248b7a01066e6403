import type { PrintProject } from '../pdf/sources.js';
import { UsageError } from '../../errors.js';
import { withBrowser, type LaunchOptions } from '../pdf/browser.js';
import { bookHtml, type BookContent } from './assemble.js';
import { BOOK_CSS, BOOK_HTML_CSS } from './css.js';
import { readBookPages } from './markdown.js';
import { mapBookParts } from '../map/index.js';
import { groupByUnit } from './parts.js';
import { printBook, type PrintedBook } from './print.js';
import { BOOK_WORDS } from './words.js';

export { readOutline, type OutlineEntry } from './outline.js';
export type { PrintedBook } from './print.js';

/** Gather the book's content: cover, front pages from the config (then the map parts of `book.parts`), SOPs grouped by unit. */
export function bookContent(project: PrintProject, title: string | undefined, now: Date): BookContent {
  if (project.sops.length === 0) throw new UsageError('The book would have no SOPs: none of the given files could be printed.');
  const { config, locale } = project;
  const org = config.organization;
  const bookTitle = title ?? config.book.title ?? ([BOOK_WORDS[locale].kind, org.name].filter(Boolean).join(' ') || BOOK_WORDS[locale].kind);
  return {
    title: bookTitle,
    cover: { title: bookTitle, subtitle: config.book.subtitle, organization: org.name, unitLines: org.unitLines, year: now.getFullYear(), address: org.address, logo: project.ctx.logo },
    front: [...readBookPages(config).map((p) => p.html), ...mapBookParts(config, locale)],
    units: groupByUnit(project.sops, locale),
  };
}

/** The book as one self-contained HTML file (contents with links, no page numbers). */
export function bookAsHtml(content: BookContent, project: PrintProject): string {
  return bookHtml(content, project, { css: `${BOOK_CSS}\n${BOOK_HTML_CSS}`, coverHeightPx: project.sheet.contentHeightPx }, project.locale);
}

/** Print the book to PDF in one browser. */
export async function bookAsPdf(
  content: BookContent,
  project: PrintProject,
  launch: LaunchOptions,
  onStep?: (done: number, total: number, label: string) => void,
): Promise<PrintedBook & { launches: number }> {
  return withBrowser(launch, async (browser) => ({ ...(await printBook(browser, content, project, onStep)), launches: browser.launches }));
}
