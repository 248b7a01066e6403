import { readdirSync } from 'node:fs';
import path from 'node:path';
import { strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locales } from '../../../src/render/locale/index.js';
import { sop, tempTree } from '../../helpers/cli.js';
import { EXAMPLES, exampleSops, missingWords } from '../pdf/examples.js';
import { pdfText, squeeze } from '../pdf/poppler.js';
import { libreOfficePdf, pageSizes, paragraphs, readDocx, rows, tables, type Docx } from './read.js';

const sops = exampleSops();
const out = tempTree();
const pdfDir = path.join(out.dir, 'lo');
let run: { code: number; stdout: string; stderr: string };
const docs = new Map<string, Docx>();

beforeAll(async () => {
  // One CLI run, one browser, every example SOP (F4 landscape from the examples' config); then one LibreOffice run.
  run = await sop(['render', '--format', 'docx', '--force', '-o', out.dir], EXAMPLES);
  for (const s of sops) docs.set(s.sop.id, readDocx(path.join(out.dir, `${s.sop.id}.docx`)));
  libreOfficePdf(sops.map((s) => path.join(out.dir, `${s.sop.id}.docx`)), pdfDir);
}, 300_000);
afterAll(() => out.cleanup());

const ID = locales.id;
const IDENTITY = [ID.number, ID.created, ID.revised, ID.effective, ID.approvedBy, ID.title, ID.legalBasis, ID.qualifications, ID.related, ID.equipment, ID.warnings, ID.records];
const PROCEDURE = [ID.no, ID.activity, ID.actors, ID.standard, ID.requirements, ID.time, ID.output, ID.notes];
/** F4 (215 × 330 mm) landscape in twips and in points. */
const F4_TWIPS = { w: 18709, h: 12189 };
const F4_PT = { w: 935.4, h: 609.4 };

/** The procedure tables of a document (a table a printed page), each as its rows. */
const procedureTables = (d: Docx) => tables(d.document).filter((t) => paragraphs(rows(t)[0] ?? '').includes(ID.actors)).map(rows);

/** The part an image relationship of word/document.xml points to. */
function media(d: Docx, rid: string): string {
  const rels = d.text('word/_rels/document.xml.rels');
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  return strFromU8(d.parts[`word/${target}`]!);
}

