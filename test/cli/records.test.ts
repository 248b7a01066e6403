import { spawn } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, sop, tempTree } from '../helpers/cli.js';
import { testRepo } from '../lifecycle/repo-helper.js';

const cleanups: Array<{ cleanup(): void }> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c.cleanup()));

/** An implemented SOP with comments, an anchor and an alias, written with CRLF and a BOM. */
const ORIGINAL = `\ufeff# yaml-language-server: $schema=../schemas/sop.schema.json\r
# Pengelolaan surat masuk\r
sop: 1\r
id: KUL-004    # jangan diubah\r
number: 004/SOP/KUL/IV/2024\r
title:   Pengelolaan Surat Masuk\r
unit: &unit 'Subbagian Keuangan, Umum dan Logistik'\r
status: implemented   # tahap\r
revision: 0\r
dates: { created: 2024-03-11, effective: 2024-04-01, implemented: 2024-04-15 }\r
approval:\r
    position: Sekretaris KPU Kota Malang\r
    name: Budi Santoso\r
    nip: "197901012005011001"\r
legalBasis:\r
    - Undang-Undang Nomor 43 Tahun 2009 tentang Kearsipan   # dasar\r
actors:\r
    - {id: staf, name: Staf}\r
steps:\r
    - activity: Menerima surat masuk\r
      actor: staf\r
      time: 15 menit\r
      output: Surat tercatat\r
    - activity: Mengarsipkan surat\r
      actor: staf\r
      time: 15 menit\r
      output: Arsip\r
x-owner: *unit\r
`;

const EVIDENCE = { 'sop.config.yaml': 'locale: id\n', 'evidence/2024/monitoring-s2.pdf': '%PDF-1.4 x\n', 'evidence/2024/daftar-hadir.pdf': '%PDF-1.4 y\n', 'evidence/2025/notulen.pdf': '%PDF-1.4 z\n' };
const FILE = 'sops/KUL-004.yaml';
const read = (dir: string) => readFileSync(path.join(dir, FILE), 'utf8');

