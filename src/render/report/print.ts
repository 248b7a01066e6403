import type { Config, Locale, Orientation } from '../../config/types.js';
import { withBrowser, type LaunchOptions } from '../pdf/browser.js';
import { pageRule } from '../pdf/page-css.js';
import { parseMargins, sheet, type Sheet } from '../pdf/paper.js';

/** The sheet of a report: the config's paper and margins, in the given orientation. */
export function reportSheet(config: Config, orientation: Orientation = config.orientation): Sheet {
  return sheet(config.paper, orientation, parseMargins(config.pdf.margin) ?? [10, 10, 10, 10]);
}

/** The @page rule of a report, with its title in the running footer. */
export function reportPageCss(s: Sheet, footer: string, locale: Locale): string {
  return pageRule(s, { footerLeft: footer, draft: false }, locale);
}

/** Print HTML documents to PDF in one sandboxed browser (JavaScript off, requests blocked). */
export async function printHtml(launch: LaunchOptions, s: Sheet, docs: readonly string[]): Promise<Uint8Array[]> {
  return withBrowser(launch, async (browser) => {
    const page = await browser.newPage(s.contentWidthPx);
    try {
      const out: Uint8Array[] = [];
      for (const html of docs) {
        await page.setHtml(html);
        out.push(await page.pdf());
      }
      return out;
    } finally {
      await page.close().catch(() => undefined);
    }
  });
}
