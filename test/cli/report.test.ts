import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sop } from '../helpers/cli.js';
import { parseCsv } from '../helpers/csv.js';
import { testRepo, type TestRepo } from '../lifecycle/repo-helper.js';

const CONFIG = `organization:\n  name: KOMISI PEMILIHAN UMUM KOTA CONTOH\n  unitLines: [SEKRETARIAT]\nlocale: id\npaper: A4\n`;
const sopText = (id: string, status: string, extra = '') => `# SOP ${id}
sop: 1
id: ${id}
${status === 'draft' ? '' : `number: ${id.slice(-3)}/SOP/KUL/2026\n`}title: ${id === 'KUL-001' ? 'Pengelolaan Arsip Dinamis' : 'Peminjaman Arsip'}
unit: Subbagian Umum
status: ${status}
revision: 0
dates: {created: 2025-12-01${status === 'draft' ? '' : ', effective: 2026-01-05'}}
${status === 'draft' ? '' : 'approval:\n  position: Sekretaris\n  name: Budi Santoso\n  nip: "197901012005011001"\n'}legalBasis: [UU 43/2009]
actors:
  - {id: staf, name: Arsiparis}
steps:
  - activity: Menerima arsip
    actor: staf
    time: 15 menit
    output: Arsip diterima
  - activity: Menata arsip
    actor: staf
    time: 1 jam
    output: Arsip tertata
${extra}`;

let r: TestRepo;
const hashes: Record<string, string> = {};
/** Run the CLI as on `date` (the clock and git's commit dates). */
async function on(date: string, args: string[]) {
  const when = `${date}T10:00:00+07:00`;
  Object.assign(process.env, { GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when });
  try {
    const res = await sop([...args, '--today', date], r.dir);
    expect(res.code, `${args.join(' ')}\n${res.stderr}`).toBe(0);
    return res;
  } finally {
    delete process.env.GIT_AUTHOR_DATE;
    delete process.env.GIT_COMMITTER_DATE;
  }
}
const head = () => r.git(['rev-parse', 'HEAD']).trim();
const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', path.join(r.dir, file), '-'], { encoding: 'utf8' });
const TODAY = '2026-12-10';
const CRIT = ['--improves-performance', 'ya', '--easy-to-understand', 'ya', '--easy-to-apply', 'tidak', '--roles-clear', 'ya', '--solves-problems', 'tidak', '--meets-needs', 'ya', '--synergy', 'ya'];

