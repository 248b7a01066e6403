import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/load.js';
import { formatDate, formatMinutes, formatRange } from '../../src/render/format.js';
import { id } from '../../src/render/locale/id.js';
import { en } from '../../src/render/locale/en.js';
import { mainPath, mainPathTime } from '../../src/render/main-path.js';
import { pageSize } from '../../src/render/page.js';
import { buildView } from '../../src/render/view.js';
import { minimalSop } from '../helpers/cli.js';
import { NOW, sopFrom } from './helpers.js';

const config = { ...defaultConfig('/tmp'), organization: { name: 'KPU KOTA MALANG', unitLines: ['SEKRETARIAT'] } };

describe('formatDate', () => {
  it.each([
    ['2024-03-18', '18 Maret 2024'],
    ['2024-01-01', '1 Januari 2024'],
    ['2024-12-31', '31 Desember 2024'],
    ['2025-05-09', '9 Mei 2025'],
  ])('%s → %s', (iso, long) => expect(formatDate(iso, id)).toBe(long));
  it('prints English dates in English', () => expect(formatDate('2024-03-18', en)).toBe('March 18, 2024'));
  it('prints "-" for a missing date', () => {
    expect(formatDate(undefined, id)).toBe('-');
    expect(formatDate('', id)).toBe('-');
  });
});

describe('durations', () => {
  it.each([
    [15, '15 menit'],
    [60, '1 jam'],
    [480, '1 hari'],
    [2 * 480 + 3 * 60 + 15, '2 hari 3 jam 15 menit'],
    [0, '0 menit'],
  ])('%d min → %s', (m, text) => expect(formatMinutes(m, id)).toBe(text));
  it('uses singular and plural in English', () => expect(formatMinutes(480 + 60 + 2, en)).toBe('1 day 1 hour 2 minutes'));
  it('prints a range when bounds differ', () => expect(formatRange(480, 960, id)).toBe('1 hari – 2 hari'));
});

describe('main path', () => {
  const sop = sopFrom(`${minimalSop('KUL-001').replace(/steps:[\s\S]*$/, '')}steps:
  - {activity: Terima, actor: staf, time: 15 menit}
  - {id: cek, activity: Lengkap?, actor: staf, type: decision, ifNo: tolak, time: 1 jam}
  - {activity: Proses, actor: staf, time: 1 hari, next: arsip}
  - {id: tolak, activity: Tolak, actor: staf, time: 2 hari, next: cek}
  - {id: arsip, activity: Arsip, actor: staf, time: 1-2 jam}
`);
  it('follows next/ifYes from the start to an end, each step once', () => {
    expect(mainPath(sop.steps)).toEqual([0, 1, 2, 4]);
  });
  it('sums working minutes (a day is 8 hours) and keeps ranges', () => {
    const t = mainPathTime(sop.steps);
    expect([t.min, t.max, t.untimed]).toEqual([15 + 60 + 480 + 60, 15 + 60 + 480 + 120, 0]);
    expect(buildView(sop, { config, now: NOW }).totalTime).toBe('1 hari 2 jam 15 menit – 1 hari 3 jam 15 menit');
  });
  it('stops at a loop instead of running forever', () => {
    const loop = sopFrom(minimalSop('KUL-001').replace('output: Arsip', 'output: Arsip\n    next: 1'));
    expect(mainPath(loop.steps)).toEqual([0, 1]);
  });
});

