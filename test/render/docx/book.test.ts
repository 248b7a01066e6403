import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sop, tempTree } from '../../helpers/cli.js';
import { EXAMPLES, exampleSops, missingWords } from '../pdf/examples.js';
import { pdfText, squeeze } from '../pdf/poppler.js';
import { libreOfficePdf, pageSizes, paragraphs, readDocx, type Docx } from './read.js';

// One unit of the examples keeps the book small: three SOPs, one of them a draft.
const sops = exampleSops().filter((s) => s.file.startsWith('sops/tph/'));
const out = tempTree();
const file = path.join(out.dir, 'buku.docx');
let run: { code: number; stdout: string; stderr: string };
let doc: Docx;
let pdf = '';

beforeAll(async () => {
  run = await sop(['book', 'sops/tph', '--format', 'docx', '--force', '-o', file], EXAMPLES);
  doc = readDocx(file);
  libreOfficePdf([file], out.dir);
  pdf = path.join(out.dir, 'buku.pdf');
}, 240_000);
afterAll(() => out.cleanup());

/** Paragraphs of word/document.xml with their style id. */
const styled = (d: Docx) => d.document.split('</w:p>').map((p) => ({ style: /<w:pStyle w:val="([^"]+)"\/>/.exec(p)?.[1], text: paragraphs(p)[0] ?? '' }));

describe('sop book --format docx', () => {
  it('writes one DOCX', () => {
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(file);
    expect(sops).toHaveLength(3);
  });

  it('has the cover, the decision and introduction pages, a TOC field, and a section of its own per SOP', () => {
    const text = paragraphs(doc.document).join('\n');
    expect(text).toContain('STANDAR OPERASIONAL PROSEDUR');
    expect(text).toContain('KEPUTUSAN SEKRETARIS KOMISI PEMILIHAN UMUM KOTA MALANG');
    expect(text).toContain('PENDAHULUAN');
    expect(text).toContain('Daftar Isi');
    expect(doc.document).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-2&quot;<\/w:instrText>/);
    // Cover, front pages, contents, then one section per SOP.
    expect(doc.document.match(/<w:sectPr\b/g)).toHaveLength(3 + sops.length);
    const heads = styled(doc);
    expect(heads.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual([sops[0]!.sop.unit]);
    const h2 = heads.filter((p) => p.style === 'Heading2').map((p) => p.text);
    expect(h2.sort()).toEqual(sops.map((s) => `${s.sop.number ?? s.sop.id} ${s.sop.title}`).sort());
    for (const s of sops) for (const step of s.sop.steps) expect(missingWords(text, step.activity)).toEqual([]);
  });

  it('draft SOPs carry the watermark in their own section only', () => {
    const headers = Object.keys(doc.parts).filter((p) => /^word\/header\d+\.xml$/.test(p));
    const marked = headers.filter((h) => doc.text(h).includes('string="KONSEP"'));
    expect(marked).toHaveLength(sops.filter((s) => s.sop.status === 'draft').length);
  });

  it('opens in LibreOffice: contents with page numbers, every activity, F4 landscape pages numbered through the book', () => {
    const text = pdfText(pdf);
    for (const s of sops) {
      for (const step of s.sop.steps) expect(missingWords(text, step.activity), `step "${step.activity}"`).toEqual([]);
      expect(text).toMatch(new RegExp(`${(s.sop.number ?? s.sop.id).replace(/[/.]/g, '\\$&')} .*\\.{3,}\\s*\\d+`));
    }
    const sizes = pageSizes(pdf);
    for (const p of sizes) expect([Math.abs(p.width - 935.4) < 2, Math.abs(p.height - 609.4) < 2]).toEqual([true, true]);
    expect(squeeze(pdfText(pdf, 1))).not.toContain('halaman');
    expect(squeeze(pdfText(pdf, sizes.length))).toContain(`halaman ${sizes.length} dari ${sizes.length}`);
  });

  it('--format docx needs a .docx output (exit 2)', async () => {
    const r = await sop(['book', 'sops/tph', '--format', 'docx', '-o', path.join(out.dir, 'x.pdf')], EXAMPLES);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format docx writes a \.docx file/);
  });
});