beforeAll(async () => {
  r = testRepo({
    'sop.config.yaml': CONFIG,
    'sops/KUL-001.yaml': sopText('KUL-001', 'draft'),
    'sops/KUL-002.yaml': sopText('KUL-002', 'approved'),
    'evidence/2026/hadir-sosialisasi.pdf': '%PDF-1.4 hadir\n',
    'evidence/2026/monitoring-s2.pdf': '%PDF-1.4 monitoring\n',
    'evidence/2026/notulen-evaluasi.md': '# Notulen rapat evaluasi\n',
    'evidence/2026/hadir-rapat.pdf': '%PDF-1.4 rapat\n',
  });
  r.commit('Add the SOPs', '2025-12-01');
  // A scripted year of KUL-001: approve → socialise → implement → monitor twice → evaluate (revise) → revise → approve.
  await on('2026-01-05', ['approve', 'KUL-001', '--number', '001/SOP/KUL/2026', '--effective', '2026-01-05', '--approver-position', 'Sekretaris', '--approver-name', 'Budi Santoso', '--approver-nip', '197901012005011001', '--commit']);
  await on('2026-01-12', ['socialize', 'KUL-001', '--date', '2026-01-12', '--place', 'Aula Kantor', '--audience', 'Arsiparis dan pelaksana Subbagian Umum', '--attendees', '12', '--evidence', 'evidence/2026/hadir-sosialisasi.pdf', '--commit']);
  await on('2026-01-15', ['implement', 'KUL-001', '--date', '2026-01-15', '--commit']);
  await on('2026-04-13', ['monitor', 'KUL-001', '--date', '2026-04-13', '--assessor', 'Siti Kasubbag Umum', '--method', 'observasi supervisor', '--result', 'good', '--notes', 'Arsip tertata tepat waktu', '--action', 'Mempertahankan', '--commit']);
  await on('2026-09-14', ['monitor', 'KUL-001', '--date', '2026-09-14', '--assessor', 'Siti Kasubbag Umum', '--method', 'interview pelaksana', '--result', 'poor', '--notes', 'Arsip terlambat ditata', '--action', 'Tambah petugas arsip', '--evidence', 'evidence/2026/monitoring-s2.pdf', '--commit']);
  await on('2026-11-20', ['evaluate', 'KUL-001', '--date', '2026-11-20', '--evaluator', 'Tim Evaluasi SOP', ...CRIT, '--notes', 'Penataan arsip perlu petugas tambahan', '--decision', 'revise', '--meeting-date', '2026-11-23', '--minutes', 'evidence/2026/notulen-evaluasi.md', '--attendance', 'evidence/2026/hadir-rapat.pdf', '--commit']);
  await on('2026-11-27', ['revise', 'KUL-001', '--date', '2026-11-27', '--reason', 'Hasil evaluasi 2026: penataan arsip perlu petugas tambahan', '--commit']);
  hashes.revise = head();
  r.write('sops/KUL-001.yaml', readFileSync(path.join(r.dir, 'sops/KUL-001.yaml'), 'utf8').replace('    time: 1 jam\n', '    time: 45 menit\n'));
  // A revision clears the number and the signature (issue 14): the new edition is numbered and signed again.
  await on('2026-12-07', ['approve', 'KUL-001', '--number', '001/SOP/KUL/2026', '--effective', '2026-12-07', '--approver-position', 'Sekretaris', '--approver-name', 'Budi Santoso', '--approver-nip', '197901012005011001', '--commit']);
  // The forms and the register, as of 10 December 2026.
  await on(TODAY, ['report', 'monitoring', '--period', '2026-S2', '-f', 'pdf', '-o', 'out/monitoring-2026-S2.pdf']);
  await on(TODAY, ['report', 'evaluation', '--year', '2026', '-f', 'pdf', '-o', 'out/evaluasi-2026.pdf']);
  await on(TODAY, ['report', 'attendance', '--sop', 'KUL-001', '-f', 'pdf', '-o', 'out/daftar-hadir.pdf']);
  await on(TODAY, ['report', 'register', '-f', 'csv', '-o', 'out/register.csv']);
  await on(TODAY, ['report', 'register', '-f', 'xlsx', '-o', 'out/register.xlsx']);
  await on(TODAY, ['report', 'register', '-o', 'out/register.html']);
  await on(TODAY, ['evidence', '--year', '2026', '-o', 'pack']);
}, 180_000);
afterAll(() => r?.cleanup());

