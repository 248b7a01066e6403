import type { SandboxPage } from './browser.js';

/** Where the procedure table's rows are in a rendered SOP (CSS px, relative to the SOP's top). */
export interface RowMeasure {
  /** Top of the procedure table. */
  tableTop: number;
  /** Height of the table header (repeated on every page). */
  headHeight: number;
  /** Each body row's top and bottom, in order. */
  rows: Array<{ top: number; bottom: number }>;
}

/** The page breaks chosen for one SOP. */
export interface Pagination {
  /** 1-based numbers of the rows after which a page breaks. */
  breaks: number[];
  /** Whether the table itself must start on a new page (no row fits under the identity part). */
  tableOnNewPage: boolean;
  /** Pages the SOP takes (assuming nothing after the table spills over). */
  pages: number;
}

/** Selectors that find the procedure table and its rows inside an SOP's root element. */
export interface RowSelectors {
  /** The SOP's root element (its top is page 1's top). */
  root: string;
  /** The procedure table, inside the root. */
  table: string;
  /** Its header, inside the table. */
  head: string;
  /** Its body rows, inside the table, one per step. */
  row: string;
  /** A closing row kept on the last row's page (e.g. the total time), inside the table. */
  tail?: string;
}

/** A little slack for rounding between screen measurement and print layout. */
const SLACK_PX = 6;

/**
 * Choose breaks so that each page's rows (and, after the first page, the repeated header) fit `pageHeight`,
 * never splitting a row. A row taller than a page gets a page of its own.
 */
export function chooseBreaks(m: RowMeasure, pageHeight: number): Pagination {
  const h = pageHeight - SLACK_PX;
  const breaks: number[] = [];
  const first = m.rows[0];
  let tableOnNewPage = false;
  // Offset of the current page's top in the SOP's coordinates, minus what the repeated header adds.
  let pageTop = 0;
  let onPage = 0;
  if (first && first.bottom > h) {
    tableOnNewPage = true;
    pageTop = first.top - m.headHeight;
  }
  m.rows.forEach((r, i) => {
    if (r.bottom - pageTop > h && onPage > 0) {
      breaks.push(i);
      pageTop = r.top - m.headHeight;
      onPage = 0;
    }
    onPage++;
  });
  return { breaks, tableOnNewPage, pages: 1 + breaks.length + (tableOnNewPage ? 1 : 0) };
}

/** Measure every SOP root on the page (in document order). */
export async function measureRows(page: SandboxPage, sel: RowSelectors): Promise<RowMeasure[]> {
  return page.evaluate((s: RowSelectors) => {
    return Array.from(document.querySelectorAll(s.root)).map((root) => {
      const top = root.getBoundingClientRect().top;
      const table = root.querySelector(s.table);
      if (!table) return { tableTop: 0, headHeight: 0, rows: [] };
      const head = table.querySelector(s.head);
      const rows = Array.from(table.querySelectorAll(s.row)).map((r) => {
        const b = r.getBoundingClientRect();
        return { top: b.top - top, bottom: b.bottom - top };
      });
      const tail = s.tail ? table.querySelector(s.tail) : null;
      const last = rows[rows.length - 1];
      if (tail && last) last.bottom = Math.max(last.bottom, tail.getBoundingClientRect().bottom - top);
      return { tableTop: table.getBoundingClientRect().top - top, headHeight: head ? head.getBoundingClientRect().height : 0, rows };
    });
  }, sel);
}

/** The height of each root's content (for pages that are not SOPs). */
export async function measureHeights(page: SandboxPage, selector: string): Promise<number[]> {
  return page.evaluate((s: string) => Array.from(document.querySelectorAll(s)).map((e) => e.getBoundingClientRect().height), selector);
}
