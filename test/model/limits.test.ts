import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/load.js';
import { buildRepository, lintFile } from '../../src/lint/engine.js';
import { buildFlow, canReachEnd, reachableFromStart, type FlowEdge } from '../../src/model/graph.js';
import { loadFile, MAX_DEPTH, MAX_ITEMS, MAX_KEYS, MAX_NODES } from '../../src/model/load.js';
import type { Step } from '../../src/model/types.js';
import { minimalSop, sop as cli, tempTree } from '../helpers/cli.js';
import { at } from '../helpers/test-rule.js';

const tmp = tempTree();
afterAll(() => tmp.cleanup());

function lint(content: string | Uint8Array) {
  const abs = path.join(tmp.dir, 'KUL-001.yaml');
  writeFileSync(abs, content);
  const file = loadFile('KUL-001.yaml', abs);
  const diags = lintFile(file, buildRepository([file], defaultConfig(tmp.dir)));
  return { file, diags, where: diags.map((d) => `${d.ruleId} ${d.range.start.line}:${d.range.start.column}`) };
}

const sop = minimalSop('KUL-001');
const withSteps = (lines: string[]) => sop.replace(/steps:[\s\S]*$/, `steps:\n${lines.join('\n')}\n`);

/** The edges as an array whose element reads are counted. */
function counted(edges: FlowEdge[]): { edges: FlowEdge[]; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(edges, {
    get(target, key, recv) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, recv);
    },
  });
  return { edges: proxy, reads: () => reads };
}

describe('the step graph is linear', () => {
  // A chain where each step names the next by id: the shape that made reachability quadratic.
  const n = 2000;
  const steps: Partial<Step>[] = Array.from({ length: n }, (_, i) => ({ id: `s${i}`, activity: 'x', actor: 'a', next: i === n - 1 ? 'end' : `s${i + 1}` }));
  const flow = buildFlow(steps as Step[]);

  it('resolves every reference and finds every step reachable both ways', () => {
    expect(flow.badRefs).toEqual([]);
    expect(reachableFromStart(n, flow.edges).size).toBe(n);
    expect(canReachEnd(flow.edges).size).toBe(n);
  });

  it('reads each edge a bounded number of times (not once per step)', () => {
    for (const f of [(e: FlowEdge[]) => canReachEnd(e), (e: FlowEdge[]) => reachableFromStart(n, e)]) {
      // Reversed order is the worst case for a fixed-point loop over the edge list.
      const c = counted([...flow.edges].reverse());
      f(c.edges);
      expect(c.reads()).toBeLessThanOrEqual(4 * n);
    }
  });

  it('still sees loops and dead ends', () => {
    const loop = buildFlow([{ next: 2 }, { next: 1 }, { next: 'end' }] as Step[]);
    expect([...reachableFromStart(3, loop.edges)].sort()).toEqual([0, 1]);
    expect([...canReachEnd(loop.edges)]).toEqual([2]);
  });
});

