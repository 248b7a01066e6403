// The bands in a real table in Chromium: each band fills its row whatever the row's height, and
// every symbol sits at its row's middle, under its actor's column header.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { FLOWCHART_CSS, layoutFlowchart } from '../../../src/render/flowchart/index.js';
import { graph } from './graphs.js';

const g = graph(4, [
  { lane: 0 },
  { lane: 1 },
  { lane: 1, decision: true, no: 1 },
  { lane: 2 },
  { lane: 2, decision: true, no: 7, labels: ['Lengkap', 'Tidak lengkap'] },
  { lane: 3 },
  { lane: 0, decision: true, no: 'end' },
  { lane: 1, next: 9 },
  { lane: 3 },
  { lane: 2, decision: true, yes: 'end', no: 2 },
  { lane: 0 },
]);

function page(breaks: number[]): string {
  const fc = layoutFlowchart(g, { yes: 'Ya', no: 'Tidak', breaks });
  const rows = g.steps
    .map((_, i) => `<tr><td>${i + 1}</td><td>${g.activities[i]} ${'teks panjang '.repeat((i % 4) * 4)}</td><td class="band" colspan="4">${fc.bands[i]}</td><td>-</td></tr>`)
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><style>${FLOWCHART_CSS}
table { border-collapse: collapse; table-layout: fixed; width: 1000px; font: 12px Arial }
td, th { border: 1px solid #888; padding: 4px; vertical-align: top }
</style></head><body><table><colgroup><col style="width:40px"><col style="width:220px"><col><col><col><col><col style="width:100px"></colgroup>
<tr><th>No</th><th>Kegiatan</th>${g.lanes.map((l) => `<th class="lane">${l.name}</th>`).join('')}<th>Keterangan</th></tr>
${rows}</table></body></html>`;
}

describe('flowchart bands in Chromium', () => {
  it('fill their rows and keep symbols centred in row and lane', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sop-flow-'));
    const file = path.join(dir, 'flow.html');
    writeFileSync(file, page([4]));
    const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const tab = await browser.newPage();
      await tab.setJavaScriptEnabled(false);
      await tab.setViewport({ width: 1100, height: 900 });
      await tab.goto(`file://${file}`);
      const m = await tab.evaluate(() => {
        const box = (e: Element) => {
          const r = e.getBoundingClientRect();
          return { x: r.x, y: r.y, w: r.width, h: r.height };
        };
        return {
          lanes: [...document.querySelectorAll('th.lane')].map(box),
          cells: [...document.querySelectorAll('td.band')].map(box),
          bands: [...document.querySelectorAll('div.sop-flow-band')].map(box),
          symbols: [...document.querySelectorAll('[data-s]')].map((e) => ({ row: Number(e.getAttribute('data-s')), ...box(e) })),
        };
      });
      await tab.screenshot({ path: path.join(dir, 'flow.png') as `${string}.png`, fullPage: true });
      expect(m.bands).toHaveLength(g.steps.length);
      const heights = new Set(m.cells.map((c) => Math.round(c.h)));
      expect(heights.size).toBeGreaterThan(2); // rows really differ in height
      m.cells.forEach((c, i) => {
        const b = m.bands[i]!;
        expect(Math.abs(b.h - c.h)).toBeLessThan(1.5);
        expect(Math.abs(b.w - c.w)).toBeLessThan(1.5);
      });
      for (const s of m.symbols) {
        const cell = m.cells[s.row]!;
        const lane = m.lanes[g.steps[s.row]!.lane]!;
        expect(Math.abs(s.y + s.h / 2 - (cell.y + cell.h / 2))).toBeLessThan(1.5);
        expect(Math.abs(s.x + s.w / 2 - (lane.x + lane.w / 2))).toBeLessThan(1.5);
      }
    } finally {
      await browser.close();
    }
  });
});
