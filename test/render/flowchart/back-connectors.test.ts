// Loops back across page breaks on narrow lanes: every crossing gets a lettered connector pair drawn
// inside the band (a run beside an outer lane used to sit past the band's edge, clipped with its
// connectors: HSDM-006 step 21 → step 5), and decision labels wrap instead of being clipped.
import { describe, expect, it } from 'vitest';
import { layoutFlowchart } from '../../../src/render/flowchart/index.js';
import { wrapLabel, textWidth } from '../../../src/render/flowchart/geometry.js';
import { flowInput } from '../../../src/render/flow.js';
import { ACTOR_SHARE, printableWidthPx } from '../../../src/render/page.js';
import { buildView } from '../../../src/render/view.js';
import { examplesConfig, exampleSops, NOW } from '../helpers.js';
import { checkChart } from './check.js';
import { graph, type S } from './graphs.js';
import { parseChart } from './parse.js';

const L = { yes: 'Ya', no: 'Tidak' };
const LANES = 6;
const LANE_W = 76; // HSDM-006 on F4 landscape: six actors share 39 % of the printable width

/** 60 steps over six lanes; decisions in the outer lanes loop back 10 to 25 rows, across several breaks. */
function sixtySteps(): S[] {
  const steps: S[] = Array.from({ length: 60 }, (_, i) => ({ lane: (i * 7) % LANES }));
  const loop = (at: number, lane: number, back: number, labels?: [string, string]) => (steps[at] = { lane, decision: true, no: back, ...(labels ? { labels } : {}) });
  loop(19, 5, 5, ['Memenuhi syarat', 'Tidak memenuhi syarat']);
  loop(29, 0, 12);
  loop(41, 5, 18, ['Lolos', 'Tidak lolos']);
  loop(52, 0, 30);
  steps[57] = { lane: 5, next: 40 }; // a process jumping back
  steps[59] = { lane: 2, next: 'end' };
  return steps;
}

describe('jumps back across page breaks', () => {
  const input = graph(LANES, sixtySteps());
  const breaks = [6, 13, 20, 27, 34, 41, 48, 55];
  const fc = layoutFlowchart(input, { ...L, breaks, laneWidth: LANE_W });
  const heights = fc.minHeights.map((m) => Math.max(m, 70));
  const p = parseChart(fc.bands, LANES, LANE_W, heights);
  const band = LANES * LANE_W;

  it('gives every crossing of a break, backwards too, its own connector pair inside the band', () => {
    const back = fc.routes.filter((r) => {
      const e = input.edges[r.edge]!;
      return e.to !== 'end' && e.to < e.from;
    });
    expect(back.length).toBe(5);
    for (const r of back) {
      const e = input.edges[r.edge]!;
      const crossed = breaks.filter((b) => (e.to as number) <= b && b < e.from);
      expect(crossed.length).toBeGreaterThan(0);
      expect(fc.connectors.filter((c) => c.edge === r.edge).map((c) => c.row)).toEqual(crossed);
    }
    const labels = fc.connectors.map((c) => c.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const c of fc.connectors) {
      const pair = p.polys.filter((q) => q.attrs['data-c'] === c.label);
      expect(pair, c.label).toHaveLength(2);
      const bottom = p.rowTop[c.row]! + heights[c.row]!;
      const [foot, head] = [...pair].sort((a, b) => a.pts[0]![1] - b.pts[0]![1]);
      expect(Math.max(...foot!.pts.map((t) => t[1]))).toBeLessThanOrEqual(bottom);
      expect(Math.min(...head!.pts.map((t) => t[1]))).toBeGreaterThanOrEqual(bottom);
      for (const q of pair) for (const [x] of q.pts) expect(x, `connector ${c.label} at x=${x}`).toBeGreaterThanOrEqual(0), expect(x).toBeLessThanOrEqual(band);
      // the edge's line reaches both pentagons
      const xs = foot!.pts.map((t) => t[0]);
      const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
      const lines = p.segs.filter((s) => s.edge === c.edge && Math.abs(s.x1 - cx) < 0.2 && Math.abs(s.x2 - cx) < 0.2);
      expect(lines.some((s) => Math.abs(Math.min(s.y1, s.y2) - (Math.max(...head!.pts.map((t) => t[1])))) < 0.5), `line from ${c.label} at the head`).toBe(true);
    }
    // every vertical line stays inside the band
    for (const s of p.segs) expect(Math.min(s.x1, s.x2) >= -0.01 && Math.max(s.x1, s.x2) <= band + 0.01, `edge ${s.edge} leaves the band`).toBe(true);
  });

  it('keeps the geometry sound (no crossings through symbols, labels inside the band)', () => {
    expect(checkChart(input, fc, LANE_W, heights, { ...L, breaks })).toEqual([]);
  });

  it('wraps a long decision label, hyphenating a word that would reach past the band', () => {
    const at = input.edges.findIndex((e) => e.from === 19 && e.kind === 'yes');
    const label = fc.labels.find((l) => l.edge === at)!;
    expect(label.lines.join(' ').replace(/- /g, '')).toBe('Memenuhi syarat');
    expect(label.lines.length).toBeGreaterThan(1);
    const right = (19 * 0 + 5 + 0.5) * LANE_W + label.x + label.w; // lane 5 is the outer lane
    expect(right).toBeLessThanOrEqual(band);
    expect(wrapLabel('Memenuhi syarat', 10, Infinity, 30)).toEqual(['Meme-', 'nuhi', 'syarat']);
    for (const l of wrapLabel('Pertanggungjawaban', 10, Infinity, 30)) expect(textWidth(l)).toBeLessThanOrEqual(30);
  });
});

describe('HSDM-006 of the examples, as printed on F4 landscape', () => {
  it('step 21 → step 5 gets a connector pair at each break it crosses, inside the band; "Memenuhi syarat" is not clipped', () => {
    const { sop } = exampleSops().find((s) => s.sop.id === 'HSDM-006')!;
    const config = examplesConfig();
    const view = buildView(sop, { config, now: NOW });
    const lanes = view.actors.length;
    const laneW = Math.floor((printableWidthPx(config) * ACTOR_SHARE) / lanes);
    const input = flowInput(sop, view);
    const breaks = [6, 13, 19]; // where the examples' PDF breaks it
    const fc = layoutFlowchart(input, { ...L, breaks, laneWidth: laneW });
    const back = input.edges.findIndex((e) => e.from === 20 && e.to === 4);
    expect(back).toBeGreaterThanOrEqual(0);
    expect(fc.connectors.filter((c) => c.edge === back).map((c) => c.row)).toEqual(breaks);
    const heights = fc.minHeights.map((m) => Math.max(m, 70));
    const p = parseChart(fc.bands, lanes, laneW, heights);
    for (const c of fc.connectors) {
      const pair = p.polys.filter((q) => q.attrs['data-c'] === c.label);
      expect(pair).toHaveLength(2);
      for (const q of pair) for (const [x] of q.pts) expect(x >= 0 && x <= lanes * laneW, `${c.label} at ${x}`).toBe(true);
    }
    for (const t of p.texts.filter((x) => x.attrs['data-l'] !== undefined)) expect(t.x >= 0 && t.x + t.w <= lanes * laneW, t.text).toBe(true);
    expect(checkChart(input, fc, laneW, heights, { ...L, breaks })).toEqual([]);
  });
});
