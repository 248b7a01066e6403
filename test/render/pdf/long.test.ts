import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sop, tempTree } from '../../helpers/cli.js';
import { pdfInfo, pdfText, pdfWords, type PdfWord } from './poppler.js';

const STEPS = 60;

/** A 60-step SOP over four lanes: mostly a straight flow, two decisions (one loops back), unique words per step. */
function longSop(): string {
  const actors = ['staf', 'kasubbag', 'sekretaris', 'arsiparis'];
  const lines = [
    'sop: 1',
    'id: LNG-001',
    'number: 001/SOP/LNG/KPU-Kot/IV/2024',
    'title: Prosedur Panjang Enam Puluh Langkah',
    'unit: Subbagian Umum',
    'status: approved',
    'revision: 0',
    'dates: {created: 2024-03-11, effective: 2024-04-01}',
    'approval: {position: Sekretaris KPU Kota Malang, name: Nama Pejabat, nip: "197901012005011001"}',
    'legalBasis: [Peraturan Menteri PAN-RB Nomor 35 Tahun 2012]',
    'actors:',
    '  - {id: staf, name: Pengadministrasi Umum}',
    '  - {id: kasubbag, name: Kepala Subbagian}',
    '  - {id: sekretaris, name: Sekretaris}',
    '  - {id: arsiparis, name: Arsiparis}',
    'steps:',
  ];
  for (let s = 1; s <= STEPS; s++) {
    lines.push(`  - id: s${s}`, `    actor: ${actors[(s * 7) % 4]}`);
    if (s === 20 || s === 41) {
      lines.push(`    activity: Apakah berkas tahap${s} sudah lengkap?`, '    type: decision', '    time: 5 menit', `    ifNo: s${s - 3}`);
    } else {
      lines.push(`    activity: Memeriksa berkas tahap${s} lalu mencatat hasilnya`, `    requirements: [Berkas tahap${s}]`, '    time: 15 menit', '    output: Catatan');
    }
  }
  return `${lines.join('\n')}\n`;
}

const tree = tempTree({ 'sop.config.yaml': 'organization: {name: KOMISI PEMILIHAN UMUM KOTA MALANG, unitLines: [SEKRETARIAT]}\npaper: F4\norientation: landscape\n', 'sops/LNG-001.yaml': longSop() });
const file = path.join(tree.dir, 'out', 'LNG-001.pdf');
let code = -1;
let stderr = '';

beforeAll(async () => {
  const r = await sop(['render', '--format', 'pdf', '-o', 'out'], tree.dir);
  code = r.code;
  stderr = r.stderr;
}, 120_000);
afterAll(() => tree.cleanup());

/** Off-page connector labels: one or two capital letters alone, on table pages. */
const isConnector = (w: PdfWord) => /^[A-Z]{1,2}$/.test(w.text);

describe('a 60-step SOP on paper', () => {
  it('fills several pages', () => {
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(pdfInfo(file).pages).toBeGreaterThanOrEqual(4);
  });

  it('loses and repeats no activity: each step is printed exactly once, in order', () => {
    const text = pdfText(file);
    const seen = [...text.matchAll(/tahap(\d+)\s+(?:lalu|sudah)/g)].map((m) => Number(m[1]));
    expect(seen).toEqual(Array.from({ length: STEPS }, (_, i) => i + 1));
  });

  it('breaks between rows only: every row number appears on exactly one page, and the header repeats', () => {
    const { pages } = pdfInfo(file);
    const rowsOn = new Map<number, number[]>();
    for (let p = 1; p <= pages; p++) {
      const t = pdfText(file, p);
      for (const m of t.matchAll(/tahap(\d+)\s+(?:lalu|sudah)/g)) rowsOn.set(Number(m[1]), [...(rowsOn.get(Number(m[1])) ?? []), p]);
      if (/tahap\d+/.test(t)) expect(t).toMatch(/Kegiatan[\s\S]*Pelaksana|Pelaksana[\s\S]*Kegiatan/);
    }
    for (let s = 1; s <= STEPS; s++) expect(rowsOn.get(s), `step ${s}`).toHaveLength(1);
  });

  it('every break carries a matching pair of off-page connectors in the same lane', () => {
    const { words, pageHeights } = pdfWords(file);
    const tablePages = [...new Set(words.filter((w) => /^tahap\d+$/.test(w.text)).map((w) => w.page))].sort((a, b) => a - b);
    expect(tablePages.length).toBeGreaterThanOrEqual(3);
    const conn = (page: number, foot: boolean) =>
      words
        .filter((w) => w.page === page && isConnector(w) && (foot ? w.yMin > pageHeights[page - 1]! / 2 : w.yMax < pageHeights[page - 1]! / 2))
        .map((w) => ({ label: w.text, x: (w.xMin + w.xMax) / 2 }))
        .sort((a, b) => a.label.localeCompare(b.label));
    const labels = new Set<string>();
    for (let i = 0; i + 1 < tablePages.length; i++) {
      const feet = conn(tablePages[i]!, true);
      const heads = conn(tablePages[i + 1]!, false);
      expect(feet.length, `connectors at the foot of page ${tablePages[i]}`).toBeGreaterThan(0);
      expect(heads.map((c) => c.label)).toEqual(feet.map((c) => c.label));
      feet.forEach((f, k) => expect(Math.abs(f.x - heads[k]!.x), `lane of connector ${f.label}`).toBeLessThan(3));
      for (const f of feet) {
        expect(labels.has(f.label), `label ${f.label} used at one break only`).toBe(false);
        labels.add(f.label);
      }
    }
    // No stray connector: the first table page has none at its head, the last none at its foot.
    expect(conn(tablePages[0]!, false)).toEqual([]);
    expect(conn(tablePages[tablePages.length - 1]!, true)).toEqual([]);
  });
});
