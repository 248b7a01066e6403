import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { locales } from '../../../src/render/locale/index.js';
import { sop, tempTree } from '../../helpers/cli.js';
import { EXAMPLES, exampleSops, missingWords } from '../pdf/examples.js';
import { pdfText, squeeze } from '../pdf/poppler.js';
import { libreOfficePdf, pageSizes, paragraphs, readDocx, rows, sections, tables, type Docx } from './read.js';

// The examples' whole book (in force only, the decree, the front page, the map parts) once, read back as XML and
// through LibreOffice; and a small review copy of one unit with its draft and its withdrawn SOP.
const all = exampleSops();
const IN_FORCE = ['approved', 'implemented', 'evaluated'];
const inForce = all.filter((s) => IN_FORCE.includes(s.sop.status));
const tph = all.filter((s) => s.file.startsWith('sops/tph/'));
const config = parse(readFileSync(path.join(EXAMPLES, 'sop.config.yaml'), 'utf8')) as {
  book: { decree: { number: string; signer: { position: string; name: string; nip: string }; considering: string[]; legalBasis: string[]; decisions: string[] } };
};
const decree = config.book.decree;
const BOOK_REVIEW = 'KONSEP — SALINAN UNTUK REVIU, BELUM DITETAPKAN';
const HEADER = `LAMPIRAN KEPUTUSAN ${decree.signer.position.toUpperCase()} NOMOR ${decree.number} TANGGAL 12 OKTOBER 2026`;
type Proc = { code: string; category?: string; children?: Proc[] };
const processes = (parse(readFileSync(path.join(EXAMPLES, 'processes.yaml'), 'utf8')) as { processes: Proc[] }).processes;
const codes = (list: Proc[]): string[] => list.flatMap((p) => [p.code, ...codes(p.children ?? [])]);

const out = tempTree();
const file = path.join(out.dir, 'buku.docx');
const reviewFile = path.join(out.dir, 'konsep.docx');
let run: { code: number; stdout: string; stderr: string };
let review: { code: number; stdout: string; stderr: string };
let doc: Docx;
let reviewDoc: Docx;
let pdf = '';

beforeAll(async () => {
  run = await sop(['book', '--format', 'docx', '--force', '-o', file], EXAMPLES);
  review = await sop(['book', 'sops/tph', '--include-drafts', '--include-withdrawn', '--force', '-o', reviewFile], EXAMPLES);
  doc = readDocx(file);
  reviewDoc = readDocx(reviewFile);
  libreOfficePdf([file], out.dir);
  pdf = path.join(out.dir, 'buku.pdf');
}, 300_000);
afterAll(() => out.cleanup());

