// Page breaks: matching off-page connectors on either side of each break, readable in the PDF.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { FLOWCHART_CSS, layoutFlowchart } from '../../../src/render/flowchart/index.js';
import { checkChart, countCrossings } from './check.js';
import { graph, randomGraph } from './graphs.js';
import { parseChart } from './parse.js';

const L = { yes: 'Ya', no: 'Tidak' };
// 0→1 next (lane change), 2 decision looping back to 0, 3→5 jump, straight line 4→5.
const g = graph(3, [{ lane: 0 }, { lane: 1 }, { lane: 1, decision: true, no: 1 }, { lane: 2, next: 6 }, { lane: 0 }, { lane: 1 }, { lane: 2 }]);

describe('off-page connectors', () => {
  it('pairs a connector at the foot of the row before each break with one at the head of the row after', () => {
    const opts = { ...L, breaks: [1, 3] };
    const fc = layoutFlowchart(g, opts);
    // One connector pair per route segment crossing a break, labelled A, B, … in order.
    const crossing = (row: number) => fc.routes.filter((r) => r.points.some((p, k) => k > 0 && Math.min(p.y.row, r.points[k - 1]!.y.row) <= row && row < Math.max(p.y.row, r.points[k - 1]!.y.row))).map((r) => r.edge);
    expect(fc.connectors.map((c) => c.edge).sort()).toEqual([...crossing(1), ...crossing(3)].sort());
    expect(fc.connectors.map((c) => c.label)).toEqual(['A', 'B', 'C', 'D'].slice(0, fc.connectors.length));
    const heights = fc.minHeights.map((m) => Math.max(m, 90));
    expect(checkChart(g, fc, 160, heights, opts)).toEqual([]);
    const p = parseChart(fc.bands, 3, 160, heights);
    for (const c of fc.connectors) {
      const [foot, head] = p.polys.filter((q) => q.attrs['data-c'] === c.label);
      const bottom = p.rowTop[c.row]! + heights[c.row]!;
      // foot pentagon: inside row c.row, touching its bottom margin; head pentagon: inside the next row, at its top
      expect(Math.max(...foot!.pts.map((t) => t[1]))).toBeCloseTo(bottom - 2, 1);
      expect(Math.min(...head!.pts.map((t) => t[1]))).toBeCloseTo(bottom + 2, 1);
      expect(foot!.pts.map((t) => t[0])).toEqual(head!.pts.map((t) => t[0])); // same lane and track
      expect(p.texts.filter((t) => t.text === c.label)).toHaveLength(2);
    }
  });

  it('uses the caller\'s connector labels', () => {
    const fc = layoutFlowchart(g, { ...L, breaks: [1], connectorLabel: (b, e) => `${b + 1}.${e}` });
    expect(fc.connectors.every((c) => c.label === `1.${c.edge}`)).toBe(true);
    expect(fc.bands[1]).toContain(`>1.${fc.connectors[0]!.edge}<`);
  });

  it('prints the connector labels as text in a PDF (pdftotext reads them)', async () => {
    const fc = layoutFlowchart(g, { ...L, breaks: [3], connectorLabel: (_, e) => `K${e}` });
    const rows = g.steps
      .map((_, i) => `<tr${i === 3 ? ' style="break-after:page"' : ''}><td>${i + 1}</td><td class="band" colspan="3">${fc.bands[i]}</td></tr>`)
      .join('');
    const html = `<!doctype html><html><head><style>${FLOWCHART_CSS} table{border-collapse:collapse;table-layout:fixed;width:600px} td{border:1px solid #999}</style></head><body><table><colgroup><col style="width:40px"><col><col><col></colgroup>${rows}</table></body></html>`;
    const dir = mkdtempSync(path.join(tmpdir(), 'sop-flow-pdf-'));
    writeFileSync(path.join(dir, 'f.html'), html);
    const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const tab = await browser.newPage();
      await tab.setJavaScriptEnabled(false);
      await tab.goto(`file://${path.join(dir, 'f.html')}`);
      await tab.pdf({ path: path.join(dir, 'f.pdf'), format: 'A4', landscape: true });
    } finally {
      await browser.close();
    }
    const pages = execFileSync('pdftotext', ['-layout', path.join(dir, 'f.pdf'), '-'], { encoding: 'utf8' }).split('\f');
    expect(fc.connectors.length).toBeGreaterThan(0);
    for (const c of fc.connectors) {
      expect(pages[0]).toContain(c.label);
      expect(pages[1]).toContain(c.label);
    }
  });
});

describe('crossings', () => {
  it('stay few on the random graphs', () => {
    let total = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const r = randomGraph(seed);
      const fc = layoutFlowchart(graph(r.lanes, r.steps), L);
      total += countCrossings(fc, r.lanes, Math.max(160, fc.minLaneWidth), fc.minHeights.map((m) => Math.max(m, 80)));
    }
    // 2310 with runs kept to the source or target lane's channel by track number alone; ~720 now.
    expect(total).toBeLessThan(900);
  });
});