describe('a scripted year, as the forms and the register show it', () => {
  it('commits each step with its trailers', () => {
    const log = r.git(['log', '--format=%s|%(trailers:key=SOP-Stage,valueonly,separator=)|%ad', '--date=short']).trim().split('\n').reverse();
    expect(log).toEqual([
      'Add the SOPs||2025-12-01',
      'sop(KUL-001): approved|approved|2026-01-05',
      'sop(KUL-001): socialization|approved|2026-01-12',
      'sop(KUL-001): implemented|implemented|2026-01-15',
      'sop(KUL-001): monitoring|implemented|2026-04-13',
      'sop(KUL-001): monitoring|implemented|2026-09-14',
      'sop(KUL-001): evaluation|evaluated|2026-11-20',
      'sop(KUL-001): draft|draft|2026-11-27',
      'sop(KUL-001): approved|approved|2026-12-07',
    ]);
  });

  it('monitoring form (PDF read back): ticks, notes, the SOP due but not monitored, signature blocks', () => {
    const text = pdfText('out/monitoring-2026-S2.pdf');
    for (const s of ['KOMISI PEMILIHAN UMUM KOTA CONTOH', 'MONITORING PELAKSANAAN SOP AP', 'Unit Kerja : Subbagian Umum', 'Semester II 2026 (1 Juli 2026 – 31 Desember 2026)', 'Penilaian Terhadap', 'Penerapan', 'Catatan Hasil Penilaian', 'Tindakan yang Harus Diambil', 'Paraf', 'Arsip terlambat ditata', 'Tambah petugas arsip', 'Mengetahui,', 'Sekretaris', 'Penilai']) {
      expect(text).toContain(s);
    }
    const row1 = text.split('\n').find((l) => l.includes('001/SOP/KUL/2026'))!;
    expect(row1.replace(/\s+/g, ' ')).toMatch(/^ ?1 001\/SOP\/KUL\/2026 — Pengelolaan Arsip ☐ ☑ Arsip terlambat ditata Tambah petugas arsip/);
    const row2 = text.split('\n').find((l) => l.includes('002/SOP/KUL/2026'))!;
    expect(row2.replace(/\s+/g, ' ')).toMatch(/2 002\/SOP\/KUL\/2026 — Peminjaman Arsip ☐ ☐ Belum dimonitor \(jatuh tempo 5 Juli 2026\)/);
    expect(text).not.toContain('Arsip tertata tepat waktu'); // the first semester's record
  });

  it('evaluation worksheet and recap (PDF read back): seven answers, decision, follow-up from history', () => {
    const text = pdfText('out/evaluasi-2026.pdf');
    for (const s of ['EVALUASI PENERAPAN SOP AP', 'Mampu mendorong peningkatan kinerja', 'Mudah dipahami', 'Mudah dilaksanakan', 'Semua orang dapat menjalankan perannya masing-masing', 'Mampu mengatasi permasalahan yang berkaitan dengan proses', 'Mampu menjawab kebutuhan peningkatan kinerja organisasi', 'Sinergi satu dengan lainnya', 'Tim Evaluasi SOP', 'Direvisi', 'REKAPITULASI EVALUASI PENERAPAN SOP AP', 'Notulen: evidence/2026/notulen-evaluasi.md']) {
      expect(text).toContain(s);
    }
    const flat = text.replace(/\s+/g, ' ');
    // on the worksheet and in the recap (where the commit wraps to the next line)
    expect(flat).toContain(`Tindak Lanjut : Revisi 1, 27 November 2026 (${hashes.revise!.slice(0, 7)})`);
    expect(text.match(/Revisi 1, 27 November 2026/g)).toHaveLength(2);
    expect(text.match(new RegExp(`\\(${hashes.revise!.slice(0, 7)}\\)`, 'g'))).toHaveLength(2);
    expect(flat).toContain('3 Mudah dilaksanakan ☐ ☑');
    expect(flat).toContain('Jumlah 5 2');
    expect(flat).toContain('Dievaluasi : 1');
    expect(flat).toContain('Tindak Lanjut (Direvisi) : 1/1');
  });

  it('attendance list (PDF read back): pre-filled header, blank rows to sign', () => {
    const text = pdfText('out/daftar-hadir.pdf');
    for (const s of ['DAFTAR HADIR SOSIALISASI SOP', '001/SOP/KUL/2026 — Pengelolaan Arsip Dinamis', '12 Januari 2026', 'Aula Kantor', 'Arsiparis dan pelaksana Subbagian Umum', 'Nama', 'Tanda Tangan']) expect(text).toContain(s);
    expect(text.replace(/\s+/g, ' ')).toContain('15 15.');
    expect(text).not.toContain(' 16 ');
  });

  it('register CSV and XLSX hold the same rows, with the follow-up and the overdue flag', async () => {
    const csv = readFileSync(path.join(r.dir, 'out/register.csv'), 'utf8');
    const rows = parseCsv(csv);
    const [header, ...data] = rows;
    const col = (name: string) => header!.indexOf(name);
    expect(header).toContain('Tindak Lanjut');
    const kul1 = data.find((d) => d[0] === 'KUL-001')!;
    const kul2 = data.find((d) => d[0] === 'KUL-002')!;
    expect([kul1[col('Tahap')], kul1[col('Revisi')], kul1[col('Tanggal Efektif')], kul1[col('Sosialisasi terakhir')], kul1[col('Monitoring terakhir')], kul1[col('Monitoring: Penilaian Terhadap Penerapan')], kul1[col('Evaluasi terakhir')], kul1[col('Keputusan')]]).toEqual(['approved', '1', '2026-12-07', '2026-01-12', '2026-09-14', 'poor', '2026-11-20', 'revise']);
    expect(kul1[col('Tindak Lanjut')]).toBe(`Revisi 1, 27 November 2026 (${hashes.revise!.slice(0, 7)})`);
    expect([kul1[col('Terlambat')], kul2[col('Terlambat')], kul2[col('Jatuh tempo berikutnya')], kul2[col('Monitoring 2026-S2')]]).toEqual(['no', 'yes', '2026-07-05', 'missing']);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path.join(r.dir, 'out/register.xlsx')) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const sheet: string[][] = [];
    ws.eachRow((row) => sheet.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    expect(sheet.map((row) => row.concat(Array(header!.length - row.length).fill('')))).toEqual(rows);
  });
});


