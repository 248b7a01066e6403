import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'tinyglobby';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { lint } from '../src/index.js';
import { minimalSop, ROOT, tempTree } from './helpers/cli.js';
import { mulberry32 } from './helpers/prng.js';
import { SPEC_EXAMPLE } from './helpers/spec-example.js';

/** A seeded PRNG with helpers, so every run mutates the same way. */
function prng(seed: number) {
  const next = mulberry32(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick };
}
type Rng = ReturnType<typeof prng>;

// The specification's example: decisions, ids, approval, all the usual shapes.
const LARGE = SPEC_EXAMPLE;

const SEEDS: Array<{ name: string; bytes: Buffer }> = [
  { name: 'minimal', bytes: Buffer.from(minimalSop('KUL-001')) },
  { name: 'large', bytes: Buffer.from(LARGE) },
  ...globSync('examples/sops/**/*.{yaml,yml}', { cwd: ROOT }).sort().map((f) => ({ name: f, bytes: readFileSync(path.join(ROOT, f)) })),
];

const VALUES = ['42', '-1', '3.5', '"teks"', 'teks biasa', '[a, 1, {b: 2}]', '{x: 1, y: [2]}', '~', 'true', 'no', '2024-02-30', '""', '[]', '{}', '!!binary aGVsbG8=', '&a x', '*a', '|\n  blok\n  teks', '"\\u0000\\x07"', "'it''s'", '0x1F', '.inf', '1e400'];
const GARBAGE: number[][] = [[0xff], [0x00], [0xc3], [0xe2, 0x82], [0xf0, 0x9f, 0x98, 0x80], [0xed, 0xa0, 0x80], [0x09], [0x0d], [0x3a], [0x2d, 0x20], [0x5b], [0x7b], [0x26], [0x2a], [0x21], [0x7c], [0x3e], [0x22], [0x27], [0x23], [0x25], [0x40], [0x60], [0x3f, 0x20], [0xef, 0xbb, 0xbf]];

const lines = (b: Buffer) => b.toString('latin1').split('\n');
const join = (ls: string[]) => Buffer.from(ls.join('\n'), 'latin1');
const KEY_LINE = /^(\s*(?:- )?)([A-Za-z][\w-]*):(.*)$/;

/** Mutations, each named; they work on bytes (latin1 keeps every byte as one char). */
const MUTATIONS: Record<string, (b: Buffer, r: Rng) => Buffer> = {
  deleteLines(b, r) {
    const ls = lines(b);
    for (let n = 1 + r.int(3); n > 0 && ls.length; n--) ls.splice(r.int(ls.length), 1);
    return join(ls);
  },
  swapValue(b, r) {
    const ls = lines(b);
    const idx = ls.map((l, i) => (KEY_LINE.test(l) ? i : -1)).filter((i) => i >= 0);
    if (!idx.length) return b;
    const i = r.pick(idx);
    const m = KEY_LINE.exec(ls[i]!)!;
    const v = r.pick(VALUES);
    ls[i] = `${m[1]}${m[2]}: ${v.replace(/\n/g, `\n${' '.repeat(m[1]!.length)}`)}`;
    return join(ls);
  },
  truncate: (b, r) => b.subarray(0, r.int(b.length + 1)),
  garbage(b, r) {
    let out = b;
    for (let n = 1 + r.int(4); n > 0; n--) {
      const at = r.int(out.length + 1);
      out = Buffer.concat([out.subarray(0, at), Buffer.from(r.pick(GARBAGE)), out.subarray(at)]);
    }
    return out;
  },
  duplicateKey(b, r) {
    const ls = lines(b);
    const idx = ls.map((l, i) => (KEY_LINE.test(l) ? i : -1)).filter((i) => i >= 0);
    if (!idx.length) return b;
    const i = r.pick(idx);
    ls.splice(i + 1 + r.int(3), 0, ls[i]!.replace(/^(\s*)- /, '$1  '));
    return join(ls);
  },
  indentation(b, r) {
    const ls = lines(b);
    for (let n = 1 + r.int(3); n > 0 && ls.length; n--) {
      const i = r.int(ls.length);
      ls[i] = r.next() < 0.5 ? `${' '.repeat(1 + r.int(4))}${ls[i]}` : ls[i]!.replace(/^ {1,3}/, '');
    }
    return join(ls);
  },
  swapLines(b, r) {
    const ls = lines(b);
    const [i, j] = [r.int(ls.length), r.int(ls.length)];
    [ls[i], ls[j]] = [ls[j]!, ls[i]!];
    return join(ls);
  },
};
const NAMES = Object.keys(MUTATIONS);

