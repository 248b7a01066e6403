import { describe, expect, it } from 'vitest';
import { layoutFlowchart } from '../../../src/render/flowchart/index.js';
import { checkChart } from './check.js';
import { graph, prng, randomGraph, type S } from './graphs.js';

const L = { yes: 'Ya', no: 'Tidak' };

const cases: Array<[string, number, S[]]> = [
  ['straight line', 1, [{ lane: 0 }, { lane: 0 }, { lane: 0 }, { lane: 0 }]],
  ['zigzag across lanes', 3, [{ lane: 0 }, { lane: 2 }, { lane: 1 }, { lane: 0 }, { lane: 2 }]],
  ['decision with a forward jump', 2, [{ lane: 0 }, { lane: 1, decision: true, no: 5 }, { lane: 0 }, { lane: 1 }, { lane: 0 }]],
  ['loop back', 2, [{ lane: 0 }, { lane: 1 }, { lane: 0 }, { lane: 1, decision: true, no: 2 }, { lane: 0 }]],
  ['two overlapping loops', 3, [{ lane: 0 }, { lane: 1 }, { lane: 2 }, { lane: 1, decision: true, no: 2 }, { lane: 1, decision: true, no: 3 }, { lane: 0 }]],
  ['nested loops in one lane', 1, [{ lane: 0 }, { lane: 0 }, { lane: 0 }, { lane: 0, decision: true, no: 3 }, { lane: 0, decision: true, no: 2 }, { lane: 0 }]],
  ['several ends', 3, [{ lane: 0 }, { lane: 1, decision: true, no: 4 }, { lane: 2, next: 'end' }, { lane: 0 }, { lane: 1 }]],
  ['decision to end (no)', 2, [{ lane: 0 }, { lane: 1, decision: true, no: 'end' }, { lane: 0 }]],
  ['decision to end (yes)', 2, [{ lane: 0 }, { lane: 1 }, { lane: 1, decision: true, yes: 'end', no: 2 }]],
  ['decision last step', 2, [{ lane: 0 }, { lane: 1, decision: true, no: 1 }]],
  ['long labels', 2, [{ lane: 0 }, { lane: 1, decision: true, no: 1, labels: ['Sudah lengkap dan benar', 'Belum lengkap'] }, { lane: 0 }]],
  ['self loop', 2, [{ lane: 0 }, { lane: 1, next: 2 }, { lane: 0 }]],
  ['many lanes', 8, Array.from({ length: 10 }, (_, i): S => (i === 5 ? { lane: 7, decision: true, no: 1 } : { lane: (i * 3) % 8 }))],
  ['forward jump straight down an empty lane', 3, [{ lane: 0, next: 4 }, { lane: 1 }, { lane: 2 }, { lane: 0 }]],
  ['yes jump down its empty lane into another lane', 3, [{ lane: 0 }, { lane: 1, decision: true, yes: 5, no: 1 }, { lane: 0 }, { lane: 2 }, { lane: 2 }]],
  ['many edges into one step', 3, [{ lane: 1 }, { lane: 0, decision: true, no: 1 }, { lane: 2, decision: true, no: 1 }, { lane: 1, decision: true, no: 1 }, { lane: 0, decision: true, no: 1 }, { lane: 1 }]],
];

function heightsFor(min: number[], seed: number, uneven: boolean): number[] {
  const rnd = prng(seed);
  return min.map((m) => (uneven ? Math.max(m, 80) + Math.floor(rnd() * 90) : Math.max(m, 80)));
}

