import { describe, expect, it } from 'vitest';
import { chooseBreaks, pagesFor, pagesWith, type RowMeasure } from '../../../src/render/pdf/paginate.js';
import { cssString, marginBoxes } from '../../../src/render/pdf/page-css.js';
import { parseMargins, sheet } from '../../../src/render/pdf/paper.js';
import { mapPool } from '../../../src/render/pdf/pool.js';
import { progressLine, wantProgress } from '../../../src/render/pdf/progress.js';
import { decodePdfString } from '../../../src/render/book/outline.js';
import { demoteHeadings, markdownPage } from '../../../src/render/book/markdown.js';

/** Rows of the given heights stacked under a table top and a header. */
function rows(tableTop: number, head: number, heights: number[], after = 0): RowMeasure {
  let y = tableTop + head;
  const out = heights.map((h) => {
    const r = { top: y, bottom: y + h };
    y += h;
    return r;
  });
  return { height: y + after, tableTop, headHeight: head, rows: out };
}

describe('chooseBreaks', () => {
  it('keeps everything on one page when it fits', () => {
    expect(chooseBreaks(rows(100, 50, [100, 100, 100]), 600)).toEqual({ breaks: [], tableOnNewPage: false, pages: 1 });
  });
  it('breaks between rows, counting the repeated header on later pages', () => {
    // Page 1: 100 + 50 + 4×100 = 550 fits 594, the 5th row does not; later pages: 50 + 5×100 = 550.
    const p = chooseBreaks(rows(100, 50, Array(12).fill(100)), 600);
    expect(p.breaks).toEqual([3, 8]);
    expect(p.pages).toBe(3);
    expect(pagesWith(rows(100, 50, Array(12).fill(100)), p, 600)).toBe(3);
  });
  it('keeps room for connectors at the foot and head of a break', () => {
    const p = chooseBreaks(rows(100, 50, Array(12).fill(100)), 600, { foot: 30, head: 40 });
    expect(p.breaks).toEqual([3, 7]);
  });
  it('moves the table to a new page when not even its first row fits under the identity part', () => {
    const p = chooseBreaks(rows(500, 50, [100, 100]), 600);
    expect(p.tableOnNewPage).toBe(true);
    expect(p.breaks).toEqual([]);
    expect(p.pages).toBe(2);
  });
  it('gives a row taller than a page a page of its own rather than looping', () => {
    const p = chooseBreaks(rows(0, 50, [100, 900, 100]), 600);
    expect(p.breaks).toEqual([0, 1]);
  });
  it('never splits a row: every page of the chosen breaks fits', () => {
    for (let seed = 1; seed < 200; seed++) {
      const heights = Array.from({ length: 5 + (seed % 60) }, (_, i) => 40 + ((seed * 7919 + i * 104729) % 160));
      const m = rows(seed % 300, 60, heights);
      const p = chooseBreaks(m, 700);
      expect(pagesWith(m, p, 700)).toBeDefined();
    }
  });
  it('counts spill-over pages after the table', () => {
    expect(chooseBreaks(rows(0, 50, [100], 1500), 600).pages).toBe(3);
    expect(pagesFor(1200, 600)).toBe(3);
    expect(pagesFor(10, 600)).toBe(1);
  });
  it('pagesWith reports an overflowing page', () => {
    expect(pagesWith(rows(0, 50, Array(12).fill(100)), { breaks: [], tableOnNewPage: false, pages: 1 }, 600)).toBeUndefined();
  });
});

describe('page CSS', () => {
  it('escapes strings so nothing leaves the CSS string or the style element', () => {
    const s = cssString('Nomor "004"\\ </style><script>é\n');
    expect(s).not.toMatch(/<|>|\n|é/);
    expect(s.slice(1, -1)).not.toMatch(/(^|[^\\])"/);
    expect(s).toContain('\\22 ');
  });
  it('footer boxes carry the number and Halaman X dari Y; drafts get the watermark', () => {
    const sh = sheet('F4', 'landscape', [10, 10, 10, 10]);
    const id = marginBoxes({ footerLeft: 'Nomor SOP 001', draft: true }, 'id', sh);
    expect(id).toContain('counter(page)');
    expect(id).toContain('counter(pages)');
    expect(id).toContain(cssString('Halaman '));
    expect(id).toContain(cssString(' dari '));
    expect(id).toContain(cssString('KONSEP'));
    const en = marginBoxes({ footerLeft: 'x', draft: true }, 'en', sh);
    expect(en).toContain(cssString('Page '));
    expect(en).toContain(cssString('DRAFT'));
    expect(marginBoxes({ footerLeft: 'x', draft: false }, 'id', sh)).not.toContain('KONSEP');
  });
});

describe('paper', () => {
  it('F4 landscape is 330 × 215 mm; margins parse like CSS', () => {
    const s = sheet('F4', 'landscape', [10, 10, 10, 10]);
    expect([s.widthMm, s.heightMm]).toEqual([330, 215]);
    expect(sheet('A4', 'portrait', [10, 10, 10, 10]).widthMm).toBe(210);
    expect(parseMargins('10mm 1cm')).toEqual([10, 10, 10, 10]);
    expect(parseMargins('1in')).toEqual([25.4, 25.4, 25.4, 25.4]);
    expect(parseMargins('10mm; color: red')).toBeUndefined();
  });
});

describe('pool and progress', () => {
  it('mapPool keeps order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapPool([5, 1, 4, 2, 3, 0], 3, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, n * 3));
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30, 0]);
    expect(peak).toBe(3);
  });
  it('mapPool stops at the first error', async () => {
    const seen: number[] = [];
    await expect(mapPool([1, 2, 3, 4, 5], 1, async (n) => {
      seen.push(n);
      if (n === 2) throw new Error('boom');
      return n;
    })).rejects.toThrow('boom');
    expect(seen).toEqual([1, 2]);
  });
  it('a progress bar only on a terminal and for more than three SOPs', () => {
    expect(wantProgress(true, 4)).toBe(true);
    expect(wantProgress(true, 3)).toBe(false);
    expect(wantProgress(false, 200)).toBe(false);
    expect(progressLine(5, 10, 'a.yaml', 10)).toBe('\r[#####.....] 5/10 a.yaml\u001b[K');
  });
});

describe('book helpers', () => {
  it('decodes PDF strings: literal escapes, octal, UTF-16BE hex', () => {
    expect(decodePdfString('(a\\(b\\)c\\\\d\\101)')).toBe('a(b)c\\dA');
    expect(decodePdfString('<FEFF00C40062>')).toBe('Äb');
  });
  it('Markdown pages: no raw HTML, no images, headings kept out of the outline', () => {
    const html = markdownPage('# Judul\n\n<script>alert(1)</script>\n\n![x](http://example.com/x.png) [ok](https://kpu.go.id) [bad](javascript:alert(1))');
    expect(html).toContain('<p class="md-h1">Judul</p>');
    expect(html).not.toMatch(/<script|<img|<h1|href="javascript/);
    expect(html).toContain('href="https://kpu.go.id"');
    expect(markdownPage('**TENTANG**\n\n**Menimbang:**\n\na. **bahwa** x')).toBe('<p class="md-center"><strong>TENTANG</strong></p>\n<p><strong>Menimbang:</strong></p>\n<p>a. <strong>bahwa</strong> x</p>\n');
    expect(demoteHeadings('<h2 class="x">Riwayat</h2>')).toBe('<div class="demoted-h2" class="x">Riwayat</div>');
  });
});
