import { availableParallelism } from 'node:os';
import type { PdfBrowser, SandboxPage } from '../pdf/browser.js';
import { numberText, pageNumberContent, PDF_WORDS } from '../pdf/page-css.js';
import { chooseBreaks, CONNECTOR_ROOM, measureHeights, measureRows, pagesFor, pagesWith, type Pagination } from '../pdf/paginate.js';
import type { PrintProject } from '../pdf/sources.js';
import { SOP_SELECTORS } from '../pdf/index.js';
import { bookHtml, type BookContent } from './assemble.js';
import { bookPageCss, BOOK_CSS } from './css.js';
import { mergeChromiumPdfs } from './merge.js';
import { pdfPageCount, readOutline } from './outline.js';
import type { BookSop } from './parts.js';

/** The printed book. */
export interface PrintedBook {
  /** The PDF. */
  pdf: Uint8Array;
  /** First page of each SOP by anchor, as printed in the contents. */
  pages: Map<string, number>;
  /** PDF renderings done (2 when the first prediction of page numbers was wrong). */
  passes: number;
  /** Parts printed side by side and merged (1: the book in one document). */
  parts: number;
}

/** How to print a book. */
export interface PrintBookOptions {
  /** Called after each of the three steps (laid out, printed, contents checked). */
  onStep?: (done: number, total: number, label: string) => void;
  /**
   * Parts printed side by side, each in its own browser page, then merged (default: one per processor, at most 4,
   * and at least 6 SOPs a part). Every SOP starts on a new page, so a part lays out exactly as in one document.
   */
  parts?: number;
  /** Called with the wall time of each phase (for `SOPKIT_PROFILE`). */
  profile?: (phase: string, ms: number) => void;
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

/** Set (or replace) the CSS that numbers a part's pages as pages of the whole book (trusted code). */
async function setPartNumbering(page: SandboxPage, css: string): Promise<void> {
  await page.evaluate((text: string) => {
    let style = document.getElementById('sopkit-part-numbering');
    if (!style) {
      style = document.createElement('style');
      style.id = 'sopkit-part-numbering';
      document.head.appendChild(style);
    }
    style.textContent = text;
  }, css);
}

/** The default number of parts: one per processor (at most 4), with at least 6 SOPs a part. */
export function defaultParts(sops: number): number {
  return Math.max(1, Math.min(availableParallelism(), 4, Math.floor(sops / 6)));
}

/** One part of the book: a range of SOPs (by seq), the pages before them in the first part. */
interface Part {
  from: number;
  to: number;
  front: boolean;
  page: SandboxPage;
  sops: BookSop[];
  /** The part's bookmarks in the SOPs' region, in order: 'unit' for a unit heading, 'sop' for an SOP's. */
  marks: Array<'unit' | 'sop'>;
}

/** Split the SOPs into `n` runs of about equal weight (steps, plus the pages before the SOPs in the first). */
function split(sops: readonly BookSop[], n: number, frontWeight: number): Array<[number, number]> {
  const weight = (s: BookSop) => 12 + (Array.isArray(s.item.sop.steps) ? s.item.sop.steps.length : 0);
  const total = frontWeight + sops.reduce((a, s) => a + weight(s), 0);
  const runs: Array<[number, number]> = [];
  let from = 0;
  let acc = frontWeight;
  for (let i = 0; i < sops.length; i++) {
    acc += weight(sops[i]!);
    const left = n - runs.length - 1;
    if (left > 0 && acc >= (total * (runs.length + 1)) / n && sops.length - (i + 1) >= left) {
      runs.push([from, i + 1]);
      from = i + 1;
    }
  }
  runs.push([from, sops.length]);
  return runs;
}

/**
 * Print the book: lay it out and measure until each SOP's breaks are stable, predict each SOP's first page,
 * print, and read the PDF's outline (one bookmark per SOP) for the pages where SOPs really start; when the
 * contents page was wrong, print again with the real numbers (the contents keeps its length).
 * A large book is printed in parts side by side (one browser page each, so one processor each), numbered as
 * pages of the whole book, and merged into one PDF with one outline, the contents' links and one structure tree.
 */
export async function printBook(browser: PdfBrowser, content: BookContent, project: PrintProject, opts: PrintBookOptions = {}): Promise<PrintedBook> {
  const { sheet, locale } = project;
  const H = sheet.contentHeightPx;
  const all = content.units.flatMap((u) => u.sops);
  const words = PDF_WORDS[locale];
  const css = `${BOOK_CSS}\n${bookPageCss(sheet, locale, content.title, content.units, (seq) => {
    const s = all[seq]!.item.sop;
    return { footerLeft: `${words.number} ${numberText(s.number, locale)}`, draft: s.status === 'draft', withdrawn: s.status === 'withdrawn', header: content.header };
  })}`;
  const placeholder = new Map(all.map((s) => [s.anchor, 888]));
  const firstOfUnit = new Set(content.units.map((u) => u.sops[0]?.seq));
  const count = Math.max(1, Math.min(opts.parts ?? defaultParts(all.length), all.length));
  const frontWeight = 12 * (2 + (content.decree ? 3 : 0) + content.front.length + Math.ceil(all.length / 30));
  const t0 = performance.now();
  let mark = t0;
  const phase = (name: string) => {
    const now = performance.now();
    opts.profile?.(name, now - mark);
    mark = now;
  };
  const parts: Part[] = [];
  try {
    for (const [i, [from, to]] of split(all, count, frontWeight).entries()) {
      const sops = all.slice(from, to);
      parts.push({ from, to, front: i === 0, page: await browser.newPage(sheet.contentWidthPx), sops, marks: sops.flatMap((s) => (firstOfUnit.has(s.seq) ? ['unit', 'sop'] as const : ['sop'] as const)) });
    }
    const paginations = new Map<number, Pagination>();
    let htmlMs = 0;
    const html = (part: Part, pages: Map<string, number>) => {
      const t = performance.now();
      const text = bookHtml(content, project, { paginations, pages, css, coverHeightPx: H, part: { from: part.from, to: part.to, front: part.front } }, locale);
      htmlMs += performance.now() - t;
      return text;
    };
    let steps = 0;
    const step = (label: string) => opts.onStep?.(Math.min(++steps, 3), 3, label);
    // 1. Breaks, each part in its own page: measure, choose (with room for connectors), render again until every SOP's pages fit.
    let rounds = 0;
    const measured = new Map<number, ReturnType<typeof pagesFor>>();
    await Promise.all(
      parts.map(async (part) => {
        await part.page.setHtml(html(part, placeholder));
        let measures = await measureRows(part.page, BOOK_SELECTORS);
        for (let round = 0; round < 4; round++) {
          let changed = false;
          measures.forEach((m, i) => {
            const seq = part.from + i;
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
          rounds++;
          await part.page.setHtml(html(part, placeholder));
          measures = await measureRows(part.page, BOOK_SELECTORS);
        }
        measures.forEach((m, i) => measured.set(part.from + i, pagesFor(m.height, H)));
      }),
    );
    opts.profile?.('html (node, all parts)', htmlMs);
    phase(`layout (${parts.length} part${parts.length > 1 ? 's' : ''}, ${rounds} more rounds)`);
    step('laid out');
    // 2. Predicted first pages: cover, front pages, contents, then each SOP.
    const first = parts[0]!;
    const [fronts, toc] = await Promise.all([measureHeights(first.page, 'section.book-page'), measureHeights(first.page, 'section.book-toc')]);
    const frontPages = 1 + fronts.reduce((n, h) => n + pagesFor(h, H), 0) + pagesFor(toc[0] ?? 0, H);
    const sopPages = (seq: number) => paginations.get(seq)?.pages ?? measured.get(seq) ?? 1;
    let counts = parts.map((p) => (p.front ? frontPages : 0) + p.sops.reduce((n, s) => n + sopPages(s.seq), 0));
    let pages = new Map<string, number>();
    {
      let next = frontPages + 1;
      for (const s of all) {
        pages.set(s.anchor, next);
        next += sopPages(s.seq);
      }
    }
    // 3. Print, check against the outline, and print again with the real numbers if needed. The numbers are
    //    written into the contents' cells in place (fixed-width cells: the layout does not move), and each later
    //    part's pages are numbered on from the earlier parts' with the book's total.
    for (let pass = 1; ; pass++) {
      const total = counts.reduce((a, b) => a + b, 0);
      let start = 1;
      await Promise.all(
        parts.map((part, i) => {
          const from = start;
          start += counts[i]!;
          const numbering = async () => {
            if (parts.length === 1) return;
            const content = pageNumberContent(locale, total);
            const rules = [`@page { @bottom-right { content: ${content}; } }`, ...part.sops.map((s) => `@page sop${s.seq} { @bottom-right { content: ${content}; } }`)];
            if (from > 1) rules.push(`@page :first { counter-increment: page ${from}; }`);
            // The cover stays unnumbered (a later rule of the same page would win over its own).
            if (part.front) rules.push('@page cover { @bottom-left { content: none; } @bottom-right { content: none; } }');
            await setPartNumbering(part.page, rules.join('\n'));
          };
          return Promise.all([part.front ? setContentsPages(part.page, pages) : undefined, numbering()]);
        }),
      );
      const pdfs = await Promise.all(parts.map((p) => p.page.pdf({ outline: true })));
      phase(`print pass ${pass}`);
      if (pass === 1) step('printed');
      // Where each SOP starts: its bookmark in its part, after the earlier parts' pages.
      const actualCounts = pdfs.map(pdfPageCount);
      const actual = new Map<string, number>();
      const outlines = pdfs.map(readOutline);
      let offset = 0;
      parts.forEach((part, i) => {
        const outline = outlines[i]!;
        if (outline.length < part.marks.length) throw new Error(`book outline: expected ${part.marks.length} bookmarks in part ${i + 1}, found ${outline.length}`);
        const tail = outline.slice(outline.length - part.marks.length);
        const starts = tail.filter((_, j) => part.marks[j] === 'sop');
        part.sops.forEach((s, j) => actual.set(s.anchor, offset + starts[j]!.page));
        offset += actualCounts[i]!;
      });
      const right = all.every((s) => actual.get(s.anchor) === pages.get(s.anchor)) && (parts.length === 1 || actualCounts.every((n, i) => n === counts[i]));
      if (right || pass >= 3) {
        step('contents checked');
        // Each part's leading SOPs of a unit begun in an earlier part go under that unit's bookmark.
        const merged = mergeChromiumPdfs(
          parts.map((part, i) => {
            const outline = part.marks.length;
            const lead = part.marks.findIndex((m) => m === 'unit');
            const base = outlines[i]!.length - outline;
            let k = 0;
            const anchors = part.marks.flatMap((m, j) => (m === 'sop' ? [[part.sops[k++]!.anchor, base + j] as const] : []));
            return { pdf: pdfs[i]!, nest: i === 0 ? 0 : lead < 0 ? part.marks.length : lead, anchors };
          }),
        );
        if (parts.length > 1) phase('merge');
        return { pdf: merged, pages: actual, passes: pass, parts: parts.length };
      }
      pages = actual;
      counts = actualCounts;
    }
  } finally {
    await Promise.all(parts.map((p) => p.page.close().catch(() => undefined)));
  }
}
