import { describe, expect, it } from 'vitest';
import { logoDataUri } from '../../src/render/assets.js';
import { renderHtml } from '../../src/render/index.js';
import { escapeHtml } from '../../src/render/format.js';
import { inlineHtml } from '../../src/render/inline.js';
import { examplesConfig, exampleSops, NOW } from './helpers.js';

const config = examplesConfig();
const sops = exampleSops();
const index = new Map(sops.map(({ sop }) => [sop.id, { title: sop.title, href: `${sop.id}.html`, ...(sop.number ? { number: sop.number } : {}) }]));
const logo = logoDataUri(config);

/** The text content of an HTML fragment, roughly (tags removed, entities of escapeHtml undone). */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');

describe.each(sops.map((s) => [s.sop.id, s] as const))('HTML of %s', (_id, { sop }) => {
  const html = renderHtml(sop, { config, now: NOW, index, logo });

  it('is one self-contained document: inline CSS, data-URI logo, no script, no external reference', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|<iframe|@import|url\(/i);
    expect(html).toMatch(/<img class="logo" src="data:image\/svg\+xml;base64,/);
    const srcs = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);
    for (const s of srcs) expect(s).toMatch(/^(data:image\/|[A-Z][A-Z0-9]*(-[A-Z0-9]+)+\.html$|https?:|mailto:|#)/);
  });
  it('has the identity labels, the title, the number and the signing official', () => {
    for (const label of ['Nomor SOP', 'Tanggal Pembuatan', 'Tanggal Revisi', 'Tanggal Efektif', 'Disahkan oleh', 'Nama SOP',
      'Dasar Hukum', 'Kualifikasi Pelaksana', 'Keterkaitan', 'Peralatan/Perlengkapan', 'Peringatan', 'Pencatatan dan Pendataan']) {
      expect(html).toContain(`>${escapeHtml(label)}</th>`);
    }
    expect(html).toContain(inlineHtml(sop.title));
    expect(html).toContain(`<title>${escapeHtml(sop.id)} ${escapeHtml(sop.title)}</title>`);
    if (sop.number) expect(html).toContain(`<td class="number">${escapeHtml(sop.number)}</td>`);
    if (sop.approval) expect(text(html)).toContain(`NIP. ${sop.approval.nip}`);
    expect(html).toContain('KOMISI PEMILIHAN UMUM KOTA MALANG');
  });
  it('has the procedure header: Pelaksana over one column per actor, Mutu Baku over three', () => {
    expect(html).toContain(`<th colspan="${sop.actors.length}" class="h-actors">Pelaksana</th>`);
    expect(html).toContain('<th colspan="3" class="h-standard">Mutu Baku</th>');
    for (const a of sop.actors) expect(html).toContain(`<th class="actor" scope="col">${escapeHtml(a.name).replace(/\//g, "/<wbr>")}</th>`);
    expect((html.match(/<col class="c-actor">/g) ?? []).length).toBe(sop.actors.length);
  });
  it('has every activity in order, one row and one flowchart band per step', () => {
    const rows = [...html.matchAll(/<tr class="step [^"]*"[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => m[1]!);
    expect(rows).toHaveLength(sop.steps.length);
    sop.steps.forEach((s, i) => {
      expect(rows[i]).toContain(`<td class="activity">${inlineHtml(s.activity)}</td>`);
      expect(rows[i]).toMatch(new RegExp(`<td class="band" colspan="${sop.actors.length}">[\\s\\S]*<svg[\\s\\S]*</svg>[\\s\\S]*</td>`));
    });
  });
  it('links Keterkaitan entries that name SOPs of the repository, printing their number and title, not the internal id', () => {
    for (const r of sop.related ?? []) {
      const hit = index.get(r);
      if (hit) {
        expect(html).toContain(`<a class="sop-link" href="${r}.html">${escapeHtml(hit.number ?? r)}</a> ${escapeHtml(hit.title)}</li>`);
        if (hit.number) expect(html).not.toContain(`>${r}</a>`);
      } else expect(html).not.toContain(`href="${r}.html"`);
    }
  });
  it('gives the total time along the main path and the page size from the config', () => {
    expect(html).toMatch(/<td colspan="\d+" class="total-label">Total waktu \(jalur utama\)<\/td>\s*<td colspan="3" class="total-value">[^<]*\d+ (menit|jam|hari)/);
    expect(html).toContain('@page { size: 330mm 215mm; margin: 10mm; }');
  });
  it(`${sop.status === 'draft' ? 'shows' : 'has no'} the KONSEP watermark, ${sop.status === 'withdrawn' ? 'shows' : 'has no'} DICABUT`, () => {
    expect(html.includes('<div class="watermark" aria-hidden="true">KONSEP</div>')).toBe(sop.status === 'draft');
    expect(html.includes('<div class="watermark" aria-hidden="true">DICABUT</div>')).toBe(sop.status === 'withdrawn');
  });
});

describe('HTML options', () => {
  const { sop } = sops.find((s) => s.sop.status === 'draft') ?? sops[0]!;
  it('renders English labels with locale en', () => {
    const html = renderHtml(sop, { config, now: NOW, locale: 'en' });
    expect(html).toContain('<html lang="en">');
    for (const l of ['SOP Number', 'Date Created', 'Approved by', 'Legal Basis', 'Activity', 'Quality Standard', 'Total time (main path)']) expect(html).toContain(l);
    expect(html).not.toContain('Tanggal Pembuatan');
    if (sop.status === 'draft') expect(html).toContain('>DRAFT</div>');
  });
  it('appends extra CSS and marks page breaks after the given rows', () => {
    const html = renderHtml(sop, { config, now: NOW, extraCss: '.pdf-extra { color: red }', breaks: [1] });
    expect(html).toContain('.pdf-extra { color: red }');
    expect((html.match(/ break-after"/g) ?? []).length).toBe(1);
    expect(html).toMatch(/<tr class="step [a-z]+ break-after" id="[^"]+-step-2">/);
  });
  it('keeps extra CSS inside the style element', () => {
    const html = renderHtml(sop, { config, now: NOW, extraCss: '</style><script>alert(1)</script>' });
    expect(html).not.toContain('<script>');
  });
  it('renders a revision history table when rows are given', () => {
    const html = renderHtml(sop, { config, now: NOW, history: [{ revision: 0, date: '2024-04-01', stage: 'approved', commit: 'abc1234', subject: 'Penetapan <b>SOP</b>', approvedBy: 'Sekretaris' }] });
    expect(html).toContain('<h2>Riwayat Revisi</h2>');
    expect(html).toContain('<td>1 April 2024</td><td>Penetapan</td><td>Sekretaris</td><td>Penetapan &lt;b&gt;SOP&lt;/b&gt;</td>');
    expect(renderHtml(sop, { config, now: NOW })).not.toContain('<h2>Riwayat Revisi</h2>');
  });
  it('prints with a repeated table header, unsplit rows and a fixed (every-page) draft watermark', () => {
    const html = renderHtml(sop, { config, now: NOW });
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toContain('tr { break-inside: avoid; page-break-inside: avoid; }');
    expect(html).toMatch(/\.watermark \{ position: fixed;/);
  });
  it('uses the paper and orientation of the config', () => {
    const html = renderHtml(sop, { config: { ...config, paper: 'A4', orientation: 'portrait' }, now: NOW });
    expect(html).toContain('@page { size: 210mm 297mm;');
  });
});
