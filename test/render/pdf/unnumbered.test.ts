import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalSop, sop, tempTree } from '../../helpers/cli.js';
import { pdfText } from './poppler.js';

// A draft has no Nomor SOP yet: every place that prints the number says so, never the id.
const t = tempTree({
  'sops/KUL-001.yaml': minimalSop('KUL-001'),
  'sops/KUL-002.yaml': minimalSop('KUL-002').replace('revision: 0\n', 'revision: 0\nnumber: 002/SOP/KUL/2024\n').replace('title: Contoh', 'title: Bernomor'),
});
const runs: Record<string, { code: number; stderr: string }> = {};

beforeAll(async () => {
  runs.single = await sop(['render', 'sops/KUL-001.yaml', '-f', 'pdf', '-o', 'out'], t.dir);
  runs.book = await sop(['book', '--include-drafts', '-o', 'buku.pdf'], t.dir);
}, 120_000);

afterAll(() => t.cleanup());

describe('a draft without a number', () => {
  it('prints "(belum bernomor)" in the single PDF footer and identity table, not its id', () => {
    expect(runs.single!.code, runs.single!.stderr).toBe(0);
    const text = pdfText(path.join(t.dir, 'out/KUL-001.pdf'), undefined, true);
    expect(text).toMatch(/Nomor SOP +\(belum bernomor\)/); // identity table
    expect(text).toContain('Nomor SOP (belum bernomor)'); // footer
    expect(text).not.toMatch(/Nomor SOP +KUL-001/);
  });

  it('prints "(belum bernomor)" in the book contents and footer; the numbered SOP keeps its number', () => {
    expect(runs.book!.code, runs.book!.stderr).toBe(0);
    const text = pdfText(path.join(t.dir, 'buku.pdf'), undefined, true);
    expect(text).toMatch(/\d +\(belum bernomor\) +Contoh/); // contents row
    expect(text).toMatch(/\d +002\/SOP\/KUL\/2024 +Bernomor/);
    expect(text).toContain('Nomor SOP (belum bernomor)'); // footer of the draft's pages
    expect(text).toContain('Nomor SOP 002/SOP/KUL/2024');
    expect(text).not.toMatch(/Nomor SOP +KUL-00\d/);
    expect(text).not.toMatch(/^ *KUL-001 +Contoh/m);
  });

  it('prints it in the Markdown and HTML identity tables, in both locales', async () => {
    const md = await sop(['render', 'sops/KUL-001.yaml', '-f', 'md', '-o', '-'], t.dir);
    expect(md.stdout).toContain('| Nomor SOP | (belum bernomor) |');
    const html = await sop(['render', 'sops/KUL-001.yaml', '-f', 'html', '-o', '-', '--locale', 'en'], t.dir);
    expect(html.stdout).toMatch(/<td class="number">\(not numbered yet\)<\/td>/);
  });
});
