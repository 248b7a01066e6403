import type { BookPart, Config, Locale } from '../../config/types.js';
import { ConfigError } from '../../util/errors.js';
import { loadFile } from '../../model/load.js';
import { IN_FORCE, mapCoverage, summarize, type SopSummary } from '../../model/processes/coverage.js';
import { loadProcessMap } from '../../config/process-map.js';
import type { ProcessMap } from '../../model/processes/types.js';
import { repositoryFiles } from '../../config/files.js';
import { withBrowser, type LaunchOptions } from '../pdf/browser.js';
import { pageRule } from '../pdf/page-css.js';
import type { Sheet } from '../pdf/paper.js';
import { MAP_CSS, mapHtml, mapSections, type MapDocument } from './html.js';
import { MAP_WORDS } from './words.js';

export { mapHtml, mapSections, MAP_CSS, type MapDocument } from './html.js';
export { mapMarkdown } from './markdown.js';
export { mapCsv } from './csv.js';
export { level0Svg } from './level0.js';

/** The SOP statuses that count as in force: the `process-covered` rule's option when configured. */
export function inForceStatuses(config: Config): readonly string[] {
  const s = config.rules['process-covered']?.options?.statuses;
  return Array.isArray(s) && s.every((x) => typeof x === 'string') ? (s as string[]) : IN_FORCE;
}

/** The printed map's content: the map, the matrix and coverage from `sops`, the words' language. */
export function mapDocument(map: ProcessMap, sops: readonly SopSummary[], config: Config, locale: Locale): MapDocument {
  const inForce = inForceStatuses(config);
  return { map, coverage: mapCoverage(map, sops, inForce), inForce, locale, organization: config.organization.name };
}

/** Summaries of every SOP of the repository (files that cannot be read are left out). */
export function repositorySops(config: Config): SopSummary[] {
  return repositoryFiles(config)
    .map((abs) => summarize(loadFile(abs).data))
    .filter((s): s is SopSummary => s !== undefined);
}

/**
 * The map document of the book's parts (`book.parts`), from the repository's map and all its SOPs; undefined when the
 * config names no parts, a config error when parts are asked for without a readable map.
 */
export function bookMapDocument(config: Config, locale: Locale): MapDocument | undefined {
  const parts: readonly BookPart[] = config.book.parts ?? [];
  if (parts.length === 0) return undefined;
  const at = config.where ? `${config.where(['book', 'parts'])} ` : '';
  const map = loadProcessMap(config);
  if (!map) throw new ConfigError(`${at}book.parts needs a business process map: create processes.yaml at the repository root, or set \`processes\` in the config.`, { id: 'config.bookNeedsMap', data: { at } });
  const problem = map.file.problems[0];
  if (problem) throw new ConfigError(`${at}book.parts: the business process map cannot be read (${map.file.file}:${problem.range.start.line}:${problem.range.start.column} ${problem.message}); run \`sop lint\`.`, {
      id: 'config.bookMapUnreadable',
      data: { at, place: `${map.file.file}:${problem.range.start.line}:${problem.range.start.column}`, problem: problem.message },
    });
  return mapDocument(map, repositorySops(config), config, locale);
}

/** The book's map parts (`book.parts`), each a front page's HTML; none when the config names no parts. */
export function mapBookParts(config: Config, locale: Locale): string[] {
  const doc = bookMapDocument(config, locale);
  if (!doc) return [];
  const sections = mapSections(doc, config.book.parts ?? [], false);
  // The map's styles travel with its first page; its pages use the book's full width.
  const style = `<style>\n${MAP_CSS}\n.book-page:has(> .pb-part) { max-width: none; font-size: 9pt; }\n</style>\n`;
  return sections.map((s, i) => (i === 0 ? style + s : s));
}

/** Print the map to PDF through the sandboxed Chromium (JavaScript off, requests blocked), with the outline. */
export async function mapPdf(doc: MapDocument, sheet: Sheet, launch: LaunchOptions): Promise<Uint8Array> {
  const words = MAP_WORDS[doc.locale];
  const css = pageRule(sheet, { footerLeft: [words.title, doc.organization].filter(Boolean).join(' — '), draft: false }, doc.locale);
  return withBrowser(launch, async (browser) => {
    const page = await browser.newPage(sheet.contentWidthPx);
    try {
      await page.setHtml(mapHtml(doc, css));
      return await page.pdf({ outline: true });
    } finally {
      await page.close().catch(() => undefined);
    }
  });
}