const HUGE_KINDS = ['100k-char string', '5,000 nested flow lists', '50k-item flow list', '5,000 nested block mappings', '50k-item block list'] as const;
/** Replace one value with something huge (`kind` indexes HUGE_KINDS). */
function huge(b: Buffer, r: Rng, kind: number): Buffer {
  const ls = lines(b);
  const idx = ls.map((l, i) => (KEY_LINE.test(l) ? i : -1)).filter((i) => i >= 0);
  const i = idx.length ? r.pick(idx) : 0;
  const m = KEY_LINE.exec(ls[i] ?? '') ?? ['', '', 'x-huge'];
  const indent = m[1]!.length + 2;
  const v =
    kind === 0 ? 'x'.repeat(100_000)
    : kind === 1 ? `${'['.repeat(5000)}${']'.repeat(5000)}`
    : kind === 2 ? `[${Array.from({ length: 50_000 }, (_, k) => k).join(',')}]`
    : kind === 3 ? `\n${Array.from({ length: 5000 }, (_, k) => `${' '.repeat(indent + k)}k:`).join('\n')} 1`
    : `\n${Array.from({ length: 50_000 }, () => `${' '.repeat(indent)}- butir`).join('\n')}`;
  ls[i] = `${m[1]}${m[2]}: ${v}`;
  return join(ls);
}

/** A mutated case: which seed, which mutations, the bytes. */
function makeCase(r: Rng): { label: string; bytes: Buffer } {
  const seed = r.pick(SEEDS);
  let bytes = seed.bytes;
  const applied: string[] = [];
  const count = 1 + r.int(3);
  for (let k = 0; k < count; k++) {
    const name = r.pick(NAMES);
    bytes = MUTATIONS[name]!(bytes, r);
    applied.push(name);
  }
  return { label: `${seed.name} + ${applied.join(', ')}`, bytes };
}

const STACK = /\n\s+at .+:\d+:\d+/;
const tmp = tempTree({ 'sops/.keep': '' });
afterAll(() => tmp.cleanup());

/** Exit codes and rule ids seen, to show the mutations reach every layer. */
const seen = { codes: new Set<number>(), rules: new Set<string>(), last: [] as string[] };

type Diag = { ruleId: string; message: string; range: { start: { line: number; column: number } } };

/** What the diagnostics of one input say about the linter: the rules seen, positions inside the file. */
function judge(bytes: Buffer, code: number, diagnostics: readonly Diag[]): string | null {
  const crashed = diagnostics.find((d) => /please report this as a sopkit bug/.test(d.message));
  if (crashed) return `a rule crashed: ${crashed.message.slice(0, 400)}`;
  seen.codes.add(code);
  seen.last = diagnostics.map((d) => d.ruleId);
  for (const id of seen.last) seen.rules.add(id);
  const lineCount = bytes.toString('latin1').split('\n').length;
  for (const d of diagnostics) {
    const { line, column } = d.range.start;
    if (!(line >= 1 && line <= lineCount + 1 && column >= 1)) return `bad position ${line}:${column}`;
  }
  return null;
}

const NOW = new Date('2025-01-01T03:00:00Z');

/** Lint one input through the library (`lint()`, as every command does); returns what went wrong, if anything. */
async function lintBytes(bytes: Buffer): Promise<string | null> {
  writeFileSync(path.join(tmp.dir, 'sops', 'KUL-001.yaml'), bytes);
  let report: Awaited<ReturnType<typeof lint>>;
  try {
    report = await lint({ cwd: tmp.dir, paths: ['sops/KUL-001.yaml'], now: NOW });
  } catch (e) {
    return `threw ${(e as Error).stack}`;
  }
  return judge(bytes, report.errorCount > 0 ? 1 : 0, report.files[0]?.diagnostics ?? []);
}

/** Lint one input in-process exactly as the CLI does (argument parsing, JSON output, exit code). */
async function lintBytesCli(bytes: Buffer): Promise<string | null> {
  writeFileSync(path.join(tmp.dir, 'sops', 'KUL-001.yaml'), bytes);
  let out = '';
  let code: number;
  try {
    code = await run(['lint', '-f', 'json', 'sops/KUL-001.yaml'], {
      stdout: (s) => void (out += s),
      stderr: (s) => void (out += s),
      cwd: tmp.dir,
      env: { NO_COLOR: '1' },
      stdoutIsTTY: false,
      stderrIsTTY: false,
      stdinIsTTY: false,
    });
  } catch (e) {
    return `threw ${(e as Error).stack}`;
  }
  if (code !== 0 && code !== 1) return `exit ${code}: ${out.slice(0, 400)}`;
  if (/internal error/i.test(out) || STACK.test(out)) return `internal error: ${out.slice(0, 400)}`;
  const report = JSON.parse(out) as { files: Array<{ diagnostics: Diag[] }> };
  return judge(bytes, code, report.files[0]?.diagnostics ?? []);
}

