// The direction of imports (issue 12): cli → app → render → lint → lifecycle → (git, config) → model → util.
// A layer imports only the layers below it; two layers of the same rank (git and config) do not import each
// other; no file takes part in a circle of imports; no source folder holds more than 12 files without sub-folders.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');

/** Rank of each top-level part of src/ (a file directly in src/ is the library's entry: above everything). */
export const LAYERS: Record<string, number> = {
  util: 0,
  model: 1,
  config: 2,
  git: 2,
  lifecycle: 3,
  lint: 4,
  render: 5,
  app: 6,
  cli: 7,
  '.': 8,
};

/** Every .ts file under `dir`, relative to src/. */
function sources(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [path.relative(SRC, p)] : [];
  });
}

const IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;

/** The relative imports of each file (type-only ones too: a circle of types is still a tangle), as src/-relative .ts paths. */
export function importGraph(files: readonly string[], read: (rel: string) => string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const targets = [...read(f).matchAll(IMPORT)].map((m) => path.normalize(path.join(path.dirname(f), m[1]!)).replace(/\.js$/, '.ts'));
    graph.set(f, [...new Set(targets)]);
  }
  return graph;
}

/** The layer of a src/-relative path. */
export function layerOf(rel: string): string {
  const top = rel.split(path.sep)[0]!;
  return rel.includes(path.sep) ? top : '.';
}

/** Imports that run up, or across between two layers of the same rank. */
export function violations(graph: Map<string, string[]>): string[] {
  const out: string[] = [];
  for (const [from, targets] of graph) {
    const a = layerOf(from);
    for (const to of targets) {
      const b = layerOf(to);
      if (a === b) continue;
      const ra = LAYERS[a], rb = LAYERS[b];
      if (ra === undefined || rb === undefined) out.push(`${from} → ${to}: layer ${ra === undefined ? a : b} has no rank`);
      else if (rb >= ra) out.push(`${from} (${a}) → ${to} (${b})`);
    }
  }
  return out;
}

/** The circles of imports (strongly connected components of more than one file, or a file importing itself). */
export function circles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>(), low = new Map<string, number>(), on = new Set<string>(), stack: string[] = [], out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index); low.set(v, index); index++; stack.push(v); on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) { visit(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); }
      else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do { w = stack.pop()!; on.delete(w); scc.push(w); } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

/** Folders with more than `max` files and no sub-folder. */
export function heaps(dir = SRC, max = 12): string[] {
  const entries = readdirSync(dir, { withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).length;
  const subs = entries.filter((e) => e.isDirectory());
  return [...(files > max && subs.length === 0 ? [path.relative(SRC, dir) || '.'] : []), ...subs.flatMap((e) => heaps(path.join(dir, e.name), max))];
}

describe('the layers of src/', () => {
  const files = sources();
  const graph = importGraph(files, (rel) => readFileSync(path.join(SRC, rel), 'utf8'));

  it('finds the imports it checks (the parser is not blind)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(graph.get(path.join('cli', 'run.ts'))).toContain(path.join('cli', 'commands', 'index.ts'));
    expect(Object.keys(LAYERS).filter((k) => k !== '.').sort()).toEqual(
      readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort(),
    );
  });

  it('imports only run down', () => {
    expect(violations(graph)).toEqual([]);
  });

  it('has no circle of imports', () => {
    expect(circles(graph)).toEqual([]);
  });

  it('has no folder of more than 12 files without sub-folders', () => {
    expect(heaps()).toEqual([]);
  });

  it('catches an import that runs up, one across, and a circle', () => {
    const g = new Map([
      ['model/a.ts', ['lint/b.ts']],
      ['lint/b.ts', ['model/a.ts']],
      ['git/c.ts', ['config/d.ts']],
      ['config/d.ts', []],
    ]);
    expect(violations(g)).toEqual(['model/a.ts (model) → lint/b.ts (lint)', 'git/c.ts (git) → config/d.ts (config)']);
    expect(circles(g)).toEqual([['lint/b.ts', 'model/a.ts']]);
  });
});