describe('sop socialize | monitor | evaluate', () => {
  it('appends records keeping comments, anchors, CRLF and the BOM byte for byte; evaluate moves implemented to evaluated', async () => {
    const t = tempTree({ [FILE]: ORIGINAL, ...EVIDENCE });
    cleanups.push(t);
    const soc = await sop(['socialize', 'KUL-004', '--date', '2024-04-10', '--place', 'Ruang Rapat', '--audience', 'Pelaksana Subbagian KUL', '--attendees', '14', '--evidence', 'evidence/2024/daftar-hadir.pdf'], t.dir);
    expect(soc).toMatchObject({ code: 0, stderr: '', stdout: 'KUL-004: socialization recorded as socialization[0] (sops/KUL-004.yaml)\n' });
    const afterSoc = read(t.dir);
    // The list follows the file's own indentation (steps are indented 4, content 6).
    expect(afterSoc).toBe(`${ORIGINAL}socialization:\r\n    - date: 2024-04-10\r\n      place: Ruang Rapat\r\n      audience: Pelaksana Subbagian KUL\r\n      attendees: 14\r\n      evidence:\r\n        - evidence/2024/daftar-hadir.pdf\r\n`);
    const mon = await sop(['monitor', 'sops/KUL-004.yaml', '--date', '2024-10-02', '--assessor', 'Kasubbag KUL', '--method', 'observasi supervisor', '--result', 'poor', '--notes', 'Disposisi terlambat, 2 hari', '--action', 'Pengingat harian', '--evidence', 'evidence/2024/monitoring-s2.pdf'], t.dir);
    expect(mon).toMatchObject({ code: 0, stdout: 'KUL-004: monitoring recorded as monitoring[0] (sops/KUL-004.yaml)\n' });
    const afterMon = read(t.dir);
    expect(afterMon).toBe(`${afterSoc}monitoring:\r\n    - date: 2024-10-02\r\n      assessor: Kasubbag KUL\r\n      method: observasi supervisor\r\n      result: poor\r\n      notes: "Disposisi terlambat, 2 hari"\r\n      action: Pengingat harian\r\n      evidence:\r\n        - evidence/2024/monitoring-s2.pdf\r\n`);
    const crit = ['--improves-performance', 'ya', '--easy-to-understand', 'ya', '--easy-to-apply', 'tidak', '--roles-clear', 'ya', '--solves-problems', 'ya', '--meets-needs', 'ya', '--synergy', 'ya'];
    const ev = await sop(['evaluate', 'KUL-004', '--date', '2025-04-10', '--evaluator', 'Tim Evaluasi SOP', ...crit, '--decision', 'revise', '--meeting-date', '2025-04-11', '--minutes', 'evidence/2025/notulen.pdf'], t.dir);
    expect(ev).toMatchObject({ code: 0, stderr: '' });
    expect(ev.stdout).toBe('KUL-004: evaluation recorded as evaluations[0] (sops/KUL-004.yaml); implemented → evaluated\nDecision: revise. Next: `sop revise KUL-004`, edit the SOP, then `sop approve KUL-004` for the revised edition.\n');
    const afterEv = read(t.dir);
    expect(afterEv).toBe(
      `${afterSoc.replace('status: implemented   # tahap', 'status: evaluated   # tahap')}${afterMon.slice(afterSoc.length)}evaluations:\r\n    - date: 2025-04-10\r\n      evaluator: Tim Evaluasi SOP\r\n      criteria:\r\n        improvesPerformance: true\r\n        easyToUnderstand: true\r\n        easyToApply: false\r\n        rolesClear: true\r\n        solvesProblems: true\r\n        meetsNeeds: true\r\n        synergy: true\r\n      decision: revise\r\n      meeting:\r\n        date: 2025-04-11\r\n        minutes: evidence/2025/notulen.pdf\r\n`,
    );
    expect(afterEv.charCodeAt(0)).toBe(0xfeff);
    const lint = await sop(['lint', 'sops', '--today', '2025-04-01'], t.dir);
    expect(lint, lint.stdout).toMatchObject({ code: 0 });
    expect(lint.stdout).toBe('✓ 1 file checked, no problems\n');
  });

  it.each([
    ['a day that does not exist', ['monitor', 'KUL-004', '--assessor', 'A', '--result', 'good', '--date', '2024-02-30'], 'sop: KUL-004: the monitoring record was not written: --date must be a real date YYYY-MM-DD, got `2024-02-30`.\n'],
    ['missing values', ['evaluate', 'KUL-004', '--easy-to-apply', 'mungkin'], 'sop: KUL-004: the evaluation was not written: --easy-to-apply must be ya or tidak (yes/no), got `mungkin`; missing --evaluator (evaluator (name, position or team)), --improves-performance (Mampu mendorong peningkatan kinerja? (ya/tidak)), --easy-to-understand (Mudah dipahami? (ya/tidak)), --roles-clear (Semua orang dapat menjalankan perannya masing-masing? (ya/tidak)), --solves-problems (Mampu mengatasi permasalahan yang berkaitan dengan proses? (ya/tidak)), --meets-needs (Mampu menjawab kebutuhan peningkatan kinerja organisasi? (ya/tidak)), --synergy (Sinergi satu dengan lainnya? (ya/tidak)), --decision (decision: keep, revise or withdraw).\n'],
    ['a negative attendance', ['socialize', 'KUL-004', '--audience', 'P', '--attendees', '-2', '--date', '2024-05-01'], 'sop: KUL-004: the socialization record was not written: --attendees must be a whole number, got `-2`.\n'],
    [
      'a date before implementation and evidence that does not exist',
      ['monitor', 'KUL-004', '--assessor', 'A', '--result', 'good', '--date', '2024-04-02', '--evidence', 'evidence/none.pdf', '--evidence', '../../etc/passwd'],
      'sop: KUL-004: the monitoring record was not written, lint would reject it (positions in the file as it would be):\n' +
        '  sops/KUL-004.yaml:30:13 `monitoring[0].date` (2024-04-02) is before `dates.implemented` (2024-04-15); monitoring watches an SOP once its implementation has begun. (date-order)\n' +
        '  sops/KUL-004.yaml:34:11 `monitoring[0].evidence[0]` names "evidence/none.pdf": no such file in the repository (paths are relative to the folder of sop.config.yaml). (evidence-exists)\n' +
        '  sops/KUL-004.yaml:35:11 `monitoring[0].evidence[1]` names "../../etc/passwd": it leads outside the repository (through `..` or a symlink); evidence must be a file of the repository. (evidence-exists)\n',
    ],
    ['an unknown result', ['monitor', 'KUL-004', '--assessor', 'A', '--result', 'baik'], "error: option '--result <result>' argument 'baik' is invalid. Allowed choices are good, poor.\n"],
  ])('refuses %s (exit 2, file untouched)', async (_name, args, stderr) => {
    const t = tempTree({ [FILE]: ORIGINAL, ...EVIDENCE });
    cleanups.push(t);
    const res = await sop(args, t.dir);
    expect(res).toMatchObject({ code: 2, stdout: '', stderr });
    expect(read(t.dir)).toBe(ORIGINAL);
  });

  it('refuses evidence that is a symlink out of the repository: the record command exit 2, lint 1 at the line, the pack never copies it', async () => {
    const outside = tempTree({ 'secret.pdf': '%PDF-1.4 secret\n' });
    const t = tempTree({ [FILE]: ORIGINAL, ...EVIDENCE });
    cleanups.push(t, outside);
    symlinkSync(path.join(outside.dir, 'secret.pdf'), path.join(t.dir, 'evidence/link-out.pdf'));
    const rec = await sop(['monitor', 'KUL-004', '--assessor', 'A', '--result', 'good', '--date', '2024-10-01', '--evidence', 'evidence/link-out.pdf'], t.dir);
    expect(rec).toMatchObject({ code: 2, stdout: '' });
    expect(rec.stderr).toContain('sops/KUL-004.yaml:34:11 `monitoring[0].evidence[0]` names "evidence/link-out.pdf": it leads outside the repository (through `..` or a symlink); evidence must be a file of the repository. (evidence-exists)\n');
    expect(read(t.dir)).toBe(ORIGINAL);
    // Written by hand: lint reports it (no throw), and the evidence pack leaves it out.
    writeFileSync(path.join(t.dir, FILE), `${ORIGINAL}monitoring:\r\n    - date: 2024-10-01\r\n      assessor: A\r\n      result: good\r\n      evidence: [evidence/link-out.pdf]\r\n`);
    const lint = await sop(['lint', 'sops', '--today', '2024-11-01'], t.dir);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain('sops/KUL-004.yaml:33:18  error  `monitoring[0].evidence[0]` names "evidence/link-out.pdf": it leads outside the repository (through `..` or a symlink); evidence must be a file of the repository.  evidence-exists\n');
    const pack = await sop(['evidence', '--year', '2024', '-o', 'pack', '--no-book', '--today', '2024-12-01'], t.dir);
    expect(pack).toMatchObject({ code: 0, stderr: '' });
    expect(existsSync(path.join(t.dir, 'pack/penerapan/bukti/evidence/link-out.pdf'))).toBe(false);
    expect(readFileSync(path.join(t.dir, 'pack/index.html'), 'utf8')).not.toContain('link-out');
  }, 60_000);

  it('refuses records for a draft, and names an unknown SOP', async () => {
    const t = tempTree({ [FILE]: ORIGINAL.replace('status: implemented', 'status: draft') });
    cleanups.push(t);
    expect(await sop(['socialize', 'KUL-004', '--audience', 'P'], t.dir)).toMatchObject({ code: 2, stderr: 'sop: KUL-004: the socialization record was not written: it is draft: only an SOP in force (approved, implemented or evaluated) is socialised.\n' });
    expect(await sop(['monitor', 'KUL-040', '--assessor', 'A', '--result', 'good'], t.dir)).toMatchObject({ code: 2, stderr: 'sop: No SOP with id or path `KUL-040`; did you mean `KUL-004`?\n' });
  });

  it('asks for missing values only on a terminal', async () => {
    const t = tempTree({ [FILE]: ORIGINAL });
    cleanups.push(t);
    const asked: string[] = [];
    const answers: Record<string, string> = { '--assessor': 'Kasubbag KUL', '--result': 'good' };
    const res = await sop(['monitor', 'KUL-004', '--date', '2024-10-01', '--today', '2024-10-01'], t.dir, {
      stdinIsTTY: true,
      prompt: async (q) => {
        asked.push(q);
        return answers[/\((--[a-z-]+)\): $/.exec(q)![1]!] ?? '';
      },
    });
    expect(asked).toEqual(['assessor (penilai) (--assessor): ', 'result: good (berjalan dengan baik) or poor (tidak berjalan dengan baik) (--result): ']);
    expect(res).toMatchObject({ code: 0, stderr: '' });
    expect(read(t.dir)).toContain('    - date: 2024-10-01\r\n      assessor: Kasubbag KUL\r\n      result: good\r\n');
  });

  it('--commit commits the file alone as sop(<id>): <kind> with the SOP-* trailers', async () => {
    const r = testRepo({ [FILE]: ORIGINAL, 'notes.txt': 'x', ...EVIDENCE });
    cleanups.push(r);
    r.commit('Add KUL-004', '2024-04-15');
    r.write('notes.txt', 'changed, not committed');
    const crit = ['--improves-performance', 'y', '--easy-to-understand', 'y', '--easy-to-apply', 'y', '--roles-clear', 'y', '--solves-problems', 'y', '--meets-needs', 'y', '--synergy', 'y'];
    const res = await sop(['evaluate', 'KUL-004', '--date', '2025-04-10', '--evaluator', 'Tim', ...crit, '--decision', 'keep', '--commit'], r.dir, { env: { NO_COLOR: '1', HOME: r.dir, GIT_CONFIG_NOSYSTEM: '1' } });
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^KUL-004: evaluation recorded as evaluations\[0\] \(sops\/KUL-004\.yaml\); implemented → evaluated, committed [0-9a-f]{7}\nDecision: keep\.\n$/);
    expect(r.git(['log', '-1', '--format=%B'])).toBe('sop(KUL-004): evaluation\n\nSOP-Id: KUL-004\nSOP-Stage: evaluated\nSOP-Revision: 0\n\n');
    expect(r.git(['show', '--name-only', '--format=', 'HEAD']).trim()).toBe(FILE);
    expect(r.git(['status', '--porcelain']).trim()).toBe('M notes.txt');
  });

  it('never leaves a truncated file when killed (built CLI, killed at several moments)', async () => {
    const t = tempTree({ [FILE]: ORIGINAL, ...EVIDENCE });
    cleanups.push(t);
    const bin = path.join(ROOT, 'dist/cli/bin.js');
    const args = ['monitor', 'KUL-004', '--date', '2024-10-02', '--assessor', 'Kasubbag KUL', '--result', 'good'];
    const done = `${ORIGINAL}monitoring:\r\n    - date: 2024-10-02\r\n      assessor: Kasubbag KUL\r\n      result: good\r\n`;
    const seen = new Set<string>();
    for (const delay of [0, 40, 80, 120, 160, 200, 260, 400]) {
      // each run starts from the original file; the kill lands before, during or after the write
      const fresh = tempTree({ [FILE]: ORIGINAL, ...EVIDENCE });
      cleanups.push(fresh);
      const child = spawn(process.execPath, [bin, ...args], { cwd: fresh.dir, stdio: 'ignore' });
      const closed = new Promise((r) => child.on('close', r));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await closed;
      const after = read(fresh.dir);
      expect([ORIGINAL, done]).toContain(after);
      seen.add(after === ORIGINAL ? 'original' : 'done');
    }
    // and run to the end, it writes the record
    const full = spawn(process.execPath, [bin, ...args], { cwd: t.dir, stdio: 'ignore' });
    expect(await new Promise((r) => full.on('close', r))).toBe(0);
    expect(read(t.dir)).toBe(done);
  });
});