// Inputs that once broke something; each stays as a row.
const REGRESSIONS: Array<{ name: string; bytes: Buffer }> = [
  { name: 'comments only (was silently clean)', bytes: Buffer.from('# sop: 1\n') },
  { name: 'unknown alias (was called an alias bomb)', bytes: Buffer.from(`${minimalSop()}x-a: *nope\n`) },
  { name: '5,000 nested lists (hundreds of stack-overflow errors)', bytes: Buffer.from(`${minimalSop()}x-a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`) },
];

describe('fuzz: mutated SOPs never crash the linter', () => {
  it.each(REGRESSIONS)('regression: $name', async ({ bytes }) => {
    expect(await lintBytesCli(bytes)).toBeNull();
  });

  it('a 1,000-item list of the wrong kind gives a bounded report', async () => {
    const steps = `steps:\n${Array.from({ length: 1_000 }, (_, k) => `  - ${k}`).join('\n')}\n`;
    expect(await lintBytes(Buffer.from(minimalSop().replace(/steps:[\s\S]*$/, steps)))).toBeNull();
    const schema = seen.last.filter((id) => id === 'schema');
    expect(schema.length).toBeGreaterThan(50);
    expect(schema.length).toBeLessThanOrEqual(101);
  });

  it('a 50,000-item list is refused with one diagnostic, at item 1,001', async () => {
    const steps = `steps:\n${Array.from({ length: 50_000 }, (_, k) => `  - ${k}`).join('\n')}\n`;
    expect(await lintBytes(Buffer.from(minimalSop().replace(/steps:[\s\S]*$/, steps)))).toBeNull();
    expect(seen.last).toEqual(['yaml-syntax']);
  });

  it.each(HUGE_KINDS.map((kind, k) => ({ kind, k, s: k % 2 })))('a huge value: $kind (seed $s)', async ({ k, s }) => {
    const r = prng(k * 31 + s);
    const t0 = performance.now();
    expect(await lintBytes(huge(SEEDS[s]!.bytes, r, k))).toBeNull();
    if (process.env.FUZZ_PROFILE) console.log(HUGE_KINDS[k], Math.round(performance.now() - t0), 'ms');
  });

  it('1,200 seeded mutations of the example SOPs lint with clean output (library), 50 of them through the CLI (exit 0 or 1)', async () => {
    // FUZZ_SEED / FUZZ_CASES explore further by hand; the default run is always the same.
    const r = prng(Number(process.env.FUZZ_SEED ?? 0x50b_1217));
    const cases = Number(process.env.FUZZ_CASES ?? 1200);
    const failures: string[] = [];
    let cliCases = 0;
    const t0 = performance.now();
    const prof = new Map<string, [number, number]>();
    for (let i = 0; i < cases; i++) {
      const c = makeCase(r);
      const t1 = performance.now();
      // Every case through the library; every 24th also through the CLI (parsing, JSON output, exit code).
      const problem = (await lintBytes(c.bytes)) ?? (i % 24 === 0 ? await lintBytesCli(c.bytes) : null);
      if (i % 24 === 0) cliCases++;
      const dt = performance.now() - t1;
      if (process.env.FUZZ_PROFILE) for (const m of c.label.split(' + ')[1]!.split(', ')) prof.set(m, [(prof.get(m)?.[0] ?? 0) + dt, (prof.get(m)?.[1] ?? 0) + 1]);
      if (problem) {
        failures.push(`#${i} ${c.label}: ${problem}`);
        writeFileSync(path.join(tmp.dir, `failure-${i}.yaml`), c.bytes);
      }
    }
    if (process.env.FUZZ_PROFILE) console.log(`total ${Math.round(performance.now() - t0)} ms`, [...prof].map(([k, [t, n]]) => `${k}: ${n} cases, ${Math.round(t)} ms`).join('\n'));
    expect(failures.slice(0, 10)).toEqual([]);
    expect(SEEDS.length).toBeGreaterThan(2);
    expect(cliCases).toBe(Math.ceil(cases / 24));
    // The mutations reach the loader, the schema and the other rules, and leave some files clean.
    expect([...seen.codes].sort()).toEqual([0, 1]);
    expect(seen.rules).toContain('yaml-syntax');
    expect(seen.rules).toContain('schema');
    expect(seen.rules.size).toBeGreaterThan(6);
    // No wall-clock bound here (it failed on busy machines): speed is measured by bench/lint.mjs, and the
    // linear-time loading and graph code have their own operation-count tests.
  }, 300_000);
});
