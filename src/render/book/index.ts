import type { PrintProject } from '../pdf/sources.js';
import { yearOf, type Now } from '../../model/day.js';
import { UsageError } from '../../util/errors.js';
import { withBrowser, type LaunchOptions } from '../pdf/browser.js';
import { bookHtml, type BookContent } from './assemble.js';
import { BOOK_CSS, BOOK_HTML_CSS } from './css.js';
import { readBookPages } from './markdown.js';
import { mapBookParts } from '../map/index.js';
import { attachmentHeader, attachmentHtml, decreeHtml } from './decree.js';
import { groupByUnit } from './parts.js';
import { selectBookSops, type BookSelectionOptions } from './select.js';
import { printBook, type PrintBookOptions, type PrintedBook } from './print.js';
import { BOOK_WORDS } from './words.js';

export { readOutline, type OutlineEntry } from './outline.js';
export type { PrintedBook, PrintBookOptions } from './print.js';
export { selectBookSops, IN_FORCE, type BookSelection, type BookSelectionOptions } from './select.js';

/**
 * Gather the book's content: cover, the adopting decision with its attachment list (`book.decree`), front pages
 * from the config, the map parts of `book.parts`, SOPs grouped by unit. Only SOPs in force go in, unless `selection` asks for drafts or
 * withdrawn ones too; the attachment list and the book are made from the same units.
 */
export function bookContent(project: PrintProject, title: string | undefined, now: Now, selection: BookSelectionOptions = {}): BookContent {
  if (project.sops.length === 0) throw new UsageError('The book would have no SOPs: none of the given files could be printed.', { id: 'book.empty', data: {} });
  // The config's pages and map parts first: a config error is reported whatever the SOPs' stages.
  const front = [...readBookPages(project.config).map((p) => p.html), ...mapBookParts(project.config, project.locale)];
  const chosen = selectBookSops(project.sops, selection);
  if (chosen.sops.length === 0) {
    throw new UsageError(
      `The book would have no SOPs: none is in force (approved, implemented or evaluated); use --include-drafts for a review copy${chosen.left.some((l) => l.status === 'withdrawn') ? ' (or --include-withdrawn)' : ''}.`,
      { id: chosen.left.some((l) => l.status === 'withdrawn') ? 'book.noneInForceWithdrawn' : 'book.noneInForce', data: {} },
    );
  }
  const { config, locale } = project;
  const units = groupByUnit(chosen.sops, locale, config.book.units);
  const decree = config.book.decree;
  const org = config.organization;
  const bookTitle = title ?? config.book.title ?? ([BOOK_WORDS[locale].kind, org.name].filter(Boolean).join(' ') || BOOK_WORDS[locale].kind);
  return {
    title: bookTitle,
    cover: {
      title: bookTitle,
      subtitle: config.book.subtitle,
      organization: org.name,
      unitLines: org.unitLines,
      year: yearOf(now, project.config.timeZone),
      address: org.address,
      logo: project.ctx.logo,
      review: chosen.review,
    },
    front,
    units,
    left: chosen.left,
    ...(decree ? { decree: [decreeHtml(decree, locale, project.ctx.logo), attachmentHtml(decree, units, locale)], header: attachmentHeader(decree, locale) } : {}),
  };
}

/** The book as one self-contained HTML file (contents with links, no page numbers). */
export function bookAsHtml(content: BookContent, project: PrintProject): string {
  return bookHtml(content, project, { css: `${BOOK_CSS}\n${BOOK_HTML_CSS}`, coverHeightPx: project.sheet.contentHeightPx }, project.locale);
}

/** Print the book to PDF in one browser (a large book in parts side by side, merged). */
export async function bookAsPdf(
  content: BookContent,
  project: PrintProject,
  launch: LaunchOptions,
  opts: PrintBookOptions = {},
): Promise<PrintedBook & { launches: number }> {
  return withBrowser(launch, async (browser) => ({ ...(await printBook(browser, content, project, opts)), launches: browser.launches }));
}
