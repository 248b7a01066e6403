import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load.js';
import { readOutline, type OutlineEntry } from '../../../src/render/book/outline.js';
import { minimalSop, sop, tempTree } from '../../helpers/cli.js';
import { sopAt } from '../../lifecycle/life.js';
import { EXAMPLES, exampleSops } from './examples.js';
import { pdfInfo, pdfText, squeeze, watermarkedPages } from './poppler.js';

const IN_FORCE = ['approved', 'implemented', 'evaluated'];
const all = exampleSops();
// By default the book holds only the SOPs in force.
const sops = all.filter((s) => IN_FORCE.includes(s.sop.status));
const notInForce = all.filter((s) => !IN_FORCE.includes(s.sop.status));
const decree = loadConfig(path.join(EXAMPLES, 'sop.config.yaml')).book.decree!;
const unitOrder = loadConfig(path.join(EXAMPLES, 'sop.config.yaml')).book.units!;
const HEADER = squeeze(`LAMPIRAN KEPUTUSAN SEKRETARIS KOMISI PEMILIHAN UMUM KOTA MALANG NOMOR ${decree.number} TANGGAL 12 OKTOBER 2026`);
const out = tempTree();
const file = path.join(out.dir, 'buku.pdf');
let run: { code: number; stdout: string; stderr: string };
let pages = 0;
let texts: string[] = [];
let outline: OutlineEntry[] = [];
/** Nomor SOP as printed ("(belum bernomor)" for a draft without one), and the book's order key. */
const label = (s: (typeof sops)[number]['sop']) => s.number ?? '(belum bernomor)';
const orderKey = (s: (typeof sops)[number]['sop']) => s.number ?? s.id;

beforeAll(async () => {
  // The one print of the examples' book that every assertion below shares.
  run = await sop(['book', '--force', '-o', file], EXAMPLES);
  pages = pdfInfo(file).pages;
  texts = Array.from({ length: pages }, (_, i) => pdfText(file, i + 1, true));
  outline = readOutline(readFileSync(file));
}, 180_000);
afterAll(() => out.cleanup());

/** Whether a page is (the first page of) the contents. */
const isToc = (t: string) => /^\s*Daftar Isi\s*$/m.test(t);
/** The contents' page number of each SOP, read from the contents page(s). */
function tocPages(): Map<string, number> {
  const tocAt = texts.findIndex(isToc);
  const toc = texts.slice(tocAt, tocAt + 2).join('\n').split('\n');
  const found = new Map<string, number>();
  for (const s of sops) {
    const line = s.sop.number
      ? toc.find((l) => l.includes(` ${label(s.sop)} `) || l.trimEnd().endsWith(label(s.sop)) || l.includes(`${label(s.sop)}  `))
      : toc.find((l) => l.includes(label(s.sop)) && l.includes(s.sop.title.slice(0, 20)));
    const n = line ? Number(/(\d+)\s*$/.exec(line)?.[1]) : NaN;
    found.set(s.sop.id, n);
  }
  return found;
}

