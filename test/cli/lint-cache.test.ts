import { spawn } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/lint/diagnostic.js';
import { minimalSop, ROOT, sop } from '../helpers/cli.js';
import { life } from '../lifecycle/life.js';
import { testRepo, type TestRepo } from '../lifecycle/repo-helper.js';

// `sop lint FILE` loads FILE in full and takes only the facts (id, number, status, …) of every other SOP,
// from .sop-cache/ when their content is known there: its diagnostics must be those of a full lint.
const TARGET = 'sops/kul/KUL-004-surat-masuk.yaml';
const CACHE = '.sop-cache/facts.json';
const A = 'sops/kul-001.yaml';
const dirs: string[] = [];
const repos: TestRepo[] = [];
afterEach(() => {
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
  repos.splice(0).forEach((r) => r.cleanup());
});

/** The bundled examples, plus an SOP repeating KUL-004's id, one repeating its number, a broken one and one with an alias. */
function repo(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sopkit-lint-cache-'));
  dirs.push(dir);
  // (not a cache that linting examples/ in this checkout may have left there)
  cpSync(path.join(ROOT, 'examples'), dir, { recursive: true, filter: (src) => path.basename(src) !== '.sop-cache' });
  const target = path.join(dir, TARGET);
  // KUL-091's file does not parse, so it declares nothing; KUL-092's is read by the full parser (an alias).
  writeFileSync(target, readFileSync(target, 'utf8').replace('  - KUL-015\n', '  - KUL-015\n  - KUL-091\n  - KUL-092\n'));
  writeFileSync(path.join(dir, 'sops/kul/KUL-004-copy.yaml'), minimalSop('KUL-004'));
  writeFileSync(path.join(dir, 'sops/kul/KUL-090.yaml'), minimalSop('KUL-090', 'number: 004/SOP/KUL/KPU-Kot/IX/2026\n'));
  writeFileSync(path.join(dir, 'sops/kul/KUL-091.yaml'), minimalSop('KUL-091', 'equipment: [Komputer\n'));
  writeFileSync(path.join(dir, 'sops/kul/KUL-092.yaml'), minimalSop('KUL-092', 'x-note: &note catatan\nx-again: *note\n'));
  return dir;
}

const TODAY = ['--today', '2026-10-01', '--format', 'json'];

/** The diagnostics of `file` from `sop lint <args>`. */
async function diagnostics(dir: string, args: string[], file = TARGET): Promise<Diagnostic[]> {
  const r = await sop(['lint', ...TODAY, ...args], dir);
  expect(r.stderr).toBe('');
  const report = JSON.parse(r.stdout) as { files: Array<{ file: string; diagnostics: Diagnostic[] }> };
  const entry = report.files.find((f) => f.file === file);
  expect(entry, `${file} in the report`).toBeDefined();
  return entry!.diagnostics;
}

const said = (ds: Diagnostic[]) => ds.map((d) => `${d.ruleId} ${d.range.start.line}:${d.range.start.column} ${d.message}`);

/** The same diagnostics for `file` from a full lint, a cold cache, a warm cache and no cache. */
async function sameEverywhere(dir: string, file = TARGET): Promise<string[]> {
  const whole = await diagnostics(dir, ['--no-cache'], file);
  rmSync(path.join(dir, '.sop-cache'), { recursive: true, force: true });
  const cold = await diagnostics(dir, [file], file);
  expect(existsSync(path.join(dir, CACHE))).toBe(true);
  const warm = await diagnostics(dir, [file], file);
  const none = await diagnostics(dir, ['--no-cache', file], file);
  expect(cold).toEqual(whole);
  expect(warm).toEqual(whole);
  expect(none).toEqual(whole);
  return said(whole);
}

