import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locales } from '../../../src/render/locale/index.js';
import { sop } from '../../helpers/cli.js';
import { EXAMPLES, exampleSops, missingWords } from './examples.js';
import { pdfInfo, pdfText, squeeze, watermarkedPages } from './poppler.js';

const out = mkdtempSync(path.join(tmpdir(), 'sopkit-pdf-'));
const sops = exampleSops();
let run: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  // One CLI run, one browser, every example SOP (F4 landscape from the examples' config).
  run = await sop(['render', '--format', 'pdf', '--force', '-o', out], EXAMPLES);
}, 180_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

const ID = locales.id;
const IDENTITY = [ID.number, ID.created, ID.revised, ID.effective, ID.approvedBy, ID.title, ID.legalBasis, ID.qualifications, ID.related, ID.equipment, ID.warnings, ID.records];
const PROCEDURE = [ID.no, ID.activity, ID.actors, ID.standard, ID.requirements, ID.time, ID.output, ID.notes];

describe('sop render --format pdf (examples)', () => {
  it('writes one PDF per SOP and lists them', () => {
    expect(run.stderr).not.toMatch(/internal error/);
    const files = readdirSync(out).filter((f) => f.endsWith('.pdf')).sort();
    expect(files).toEqual(sops.map((s) => `${s.sop.id}.pdf`).sort());
    expect(run.stdout.trim().split('\n')).toHaveLength(sops.length);
  });

  it.each(sops.map((s) => [s.sop.id, s] as const))('%s: F4 landscape, identity labels, title, every activity, footers', (id, { sop: s }) => {
    const file = path.join(out, `${id}.pdf`);
    const info = pdfInfo(file);
    expect([Math.round(info.width), Math.round(info.height)]).toEqual([935, 609]);
    const text = pdfText(file);
    const flat = squeeze(text);
    for (const label of [...IDENTITY, ...PROCEDURE]) expect(flat).toContain(squeeze(label));
    expect(flat).toContain(squeeze(s.title));
    if (s.number) expect(flat).toContain(squeeze(s.number));
    for (const step of s.steps) expect(missingWords(text, step.activity), `step "${step.activity}"`).toEqual([]);
    const marked = watermarkedPages(file);
    const withdrawn = watermarkedPages(file, 'DICABUT');
    for (let p = 1; p <= info.pages; p++) {
      const page = squeeze(pdfText(file, p));
      expect(page).toContain(`halaman ${p} dari ${info.pages}`);
      expect(page).toContain(squeeze(`${ID.number} ${s.number ?? ID.unnumbered}`));
      // The watermark: on every page of a draft, on no page of any other SOP.
      expect(marked.has(p), `page ${p}`).toBe(s.status === 'draft');
      // A withdrawn SOP printed on its own says so on every page (DICABUT), like a draft's KONSEP.
      expect(withdrawn.has(p), `page ${p} DICABUT`).toBe(s.status === 'withdrawn');
    }
  });

  it('--paper A4 gives 842 × 595 pt; --locale en prints "Page X of Y" and DRAFT', async () => {
    const draft = sops.find((s) => s.sop.status === 'draft')!;
    const dir = path.join(out, 'a4');
    const r = await sop(['render', '--format', 'pdf', '--force', '--paper', 'A4', '--locale', 'en', '-o', dir, draft.file], EXAMPLES);
    expect(r.code).toBe(0);
    const file = path.join(dir, `${draft.sop.id}.pdf`);
    const info = pdfInfo(file);
    expect([Math.round(info.width), Math.round(info.height)]).toEqual([842, 595]);
    const marked = watermarkedPages(file, 'DRAFT');
    for (let p = 1; p <= info.pages; p++) {
      expect(squeeze(pdfText(file, p))).toContain(`page ${p} of ${info.pages}`);
      expect(marked.has(p)).toBe(true);
    }
    const portrait = await sop(['render', '--format', 'pdf', '--force', '--paper', 'Letter', '--orientation', 'portrait', '-o', dir, draft.file], EXAMPLES);
    expect(portrait.code).toBe(0);
    const letter = pdfInfo(file);
    expect([Math.round(letter.width), Math.round(letter.height)]).toEqual([612, 792]);
  }, 120_000);

  it('refuses an SOP with lint errors unless --force, and rejects --out -', async () => {
    const bad = await sop(['render', '--format', 'pdf', '-o', '-', sops[0]!.file], EXAMPLES);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--out - is not available for PDF/);
  });
});
