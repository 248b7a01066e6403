import type { SandboxPage } from './browser.js';

/** Where the procedure table's rows are in a rendered SOP (CSS px, relative to the SOP's top). */
export interface RowMeasure {
  /** Height of the whole SOP (the table and what follows it). */
  height: number;
  /** Top of the procedure table. */
  tableTop: number;
  /** Height of the table header (repeated on every page). */
  headHeight: number;
  /** Each body row's top and bottom, in order. */
  rows: Array<{ top: number; bottom: number }>;
}

/** The page breaks chosen for one SOP. */
export interface Pagination {
  /** 0-based indexes of the rows after which a page breaks (the renderer's and the flowchart's `breaks`). */
  breaks: number[];
  /** Whether the table itself must start on a new page (no row fits under the identity part). */
  tableOnNewPage: boolean;
  /** Pages the SOP takes (estimated from the measurements). */
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
export const SLACK_PX = 6;

/** Pages a block of this height takes when it starts on a new page. */
export function pagesFor(height: number, pageHeight: number): number {
  return Math.max(1, Math.ceil((height - SLACK_PX) / (pageHeight - SLACK_PX)));
}

/** Room kept for the off-page connectors the flowchart draws beside a break (they make those rows taller). */
export interface ConnectorRoom {
  /** Added to the last row of a page that continues. */
  foot: number;
  /** Added to the first row of a continuation page. */
  head: number;
}

/** The connector room assumed before the first measurement with breaks; the fit check then corrects it. */
export const CONNECTOR_ROOM: ConnectorRoom = { foot: 30, head: 48 };

/**
 * Choose breaks so that each page's rows (and, after the first page, the repeated header) fit `pageHeight`,
 * never splitting a row and leaving `room` for the connectors drawn at each break. A row taller than a page
 * gets a page of its own.
 */
export function chooseBreaks(m: RowMeasure, pageHeight: number, room: ConnectorRoom = { foot: 0, head: 0 }): Pagination {
  const h = pageHeight - SLACK_PX;
  const breaks: number[] = [];
  const first = m.rows[0];
  let tableOnNewPage = false;
  // Offset of the current page's top in the SOP's coordinates, less what the repeated header adds.
  let pageTop = 0;
  let onPage = 0;
  if (first && first.bottom + (m.rows.length > 1 ? room.foot : 0) > h) {
    tableOnNewPage = true;
    pageTop = first.top - m.headHeight;
  }
  const last = m.rows.length - 1;
  m.rows.forEach((r, i) => {
    if (r.bottom + (i < last ? room.foot : 0) - pageTop > h && onPage > 0) {
      breaks.push(i - 1);
      pageTop = r.top - m.headHeight - room.head;
      onPage = 0;
    }
    onPage++;
  });
  // What follows the table (e.g. the revision history) may spill onto more pages.
  const spill = Math.max(0, Math.ceil((m.height - pageTop - h) / h));
  return { breaks, tableOnNewPage, pages: 1 + breaks.length + (tableOnNewPage ? 1 : 0) + spill };
}

/** The pages the SOP takes with these breaks in place, as measured; undefined when some page overflows. */
export function pagesWith(m: RowMeasure, p: Pagination, pageHeight: number): number | undefined {
  const h = pageHeight - SLACK_PX;
  let pageTop = p.tableOnNewPage ? (m.rows[0]?.top ?? 0) - m.headHeight : 0;
  let pages = p.tableOnNewPage ? 2 : 1;
  let onPage = 0;
  const after = new Set(p.breaks);
  for (const [i, r] of m.rows.entries()) {
    if (r.bottom - pageTop > h && onPage > 0) return undefined;
    onPage++;
    const next = m.rows[i + 1];
    if (after.has(i) && next) {
      pageTop = next.top - m.headHeight;
      pages++;
      onPage = 0;
    }
  }
  return pages + Math.max(0, Math.ceil((m.height - pageTop - h) / h));
}

/** Whether the rows, as measured with these breaks in place, fit their pages. */
export function fits(m: RowMeasure, p: Pagination, pageHeight: number): boolean {
  return pagesWith(m, p, pageHeight) !== undefined;
}

/** Measure every SOP root on the page (in document order). */
export async function measureRows(page: SandboxPage, sel: RowSelectors): Promise<RowMeasure[]> {
  return page.evaluate((s: RowSelectors) => {
    return Array.from(document.querySelectorAll(s.root)).map((root) => {
      const box = root.getBoundingClientRect();
      const top = box.top;
      const table = root.querySelector(s.table);
      if (!table) return { height: box.height, tableTop: 0, headHeight: 0, rows: [] };
      const head = table.querySelector(s.head);
      const rows = Array.from(table.querySelectorAll(s.row)).map((r) => {
        const b = r.getBoundingClientRect();
        return { top: b.top - top, bottom: b.bottom - top };
      });
      const tail = s.tail ? table.querySelector(s.tail) : null;
      const last = rows[rows.length - 1];
      if (tail && last) last.bottom = Math.max(last.bottom, tail.getBoundingClientRect().bottom - top);
      return { height: box.height, tableTop: table.getBoundingClientRect().top - top, headHeight: head ? head.getBoundingClientRect().height : 0, rows };
    });
  }, sel);
}

/** The height of each root's content (for pages that are not SOPs). */
export async function measureHeights(page: SandboxPage, selector: string): Promise<number[]> {
  return page.evaluate((s: string) => Array.from(document.querySelectorAll(s)).map((e) => e.getBoundingClientRect().height), selector);
}
