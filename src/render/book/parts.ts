import type { Locale } from '../../config/types.js';
import type { Sop } from '../../model/types.js';
import { escapeHtml, numberText } from '../pdf/page-css.js';
import type { PrintableSop } from '../pdf/sources.js';
import { BOOK_WORDS } from './words.js';

/** An SOP placed in the book. */
export interface BookSop {
  /** The printable SOP. */
  item: PrintableSop;
  /** Position in the book, 0-based (names its @page). */
  seq: number;
  /** Anchor of its article (`sop-KUL-004`, as the renderer writes it). */
  anchor: string;
  /** Nomor SOP as printed, "(belum bernomor)" when there is none. */
  number: string;
  /** Nama SOP. */
  title: string;
}

/** A unit of the book with its SOPs in number order. */
export interface BookUnit {
  /** The unit's name. */
  name: string;
  /** Its SOPs. */
  sops: BookSop[];
}

const collator = new Intl.Collator('id', { numeric: true, sensitivity: 'base' });

/**
 * Group SOPs by unit and order each unit's SOPs by number, then id. Units come in the order of `order`
 * (`book.units`), those not listed after them by name; without an order, by name.
 */
export function groupByUnit(items: readonly PrintableSop[], locale: Locale, order: readonly string[] = []): BookUnit[] {
  const units = new Map<string, PrintableSop[]>();
  for (const item of items) {
    const name = typeof item.sop.unit === 'string' && item.sop.unit.trim() ? item.sop.unit.trim() : BOOK_WORDS[locale].unitless;
    units.set(name, [...(units.get(name) ?? []), item]);
  }
  const listed = new Map(order.map((u, i) => [u.trim(), i]));
  const rank = (u: string) => listed.get(u) ?? order.length;
  let seq = 0;
  const key = (s: Sop) => String(s.number ?? s.id ?? '');
  return [...units.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || collator.compare(a, b))
    .map(([name, list]) => ({
      name,
      sops: [...list]
        .sort((a, b) => collator.compare(key(a.sop), key(b.sop)) || collator.compare(String(a.sop.id), String(b.sop.id)))
        .map((item) => ({ item, seq: seq++, anchor: `sop-${item.sop.id}`, number: numberText(item.sop.number, locale), title: String(item.sop.title ?? '') })),
    }));
}

/** Everything on the cover. */
export interface CoverInfo {
  /** The book's title. */
  title: string;
  /** Organisation name. */
  organization: string;
  /** Unit lines under the name. */
  unitLines: string[];
  /** Year printed on the cover. */
  year: number;
  /** Postal address. */
  address?: string;
  /** Logo as a data URI. */
  logo?: string;
  /** Subtitle from the config. */
  subtitle?: string;
  /** Set when drafts are in the book: the cover then says it is a draft for review. */
  review?: boolean;
}

/** The cover: logo, "STANDAR OPERASIONAL PROSEDUR", title, organisation, year, address. */
export function coverHtml(c: CoverInfo, locale: Locale, heightPx: number): string {
  const w = BOOK_WORDS[locale];
  const lines = [
    c.logo ? `<img class="cover-logo" src="${escapeHtml(c.logo)}" alt="">` : '',
    `<div class="cover-kind">${escapeHtml(w.kind)}</div>`,
    c.title && c.title.toUpperCase() !== w.kind ? `<div class="cover-title">${escapeHtml(c.title)}</div>` : '',
    c.subtitle ? `<div class="cover-subtitle">${escapeHtml(c.subtitle)}</div>` : '',
    c.review ? `<div class="cover-review">${escapeHtml(w.review)}</div>` : '',
    `<div class="cover-org">${[c.organization, ...c.unitLines].filter(Boolean).map((l) => `<div>${escapeHtml(l)}</div>`).join('')}</div>`,
    `<div class="cover-year">${c.year}</div>`,
    c.address ? `<div class="cover-address">${escapeHtml(c.address)}</div>` : '',
  ];
  return `<section class="book-cover" style="height: ${Math.floor(heightPx) - 4}px">${lines.filter(Boolean).join('\n')}</section>`;
}

/** The table of contents; `pages` gives each SOP's first page by anchor (blank while unknown). */
export function contentsHtml(units: readonly BookUnit[], locale: Locale, pages: ReadonlyMap<string, number> | undefined): string {
  const w = BOOK_WORDS[locale];
  const rows: string[] = [];
  let n = 0;
  for (const u of units) {
    rows.push(`<tr class="toc-unit"><td colspan="${pages ? 4 : 3}">${escapeHtml(u.name)}</td></tr>`);
    for (const s of u.sops) {
      const page = pages ? `<td class="toc-page" data-anchor="${escapeHtml(s.anchor)}">${pages.get(s.anchor) ?? ''}</td>` : '';
      rows.push(
        `<tr class="toc-sop"><td class="toc-no">${++n}</td><td class="toc-number"><a href="#${escapeHtml(s.anchor)}">${escapeHtml(s.number)}</a></td>` +
          `<td class="toc-title"><a href="#${escapeHtml(s.anchor)}">${escapeHtml(s.title)}</a></td>${page}</tr>`,
      );
    }
  }
  const head = `<tr><th class="toc-no">${w.no}</th><th class="toc-number">${w.number}</th><th class="toc-title">${w.title}</th>${pages ? `<th class="toc-page">${w.page}</th>` : ''}</tr>`;
  return `<section class="book-toc"><h1 class="toc-heading">${escapeHtml(w.contents)}</h1>\n<table class="toc"><thead>${head}</thead><tbody>\n${rows.join('\n')}\n</tbody></table></section>`;
}