describe('sop render --format docx (examples)', () => {
  it('writes one DOCX per SOP and lists them', () => {
    expect(run.stderr).not.toMatch(/internal error/);
    expect(readdirSync(out.dir).filter((f) => f.endsWith('.docx')).sort()).toEqual(sops.map((s) => `${s.sop.id}.docx`).sort());
    expect(run.stdout.trim().split('\n')).toHaveLength(sops.length);
  });

  it.each(sops.map((s) => [s.sop.id, s] as const))('%s: labels, activities, one band picture a row, header rows, page, footer, watermark (KONSEP, DICABUT)', (id, { sop: s }) => {
    const d = docs.get(id)!;
    const text = paragraphs(d.document).join('\n');
    for (const label of [...IDENTITY, ...PROCEDURE]) expect(text).toContain(label);
    expect(squeeze(text)).toContain(squeeze(s.title));
    for (const step of s.steps) expect(missingWords(text, step.activity), `step "${step.activity}"`).toEqual([]);
    // The page: F4 landscape.
    expect([...d.document.matchAll(/<w:pgSz w:w="(\d+)" w:h="(\d+)" w:orient="landscape"\/>/g)].map((m) => [Number(m[1]), Number(m[2])])).toEqual([[F4_TWIPS.w, F4_TWIPS.h]]);
    // The procedure table: a table a page, two repeating header rows each, one row a step holding one band picture
    // (SVG with a PNG fallback) exactly as tall as the row.
    const parts = procedureTables(d);
    expect(parts.length).toBeGreaterThan(0);
    const body: string[] = [];
    for (const t of parts) {
      expect(t.slice(0, 2).every((r) => r.includes('<w:tblHeader/>'))).toBe(true);
      expect(t.slice(2).some((r) => r.includes('<w:tblHeader/>'))).toBe(false);
      body.push(...t.slice(2).filter((r) => r.includes('<w:drawing>')));
    }
    expect(body).toHaveLength(s.steps.length);
    // Besides the bands, only the logo: a PNG (the SVG logo as Chromium drew it), no SVG of the repository's own.
    expect(d.document.match(/<w:drawing>/g)).toHaveLength(s.steps.length + 1);
    expect(d.document.match(/<asvg:svgBlip /g)).toHaveLength(s.steps.length);
    body.forEach((r, i) => {
      expect(r.match(/<w:drawing>/g)).toHaveLength(1);
      expect(paragraphs(r)[0]).toBe(String(i + 1));
      expect(r).toMatch(/<asvg:svgBlip [^>]*r:embed="rId\d+"/);
      const rowTw = Number(/<w:trHeight w:val="(\d+)" w:hRule="atLeast"\/>/.exec(r)?.[1]);
      const picPx = Number(/<wp:extent cx="\d+" cy="(\d+)"\/>/.exec(r)?.[1]) / 9525;
      expect(rowTw).toBe(picPx * 15);
      const svg = media(d, /<asvg:svgBlip [^>]*r:embed="(rId\d+)"/.exec(r)![1]!);
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="[\d.]+" height="[\d.]+"/);
      expect(svg).not.toMatch(/="-?[\d.]+%"/);
      expect(svg).toContain(`data-s="${i}"`);
    });
    // At each page break both bands carry the off-page connectors.
    for (let k = 1; k < parts.length; k++) {
      const last = parts[k - 1]!.filter((r) => r.includes('<w:drawing>')).at(-1)!;
      const first = parts[k]!.slice(2)[0]!;
      for (const r of [last, first]) expect(media(d, /<asvg:svgBlip [^>]*r:embed="(rId\d+)"/.exec(r)![1]!)).toContain('data-c="');
    }
    // Footer: Nomor SOP, and Halaman X dari Y as PAGE and NUMPAGES fields.
    const footer = d.text('word/footer1.xml');
    expect(paragraphs(footer).join('')).toContain(`${ID.number} ${s.number ?? ID.unnumbered}`);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
    expect(paragraphs(footer).join('')).toMatch(/Halaman .*dari/);
    // The KONSEP watermark on a draft, DICABUT on a withdrawn SOP, none on an SOP in force.
    const mark = /string="([^"]+)"/.exec(d.text('word/header1.xml'))?.[1];
    expect(mark, `status ${s.status}`).toBe(s.status === 'draft' ? 'KONSEP' : s.status === 'withdrawn' ? 'DICABUT' : undefined);
  });

  it.each(sops.map((s) => [s.sop.id, s] as const))('%s opens in LibreOffice: every activity printed, no page wider than the paper', (id, { sop: s }) => {
    const file = path.join(pdfDir, `${id}.pdf`);
    const text = pdfText(file);
    for (const step of s.steps) expect(missingWords(text, step.activity), `step "${step.activity}"`).toEqual([]);
    for (const label of PROCEDURE) expect(squeeze(text)).toContain(squeeze(label));
    const sizes = pageSizes(file);
    expect(sizes.length).toBeGreaterThan(0);
    for (const p of sizes) {
      expect(Math.abs(p.width - F4_PT.w)).toBeLessThan(2);
      expect(Math.abs(p.height - F4_PT.h)).toBeLessThan(2);
    }
    const pages = sizes.length;
    expect(squeeze(pdfText(file, pages))).toContain(`halaman ${pages} dari ${pages}`);
  });

  it('refuses --out - (exit 2)', async () => {
    const r = await sop(['render', '--format', 'docx', '-o', '-', sops[0]!.file], EXAMPLES);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not available for DOCX/);
  });
});