describe('limits: refused at the place, as the loader refuses a file over 5 MB', () => {
  it(`more than ${MAX_ITEMS} steps: one diagnostic at step ${MAX_ITEMS + 1}`, () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `  - {id: s${i}, activity: Langkah, actor: staf, next: s${i + 1}}`);
    const text = withSteps(lines);
    const { diags, where, file } = lint(text);
    const p = at(text, `{id: s${MAX_ITEMS},`);
    expect(where).toEqual([`yaml-syntax ${p.line}:${p.column}`]);
    expect(diags[0]!.message).toBe('The SOP has more than 1,000 steps; at most 1,000 are accepted (step 1,001 starts here). The SOP AP format advises at most 25: split the procedure into several SOPs.');
    expect(file.data).toBeUndefined();
  });

  it(`${MAX_ITEMS + 1} steps in block style`, () => {
    const lines = Array.from({ length: MAX_ITEMS + 1 }, (_, i) => `  - activity: Langkah ${i}\n    actor: staf`);
    const text = withSteps(lines);
    const { diags, where } = lint(text);
    const p = at(text, `activity: Langkah ${MAX_ITEMS}\n`);
    expect(where).toEqual([`yaml-syntax ${p.line}:${p.column}`]);
    expect(diags[0]!.message).toContain('The SOP has more than 1,000 steps');
  });

  it(`a mapping with more than ${MAX_KEYS} keys: at key ${MAX_KEYS + 1}`, () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `x-k${i}: ${i}`);
    const text = `${sop}${keys.join('\n')}\n`;
    const { diags, where } = lint(text);
    // The minimal SOP has 10 top-level keys.
    const p = at(text, `x-k${MAX_KEYS - 10}: `);
    expect(where).toEqual([`yaml-syntax ${p.line}:${p.column}`]);
    expect(diags[0]!.message).toContain('The top level of the file has more than 1,000 keys; at most 1,000 are accepted');
  });

  it(`a list of more than ${MAX_ITEMS} items anywhere`, () => {
    const text = sop.replace('legalBasis: [UU 43/2009]', `legalBasis: [${Array.from({ length: 1500 }, (_, i) => `UU ${i}`).join(', ')}]`);
    const { diags, where } = lint(text);
    const p = at(text, `UU ${MAX_ITEMS},`);
    expect(where).toEqual([`yaml-syntax ${p.line}:${p.column}`]);
    expect(diags[0]!.message).toBe('This list has more than 1,000 items; at most 1,000 are accepted (item 1,001 starts here).');
  });

  it(`more than ${MAX_NODES} values in all`, () => {
    const lines = Array.from({ length: 900 }, (_, i) => `  - {activity: L${i}, actor: staf, requirements: [${Array.from({ length: 20 }, (_, k) => `r${k}`).join(', ')}]}`);
    const { diags, where } = lint(withSteps(lines));
    expect(where).toHaveLength(1);
    expect(diags[0]!.message).toContain('The file holds more than 20,000 values');
    expect(diags[0]!.range.start.line).toBeGreaterThan(500);
  });

  it(`nesting deeper than ${MAX_DEPTH} inside a step is reported where it happens, not at 1:1`, () => {
    for (const deep of [`  - ${'- '.repeat(5000)}x`, `  - ${'- '.repeat(150)}x`, `  - activity: ${'['.repeat(3000)}${']'.repeat(3000)}`]) {
      const text = sop.replace('  - activity: Mengarsipkan surat', `${deep}\n  - activity: Mengarsipkan surat`);
      const { diags, where } = lint(text);
      expect(where).toHaveLength(1);
      expect(diags[0]!.range.start.line).toBe(16);
      expect(diags[0]!.range.start.column).toBeGreaterThan(100);
      expect(diags[0]!.message).toContain(`nested more than ${MAX_DEPTH} levels deep here`);
    }
  });

  it('deep nesting after another syntax error is still located on its own line', () => {
    const text = sop.replace('title: Contoh', 'title: Contoh: lagi').replace('  - activity: Mengarsipkan surat', `  - ${'- '.repeat(5000)}x\n  - activity: Mengarsipkan surat`);
    const { diags } = lint(text);
    expect(diags.map((d) => d.range.start.line)).toEqual([16]);
    expect(diags[0]!.message).toContain('nested too deeply');
  });

  it('a refused file exits 1 like any lint problem', async () => {
    const t = tempTree({ 'sops/KUL-001.yaml': withSteps(Array.from({ length: 1200 }, (_, i) => `  - {activity: L${i}, actor: staf}`)) });
    try {
      const r = await cli(['lint', 'sops'], t.dir);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('sops/KUL-001.yaml:1012:5');
      expect(r.stdout).toContain('at most 1,000 are accepted');
    } finally {
      t.cleanup();
    }
  });
});

describe('locations in odd files', () => {
  it('invalid UTF-8 on line 3 (an encoded surrogate, an overlong form) is reported at its line and column', () => {
    for (const bad of [[0xed, 0xa0, 0x80], [0xe0, 0x80, 0xaf], [0xf4, 0x90, 0x80, 0x80]]) {
      const { diags } = lint(Buffer.concat([Buffer.from('sop: 1\nid: KUL-001\ntitle: Surat '), Buffer.from(bad), Buffer.from('\n')]));
      expect(diags.map((d) => `${d.range.start.line}:${d.range.start.column}`)).toEqual(['3:14']);
      expect(diags[0]!.message).toContain('at line 3, column 14');
    }
  });

  it('a file with CR-only line ends (old Mac) is read and located line by line', () => {
    const text = sop.replace('unit: Subbagian Umum', 'unit: Subbagian Umum\nactr: x').replace(/\n/g, '\r');
    const { diags, where, file } = lint(text);
    expect(where).toEqual(['schema 5:1']);
    expect(diags[0]!.message).toContain('Unknown key `actr`');
    expect((file.data as { steps: unknown[] }).steps).toHaveLength(2);
    // A YAML error too, in a file js-yaml cannot read.
    const unclosed = sop.replace('title: Contoh', 'title: "Contoh');
    expect(lint(unclosed.replace(/\n/g, '\r')).where).toEqual(lint(unclosed).where);
    expect(lint(unclosed).where[0]).not.toBe('yaml-syntax 1:1');
  });

  it('duplicate keys are still reported, at the repeat', () => {
    const { diags, where } = lint(sop.replace('unit: Subbagian Umum', 'unit: Subbagian Umum\n&u x: 1\ntitle: Lagi'));
    expect(where).toEqual(['yaml-syntax 6:1']);
    expect(diags[0]!.message).toBe('Duplicate key `title`: it is already set on line 3. Keep one of them.');
  });
});