/** Pages (1-based) of the decision, up to its signature, and of the attachment list. */
const decreePages = () => {
  const first = texts.findIndex((t) => squeeze(t).includes('menimbang')) + 1;
  const signed = texts.findIndex((t) => squeeze(t).includes('ditetapkan di malang')) + 1;
  const attachment = texts.findIndex((t) => squeeze(t).includes('daftar standar operasional prosedur')) + 1;
  return { first, signed, attachment };
};
describe('sop book (examples)', () => {
  it('writes the book', () => {
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(file);
    expect(pages).toBeGreaterThan(sops.length);
    // The SOPs not in force are named on stderr (not an error).
    for (const s of notInForce) expect(run.stderr).toContain(s.sop.id);
    expect(run.stderr).toMatch(/not in force, left out of the book/);
  });

  it('has the adopting decision in the layout of a KPU Keputusan, its signature block on one page', () => {
    const { first, signed } = decreePages();
    expect(first).toBe(2);
    const head = squeeze(texts[first - 1]!);
    const order = ['keputusan sekretaris komisi pemilihan umum kota malang', `nomor ${decree.number.toLowerCase()}`, 'tentang',
      'standar operasional prosedur di lingkungan sekretariat komisi pemilihan', 'sekretaris komisi pemilihan umum kota malang,', 'menimbang : a. bahwa'];
    let at = -1;
    for (const w of order) {
      const next = head.indexOf(w, at + 1);
      expect(next, w).toBeGreaterThan(at);
      at = next;
    }
    const body = squeeze(texts.slice(first - 1, signed).join('\n'));
    expect(body).toMatch(/mengingat : 1\. undang-undang nomor 7 tahun 2017 tentang pemilihan umum/);
    expect(body).toContain('peraturan menteri pendayagunaan aparatur negara dan reformasi birokrasi nomor 35 tahun 2012');
    expect(body).toMatch(/memutuskan: menetapkan : keputusan sekretaris komisi pemilihan umum kota malang tentang standar operasional prosedur/);
    let last = 0;
    for (const d of ['kesatu :', 'kedua :', 'ketiga :', 'keempat :']) {
      expect(body.indexOf(d), d).toBeGreaterThan(last);
      last = body.indexOf(d);
    }
    expect(body).not.toContain('kelima :');
    // place, date in long form, position, name and NIP together on one page
    const sign = squeeze(texts[signed - 1]!);
    const block = ['ditetapkan di malang', 'pada tanggal 12 oktober 2026', 'sekretaris komisi pemilihan umum kota malang,', squeeze(decree.signer.name), `nip. ${decree.signer.nip}`];
    at = -1;
    for (const w of block) {
      const next = sign.indexOf(w, at + 1);
      expect(next, w).toBeGreaterThan(at);
      at = next;
    }
  });

  it('lists in the attachment (LAMPIRAN) exactly the SOPs of the book, by unit, in the book\'s order', () => {
    const { attachment } = decreePages();
    const tocAt = texts.findIndex(isToc) + 1;
    expect(attachment).toBeGreaterThan(decreePages().signed);
    expect(attachment).toBeLessThan(tocAt);
    // The attachment runs from its heading to its signature (the signer's name).
    const signedAt = texts.findIndex((t, i) => i >= attachment - 1 && squeeze(t).includes(squeeze(decree.signer.name))) + 1;
    expect(signedAt).toBeGreaterThanOrEqual(attachment);
    const list = texts.slice(attachment - 1, signedAt).join('\n');
    expect(squeeze(list)).toContain(squeeze(`LAMPIRAN KEPUTUSAN SEKRETARIS KOMISI PEMILIHAN UMUM KOTA MALANG NOMOR ${decree.number} TANGGAL 12 OKTOBER 2026`));
    // Every "n.  number  title" line of the list, in order, against the book's SOP bookmarks.
    const listed = [...list.matchAll(/^\s*\d+\.\s+(\S+)\s{2,}(.+?)\s*$/gm)].map((m) => m[1]!);
    const inBook = outline.filter((e) => e.level === 2).map((e) => e.title.split(' ')[0]!);
    expect(listed).toEqual(inBook);
    expect([...listed].sort()).toEqual(sops.map((s) => label(s.sop)).sort());
    const units = [...list.matchAll(/^\s*([A-Z])\.\s+(Subbagian.*?)\s*$/gm)].map((m) => m[2]!);
    expect(units).toEqual(unitOrder.filter((u) => sops.some((s) => s.sop.unit === u)));
  });

  it('prints no draft and no withdrawn SOP by default', () => {
    const entries = outline.filter((e) => e.level === 2).map((e) => e.title);
    for (const s of notInForce) {
      expect(entries.some((t) => t.startsWith(`${label(s.sop)} `)), s.sop.id).toBe(false);
      expect(texts.some((t) => squeeze(t).includes(squeeze(`Nomor SOP ${label(s.sop)}`))), s.sop.id).toBe(false);
    }
    expect(watermarkedPages(file).size).toBe(0);
    expect(watermarkedPages(file, 'DICABUT').size).toBe(0);
  });

  it('carries the LAMPIRAN header on every SOP page, and only there', () => {
    const first = Math.min(...outline.filter((e) => e.level === 2).map((e) => e.page));
    for (let p = 1; p <= pages; p++) {
      const top = squeeze(texts[p - 1]!.split('\n').slice(0, 3).join(' '));
      expect(top.includes(HEADER), `page ${p}`).toBe(p >= first);
    }
  });

  it('opens with a cover: logo, STANDAR OPERASIONAL PROSEDUR, organisation, year, address; no page number', () => {
    const cover = squeeze(texts[0]!);
    expect(cover).toContain('standar operasional prosedur');
    expect(cover).toContain('komisi pemilihan umum kota malang');
    expect(cover).toContain(String(new Date().getFullYear()));
    expect(cover).toContain('jl. bandung no. 5');
    expect(cover).not.toContain('halaman');
  });

  it('has the Markdown front pages named in the config after the decision, then the contents', () => {
    const flat = texts.map(squeeze);
    const intro = flat.findIndex((t) => t.includes('pendahuluan'));
    const toc = texts.findIndex(isToc);
    expect(intro + 1).toBeGreaterThan(decreePages().attachment);
    expect(toc).toBeGreaterThan(intro);
  });

  it('prints the map parts of book.parts (Level 0 diagram, lower levels, matrix) after the front pages, before the contents', () => {
    const all = texts.map(squeeze);
    const pendahuluan = all.findIndex((t) => t.includes('pendahuluan'));
    const level0 = all.findIndex((t) => t.includes('proses manajemen') && t.includes('proses inti') && t.includes('proses pendukung'));
    const matrix = all.findIndex((t) => t.includes('matriks proses bisnis dan sop'));
    const toc = texts.findIndex(isToc);
    expect(level0).toBeGreaterThan(pendahuluan);
    expect(matrix).toBeGreaterThan(level0);
    expect(toc).toBeGreaterThan(matrix);
    expect(all.slice(matrix, toc).join(' ')).toContain('cakupan sop: 10 dari 16 proses level terbawah memiliki sop yang berlaku (62,5%).');
  });

  it('the contents give, for every SOP, the page where it starts (checked page by page)', () => {
    const toc = tocPages();
    for (const s of sops) {
      const tocAt = texts.findIndex(isToc);
      const want = toc.get(s.sop.id)!;
      expect(want, `${s.sop.id} in the contents`).toBeGreaterThan(1);
      const footer = squeeze(`Nomor SOP ${label(s.sop)}`);
      // SOPs without a number share their footer: their first page is the one whose heading line is their title
      const first = texts.findIndex((t, i) => i > tocAt && squeeze(t).includes(footer) && (s.sop.number !== undefined || t.split('\n').some((l) => squeeze(l) === squeeze(s.sop.title)))) + 1;
      expect(first, `${s.sop.id}: contents say ${want}`).toBe(want);
      expect(squeeze(texts[want - 1]!)).toContain(squeeze(s.sop.title));
    }
  });

  it('groups SOPs by unit (in the order of book.units) and orders them by number', () => {
    const toc = tocPages();
    const byUnit = new Map<string, Array<{ n: string; page: number }>>();
    for (const s of sops) byUnit.set(s.sop.unit, [...(byUnit.get(s.sop.unit) ?? []), { n: orderKey(s.sop), page: toc.get(s.sop.id)! }]);
    const collator = new Intl.Collator('id', { numeric: true, sensitivity: 'base' });
    const units = unitOrder.filter((u) => byUnit.has(u));
    expect(units).toHaveLength(byUnit.size);
    expect(units).not.toEqual([...units].sort(collator.compare)); // the config's order, not by name
    let last = 0;
    for (const u of units) {
      const list = byUnit.get(u)!.sort((a, b) => a.page - b.page);
      expect(list.map((x) => x.n)).toEqual([...list.map((x) => x.n)].sort(collator.compare));
      expect(list[0]!.page).toBeGreaterThan(last);
      last = list[list.length - 1]!.page;
    }
  });

  it('its outline has one entry per unit and per SOP, pointing at the SOP\'s first page', () => {
    const toc = tocPages();
    const units = new Set(sops.map((s) => s.sop.unit.toUpperCase()));
    expect(outline.filter((e) => e.level === 1 && units.has(e.title.toUpperCase())).length).toBe(units.size);
    const entries = outline.filter((e) => e.level === 2);
    expect(entries).toHaveLength(sops.length);
    for (const s of sops) {
      const e = entries.find((x) => (s.sop.number ? x.title.startsWith(`${s.sop.number} `) : x.title === s.sop.title) && x.title.endsWith(s.sop.title));
      expect(e, s.sop.id).toBeDefined();
      expect(e!.page).toBe(toc.get(s.sop.id));
    }
    expect(readFileSync(file).toString('latin1').match(/\/Subtype \/Link/g)?.length ?? 0).toBeGreaterThanOrEqual(sops.length);
  });

  it('running footers number every page but the cover', () => {
    for (let p = 2; p <= pages; p++) expect(squeeze(texts[p - 1]!), `page ${p}`).toContain(`halaman ${p} dari ${pages}`);
    expect(squeeze(texts[0]!)).not.toContain('halaman');
  });
});