describe('the examples\' records', () => {
  it('lint clean as of 2026-12-03 with every kind of record and evidence that exists', async () => {
    const res = await sop(['lint', 'examples', '--today', '2026-12-03', '--max-warnings', '0'], ROOT);
    expect(res).toMatchObject({ code: 0, stdout: '✓ 15 files checked, no problems\n' });
    const all = readFileSync(path.join(ROOT, 'examples/sops/kul/KUL-007-perjalanan-dinas.yaml'), 'utf8');
    for (const needle of ['method: observasi supervisor', 'evidence/2026/monitoring-s2-kul-hasil-observasi.pdf', 'decision: revise', 'minutes: evidence/2026/evaluasi-2026-notulen.md']) expect(all).toContain(needle);
    expect(readFileSync(path.join(ROOT, 'examples/sops/kul/KUL-004-surat-masuk.yaml'), 'utf8')).toMatch(/socialization:\n {2}- date: 2026-09-09\n/);
    // a year later, review-due says what is overdue (warnings only)
    const later = await sop(['lint', 'examples', '--today', '2027-12-03'], ROOT);
    expect(later.code).toBe(0);
    expect(later.stdout).toMatch(/Monitoring is overdue: it was due on 2027-05-30 \(6 months after the last monitoring on 2026-11-30\), as of 2027-12-03/);
  });
});

