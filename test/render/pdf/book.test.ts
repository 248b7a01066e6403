import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOutline, type OutlineEntry } from '../../../src/render/book/outline.js';
import { minimalSop, sop, tempTree } from '../../helpers/cli.js';
import { EXAMPLES, exampleSops } from './examples.js';
import { pdfInfo, pdfText, squeeze, watermarkedPages } from './poppler.js';

const sops = exampleSops();
const out = tempTree();
const file = path.join(out.dir, 'buku.pdf');
let run: { code: number; stdout: string; stderr: string };
let pages = 0;
let texts: string[] = [];
let outline: OutlineEntry[] = [];
const label = (s: (typeof sops)[number]['sop']) => s.number ?? s.id;

beforeAll(async () => {
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
    const line = toc.find((l) => l.includes(` ${label(s.sop)} `) || l.trimEnd().endsWith(label(s.sop)) || l.includes(`${label(s.sop)}  `));
    const n = line ? Number(/(\d+)\s*$/.exec(line)?.[1]) : NaN;
    found.set(s.sop.id, n);
  }
  return found;
}

describe('sop book (examples)', () => {
  it('writes the book', () => {
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(file);
    expect(pages).toBeGreaterThan(sops.length);
  });

  it('opens with a cover: logo, STANDAR OPERASIONAL PROSEDUR, organisation, year, address; no page number', () => {
    const cover = squeeze(texts[0]!);
    expect(cover).toContain('standar operasional prosedur');
    expect(cover).toContain('komisi pemilihan umum kota malang');
    expect(cover).toContain(String(new Date().getFullYear()));
    expect(cover).toContain('jl. bandung no. 5');
    expect(cover).not.toContain('halaman');
  });

  it('has the Markdown front pages named in the config, then the contents', () => {
    const all = texts.map(squeeze);
    const keputusan = all.findIndex((t) => t.includes('keputusan sekretaris komisi pemilihan umum kota malang'));
    const toc = texts.findIndex(isToc);
    expect(keputusan).toBeGreaterThan(0);
    expect(toc).toBeGreaterThan(keputusan);
    expect(all.slice(keputusan, toc).join(' ')).toContain('pendahuluan');
  });

  it('the contents give, for every SOP, the page where it starts (checked page by page)', () => {
    const toc = tocPages();
    for (const s of sops) {
      const tocAt = texts.findIndex(isToc);
      const want = toc.get(s.sop.id)!;
      expect(want, `${s.sop.id} in the contents`).toBeGreaterThan(1);
      const footer = squeeze(`Nomor SOP ${label(s.sop)}`);
      const first = texts.findIndex((t, i) => i > tocAt && squeeze(t).includes(footer)) + 1;
      expect(first, `${s.sop.id}: contents say ${want}`).toBe(want);
      expect(squeeze(texts[want - 1]!)).toContain(squeeze(s.sop.title));
    }
  });

  it('groups SOPs by unit and orders them by number', () => {
    const toc = tocPages();
    const byUnit = new Map<string, Array<{ n: string; page: number }>>();
    for (const s of sops) byUnit.set(s.sop.unit, [...(byUnit.get(s.sop.unit) ?? []), { n: label(s.sop), page: toc.get(s.sop.id)! }]);
    const collator = new Intl.Collator('id', { numeric: true, sensitivity: 'base' });
    const units = [...byUnit.keys()].sort(collator.compare);
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
      const e = entries.find((x) => x.title.startsWith(`${label(s.sop)} `) && x.title.endsWith(s.sop.title));
      expect(e, s.sop.id).toBeDefined();
      expect(e!.page).toBe(toc.get(s.sop.id));
    }
    expect(readFileSync(file).toString('latin1').match(/\/Subtype \/Link/g)?.length ?? 0).toBeGreaterThanOrEqual(sops.length);
  });

  it('running footers number every page but the cover; the watermark is on every page of a draft and on no other', () => {
    const toc = tocPages();
    const starts = sops.map((s) => ({ s: s.sop, page: toc.get(s.sop.id)! })).sort((a, b) => a.page - b.page);
    const marked = watermarkedPages(file);
    for (let p = 2; p <= pages; p++) expect(squeeze(texts[p - 1]!), `page ${p}`).toContain(`halaman ${p} dari ${pages}`);
    starts.forEach(({ s, page }, i) => {
      const end = (starts[i + 1]?.page ?? pages + 1) - 1;
      for (let p = page; p <= end; p++) expect(marked.has(p), `${s.id} page ${p}`).toBe(s.status === 'draft');
    });
    for (let p = 1; p < starts[0]!.page; p++) expect(marked.has(p)).toBe(false);
  });
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
      const r = await sop(['book', '-o', 'b.html'], t.dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/left out of the book: sops[\\/]KUL-002\.yaml/);
      const html = readFileSync(path.join(t.dir, 'b.html'), 'utf8');
      expect(html).toContain('id="sop-KUL-001"');
      expect(html).not.toContain('id="sop-KUL-002"');
      const forced = await sop(['book', '--force', '-o', 'b.html'], t.dir);
      expect(forced.code).toBe(0);
      expect(readFileSync(path.join(t.dir, 'b.html'), 'utf8')).toContain('id="sop-KUL-002"');
    } finally {
      t.cleanup();
    }
  });

  it('a front page named in the config that does not exist is a config error (exit 2)', async () => {
    const t = tempTree({ 'sop.config.yaml': 'book: {pages: [book/missing.md]}\n', 'sops/KUL-001.yaml': minimalSop('KUL-001') });
    try {
      const r = await sop(['book', '-o', 'b.html'], t.dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('sop.config.yaml:1:16 book.pages: cannot read book/missing.md (ENOENT)');
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