describe('the register dashboard', () => {
  it('has no script, and every chart number equals the register', () => {
    const html = readFileSync(path.join(r.dir, 'out/register.html'), 'utf8');
    expect(html).not.toMatch(/<script|\son[a-z]+=|javascript:/i);
    expect(html).toContain("default-src 'none'");
    const [header0, ...rows] = parseCsv(readFileSync(path.join(r.dir, 'out/register.csv'), 'utf8')) as [string[], ...string[][]];
    const segs = [...html.matchAll(/data-unit="([^"]*)" data-stage="([a-z]+)" data-count="(\d+)"/g)].map((m) => `${m[1]}|${m[2]}|${m[3]}`).sort();
    const fromRegister = new Map<string, number>();
    const unitAt = header0.indexOf('Unit Kerja');
    const stageAt = header0.indexOf('Tahap');
    for (const row of rows) fromRegister.set(`${row[unitAt]}|${row[stageAt]}`, (fromRegister.get(`${row[unitAt]}|${row[stageAt]}`) ?? 0) + 1);
    expect(segs).toEqual([...fromRegister].map(([k, n]) => `${k}|${n}`).sort());
    expect(segs).toEqual(['Subbagian Umum|approved|2']);
    const bars = Object.fromEntries([...html.matchAll(/data-series="([a-z]+)" data-period="([0-9S-]+)" data-kind="([a-z]+)" data-count="(\d+)"/g)].map((m) => [`${m[1]} ${m[2]} ${m[3]}`, Number(m[4])]));
    const header = parseCsv(readFileSync(path.join(r.dir, 'out/register.csv'), 'utf8'))[0]!;
    const count = (name: string, v: string) => rows.filter((row) => row[header.indexOf(name)] === v).length;
    const expected: Record<string, number> = {};
    for (const [series, period, column] of [['monitoring', '2026-S1', 'Monitoring 2026-S1'], ['monitoring', '2026-S2', 'Monitoring 2026-S2'], ['evaluation', '2026', 'Evaluasi 2026']] as const) {
      expected[`${series} ${period} done`] = count(column, 'done');
      expected[`${series} ${period} due`] = count(column, 'done') + count(column, 'missing');
    }
    expect(bars).toEqual(expected);
    // KUL-002 falls due for monitoring in S2 only, and for evaluation in 2027
    expect(bars).toEqual({ 'monitoring 2026-S1 done': 1, 'monitoring 2026-S1 due': 1, 'monitoring 2026-S2 done': 1, 'monitoring 2026-S2 due': 2, 'evaluation 2026 done': 1, 'evaluation 2026 due': 1 });
    // no business process map: no coverage chart
    expect(html).not.toContain('chart coverage');
    // the overdue list names KUL-002 (never monitored)
    expect(html).toMatch(/<tr class="overdue"><td>002\/SOP\/KUL\/2026<\/td><td>Peminjaman Arsip<\/td>/);
  });

  it('renders in Chromium with JavaScript off and on identically', async () => {
    const { launch } = await import('puppeteer-core');
    const html = readFileSync(path.join(r.dir, 'out/register.html'), 'utf8');
    const browser = await launch({ executablePath: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const shot = async (js: boolean) => {
        const page = await browser.newPage();
        await page.setJavaScriptEnabled(js);
        await page.setViewport({ width: 1200, height: 900 });
        await page.setContent(html, { waitUntil: 'load' });
        const png = await page.screenshot({ fullPage: true });
        await page.close();
        return Buffer.from(png);
      };
      const off = await shot(false);
      const on = await shot(true);
      expect(off.length).toBeGreaterThan(10_000);
      expect(off.equals(on)).toBe(true);
    } finally {
      await browser.close();
    }
  });
});

describe('the evidence pack', () => {
  const walk = (dir: string, base = ''): string[] =>
    readdirSync(path.join(dir, base), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(dir, path.posix.join(base, e.name)) : [path.posix.join(base, e.name)]));

  it('holds one folder per item, an index that lists every file, and nothing outside its folder', () => {
    const files = walk(path.join(r.dir, 'pack')).sort();
    expect(files).toEqual([
      'evaluasi/bukti/evidence/2026/hadir-rapat.pdf',
      'evaluasi/bukti/evidence/2026/notulen-evaluasi.md',
      'evaluasi/evaluasi-2026.pdf',
      'evaluasi/revisi/KUL-001-r0-r1.html',
      'index.html',
      'penerapan/bukti/evidence/2026/hadir-sosialisasi.pdf',
      'penerapan/bukti/evidence/2026/monitoring-s2.pdf',
      'penerapan/daftar-hadir/KUL-001-2026-01-12.pdf',
      'penerapan/monitoring-2026-S1.pdf',
      'penerapan/monitoring-2026-S2.pdf',
      'penyusunan/buku-sop.pdf',
    ]);
    const index = readFileSync(path.join(r.dir, 'pack/index.html'), 'utf8');
    const links = [...index.matchAll(/<a href="([^"]+)">/g)].map((m) => decodeURIComponent(m[1]!)).sort();
    expect(links).toEqual(files.filter((f) => f !== 'index.html'));
    expect(index).not.toMatch(/<script/i);
    const shares = [...index.matchAll(/data-item="([a-z]+)" data-met="(\d+)" data-of="(\d+)"/g)].map((m) => `${m[1]} ${m[2]}/${m[3]}`);
    expect(shares).toEqual(['penyusunan 2/2', 'penerapan 1/2', 'penerapan 1/2', 'evaluasi 1/1', 'evaluasi 1/1']);
    // the copies are the repository's files, byte for byte
    expect(readFileSync(path.join(r.dir, 'pack/evaluasi/bukti/evidence/2026/notulen-evaluasi.md'), 'utf8')).toBe('# Notulen rapat evaluasi\n');
    // only out/ and pack/ were written in the repository
    expect(r.git(['status', '--porcelain', '--untracked-files=normal']).trim().split('\n').sort()).toEqual(['?? out/', '?? pack/']);
  });

  it('prints the forms, the book, and the diff of the original against the revision', () => {
    expect(pdfText('pack/penerapan/monitoring-2026-S1.pdf')).toContain('Arsip tertata tepat waktu');
    expect(pdfText('pack/penerapan/monitoring-2026-S2.pdf')).toContain('Arsip terlambat ditata');
    expect(pdfText('pack/penerapan/daftar-hadir/KUL-001-2026-01-12.pdf')).toContain('DAFTAR HADIR SOSIALISASI SOP');
    expect(pdfText('pack/evaluasi/evaluasi-2026.pdf')).toContain('REKAPITULASI EVALUASI PENERAPAN SOP AP');
    const book = pdfText('pack/penyusunan/buku-sop.pdf');
    expect(book).toContain('Pengelolaan Arsip Dinamis');
    expect(book).toContain('Peminjaman Arsip');
    const diff = readFileSync(path.join(r.dir, 'pack/evaluasi/revisi/KUL-001-r0-r1.html'), 'utf8');
    expect(diff).toContain('45 menit');
    expect(diff).toContain('1 jam');
    expect(diff).not.toMatch(/<script/i);
  });
});