describe('sop lint FILE reads only the facts of the other SOPs', () => {
  it('reports a duplicate id and number in another file, and references to SOPs that do not parse, as a full lint does', async () => {
    const dir = repo();
    const got = await sameEverywhere(dir);
    expect(got).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^unique-id 3:5 .*also the id of sops\/kul\/KUL-004-copy\.yaml/),
        expect.stringMatching(/^unique-number 4:9 .*sops\/kul\/KUL-090\.yaml/),
        expect.stringMatching(/^related-exists \d+:5 `related\[2\]` names "KUL-091", but no SOP/),
      ]),
    );
    expect(got.join('\n')).not.toMatch(/KUL-092|KUL-005|KUL-015/);
  });

  it('sees a related SOP deleted, and an id changed, after the cache was written', async () => {
    const dir = repo();
    await diagnostics(dir, [TARGET]); // the cache now knows every file
    rmSync(path.join(dir, 'sops/kul/KUL-015-pemindahan-arsip-inaktif.yaml'));
    writeFileSync(path.join(dir, 'sops/kul/KUL-004-copy.yaml'), minimalSop('KUL-093'));
    const warm = said(await diagnostics(dir, [TARGET]));
    expect(warm).toEqual(expect.arrayContaining([expect.stringMatching(/^related-exists \d+:5 `related\[1\]` names "KUL-015", but no SOP/)]));
    expect(warm.join('\n')).not.toMatch(/unique-id/);
    expect(warm).toEqual(said(await diagnostics(dir, [], TARGET)));
    expect(warm).toEqual(await sameEverywhere(dir));
  });

  it('gives the map the coverage a full lint gives it (facts of status and process)', async () => {
    const dir = repo();
    const kul007 = path.join(dir, 'sops/kul/KUL-007-perjalanan-dinas.yaml');
    writeFileSync(kul007, readFileSync(kul007, 'utf8').replace('status: evaluated', 'status: draft'));
    const got = await sameEverywhere(dir, 'processes.yaml');
    expect(got).toEqual(expect.arrayContaining([expect.stringMatching(/^process-covered .*`PB\.3\.1\.1`.*only KUL-007 \(draft\)/)]));
  });

  it('ignores a corrupt cache, one of another version and entries of the wrong shape, and writes a good one again', async () => {
    const dir = repo();
    const expected = said(await diagnostics(dir, [], TARGET));
    await diagnostics(dir, [TARGET]);
    const good = JSON.parse(readFileSync(path.join(dir, CACHE), 'utf8')) as { sopkit: string; format: number; facts: Record<string, unknown> };
    const lie = (f: unknown) => Object.fromEntries(Object.keys(good.facts).map((k) => [k, f]));
    const bad = [
      '{"sopkit": "0.1.0", "format": 1, "facts": {"x": ', // cut short
      '\u0000\u0001garbage',
      JSON.stringify({ ...good, sopkit: 'another version', facts: lie({ id: 'KUL-004', number: 'x' }) }),
      JSON.stringify({ ...good, format: -1, facts: lie({ id: 'KUL-004' }) }),
      JSON.stringify({ ...good, facts: lie({ id: 5 }) }),
      JSON.stringify({ ...good, facts: lie({ id: 'KUL-004', extra: 'x' }) }),
      JSON.stringify([good]),
    ];
    for (const text of bad) {
      writeFileSync(path.join(dir, CACHE), text);
      expect(said(await diagnostics(dir, [TARGET])), text.slice(0, 40)).toEqual(expected);
      expect(JSON.parse(readFileSync(path.join(dir, CACHE), 'utf8'))).toEqual(good);
    }
  });

  it('keeps the cache in .sop-cache/, which ignores itself; --no-cache neither reads nor writes it', async () => {
    const dir = repo();
    await diagnostics(dir, ['--no-cache', TARGET]);
    expect(existsSync(path.join(dir, '.sop-cache'))).toBe(false);
    await diagnostics(dir, [TARGET]);
    expect(readFileSync(path.join(dir, '.sop-cache/.gitignore'), 'utf8')).toMatch(/^\*$/m);
    const cache = JSON.parse(readFileSync(path.join(dir, CACHE), 'utf8')) as { facts: Record<string, unknown> };
    // one entry per SOP file of the repository (14 examples + 4 added)
    expect(Object.keys(cache.facts)).toHaveLength(18);
    // The cache is believed for content it knows (here a lie written under the right keys); --no-cache does not read it.
    writeFileSync(path.join(dir, CACHE), JSON.stringify({ ...cache, facts: Object.fromEntries(Object.keys(cache.facts).map((k) => [k, { id: 'KUL-004' }])) }));
    const lied = said(await diagnostics(dir, [TARGET]));
    expect(lied.filter((d) => d.startsWith('unique-id'))[0]).toMatch(/KUL-005/);
    const honest = said(await diagnostics(dir, ['--no-cache', TARGET]));
    expect(honest.filter((d) => d.startsWith('unique-id'))[0]).not.toMatch(/KUL-005/);
  });

  it('gives `--since` the same moves and deletions as a full lint', async () => {
    const B = 'sops/kul-002.yaml';
    const C = 'sops/kul-003.yaml';
    const r = testRepo({ 'sop.config.yaml': 'locale: id\n', [A]: life.draft0, [B]: life.implemented0.replace(/KUL-001/g, 'KUL-002').replace('001/SOP', '002/SOP'), [C]: life.approved0.replace(/KUL-001/g, 'KUL-003').replace('001/SOP', '003/SOP') });
    repos.push(r);
    r.commit('base', '2024-01-01');
    r.git(['checkout', '-q', '-b', 'feature']);
    r.write(A, life.implemented0); // a skipped stage
    r.commit('implement', '2024-05-02');
    r.rename(B, 'sops/umum/kul-002.yaml'); // an uncommitted move: matched by id, not deleted
    r.remove(C); // deleted instead of withdrawn: reported on the config
    const report = async (args: string[]) => {
      const res = await sop(['lint', '--since', 'main', '--today', '2024-06-01', '-f', 'json', ...args], r.dir);
      const files = (JSON.parse(res.stdout) as { files: Array<{ file: string; diagnostics: Diagnostic[] }> }).files;
      return [A, 'sop.config.yaml'].map((f) => said(files.find((x) => x.file === f)?.diagnostics ?? []));
    };
    const full = await report(['--no-cache']);
    expect(full[0]!.join('\n')).toMatch(/lifecycle-transition 5:9 draft r0 → implemented r0/);
    expect(full[1]!.join('\n')).toMatch(/KUL-003 \(approved r0 at `main`, file sops\/kul-003\.yaml\) was deleted instead of withdrawn/);
    expect(full[1]!.join('\n')).not.toMatch(/KUL-002/);
    expect(await report([A])).toEqual(full); // cold
    expect(await report([A])).toEqual(full); // warm
    expect(await report(['--no-cache', A])).toEqual(full);
  });

  it('neither reads nor writes through a .sop-cache that is a symbolic link', async () => {
    const dir = repo();
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'sopkit-elsewhere-'));
    dirs.push(elsewhere);
    symlinkSync(elsewhere, path.join(dir, '.sop-cache'));
    const expected = said(await diagnostics(dir, ['--no-cache', TARGET]));
    expect(said(await diagnostics(dir, [TARGET]))).toEqual(expected);
    expect(readdirSync(elsewhere)).toEqual([]);
    // The same for the cache file: a link to a lie elsewhere is not read, and is replaced by a real file.
    rmSync(path.join(dir, '.sop-cache'));
    await diagnostics(dir, [TARGET]);
    const lie = path.join(elsewhere, 'facts.json');
    const good = readFileSync(path.join(dir, CACHE), 'utf8');
    const parsed = JSON.parse(good) as { facts: Record<string, unknown> };
    writeFileSync(lie, JSON.stringify({ ...parsed, facts: Object.fromEntries(Object.keys(parsed.facts).map((k) => [k, { id: 'KUL-004' }])) }));
    rmSync(path.join(dir, CACHE));
    symlinkSync(lie, path.join(dir, CACHE));
    expect(said(await diagnostics(dir, [TARGET]))).toEqual(expected);
    expect(lstatSync(path.join(dir, CACHE)).isSymbolicLink()).toBe(false);
    expect(readFileSync(lie, 'utf8')).toMatch(/"id":"KUL-004"}/);
  });

  it('writes no cache outside a repository (no sop.config.yaml)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sopkit-lint-cache-'));
    dirs.push(dir);
    mkdirSync(path.join(dir, 'sops'));
    writeFileSync(path.join(dir, 'sops/KUL-001.yaml'), minimalSop('KUL-001'));
    writeFileSync(path.join(dir, 'sops/KUL-002.yaml'), minimalSop('KUL-002'));
    expect(await sop(['lint', 'sops/KUL-001.yaml'], dir)).toMatchObject({ code: 0, stderr: '' });
    expect(readdirSync(dir)).toEqual(['sops']);
    expect(readdirSync(path.join(dir, 'sops')).sort()).toEqual(['KUL-001.yaml', 'KUL-002.yaml']);
  });

  it('leaves one whole cache file when several runs write it at once', async () => {
    const dir = repo();
    const bin = path.join(ROOT, 'dist/cli/bin.js');
    const once = () =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const p = spawn(process.execPath, [bin, 'lint', ...TODAY, TARGET], { cwd: dir });
        let out = '';
        p.stdout.on('data', (b: Buffer) => (out += b.toString()));
        p.on('close', (code) => resolve({ code, out }));
      });
    const runs = await Promise.all([once(), once(), once(), once()]);
    expect(new Set(runs.map((r) => r.code))).toEqual(new Set([1]));
    expect(new Set(runs.map((r) => r.out)).size).toBe(1);
    const cache = JSON.parse(readFileSync(path.join(dir, CACHE), 'utf8')) as { facts: Record<string, unknown> };
    expect(Object.keys(cache.facts)).toHaveLength(18);
    expect(said(await diagnostics(dir, [TARGET]))).toEqual(said(await diagnostics(dir, ['--no-cache', TARGET])));
  });
});