describe('evidence paths', () => {
  it('a path given from the working folder is written from the repository root', async () => {
    const t = tempTree({ [FILE]: ORIGINAL, ...EVIDENCE });
    cleanups.push(t);
    const res = await sop(['monitor', 'KUL-004', '--date', '2024-10-02', '--assessor', 'A', '--result', 'good', '--evidence', '../evidence/2024/monitoring-s2.pdf', '--evidence', 'https://example.org/foto'], path.join(t.dir, 'sops'));
    expect(res).toMatchObject({ code: 0, stderr: '' });
    expect(read(t.dir)).toContain('      evidence:\r\n        - evidence/2024/monitoring-s2.pdf\r\n        - "https://example.org/foto"\r\n');
  });
});

describe('a file changed while the command runs', () => {
  it('is never overwritten (exit 2, the other writer\'s text kept)', async () => {
    const t = tempTree({ [FILE]: ORIGINAL, ...EVIDENCE });
    cleanups.push(t);
    const other = ORIGINAL.replace('Pengelolaan Surat Masuk', 'Pengelolaan Surat Masuk (diubah editor)');
    const res = await sop(['monitor', 'KUL-004', '--date', '2024-10-02', '--result', 'good'], t.dir, {
      stdinIsTTY: true,
      prompt: async () => {
        writeFileSync(path.join(t.dir, FILE), other); // an editor saves while the assessor is being asked for
        return 'Kasubbag KUL';
      },
    });
    expect(res).toMatchObject({ code: 2, stderr: 'sop: sops/KUL-004.yaml changed while sop was working on it (another command or an editor wrote it); it was not changed by this command. Run the command again.\n' });
    expect(read(t.dir)).toBe(other);
  });
});
