import { cpSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { minimalSop, ROOT, sop, tempTree } from '../helpers/cli.js';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** A copy of examples/ (its config has a numbering pattern and no `units`). */
function examplesCopy(): string {
  const t = tempTree();
  cleanups.push(t.cleanup);
  cpSync(path.join(ROOT, 'examples'), t.dir, { recursive: true });
  return t.dir;
}

/** Lint the whole repository: exit 0 and not one diagnostic (no warning either). */
async function lintClean(dir: string): Promise<void> {
  const r = await sop(['lint', '--format', 'json'], dir);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const report = JSON.parse(r.stdout) as { files: Array<{ file: string; diagnostics: unknown[] }> };
  expect(report.files.length).toBeGreaterThan(0);
  expect(report.files.filter((f) => f.diagnostics.length > 0)).toEqual([]);
}

describe('sop new in the examples repository', () => {
  it('writes a draft to the unit folder with the next number of the unit, and it lints clean', async () => {
    const dir = examplesCopy();
    const r = await sop(['new', 'KUL-016', '--title', 'Pengadaan Barang/Jasa: Pengadaan Langsung', '--unit', 'KUL', '--process', 'PB.3.2.1.1', '--date', '2026-12-03'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const file = path.join(dir, 'sops/kul/KUL-016-pengadaan-barang-jasa-pengadaan-langsung.yaml');
    expect(r.stdout).toContain('Created sops/kul/KUL-016-pengadaan-barang-jasa-pengadaan-langsung.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../node_modules/sopkit/schemas/sop.schema.json');
    // KUL's highest number is 015/SOP/KUL/…; December 2026 in Roman numerals.
    expect(text).toContain('number: "016/SOP/KUL/KPU-Kot/XII/2026"');
    expect(text).toContain('unit: "Subbagian Keuangan, Umum dan Logistik"');
    expect(text).toContain('title: "Pengadaan Barang/Jasa: Pengadaan Langsung"');
    expect(text).toContain('process: PB.3.2.1.1'); // a KUL process of the examples' business process map (processes.yaml)
    expect(text).toContain('status: draft');
    expect(text).toContain('type: decision');
    expect(text).toContain('created: 2026-12-03');
    await lintClean(dir);
  });

  it('takes a unit by its name and finds its folder from the SOPs already there', async () => {
    const dir = examplesCopy();
    const r = await sop(['new', 'PDI-007', '--title', 'Pemeliharaan Laman', '--unit', 'Subbagian Perencanaan, Data dan Informasi', '--date', '2026-03-02'], dir);
    expect(r.code).toBe(0);
    const text = readFileSync(path.join(dir, 'sops/pdi/PDI-007-pemeliharaan-laman.yaml'), 'utf8');
    expect(text).toContain('number: "007/SOP/PDI/KPU-Kot/III/2026"');
    await lintClean(dir);
  });

  it('refuses an id that exists (exit 2) and writes nothing', async () => {
    const dir = examplesCopy();
    const before = readdirSync(path.join(dir, 'sops/kul')).sort();
    const r = await sop(['new', 'KUL-004', '--title', 'Surat Masuk Baru', '--unit', 'KUL'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('KUL-004 exists already: sops/kul/KUL-004-surat-masuk.yaml');
    expect(readdirSync(path.join(dir, 'sops/kul')).sort()).toEqual(before);
  });
});

describe('sop new', () => {
  it('never overwrites a file of the same name (exit 2, file unchanged)', async () => {
    const { dir, cleanup } = tempTree({ 'sop.config.yaml': 'units:\n  - {code: UM, name: Bagian Umum}\n', 'sops/um/UM-002-arsip.yaml': minimalSop('UM-099') });
    cleanups.push(cleanup);
    const before = readFileSync(path.join(dir, 'sops/um/UM-002-arsip.yaml'), 'utf8');
    const r = await sop(['new', 'UM-002', '--title', 'Arsip'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('sops/um/UM-002-arsip.yaml exists already; nothing was written');
    expect(readFileSync(path.join(dir, 'sops/um/UM-002-arsip.yaml'), 'utf8')).toBe(before);
  });

  it('without a numbering pattern leaves `number` out, and the draft lints clean', async () => {
    const { dir, cleanup } = tempTree({ 'sop.config.yaml': 'organization: {name: Kantor Contoh}\n' });
    cleanups.push(cleanup);
    const r = await sop(['new', 'UM-001', '--title', 'Peminjaman Ruang Rapat', '--unit', 'Bagian Umum'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No number: no numbering.pattern in the config');
    const text = readFileSync(path.join(dir, 'sops/um/UM-001-peminjaman-ruang-rapat.yaml'), 'utf8');
    expect(text).not.toMatch(/^number:/m);
    expect(text).toContain('unit: Bagian Umum');
    await lintClean(dir);
  });

  it('with configured units: the unit follows the id, an unknown unit is refused with the list', async () => {
    const { dir, cleanup } = tempTree({ 'sop.config.yaml': 'units:\n  - {code: KUL, name: "Subbagian Keuangan, Umum dan Logistik"}\n  - {code: TPH, name: Subbagian Teknis}\n' });
    cleanups.push(cleanup);
    const ok = await sop(['new', 'TPH-003', '--title', 'Sosialisasi'], dir);
    expect(ok.code).toBe(0);
    expect(readFileSync(path.join(dir, 'sops/tph/TPH-003-sosialisasi.yaml'), 'utf8')).toContain('unit: Subbagian Teknis');
    const bad = await sop(['new', 'XYZ-001', '--title', 'Lain', '--unit', 'Bagian Lain'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Unknown unit "Bagian Lain"');
    expect(bad.stderr).toContain('KUL (Subbagian Keuangan, Umum dan Logistik), TPH (Subbagian Teknis)');
    const none = await sop(['new', 'XYZ-001', '--title', 'Lain'], dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--unit');
    expect(existsSync(path.join(dir, 'sops/xyz'))).toBe(false);
    await lintClean(dir);
  });

  it.each([
    [['new', 'kul-1', '--title', 'X', '--unit', 'KUL'], 'is not an SOP id'],
    [['new', 'KUL-001', '--unit', 'KUL'], "required option '--title <text>'"],
    [['new', 'KUL-001', '--title', 'X', '--unit', 'KUL', '--date', '2026-02-30'], 'calendar date'],
  ])('usage errors exit 2: %j', async (args, message) => {
    const { dir, cleanup } = tempTree({});
    cleanups.push(cleanup);
    const r = await sop(args, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(readdirSync(dir)).toEqual([]);
  });
});