describe('sop book --include-drafts (PDF review copy)', () => {
  it('drafts keep the KONSEP watermark beside the LAMPIRAN header; SOPs in force get none; the cover says it is a review copy', async () => {
    const t = tempTree({
      'sop.config.yaml':
        'organization: {name: KPU KOTA UJI, unitLines: []}\nbook:\n  decree:\n    number: 7/Kpt/2026\n    date: 2026-01-05\n    place: Uji\n    title: SOP Uji\n' +
        '    decisions: [Menetapkan SOP Uji.]\n    signer: {position: Sekretaris KPU Kota Uji, name: Budi, nip: "197901012005011001"}\n',
      'sops/KUL-001.yaml': sopAt.approved0,
      'sops/KUL-002.yaml': minimalSop('KUL-002').replace('title: Contoh', 'title: Contoh Konsep'),
    });
    try {
      const r = await sop(['book', '--include-drafts', '-o', 'b.pdf'], t.dir);
      expect(r.code, r.stderr).toBe(0);
      const pdf = path.join(t.dir, 'b.pdf');
      const n = pdfInfo(pdf).pages;
      const starts = readOutline(readFileSync(pdf)).filter((e) => e.level === 2);
      expect(starts.map((e) => e.title)).toEqual(['001/SOP/KUL/2024 Contoh', 'Contoh Konsep']);
      expect(squeeze(pdfText(pdf, 1))).toContain('konsep — salinan untuk reviu, belum ditetapkan');
      const marked = watermarkedPages(pdf);
      for (let p = starts[0]!.page; p <= n; p++) {
        expect(squeeze(pdfText(pdf, p)), `page ${p}`).toContain('lampiran keputusan sekretaris kpu kota uji nomor 7/kpt/2026 tanggal 5 januari 2026');
        expect(marked.has(p), `page ${p}`).toBe(p >= starts[1]!.page);
      }
    } finally {
      t.cleanup();
    }
  }, 120_000);
});