describe('buildView', () => {
  const sop = sopFrom(minimalSop('KUL-001', 'related: [KUL-002, KUL-404, Peraturan lain]\n'));
  const index = new Map([['KUL-002', { title: 'Surat Keluar', href: 'KUL-002.html' }]]);
  const view = buildView(sop, { config, now: NOW, index });

  it('formats identity dates in long form and prints "-" for empty fields', () => {
    expect(view.dates).toEqual({ created: '11 Maret 2024', revised: '-', effective: '-' });
    expect(view.number).toBe('(belum bernomor)'); // no number yet: said so, never the id
    expect(view.approval).toMatchObject({ position: '-', name: '-', nip: '-', present: false });
  });
  it('lays out the grid in the reference order with locale labels', () => {
    expect(view.grid.flatMap((r) => [r.left.label, r.right.label])).toEqual([
      'Dasar Hukum', 'Kualifikasi Pelaksana', 'Keterkaitan', 'Peralatan/Perlengkapan', 'Peringatan', 'Pencatatan dan Pendataan',
    ]);
    expect(view.lists.qualifications.items).toEqual([]);
    expect(view.lists.legalBasis.items).toEqual([{ text: 'UU 43/2009' }]);
  });
  it('links Keterkaitan entries that name an SOP of the repository, and only those', () => {
    expect(view.lists.related.items).toEqual([
      { text: 'KUL-002', href: 'KUL-002.html', linkTitle: 'Surat Keluar' },
      { text: 'KUL-404' },
      { text: 'Peraturan lain' },
    ]);
  });
  it('numbers steps from 1 and derives terminators', () => {
    expect(view.steps.map((s) => [s.no, s.kind, s.lane, s.actorName])).toEqual([
      [1, 'start', 0, 'Staf'],
      [2, 'end', 0, 'Staf'],
    ]);
    expect(view.totalTime).toBe('30 menit');
  });
  it('marks a draft with the locale watermark', () => {
    expect(view.watermark).toBe('KONSEP');
    expect(buildView(sop, { config, now: NOW, locale: 'en' }).watermark).toBe('DRAFT');
    const approved = sopFrom(minimalSop('KUL-001').replace('status: draft', 'status: approved'));
    expect(buildView(approved, { config, now: NOW }).watermark).toBeUndefined();
  });
  it('prints the NIP with its prefix and marks page breaks', () => {
    const signed = sopFrom(minimalSop('KUL-001', 'approval: {position: Sekretaris, name: Budi, nip: "197901012005011001"}\n'));
    const v = buildView(signed, { config, now: NOW, breaks: [0] });
    expect(v.approval).toMatchObject({ position: 'Sekretaris', name: 'Budi', nip: 'NIP. 197901012005011001', present: true });
    expect(v.steps.map((s) => s.breakAfter)).toEqual([true, false]);
  });
  it('includes revision history only when rows are given', () => {
    expect(view.history).toBeUndefined();
    expect(buildView(sop, { config, now: NOW, history: [] }).history).toBeUndefined();
    const v = buildView(sop, { config, now: NOW, history: [{ revision: 1, date: '2024-04-01', commitDate: '2024-04-09', stage: 'approved', commit: 'abc1234', subject: 'Tetapkan' }] });
    expect(v.history).toEqual([{ revision: 1, date: '1 April 2024', stage: 'Penetapan', approvedBy: '-', commit: 'abc1234', commitDate: '9 April 2024', subject: 'Tetapkan' }]);
  });
  it('takes the paper size from the config (landscape by default)', () => {
    expect(pageSize({ paper: 'F4', orientation: 'landscape' }).size).toBe('330mm 215mm');
    expect(pageSize({ paper: 'A4', orientation: 'landscape' }).size).toBe('297mm 210mm');
    expect(pageSize({ paper: 'A4', orientation: 'portrait' }).size).toBe('210mm 297mm');
    expect(pageSize({ paper: 'Letter', orientation: 'landscape' }).size).toBe('11in 8.5in');
    expect(view.page.size).toBe('297mm 210mm');
  });
});

describe('actor column headers', () => {
  it('keep 8 pt when the longest word fits the lane, and shrink (to 5.5 pt at least) when it does not', async () => {
    const { actorHeaderFontPt } = await import('../../src/render/index.js');
    expect(actorHeaderFontPt(['Sekretaris'], 140)).toBe(8);
    const narrow = actorHeaderFontPt(['Pengadministrasi Umum'], 100);
    expect(narrow).toBeLessThan(8);
    expect(narrow).toBeGreaterThanOrEqual(5.5);
    // The chosen size makes "Pengadministrasi" (16 letters of bold Arial, ~0.62 em each) fit 100 px less padding.
    expect(16 * 0.62 * (narrow / 0.75)).toBeLessThanOrEqual(96);
    expect(actorHeaderFontPt(['Pengadministrasi'], 40)).toBe(5.5);
  });
});
