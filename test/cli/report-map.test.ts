import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, sop, tempTree } from '../helpers/cli.js';
import { sopYaml } from '../helpers/test-rule.js';

// The register dashboard's coverage chart and the evidence pack's map, against `sop map`'s coverage figure.

const MAP = `title: Peta Proses Bisnis Uji
processes:
  - code: PB.1
    name: Perencanaan
    category: manajemen
    unit: Subbagian Umum
    children:
      - {code: PB.1.1, name: Penyusunan Rencana Kerja}
  - code: PB.2
    name: Layanan Arsip
    category: inti
    unit: Subbagian Umum
    children:
      - code: PB.2.1
        name: Pengelolaan Surat
        children:
          - {code: PB.2.1.1, name: Penerimaan Surat Masuk}
      - {code: PB.2.2, name: Peminjaman Arsip}
  - code: PB.3
    name: Pengelolaan Keuangan
    category: pendukung
    unit: Subbagian Umum
`;
const approved = (id: string, n: string, process?: string) =>
  sopYaml({ id, status: 'approved', top: `number: ${n}/SOP/KUL/2026\napproval:\n  position: Sekretaris\n  name: Nama Pejabat\n  nip: "197901012005011001"`, dates: '{created: 2026-01-02, effective: 2026-01-05}', tail: process ? `process: ${process}` : undefined });
const FILES = {
  'sop.config.yaml': 'locale: id\norganization: {name: KPU Kota Uji}\n',
  'processes.yaml': MAP,
  'sops/A-001.yaml': approved('A-001', '001', 'PB.1.1'),
  'sops/A-002.yaml': approved('A-002', '002', 'PB.2.1.1'),
  'sops/A-003.yaml': sopYaml({ id: 'A-003', tail: 'process: PB.2.2' }),
  'sops/A-004.yaml': approved('A-004', '004'),
};
const TODAY = ['--today', '2026-12-10'];

/** `sop map`'s coverage figure: covered and leaves. */
async function mapFigure(cwd: string): Promise<[number, number, string]> {
  const md = await sop(['map', '-f', 'md', '-o', '-'], cwd);
  expect(md.code, md.stderr).toBe(0);
  const m = /\*\*Cakupan SOP:\*\* (\d+) dari (\d+) (proses level terbawah memiliki SOP yang berlaku \([^)]*\)\.)/.exec(md.stdout)!;
  return [Number(m[1]), Number(m[2]), `Cakupan SOP: ${m[1]} dari ${m[2]} ${m[3]}`];
}
/** The dashboard's coverage bars: group → [covered, leaves]. */
const groups = (html: string) => Object.fromEntries([...html.matchAll(/data-group="([a-z]+)" data-covered="(\d+)" data-leaves="(\d+)"/g)].map((m) => [m[1], [Number(m[2]), Number(m[3])]]));