/** Paragraphs of some WordprocessingML with their style id. */
const styled = (xml: string) => xml.split('</w:p>').map((p) => ({ style: /<w:pStyle w:val="([^"]+)"\/>/.exec(p)?.[1], text: paragraphs(p)[0] ?? '' }));
const h2 = (xml: string) => styled(xml).filter((p) => p.style === 'Heading2').map((p) => p.text);
const heading = (s: { sop: { number?: string; title: string } }) => (s.sop.number ? `${s.sop.number} ${s.sop.title}` : s.sop.title);
const text = (xml: string) => paragraphs(xml).join('\n');

/** The attachment list's SOP rows (number, title) and unit rows, from the table headed No | Nomor SOP | Nama SOP. */
function attachmentList(d: Docx): { sops: string[]; units: string[] } {
  const list = tables(d.document).find((t) => paragraphs(rows(t)[0] ?? '').filter(Boolean).join('|') === 'No|Nomor SOP|Nama SOP');
  if (!list) return { sops: [], units: [] };
  const cells = rows(list)
    .slice(1)
    .map((r) => paragraphs(r).filter(Boolean));
  return { sops: cells.filter((c) => /^\d+\.$/.test(c[0]!)).map((c) => `${c[1]} ${c[2]}`), units: cells.filter((c) => /^[A-Z]\.$/.test(c[0]!)).map((c) => c[1]!) };
}

describe('sop book --format docx (the examples: SOPs in force, decree, map parts)', () => {
  it('writes one DOCX of the SOPs in force and says which were left out', () => {
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(file);
    expect(run.stderr).toMatch(/not in force, left out of the book \(draft: .*; withdrawn: TPH-001\)/);
    expect(inForce.length).toBeGreaterThan(5);
    expect(inForce.length).toBeLessThan(all.length);
  });

  it('sections: cover, decree with its attachment, front pages, map parts, contents (a TOC field), then one per SOP in force only', () => {
    const secs = sections(doc);
    expect(secs).toHaveLength(5 + inForce.length);
    expect(text(secs[0]!.xml)).toContain('STANDAR OPERASIONAL PROSEDUR');
    expect(text(secs[0]!.xml)).not.toContain(BOOK_REVIEW);
    expect(text(secs[1]!.xml)).toContain('MEMUTUSKAN:');
    expect(text(secs[2]!.xml)).toContain('PENDAHULUAN');
    expect(text(secs[3]!.xml)).toContain('Matriks Proses Bisnis dan SOP');
    expect(text(secs[4]!.xml)).toContain('Daftar Isi');
    expect(doc.document).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-2&quot;<\/w:instrText>/);
    const books = h2(doc.document);
    expect([...books].sort()).toEqual(inForce.map(heading).sort());
    // Each SOP section holds its own SOP; no draft or withdrawn SOP, no KONSEP or DICABUT mark anywhere.
    secs.slice(5).forEach((s, i) => expect(h2(s.xml)).toEqual([books[i]]));
    for (const part of Object.keys(doc.parts).filter((p) => /^word\/header\d+\.xml$/.test(p))) expect(doc.text(part)).not.toMatch(/string="(KONSEP|DICABUT)"/);
  });

  it('the decree, natively: heading, Menimbang and Mengingat in a borderless table, MEMUTUSKAN, the diktum, the signature kept together', () => {
    const sec = sections(doc)[1]!;
    const t = text(sec.xml);
    expect(t).toContain('KEPUTUSAN SEKRETARIS KOMISI PEMILIHAN UMUM KOTA MALANG');
    expect(t).toContain(`NOMOR ${decree.number}`);
    expect(t).toContain('TENTANG');
    for (const d of decree.decisions) expect(squeeze(t)).toContain(squeeze(d));
    const [body, diktum] = tables(sec.xml);
    const cells = (r: string) => paragraphs(r).filter(Boolean);
    const [considering, observing] = rows(body!).map(cells);
    expect(considering!.slice(0, 3)).toEqual(['Menimbang', ':', `a.\t${decree.considering[0]}`]);
    expect(considering!.slice(2).map((c) => c.slice(0, 2))).toEqual(decree.considering.map((_, i) => `${'abcdefgh'[i]}.`));
    expect(observing!.slice(0, 2)).toEqual(['Mengingat', ':']);
    expect(observing!.slice(2)).toEqual(decree.legalBasis.map((l, i) => `${i + 1}.\t${l}`));
    expect(body).toMatch(/<w:tblBorders><w:top w:val="none"/);
    expect(rows(diktum!).map((r) => cells(r)[0])).toEqual(['Menetapkan', 'KESATU', 'KEDUA', 'KETIGA', 'KEEMPAT']);
    expect(sec.xml.indexOf('MEMUTUSKAN:')).toBeLessThan(sec.xml.indexOf('KESATU'));
    // The signature: place, date, position, name, NIP; each paragraph before the NIP keeps with the next.
    const paras = sec.xml.split('</w:p>');
    const at = paras.findIndex((p) => paragraphs(p)[0]?.startsWith('Ditetapkan di'));
    const sign = paras.slice(at, paras.findIndex((p) => paragraphs(p)[0] === `NIP. ${decree.signer.nip}`) + 1);
    expect(sign.map((p) => paragraphs(p)[0]).filter(Boolean)).toEqual([
      'Ditetapkan di\tMalang',
      'pada tanggal\t12 Oktober 2026',
      `${decree.signer.position.toUpperCase()},`,
      decree.signer.name,
      `NIP. ${decree.signer.nip}`,
    ]);
    for (const p of sign.slice(0, -1)) expect(p).toContain('<w:keepNext/>');
  });

  it('the attachment list is the SOPs of the book, by unit, in book order', () => {
    const list = attachmentList(doc);
    expect(list.sops).toEqual(h2(doc.document));
    expect(list.units).toEqual(styled(doc.document).filter((p) => p.style === 'Heading1').map((p) => p.text));
    const t = text(sections(doc)[1]!.xml);
    expect(t).toContain('DAFTAR STANDAR OPERASIONAL PROSEDUR');
    expect(t.split(decree.signer.name)).toHaveLength(3);
  });

  it('every SOP section has the LAMPIRAN header; the other sections do not', () => {
    const secs = sections(doc);
    for (const s of secs.slice(5)) expect(paragraphs(s.header).join('')).toBe(HEADER);
    for (const s of secs.slice(0, 5)) expect(paragraphs(s.header).join('')).toBe('');
  });

  it('map parts: the Level 0 diagram a picture (the SVG with a PNG fallback), the lower levels and the matrix native tables', () => {
    const sec = sections(doc)[3]!;
    expect(text(sec.xml)).toContain('Peta Proses Bisnis Level 0');
    expect(sec.xml.match(/<w:drawing>/g)).toHaveLength(1);
    const rels = doc.text('word/_rels/document.xml.rels');
    const rid = /<asvg:svgBlip [^>]*r:embed="(rId\d+)"/.exec(sec.xml)![1];
    const svg = strFromU8(doc.parts[`word/${new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)![1]}`]!);
    expect(svg).toMatch(/^<svg class="pb-level0" xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 1000 [\d.]+" width="1000" height="[\d.]+"/);
    for (const p of processes.filter((p) => p.category)) expect(svg).toContain(`data-code="${p.code}"`);
    expect(sec.xml).toMatch(/<a:blip r:embed="rId\d+"/);
    const matrix = tables(sec.xml).find((t) => paragraphs(rows(t)[0]!).filter(Boolean).join('|') === 'No|Kode|Proses Bisnis|Level|Nomor SOP|Nama SOP|Unit Kerja|Tahap');
    expect(matrix).toBeDefined();
    const matrixCodes = rows(matrix!).slice(1).map((r) => paragraphs(r).filter(Boolean)[1]);
    for (const c of codes(processes)) expect(matrixCodes).toContain(c);
    for (const s of inForce.filter((s) => s.sop.process)) expect(text(matrix!)).toContain(s.sop.number!);
    // The lower levels: a table per Level 0 process with children, every process under it.
    const levels = tables(sec.xml).filter((t) => paragraphs(rows(t)[0]!).filter(Boolean)[0] === 'Kode');
    expect(levels.map((t) => paragraphs(rows(t)[1]!).filter(Boolean)[0])).toEqual(processes.filter((p) => p.children?.length).map((p) => p.code));
  });

  it('opens in LibreOffice: the decree, the attachment, every SOP in force with its page in the contents, F4 pages numbered through', () => {
    const t = pdfText(pdf);
    const flat = squeeze(t);
    for (const w of ['KEPUTUSAN SEKRETARIS KOMISI PEMILIHAN UMUM KOTA MALANG', 'Menimbang', 'Mengingat', 'MEMUTUSKAN:', 'KESATU', 'KEEMPAT', decree.signer.name, `NIP. ${decree.signer.nip}`, 'DAFTAR STANDAR OPERASIONAL PROSEDUR', HEADER]) {
      expect(flat).toContain(squeeze(w));
    }
    // Every activity; the contents' page of each SOP is the page its heading is printed on.
    const pages = t.split('\f');
    const tocPage = pages.findIndex((p) => p.includes('Daftar Isi'));
    for (const s of inForce) {
      for (const step of s.sop.steps) expect(missingWords(t, step.activity), `${s.sop.id}: step "${step.activity}"`).toEqual([]);
      const listed = new RegExp(`${s.sop.number!.replace(/[/.()]/g, '\\$&')} .*\\.{3,}\\s*(\\d+)`).exec(t);
      expect(listed, s.sop.id).not.toBeNull();
      // (at the top of the page: a related SOP's number and title are printed in others' Keterkaitan)
      const printed = pages.findIndex((p, i) => i > tocPage && squeeze(p.split('\n').slice(0, 4).join(' ')).includes(squeeze(heading(s)))) + 1;
      expect(Number(listed![1]), s.sop.id).toBe(printed);
    }
    const sizes = pageSizes(pdf);
    for (const p of sizes) expect([Math.abs(p.width - 935.4) < 2, Math.abs(p.height - 609.4) < 2]).toEqual([true, true]);
    expect(squeeze(pdfText(pdf, 1))).not.toContain('halaman');
    const last = squeeze(pdfText(pdf, sizes.length));
    expect(last).toContain(`halaman ${sizes.length} dari ${sizes.length}`);
    expect(last).toContain(squeeze(HEADER));
  });
});

describe('sop book --format docx --include-drafts --include-withdrawn (a review copy)', () => {
  it('says it is a review copy on the cover and lists every SOP in the attachment', () => {
    expect(review.stderr).not.toMatch(/internal error/);
    expect(review.code).toBe(0);
    expect(text(sections(reviewDoc)[0]!.xml)).toContain(BOOK_REVIEW);
    expect(attachmentList(reviewDoc).sops.sort()).toEqual(tph.map((s) => `${s.sop.number ?? locales.id.unnumbered} ${s.sop.title}`).sort());
    expect(h2(reviewDoc.document).sort()).toEqual(tph.map(heading).sort());
  });

  it('a draft carries KONSEP, a withdrawn SOP DICABUT, in its own section; both keep the LAMPIRAN header; an unnumbered draft prints (belum bernomor)', () => {
    const secs = sections(reviewDoc).filter((s) => h2(s.xml).length === 1);
    expect(secs).toHaveLength(tph.length);
    for (const s of secs) {
      const sopOf = tph.find((t) => heading(t) === h2(s.xml)[0])!;
      const mark = sopOf.sop.status === 'draft' ? 'KONSEP' : sopOf.sop.status === 'withdrawn' ? 'DICABUT' : undefined;
      expect(/string="(\w+)"/.exec(s.header)?.[1], sopOf.sop.id).toBe(mark);
      expect(paragraphs(s.header).join('')).toBe(mark ? `${HEADER}\t${mark}` : HEADER);
      expect(paragraphs(s.footer).join('')).toContain(`${locales.id.number} ${sopOf.sop.number ?? locales.id.unnumbered}`);
    }
    expect(tph.map((s) => s.sop.status).sort()).toEqual(['draft', 'evaluated', 'withdrawn']);
  });

  it('--format docx needs a .docx output (exit 2)', async () => {
    const r = await sop(['book', 'sops/tph', '--format', 'docx', '-o', path.join(out.dir, 'x.pdf')], EXAMPLES);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format docx writes a \.docx file/);
  });
});