describe('layoutFlowchart geometry', () => {
  for (const [name, lanes, steps] of cases)
    for (const uneven of [false, true])
      it(`${name}${uneven ? ' (uneven rows)' : ''}`, () => {
        const g = graph(lanes, steps);
        const fc = layoutFlowchart(g, L);
        const laneW = Math.max(160, fc.minLaneWidth);
        expect(checkChart(g, fc, laneW, heightsFor(fc.minHeights, 7, uneven), L)).toEqual([]);
        expect(checkChart(g, fc, fc.minLaneWidth, fc.minHeights, L)).toEqual([]);
      });

  it('random valid SOP graphs (200, seeded)', () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= 200; seed++) {
      const r = randomGraph(seed);
      const g = graph(r.lanes, r.steps);
      const breaks = seed % 3 === 0 ? [Math.floor(r.steps.length / 2)] : seed % 3 === 1 ? [2, 5, 9].filter((b) => b < r.steps.length - 1) : [];
      const opts = { ...L, breaks };
      const fc = layoutFlowchart(g, opts);
      const laneW = Math.max(160, fc.minLaneWidth);
      const problems = [
        ...checkChart(g, fc, laneW, heightsFor(fc.minHeights, seed, true), opts),
        ...checkChart(g, fc, fc.minLaneWidth, fc.minHeights, opts),
      ];
      if (problems.length) failures.push(`seed ${seed}: ${[...new Set(problems)].slice(0, 4).join('; ')}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('routing classes', () => {
  it('picks the simplest route for each kind of edge', () => {
    const g = graph(3, [{ lane: 0 }, { lane: 1, decision: true, yes: 5, no: 1 }, { lane: 0, next: 5 }, { lane: 2 }, { lane: 0, decision: true, no: 'end' }, { lane: 0, decision: true, yes: 'end', no: 3 }]);
    const kinds = layoutFlowchart(g, L).routes.map((r) => `${g.edges[r.edge]!.from}->${g.edges[r.edge]!.to}:${r.kind}`);
    expect(kinds).toEqual(['0->1:next', '1->4:centre', '1->0:channel', '2->4:channel', '3->4:next', '4->5:next', '4->end:endSide', '5->end:endBelow', '5->2:channel']);
  });
});

describe('the geometry check itself', () => {
  const g = graph(2, [{ lane: 0 }, { lane: 1 }, { lane: 0 }, { lane: 1, decision: true, no: 2 }, { lane: 0 }]);
  const fc = layoutFlowchart(g, L);
  const h = fc.minHeights.map((m) => Math.max(m, 80));
  const broken = (i: number, f: (s: string) => string) => ({ ...fc, bands: fc.bands.map((b, k) => (k === i ? f(b) : b)) });

  it('passes the real drawing', () => expect(checkChart(g, fc, 160, h, L)).toEqual([]));
  it('catches a missing arrowhead', () => {
    expect(checkChart(g, broken(1, (b) => b.replace(/<polygon data-e="\d+" data-r="end"[^>]*>/, '')), 160, h, L).join()).toMatch(/arrowheads/);
  });
  it('catches a symbol out of its lane', () => {
    expect(checkChart(g, broken(2, (b) => b.replace('<rect data-s="2"', '<rect data-s="2" transform="x"').replace(/(<svg x=")([\d.]+)(%" y="50%"[^>]*><rect data-s="2")/, (_, a, x, c) => `${a}${Number(x) + 10}${c}`)), 160, h, L).join()).toMatch(/not centred in its lane/);
  });
  it('catches a line drawn through a symbol and lines on top of each other', () => {
    const extra = '<svg x="0%" y="0%" width="100%" height="100%" overflow="visible"><line data-e="0" x1="0" y1="0" x2="100%" y2="100%"/><line data-e="0" x1="0" y1="50%" x2="100%" y2="50%"/><line data-e="1" x1="0" y1="5" x2="50%" y2="5"/><line data-e="2" x1="10" y1="5" x2="40%" y2="5"/></svg>';
    const p = checkChart(g, broken(3, (b) => b.replace('</g>', `${extra}</g>`)), 160, h, L).join('\n');
    expect(p).toMatch(/diagonal/);
    expect(p).toMatch(/passes through symbol 3/);
    expect(p).toMatch(/overlap/);
  });
  it('catches a wrong branch label', () => {
    expect(checkChart(g, broken(3, (b) => b.replace('>Tidak<', '>Nope<')), 160, h, L).join()).toMatch(/should be "Tidak"/);
  });
});

describe('with the lane width known', () => {
  it('fits 200 random graphs into 110 px lanes (labels wrapped, facing channels apart)', () => {
    const failures: string[] = [];
    let fits = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const r = randomGraph(seed);
      const g = graph(r.lanes, r.steps);
      const opts = { ...L, laneWidth: 110, breaks: seed % 2 ? [Math.floor(r.steps.length / 2)] : [] };
      const fc = layoutFlowchart(g, opts);
      if (fc.minLaneWidth > 110) continue; // needs wider lanes than that: minLaneWidth says so
      fits++;
      const problems = checkChart(g, fc, 110, heightsFor(fc.minHeights, seed, true), opts);
      if (problems.length) failures.push(`seed ${seed}: ${[...new Set(problems)].slice(0, 4).join('; ')}`);
    }
    expect(failures).toEqual([]);
    expect(fits).toBeGreaterThan(100);
  });
});
