// The book printed in parts side by side and merged is the book printed as one document: the same pages with
// the same text, the same outline, the contents' numbers where each SOP really starts, the LAMPIRAN header and
// the running footers, links that land on their SOPs, one structure tree.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error the benchmarks' generator is plain JavaScript
import { sopYaml } from '../../../bench/gen-sops.mjs';
import { bookAsPdf, bookContent } from '../../../src/render/book/index.js';
import { PdfText, pageObjects, readOutline, ref, type OutlineEntry } from '../../../src/render/book/outline.js';
import { openPrintProject } from '../../../src/app/render/print.js';
import { sop, tempTree, type CliResult } from '../../helpers/cli.js';
import { pdfInfo, pdfText, squeeze } from './poppler.js';

const N = 12;
const HEADER = 'lampiran keputusan sekretaris kpu kota uji nomor 7/kpt/2026 tanggal 5 januari 2026';
const tree = tempTree({
  'sop.config.yaml':
    'organization: {name: KPU KOTA UJI, unitLines: [SEKRETARIAT]}\npaper: F4\norientation: landscape\nbook:\n  title: Buku Uji\n  decree:\n    number: 7/Kpt/2026\n    date: 2026-01-05\n    place: Uji\n    title: SOP Uji\n' +
    '    decisions: [Menetapkan SOP Uji.]\n    signer: {position: Sekretaris KPU Kota Uji, name: Budi, nip: "197901012005011001"}\n',
});

interface Printed {
  file: string;
  parts: number;
  pages: number;
  texts: string[];
  /** The same, as `pdftotext -layout` places it. */
  layout: string[];
  outline: OutlineEntry[];
  contents: Map<string, number>;
}
let one: Printed;
let three: Printed;
let cli: CliResult;

async function print(parts: number): Promise<Printed> {
  const project = await openPrintProject({ cwd: tree.dir, paths: [], now: new Date('2026-06-01T00:00:00Z') }, 'book');
  const content = bookContent(project, undefined, new Date('2026-06-01T00:00:00Z'), { includeDrafts: true });
  const book = await bookAsPdf(content, project, { executablePath: '/usr/bin/chromium' }, { parts });
  const file = path.join(tree.dir, `book-${parts}.pdf`);
  writeFileSync(file, book.pdf);
  const pages = pdfInfo(file).pages;
  const texts = pdfText(file).split('\f').slice(0, pages);
  const layout = pdfText(file, undefined, true).split('\f').slice(0, pages);
  return { file, parts: book.parts, pages, texts, layout, outline: readOutline(book.pdf), contents: book.pages };
}

beforeAll(async () => {
  mkdirSync(path.join(tree.dir, 'sops'));
  for (let i = 0; i < N; i++) writeFileSync(path.join(tree.dir, 'sops', `GEN-${i}.yaml`), sopYaml(i, { status: i % 10 === 9 ? 'draft' : 'approved' }));
  // One print as one document and one in three parts, side by side: every assertion below shares them.
  [one, three] = await Promise.all([print(1), print(3)]);
  cli = await sop(['book', '--include-drafts', '-o', 'cli.pdf'], tree.dir, { env: { NO_COLOR: '1', SOPKIT_PROFILE: '1' } });
}, 240_000);
afterAll(() => tree.cleanup());

/** The SOP bookmarks: "number title" (or the title of a draft), with their pages. */
const sopMarks = (p: Printed) => p.outline.filter((e) => e.level === 2);

