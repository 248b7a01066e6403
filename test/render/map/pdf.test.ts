import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOutline } from '../../../src/render/book/outline.js';
import { ROOT, sop, tempTree, type CliResult } from '../../helpers/cli.js';
import { pdfInfo, pdfText, squeeze } from '../pdf/poppler.js';

const out = tempTree();
const file = path.join(out.dir, 'peta.pdf');
let run: CliResult;
let pages: string[] = [];

beforeAll(async () => {
  run = await sop(['map', 'examples', '--format', 'pdf', '--out', file], ROOT);
  const n = pdfInfo(file).pages;
  pages = Array.from({ length: n }, (_, i) => pdfText(file, i + 1));
}, 120_000);
afterAll(() => out.cleanup());

const LEVEL0 = ['PB.1.1', 'PB.1.2', 'PB.2.1', 'PB.2.2', 'PB.2.3', 'PB.2.4', 'PB.2.5', 'PB.2.6', 'PB.3.1', 'PB.3.2', 'PB.3.3', 'PB.3.4'];
const LOWER = ['PB.1.1.1', 'PB.1.2.1', 'PB.2.1.1', 'PB.2.4.2', 'PB.3.2.1', 'PB.3.2.1.1', 'PB.3.2.1.2', 'PB.3.4.1'];

describe('sop map --format pdf (examples)', () => {
  it('prints through Chromium on the config\'s paper (F4 landscape)', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe(file);
    const info = pdfInfo(file);
    expect([Math.round(info.width), Math.round(info.height)]).toEqual([935, 609]);
  });

  it('opens with the Level 0 diagram: the three bands and every Level 0 process', () => {
    const first = squeeze(pages[0]!);
    for (const w of ['komisi pemilihan umum kota malang', 'peta proses bisnis', 'proses manajemen', 'proses inti', 'proses pendukung', 'pemangku kepentingan', 'pembentukan badan ad hoc', 'halaman 1 dari']) expect(first).toContain(w);
    for (const code of LEVEL0) expect(pages[0]).toContain(code);
    expect(pages[0]).not.toContain('PB.2.4.1');
  });

  it('then the lower levels, then the matrix with the coverage figure and the SOPs', () => {
    const rest = pages.slice(1).join('\n');
    for (const code of LOWER) expect(rest).toContain(code);
    const matrixAt = pages.findIndex((p) => p.includes('Matriks Proses Bisnis dan SOP'));
    expect(matrixAt).toBeGreaterThan(1);
    const matrix = squeeze(pages.slice(matrixAt).join('\n'));
    expect(matrix).toContain('cakupan sop: 10 dari 16 proses level terbawah memiliki sop yang berlaku (62,5%).');
    for (const n of ['004/SOP/KUL/KPU-Kot/IX/2026', '010/SOP/KUL/KPU-Kot/X/2024', '(belum bernomor)']) expect(pages.slice(matrixAt).join('\n')).toContain(n);
    expect(matrix).toContain('belum ada sop');
  });

  it('has bookmarks for the diagram, each tree and the matrix', () => {
    const titles = readOutline(readFileSync(file)).map((e) => e.title);
    expect(titles).toContain('Peta Proses Bisnis Level 0');
    expect(titles).toContain('PB.3.2 Pengelolaan Umum dan Kearsipan (Level 1–2)');
    expect(titles).toContain('Matriks Proses Bisnis dan SOP');
  });
});
