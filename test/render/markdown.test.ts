import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/index.js';
import { inlineMarkdown } from '../../src/render/inline.js';
import { minimalSop } from '../helpers/cli.js';
import { examplesConfig, exampleSops, NOW, sopFrom } from './helpers.js';

const config = examplesConfig();
const sops = exampleSops();
const index = new Map(sops.map(({ sop }) => [sop.id, { title: sop.title, href: `${sop.id}.md` }]));

/** Rows of the Markdown table that follows `header`. */
function tableAfter(md: string, header: RegExp): string[][] {
  const lines = md.split('\n');
  const start = lines.findIndex((l) => header.test(l));
  const rows: string[][] = [];
  for (let i = start + 2; i < lines.length && lines[i]!.startsWith('|'); i++) {
    // split on pipes not preceded by a backslash
    rows.push(lines[i]!.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim()));
  }
  return rows;
}

describe.each(sops.map((s) => [s.sop.id, s] as const))('Markdown of %s', (_id, { sop }) => {
  const md = renderMarkdown(sop, { config, now: NOW, index });

  it('has the identity table with the reference labels', () => {
    const rows = tableAfter(md, /^\| \| \|$/);
    const labels = rows.map((r) => r[0]);
    expect(labels).toEqual(expect.arrayContaining(['Nomor SOP', 'Tanggal Pembuatan', 'Tanggal Revisi', 'Tanggal Efektif', 'Disahkan oleh', 'Nama SOP']));
    expect(rows.find((r) => r[0] === 'Nama SOP')?.[1]).toBe(inlineMarkdown(sop.title, 'cell'));
    for (const r of rows) expect(r).toHaveLength(2);
  });
  it('has the six lists as numbered lists or "-"', () => {
    for (const h of ['Dasar Hukum', 'Kualifikasi Pelaksana', 'Keterkaitan', 'Peralatan/Perlengkapan', 'Peringatan', 'Pencatatan dan Pendataan']) {
      expect(md).toMatch(new RegExp(`^## ${h.replace('/', '\\/')}\\n\\n(1\\. |\\\\-)`, 'm'));
    }
  });
  it('has one step row per step with seven cells', () => {
    const rows = tableAfter(md, /^\| No \| Kegiatan \| Pelaksana \| Kelengkapan \| Waktu \| Output \| Keterangan \|$/);
    expect(rows).toHaveLength(sop.steps.length);
    rows.forEach((r, i) => {
      expect(r).toHaveLength(7);
      expect(r[0]).toBe(String(i + 1));
      expect(r[1]).toBe(inlineMarkdown(sop.steps[i]!.activity, 'cell'));
      expect(r[2]).toBe(inlineMarkdown(sop.actors.find((a) => a.id === sop.steps[i]!.actor)!.name, 'cell'));
    });
  });
  it('has a mermaid flowchart with a subgraph per actor and a node per step', () => {
    const block = /```mermaid\n([\s\S]*?)\n```/.exec(md)?.[1] ?? '';
    expect(block.startsWith('flowchart')).toBe(true);
    expect((block.match(/^\s*subgraph /gm) ?? []).length).toBe(new Set(sop.steps.map((s) => s.actor)).size);
    for (let i = 0; i < sop.steps.length; i++) expect(block).toMatch(new RegExp(`\\bS${i}[\\[({]`));
  });
  it('links related SOPs of the repository to their Markdown files', () => {
    for (const r of sop.related ?? []) if (index.has(r)) expect(md).toContain(`[${r}](${r}.md)`);
  });
  it('gives the total time', () => expect(md).toMatch(/^\*\*Total waktu \(jalur utama\):\*\* \d+ (menit|jam|hari)/m));
});

describe('Markdown safety', () => {
  const hostile = sopFrom(minimalSop('KUL-001').replace('activity: Menerima surat', 'activity: "a | b </td> <script>x</script> ![i](https://evil.example/p.png)\\n# h"'));
  const md = renderMarkdown(hostile, { config, now: NOW });
  it('keeps a hostile step in its own row and cell', () => {
    const rows = tableAfter(md, /^\| No \| Kegiatan/);
    expect(rows[0]).toHaveLength(7);
    expect(rows[0]![1]).toBe('a \\| b \\</td\\> \\<script\\>x\\</script\\> \\![i](<https://evil.example/p.png>)<br>\\# h');
    expect(md).not.toMatch(/(?<!\\)<(script|\/td)/);
  });
  it('marks a draft and renders English', () => {
    expect(md).toContain('> **KONSEP**');
    const en = renderMarkdown(hostile, { config, now: NOW, locale: 'en' });
    expect(en).toContain('> **DRAFT**');
    expect(en).toContain('| No | Activity | Actors | Requirements | Time | Output | Notes |');
    expect(en).toContain('## Legal Basis');
  });
});