describe('sop book printed in parts', () => {
  it('prints three parts and merges them into as many pages as one document', () => {
    expect(one.parts).toBe(1);
    expect(three.parts).toBe(3);
    expect(three.pages).toBe(one.pages);
    expect(three.pages).toBeGreaterThan(2 * N);
  });

  it('has the same text on every page as the book printed as one document', () => {
    for (let p = 0; p < one.pages; p++) expect(squeeze(three.texts[p]!), `page ${p + 1}`).toBe(squeeze(one.texts[p]!));
  });

  it('has the same outline: one entry per unit and per SOP, SOPs continuing a unit of an earlier part nested under it', () => {
    expect(three.outline).toEqual(one.outline);
    expect(sopMarks(three)).toHaveLength(N);
    expect(three.outline.filter((e) => e.level === 1).length).toBeGreaterThan(1);
  });

  it('the contents give, for every SOP, the page where its heading really is', () => {
    const isToc = (t: string) => /^\s*Daftar Isi\s*$/m.test(t);
    const tocAt = three.layout.findIndex(isToc);
    expect(tocAt).toBeGreaterThan(0);
    for (const e of sopMarks(three)) {
      const title = squeeze(e.title);
      expect(squeeze(three.texts[e.page - 1]!), `${e.title} on page ${e.page}`).toContain(title);
      if (!isToc(three.layout[e.page - 2]!)) expect(squeeze(three.texts[e.page - 2]!), `${e.title} not before page ${e.page}`).not.toContain(title);
    }
    const printed = [...three.contents.values()];
    expect(printed).toEqual(sopMarks(three).map((e) => e.page));
    expect(printed).toEqual(sopMarks(one).map((e) => e.page));
    // The numbers printed in the contents' page column, in order.
    const rows = three.layout.filter(isToc).join('\n').split('\n').filter((l) => !/Halaman/.test(l));
    const column = rows.map((l) => /\S\s+(\d+)\s*$/.exec(l)?.[1]).filter(Boolean).map(Number);
    expect(column).toEqual(printed);
  });

  it('carries the LAMPIRAN header on every SOP page and only there, and a running footer on every page but the cover', () => {
    const first = Math.min(...sopMarks(three).map((e) => e.page));
    for (let p = 1; p <= three.pages; p++) {
      const text = squeeze(three.texts[p - 1]!);
      const top = squeeze(three.layout[p - 1]!.split('\n').slice(0, 3).join(' '));
      // (the attachment list before the SOPs opens with the same words as its title, in the page's body)
      if (p >= first || !text.includes('daftar standar operasional prosedur')) expect(top.includes(HEADER), `page ${p}`).toBe(p >= first);
      if (p > 1) expect(text, `page ${p}`).toContain(`halaman ${p} dari ${three.pages}`);
    }
    expect(squeeze(three.texts[0]!)).not.toContain('halaman');
  });

  it('links every contents row to the first page of its SOP, and keeps one tagged structure', () => {
    const bytes = readFileSync(three.file);
    const pdf = new PdfText(bytes.toString('latin1'));
    const catalog = pdf.obj(ref(pdf.trailer, 'Root')!);
    const pageIndex = new Map(pageObjects(pdf, ref(catalog, 'Pages')!).map((n, i) => [n, i + 1]));
    const dests = pdf.obj(ref(catalog, 'Dests')!);
    const destPage = (name: string) => pageIndex.get(Number(new RegExp(`/${name}\\s*\\[\\s*(\\d+) 0 R`).exec(dests)?.[1]));
    const links = [...bytes.toString('latin1').matchAll(/\/Subtype \/Link[^>]*?\/Dest \/(sop-[\w-]+)/g)].map((m) => m[1]!);
    expect(links).toHaveLength(2 * N);
    for (const [anchor, page] of three.contents) {
      expect(links.filter((l) => l === anchor), anchor).toHaveLength(2);
      expect(destPage(anchor), anchor).toBe(page);
    }
    expect(execFileSync('pdfinfo', [three.file], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
    // The parent tree's keys were shifted per part: every page has its own.
    const keys = [...bytes.toString('latin1').matchAll(/\/StructParents (\d+)/g)].map((m) => Number(m[1]));
    expect(keys).toHaveLength(three.pages);
    expect(new Set(keys).size).toBe(three.pages);
  });

  it('sop book with SOPKIT_PROFILE=1 prints the time of each phase on stderr, and the same book', () => {
    expect(cli.code, cli.stderr).toBe(0);
    for (const phase of ['read and check the SOPs', 'html (node, all parts)', 'layout (', 'print pass 1', 'write', 'total (']) {
      expect(cli.stderr, phase).toMatch(new RegExp(`^sop: profile: ${phase.replace(/[()]/g, '\\$&')}.*: \\d+ ms$`, 'm'));
    }
    expect(pdfInfo(path.join(tree.dir, 'cli.pdf')).pages).toBe(one.pages);
  });
});