describe('the register dashboard: coverage of the process map', () => {
  it('on the examples, the chart has the numbers of `sop map`, and its categories add up to them', async () => {
    const cwd = path.join(ROOT, 'examples');
    const [covered, leaves, sentence] = await mapFigure(cwd);
    const res = await sop(['report', 'register', ...TODAY], cwd);
    expect(res.code, res.stderr).toBe(0);
    const g = groups(res.stdout);
    expect(g.all).toEqual([covered, leaves]);
    expect(res.stdout).toContain(`<p class="coverage-sentence">${sentence}</p>`);
    const parts = Object.entries(g).filter(([k]) => k !== 'all').map(([, v]) => v);
    expect(parts.reduce((a, [c, n]) => [a[0] + c, a[1] + n], [0, 0])).toEqual([covered, leaves]);
    expect(res.stdout).not.toMatch(/<script|\son[a-z]+=|javascript:/i);
  });

  let t: { dir: string; cleanup: () => void };
  beforeAll(async () => {
    t = tempTree(FILES);
    const lint = await sop(['lint', ...TODAY], t.dir);
    expect(lint.code, lint.stdout).toBe(0);
  });
  afterAll(() => t?.cleanup());

  it('on a small repository: whole map and each category, the register shows the process code and name', async () => {
    const [covered, leaves, sentence] = await mapFigure(t.dir);
    expect([covered, leaves]).toEqual([2, 4]);
    const res = await sop(['report', 'register', ...TODAY], t.dir);
    expect(res.code, res.stderr).toBe(0);
    expect(groups(res.stdout)).toEqual({ all: [2, 4], manajemen: [1, 1], inti: [1, 2], pendukung: [0, 1] });
    expect(res.stdout).toContain(`<p class="coverage-sentence">${sentence}</p>`);
    // the uncovered leaves are named in the bar's tooltip
    expect(res.stdout).toContain('data-group="inti" data-kind="uncovered" data-count="1"><title>Proses inti: Belum memiliki SOP berlaku 1 — PB.2.2 Peminjaman Arsip</title>');
    expect(res.stdout).toMatch(/data-id="A-002">.*?<td>PB\.2\.1\.1 Penerimaan Surat Masuk<\/td>/);
    const csv = await sop(['report', 'register', '-f', 'csv', ...TODAY], t.dir);
    const [header, ...rows] = csv.stdout.trim().split('\r\n').map((l) => l.split(','));
    const a2 = rows.find((r) => r[0] === 'A-002')!;
    expect([a2[header!.indexOf('Proses')], a2[header!.indexOf('Nama Proses')]]).toEqual(['PB.2.1.1', 'Penerimaan Surat Masuk']);
  });

  it('the evidence pack holds the map and the matrix (PDF read back), lists them and states the shares', async () => {
    const res = await sop(['evidence', '--year', '2026', '-o', 'pack', '--no-book', ...TODAY], t.dir);
    expect(res, res.stderr).toMatchObject({ code: 0, stderr: '' });
    const pdf = execFileSync('pdftotext', ['-layout', path.join(t.dir, 'pack/penyusunan/peta-proses-bisnis.pdf'), '-'], { encoding: 'utf8' });
    const [, , sentence] = await mapFigure(t.dir);
    expect(pdf.replace(/\s+/g, ' ')).toContain(sentence);
    for (const s of ['PETA PROSES BISNIS', 'Penerimaan Surat Masuk', 'Peminjaman Arsip', 'Belum ada SOP']) expect(pdf.toUpperCase()).toContain(s.toUpperCase());
    expect(readFileSync(path.join(t.dir, 'pack/penyusunan/matriks-proses-sop.csv'), 'utf8')).toContain('PB.2.1.1,Penerimaan Surat Masuk,');
    const index = readFileSync(path.join(t.dir, 'pack/index.html'), 'utf8');
    const links = [...index.matchAll(/<a href="(penyusunan\/[^"]+)">/g)].map((m) => m[1]);
    expect(links).toEqual(['penyusunan/peta-proses-bisnis.pdf', 'penyusunan/matriks-proses-sop.csv']);
    const shares = [...index.matchAll(/data-item="penyusunan" data-met="(\d+)" data-of="(\d+)">([^:]*):/g)].map((m) => `${m[1]}/${m[2]} ${m[3]}`);
    expect(shares).toEqual([
      '3/4 SOP ditetapkan (berlaku) dari seluruh SOP',
      '2/3 SOP berlaku yang kode prosesnya menunjuk proses level terbawah peta proses bisnis, dari seluruh SOP berlaku',
      '2/4 Cakupan peta proses bisnis (angka sop map)',
    ]);
  }, 60_000);

  it('without a map: no coverage chart, no map in the pack, no map shares', async () => {
    rmSync(path.join(t.dir, 'processes.yaml'));
    const res = await sop(['report', 'register', ...TODAY], t.dir);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('class="chart stages"');
    expect(res.stdout).not.toContain('chart coverage');
    expect(res.stdout).not.toContain('Cakupan');
    const pack = await sop(['evidence', '--year', '2026', '-o', 'pack2', '--no-book', ...TODAY], t.dir);
    expect(pack).toMatchObject({ code: 0, stderr: '' });
    expect(existsSync(path.join(t.dir, 'pack2/penyusunan/peta-proses-bisnis.pdf'))).toBe(false);
    const index = readFileSync(path.join(t.dir, 'pack2/index.html'), 'utf8');
    expect([...index.matchAll(/data-item="penyusunan" data-met="(\d+)" data-of="(\d+)"/g)].map((m) => `${m[1]}/${m[2]}`)).toEqual(['3/4']);
    expect(index).not.toContain('peta-proses-bisnis');
  });
});
