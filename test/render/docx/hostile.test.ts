// A hostile SOP to DOCX, in English on A4 portrait: its text stays text, only http/https/mailto links become
// hyperlinks, and the file still opens in LibreOffice.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { locales } from '../../../src/render/locale/index.js';
import { sop } from '../../helpers/cli.js';
import { testRepo } from '../../lifecycle/repo-helper.js';
import { pdfText, squeeze } from '../pdf/poppler.js';
import { libreOfficePdf, pageSizes, paragraphs, readDocx, type Docx } from './read.js';

const XSS = [
  "<script>alert('script')</script>",
  '[klik](javascript:alert("link"))',
  '</w:t></w:r><w:r><w:t>injected',
  '![x](file:///etc/passwd) ![y](https://evil.example/pixel.png)',
  '[data](data:text/html;base64,PHNjcmlwdD4=) & < > " \'',
  '[ok](https://example.org/a?b=1&c=2) **tebal** *miring* `kode`',
];

const hostile = {
  sop: 1,
  id: 'KUL-666',
  number: '666/SOP/KUL/KPU-Kot/IV/2024',
  title: XSS[0],
  unit: XSS[2],
  status: 'draft',
  revision: 0,
  dates: { created: '2024-03-11' },
  legalBasis: XSS,
  actors: [
    { id: 'a', name: XSS[2] },
    { id: 'b', name: 'Kasubbag' },
  ],
  steps: XSS.map((t, i) => ({ activity: t, actor: i % 2 ? 'b' : 'a', requirements: [XSS[(i + 1) % XSS.length]], time: '5 menit', output: XSS[(i + 2) % XSS.length], notes: XSS[(i + 3) % XSS.length] })),
};

// A decision in the config with the same text: the book's Word decree keeps it as text too.
const decree = { number: XSS[2], date: '2026-10-12', place: XSS[0], title: XSS[4], considering: XSS, legalBasis: XSS, decisions: XSS, signer: { position: XSS[1], name: XSS[2], nip: '197103091998032002' } };

const tree = testRepo({
  'sop.config.yaml': `organization: {name: Kantor Uji}\nlocale: id\npaper: F4\norientation: landscape\n${stringify({ book: { decree } })}`,
  'sops/KUL-666.yaml': stringify(hostile),
});
tree.commit('Draft <script>alert(1)</script> & more', '2024-03-11');
const out = path.join(tree.dir, 'out');
let run: { code: number; stdout: string; stderr: string };
let doc: Docx;
let book: { code: number; stdout: string; stderr: string };
let bookDoc: Docx;

beforeAll(async () => {
  run = await sop(['render', '--format', 'docx', '--force', '--locale', 'en', '--paper', 'A4', '--orientation', 'portrait', '-o', out], tree.dir);
  doc = readDocx(path.join(out, 'KUL-666.docx'));
  book = await sop(['book', '--format', 'docx', '--include-drafts', '--force', '-o', path.join(out, 'buku.docx')], tree.dir);
  bookDoc = readDocx(path.join(out, 'buku.docx'));
  libreOfficePdf([path.join(out, 'KUL-666.docx')], out);
}, 180_000);
afterAll(() => tree.cleanup());

describe('sop render --format docx (hostile text, English, A4 portrait)', () => {
  it('keeps every text as text and links only to http/https', () => {
    expect(run.stderr).not.toMatch(/internal error/);
    const text = paragraphs(doc.document).join('\n');
    expect(text).toContain("<script>alert('script')</script>");
    expect(text).toContain('</w:t></w:r><w:r><w:t>injected');
    expect(text).toContain('& < > " \'');
    expect(text).toContain('[klik](javascript:alert("link"))');
    expect(doc.document).not.toMatch(/<w:t>injected/);
    const rels = doc.text('word/_rels/document.xml.rels');
    const external = [...rels.matchAll(/Target="([^"]+)" TargetMode="External"/g)].map((m) => m[1]);
    expect(external.length).toBeGreaterThan(0);
    // Hyperlinks (never fetched) to http(s) only; Markdown images are off, so `![y](https://…)` is a plain link.
    for (const t of external) expect(t).toMatch(/^https:\/\//);
    expect(external).toContain('https://example.org/a?b=1&amp;c=2');
    expect(rels).not.toMatch(/javascript:|data:text|file:/);
    // Every picture is inside the package.
    for (const m of rels.matchAll(/<Relationship [^>]*Type="[^"]*\/image"[^>]*>/g)) expect(m[0]).toMatch(/Target="media\/[^"]+"(?! TargetMode)/);
  });

  it('has the revision history from git, its commit subject as text', () => {
    const text = paragraphs(doc.document);
    const at = text.indexOf(locales.en.history);
    expect(at).toBeGreaterThan(0);
    expect(text.slice(at)).toContain('Draft <script>alert(1)</script> & more');
  });

  it('English labels, "Page X of Y", A4 portrait, DRAFT watermark', () => {
    const text = paragraphs(doc.document).join('\n');
    for (const label of [locales.en.number, locales.en.activity, locales.en.actors, locales.en.standard]) expect(text).toContain(label);
    expect(doc.document).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    expect(paragraphs(doc.text('word/footer1.xml')).join('')).toMatch(/SOP No\. 666\/SOP.*Page .* of /);
    expect(doc.text('word/header1.xml')).toContain('string="DRAFT"');
  });

  it('opens in LibreOffice', () => {
    const pdf = path.join(out, 'KUL-666.pdf');
    expect(existsSync(pdf)).toBe(true);
    expect(squeeze(pdfText(pdf))).toContain(squeeze("<script>alert('script')</script>"));
    for (const p of pageSizes(pdf)) expect([Math.round(p.width), Math.round(p.height)]).toEqual([595, 842]);
  });

  it('the book: the decision from the config stays text, its Markdown links only to http/https', () => {
    expect(book.stderr).not.toMatch(/internal error/);
    expect(book.code).toBe(0);
    const text = paragraphs(bookDoc.document).join('\n');
    expect(text).toContain(`a.\t${XSS[0]}`);
    expect(text).toContain(`KEPUTUSAN ${XSS[1].toUpperCase()}\nNOMOR ${XSS[2]}`);
    expect(text).toContain(`KEDUA\n:\n${XSS[1]}`);
    // Inline Markdown of the decision is rendered (emphasis, an https link), as in the HTML.
    expect(text).toContain('ok tebal miring kode');
    expect(bookDoc.text('word/_rels/document.xml.rels')).toContain('https://example.org/a?b=1&amp;c=2');
    expect(text).toContain('[klik](javascript:alert("link"))');
    expect(bookDoc.document).not.toMatch(/<w:t>injected/);
    expect(bookDoc.text('word/_rels/document.xml.rels')).not.toMatch(/javascript:|data:text|file:/);
    const headers = Object.keys(bookDoc.parts).filter((p) => /^word\/header\d+\.xml$/.test(p)).map((p) => paragraphs(bookDoc.text(p)).join(''));
    expect(headers).toContain(`LAMPIRAN KEPUTUSAN ${XSS[1].toUpperCase()} NOMOR ${XSS[2]} TANGGAL 12 OKTOBER 2026\tKONSEP`);
  });
});