describe('sop book -o FILE.html', () => {
  it('writes one self-contained HTML file with contents links and no script', async () => {
    const html = path.join(out.dir, 'buku.html');
    const r = await sop(['book', '--force', '-o', html, '--title', 'Buku Uji <b>SOP</b>'], EXAMPLES);
    expect(r.code).toBe(0);
    const text = readFileSync(html, 'utf8');
    expect(text).not.toMatch(/<script|<iframe|src="http|href="file:/i);
    expect(text).toContain("default-src 'none'");
    expect(text).toContain('Buku Uji &#60;b&#62;SOP&#60;/b&#62;');
    for (const s of sops) {
      expect(text).toContain(`id="sop-${s.sop.id}"`);
      expect(text).toContain(`href="#sop-${s.sop.id}"`);
    }
  });

  it('a review copy (--include-drafts --include-withdrawn): the cover says so, drafts keep KONSEP, withdrawn ones DICABUT; the attachment list and the book never disagree', async () => {
    const html = path.join(out.dir, 'review.html');
    const r = await sop(['book', '--force', '--include-drafts', '--include-withdrawn', '-o', html], EXAMPLES);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/left out/);
    const text = readFileSync(html, 'utf8');
    expect(text).toContain('<div class="cover-review">KONSEP — SALINAN UNTUK REVIU, BELUM DITETAPKAN</div>');
    const sections = [...text.matchAll(/<section class="book-sop[^"]*">[\s\S]*?<article class="sop[^"]*" id="(sop-[^"]+)">/g)].map((m) => m[1]!);
    const listed = [...text.matchAll(/<tr class="lampiran-sop" data-anchor="([^"]+)">/g)].map((m) => m[1]!);
    expect(sections).toHaveLength(all.length);
    expect(listed).toEqual(sections);
    for (const s of all) {
      const article = text.slice(text.indexOf(`id="sop-${s.sop.id}"`), text.indexOf('</article>', text.indexOf(`id="sop-${s.sop.id}"`)));
      const mark = s.sop.status === 'draft' ? 'KONSEP' : s.sop.status === 'withdrawn' ? 'DICABUT' : undefined;
      if (mark) expect(article, s.sop.id).toContain(`<div class="watermark" aria-hidden="true">${mark}</div>`);
      else expect(article, s.sop.id).not.toContain('class="watermark"');
    }
    // Drafts only: still no withdrawn SOP.
    const drafts = await sop(['book', '--force', '--include-drafts', '-o', html], EXAMPLES);
    expect(drafts.code).toBe(0);
    const d = readFileSync(html, 'utf8');
    for (const s of all) expect(d.includes(`id="sop-${s.sop.id}"`), s.sop.id).toBe(s.sop.status !== 'withdrawn');
  });

  it('prints the decision with English labels in locale en', async () => {
    const html = path.join(out.dir, 'en.html');
    const r = await sop(['book', '--force', '--locale', 'en', '-o', html], EXAMPLES);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(html, 'utf8');
    for (const w of ['DECREE OF THE SEKRETARIS KOMISI PEMILIHAN UMUM KOTA MALANG', `NUMBER ${decree.number}`, 'CONCERNING', '>Considering<', '>In view of<', 'HAS DECIDED:', '>To stipulate<', '>FIRST<', '>FOURTH<', 'Stipulated in', 'October 12, 2026', 'ATTACHMENT TO THE', 'LIST OF STANDARD OPERATING PROCEDURES']) {
      expect(text, w).toContain(w);
    }
    expect(text).not.toContain('Menimbang');
  });

  it('refuses an output that is neither .pdf nor .html', async () => {
    const r = await sop(['book', '-o', path.join(out.dir, 'buku.odt')], EXAMPLES);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/must end in \.pdf or \.html/);
  });
});