describe('sop report: usage errors and English labels', () => {
  it.each([
    [['report', 'monitoring', '--period', '2026-S3'], 'sop: --period must be a semester written YYYY-S1 or YYYY-S2 (e.g. 2026-S2), got `2026-S3`.\n'],
    [['report', 'monitoring', '--unit', 'Subbagian Umm'], 'sop: --unit `Subbagian Umm` is not the unit of any SOP; did you mean `Subbagian Umum`? Units: Subbagian Umum.\n'],
    [['report', 'evaluation', '-f', 'pdf'], 'sop: --format pdf needs -o FILE.pdf.\n'],
    [['report', 'register', '-f', 'md'], 'sop: --format for register must be one of html, csv, xlsx, pdf, got `md`.\n'],
    [['report', 'attendance'], 'sop: `sop report attendance` needs --sop <id>: the SOP whose socialisation the list is for.\n'],
    [['report', 'attendance', '--sop', 'KUL-001', '--date', '2026-02-02'], 'sop: KUL-001 has no socialisation on 2026-02-02; recorded: 2026-01-12.\n'],
  ])('%j', async (args, stderr) => {
    expect(await sop(args, r.dir)).toMatchObject({ code: 2, stdout: '', stderr });
  });

  it('prints the forms in English with --locale en, and Markdown', async () => {
    const res = await sop(['report', 'monitoring', '--period', '2026-S1', '-f', 'md', '--locale', 'en', '--today', TODAY], r.dir);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('# SOP IMPLEMENTATION MONITORING');
    expect(res.stdout).toContain('- Period: Semester I 2026 (January 1, 2026 – June 30, 2026)');
    expect(res.stdout).toContain('| 1 | 001/SOP/KUL/2026 — Pengelolaan Arsip Dinamis (April 13, 2026, observasi supervisor) | ☑ | ☐ | Arsip tertata tepat waktu | Mempertahankan | Siti Kasubbag Umum |');
  });
});

describe('sop evaluate after a revise decision', () => {
  it('prints the follow-up of the earlier decision, read from history', async () => {
    const res = await on('2026-12-10', ['evaluate', 'KUL-001', '--date', '2026-12-10', '--evaluator', 'Tim Evaluasi SOP', ...CRIT.map((v) => (v === 'tidak' ? 'ya' : v)), '--decision', 'keep']);
    expect(res.stdout).toBe(
      'KUL-001: evaluation recorded as evaluations[1] (sops/KUL-001.yaml)\nDecision: keep.\n' +
        `Earlier decision to revise (2026-11-20): followed up by revision 1 on 2026-11-27 (commit ${hashes.revise!.slice(0, 7)}).\n`,
    );
  });
});