describe('sop book refusals', () => {
  it('leaves out SOPs with lint errors (exit 1, named on stderr) unless --force', async () => {
    const t = tempTree({
      'sop.config.yaml': 'organization: {name: KPU KOTA UJI, unitLines: []}\n',
      'sops/KUL-001.yaml': minimalSop('KUL-001'),
      'sops/KUL-002.yaml': minimalSop('KUL-002').replace('actor: staf\n    time: 15 menit\n    output: Surat', 'actor: nobody\n    time: 15 menit\n    output: Surat'),
    });
    try {
      const r = await sop(['book', '--include-drafts', '-o', 'b.html'], t.dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/left out of the book: sops[\\/]KUL-002\.yaml/);
      const html = readFileSync(path.join(t.dir, 'b.html'), 'utf8');
      expect(html).toContain('id="sop-KUL-001"');
      expect(html).not.toContain('id="sop-KUL-002"');
      const forced = await sop(['book', '--force', '--include-drafts', '-o', 'b.html'], t.dir);
      expect(forced.code).toBe(0);
      expect(readFileSync(path.join(t.dir, 'b.html'), 'utf8')).toContain('id="sop-KUL-002"');
    } finally {
      t.cleanup();
    }
  });

  it('a front page named in the config that does not exist is a config error (exit 2)', async () => {
    const t = tempTree({ 'sop.config.yaml': 'book: {pages: [book/missing.md]}\n', 'sops/KUL-001.yaml': minimalSop('KUL-001') });
    try {
      const r = await sop(['book', '--include-drafts', '-o', 'b.html'], t.dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('sop.config.yaml:1:16 book.pages: cannot read book/missing.md (ENOENT)');
    } finally {
      t.cleanup();
    }
  });

  it('a book of drafts alone is refused without --include-drafts (exit 2, says how)', async () => {
    const t = tempTree({ 'sop.config.yaml': 'locale: id\n', 'sops/KUL-001.yaml': minimalSop('KUL-001') });
    try {
      const r = await sop(['book', '-o', 'b.html'], t.dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/none is in force .*--include-drafts/);
    } finally {
      t.cleanup();
    }
  });

  it('a decision without its signer is a config error at its line (exit 2)', async () => {
    const t = tempTree({
      'sop.config.yaml': 'book:\n  decree:\n    number: "1"\n    date: 2026-10-12\n    place: Malang\n    title: SOP\n    decisions: [Menetapkan SOP.]\n    signer: {position: Sekretaris, nip: "12"}\n',
      'sops/KUL-001.yaml': minimalSop('KUL-001'),
    });
    try {
      const r = await sop(['book', '--include-drafts', '-o', 'b.html'], t.dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/sop\.config\.yaml:8:\d+ .*name/);
      expect(r.stderr).toMatch(/sop\.config\.yaml:8:\d+ .*nip/);
    } finally {
      t.cleanup();
    }
  });

  it('a book with no printable SOP is a usage error', async () => {
    const t = tempTree({ 'sop.config.yaml': 'locale: id\n', 'sops/x.yaml': 'sop: 1\nid: [\n' });
    try {
      const r = await sop(['book', '-o', 'b.html'], t.dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/no SOPs/);
    } finally {
      t.cleanup();
    }
  });
});
