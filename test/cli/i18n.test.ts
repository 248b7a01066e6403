import { writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOGUES, chooseLang, commanderError, fill, placeholders, translator } from '../../src/cli/i18n/index.js';
import { en } from '../../src/cli/i18n/en.js';
import { noBrowserMessage } from '../../src/cli/pdf-support.js';
import type { Config } from '../../src/config/types.js';
import { VALUE_FLAGS } from '../../src/lifecycle/promote.js';
import { planRecord } from '../../src/lifecycle/records.js';
import { LANGS } from '../../src/model/lang.js';
import { formatDiff } from '../../src/cli/format/diff.js';
import { formatHistory } from '../../src/cli/format/history.js';
import type { DiffReport } from '../../src/app/lifecycle/diff.js';
import type { HistoryReport } from '../../src/app/lifecycle/history.js';
import { findBrowser, installHint } from '../../src/render/pdf/discover.js';
import { minimalSop, sop, tempTree } from '../helpers/cli.js';

const t = tempTree({ 'sops/KUL-001.yaml': minimalSop('KUL-001') });
afterAll(() => t.cleanup());

describe('the message catalogue', () => {
  const keys = Object.keys(en).sort();

  it.each(LANGS)('%s has every key of the English catalogue and no other, none empty', (lang) => {
    const cat = CATALOGUES[lang] as Record<string, string>;
    expect(Object.keys(cat).sort()).toEqual(keys);
    expect(Object.entries(cat).filter(([, v]) => !v.trim())).toEqual([]);
  });

  it.each(LANGS)('%s has the placeholders of the English text in every message (each plural form too)', (lang) => {
    const cat = CATALOGUES[lang] as Record<string, string>;
    const wrong: string[] = [];
    for (const k of keys) {
      const want = placeholders(en[k as keyof typeof en]);
      const forms = cat[k]!.includes('{n}') ? cat[k]!.split('|') : [cat[k]!];
      for (const form of forms) if (JSON.stringify(placeholders(form)) !== JSON.stringify(want)) wrong.push(`${k}: ${JSON.stringify(form)} has {${placeholders(form).join('}, {')}}, English {${want.join('}, {')}}`);
    }
    expect(wrong).toEqual([]);
  });

  it('Indonesian is worded, not copied: most messages differ from English', () => {
    const same = keys.filter((k) => (CATALOGUES.id as Record<string, string>)[k] === (en as Record<string, string>)[k]);
    expect(same.length / keys.length).toBeLessThan(0.15);
  });

  it('fills placeholders and picks the English plural by n', () => {
    expect(fill('{n} SOP|{n} SOPs', { n: 1 })).toBe('1 SOP');
    expect(fill('{n} SOP|{n} SOPs', { n: 0 })).toBe('0 SOPs');
    expect(fill('tab or |')).toBe('tab or |');
    expect(translator('id')('preview.sops', { n: 2 })).toBe('2 SOP');
  });

  it('asks with the English labels of the library, so the Indonesian prompts ask the same questions', () => {
    for (const m of Object.values(VALUE_FLAGS)) expect(en[`ask.${m.flag}` as keyof typeof en], m.flag).toBe(m.label);
    for (const kind of ['socialization', 'monitoring', 'evaluation'] as const) {
      const plan = planRecord({ status: 'implemented', revision: 0 }, kind, { criteria: {} }, '2024-01-01');
      expect(plan.ok).toBe(false);
      const fields = plan.ok ? [] : plan.missing.filter((f) => !f.key.startsWith('criteria.'));
      expect(fields.length).toBeGreaterThan(0);
      for (const f of fields) expect(en[`ask.${f.flag}` as keyof typeof en], f.flag).toBe(f.label);
    }
  });

  it('words the no-browser message as discovery does in English, for each platform and cause', () => {
    const config = (executablePath?: string) => ({ browser: { executablePath } }) as unknown as Config;
    for (const platform of ['linux', 'darwin', 'win32']) {
      const cases: Array<[Record<string, string>, string | undefined]> = [[{}, undefined], [{ PUPPETEER_EXECUTABLE_PATH: '/nope' }, undefined], [{}, '/gone']];
      for (const [env, exe] of cases) {
        let english = `No Chromium, Chrome or Edge browser found.\n${installHint(platform)}`;
        try {
          findBrowser({ env, config: { executablePath: exe }, exists: () => false, platform });
        } catch (e) {
          english = (e as Error).message;
        }
        expect(noBrowserMessage(translator('en'), env, config(exe), platform)).toBe(english);
        expect(noBrowserMessage(translator('id'), env, config(exe), platform)).toContain(platform === 'win32' ? 'winget install Microsoft.Edge' : 'Pasang ');
      }
    }
  });
});

describe('choosing the language', () => {
  it.each([
    [[], {}, 'en'],
    [[], { LANG: 'id_ID.UTF-8' }, 'id'],
    [[], { LANG: 'id' }, 'id'],
    [[], { LANG: 'en_US.UTF-8' }, 'en'],
    [[], { LANG: 'idx' }, 'en'],
    [[], { LC_ALL: 'C', LANG: 'id_ID.UTF-8' }, 'en'],
    [[], { LC_ALL: '', LANG: 'id_ID.UTF-8' }, 'id'],
    [[], { LC_MESSAGES: 'id_ID.UTF-8', LANG: 'en_US.UTF-8' }, 'id'],
    [[], { LC_ALL: 'id_ID.UTF-8', LC_MESSAGES: 'en_US.UTF-8' }, 'id'],
    [['--lang', 'id'], {}, 'id'],
    [['lint', '--lang=id'], {}, 'id'],
    [['--lang', 'en'], { LANG: 'id_ID.UTF-8' }, 'en'],
    [['lint', '--', '--lang', 'id'], {}, 'en'],
  ] as Array<[string[], Record<string, string>, string]>)('%j with %j → %s', (argv, env, want) => {
    expect(chooseLang(argv, env)).toEqual({ lang: want });
  });

  it('a --lang that is neither en nor id is a usage error (exit 2), said in the language of the environment', async () => {
    expect(chooseLang(['--lang', 'fr'], {})).toEqual({ lang: 'en', bad: 'fr' });
    expect(await sop(['--lang', 'fr', 'lint'], t.dir)).toEqual({ code: 2, stdout: '', stderr: "sop: --lang must be en or id, got 'fr'.\n" });
    expect(await sop(['lint', '--lang'], t.dir, { env: { LANG: 'id_ID.UTF-8' } })).toEqual({ code: 2, stdout: '', stderr: "sop: --lang harus en atau id, diberikan ''.\n" });
  });
});

describe('the CLI in Indonesian', () => {
  it('--lang id words the help of the program and of a command, commander titles and notes included', async () => {
    const top = await sop(['--lang', 'id', '--help'], t.dir);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/^Penggunaan: sop \[options\] \[command\]\n/);
    expect(top.stdout).toContain('\nOpsi:\n');
    expect(top.stdout).toContain('\nPerintah:\n');
    expect(top.stdout).toMatch(/lint \[options\] \[paths\.\.\.\] +periksa berkas SOP terhadap format dan kaidah/);
    expect(top.stdout).toContain('tampilkan bantuan untuk perintah');
    const lint = await sop(['lint', '--help', '--lang', 'id'], t.dir);
    expect(lint.stdout).toContain('\nArgumen:\n');
    expect(lint.stdout).toMatch(/format keluaran \(pilihan: "stylish", .*bawaan: "stylish"\)/s);
    expect(lint.stdout).not.toMatch(/choices|default:|Options:|Usage:/);
  });

  it('LANG=id_ID.UTF-8 gives Indonesian, --lang en overrides it, and without either the help is English', async () => {
    const id = await sop(['lint', '--help'], t.dir, { env: { LANG: 'id_ID.UTF-8' } });
    expect(id.stdout).toMatch(/^Penggunaan: sop lint/);
    expect(id.stdout).toContain('laporkan kesalahan saja');
    const en = await sop(['--lang', 'en', 'lint', '--help'], t.dir, { env: { LANG: 'id_ID.UTF-8' } });
    const plain = await sop(['lint', '--help'], t.dir);
    expect(en.stdout).toBe(plain.stdout);
    expect(plain.stdout).toMatch(/^Usage: sop lint \[options\] \[paths\.\.\.\]\n\ncheck SOP files against the format and the SOP AP rules\n/);
    expect(plain.stdout).toContain('output format (choices: "stylish"');
    // --lang is a global option: taken after the command too, and not an unknown option there
    expect(await sop(['lint', 'sops', '--lang', 'id'], t.dir)).toMatchObject({ code: 0, stderr: '' });
  });

  it('words commander errors: unknown option, missing argument, a choice that is not allowed (exit 2)', async () => {
    const unknown = await sop(['--lang', 'id', 'lint', '--bogus'], t.dir);
    expect(unknown).toMatchObject({ code: 2, stderr: "kesalahan: opsi '--bogus' tidak dikenal\n" });
    const missing = await sop(['--lang', 'id', 'history'], t.dir);
    expect(missing).toMatchObject({ code: 2, stderr: "kesalahan: argumen wajib 'sop' belum diberikan\n" });
    const choice = await sop(['--lang', 'id', 'lint', '-f', 'nope'], t.dir);
    expect(choice.code).toBe(2);
    expect(choice.stderr).toBe("kesalahan: nilai 'nope' untuk opsi '-f, --format <name>' tidak sah. Pilihan yang diperbolehkan: stylish, json, sarif, github, gitlab, junit.\n");
    const day = await sop(['--lang', 'id', 'status', '--today', '2024-02-30'], t.dir);
    expect(day).toMatchObject({ code: 2, stderr: "kesalahan: nilai '2024-02-30' untuk opsi '--today <date>' tidak sah. Diharapkan tanggal kalender YYYY-MM-DD, misalnya 2024-04-01\n" });
    const typo = await sop(['--lang', 'id', 'lnt'], t.dir);
    expect(typo).toMatchObject({ code: 2, stderr: "kesalahan: perintah 'lnt' tidak dikenal\n(Apakah yang Anda maksud lint?)\n" });
    // English keeps commander's words
    expect((await sop(['lint', '--bogus'], t.dir)).stderr).toBe("error: unknown option '--bogus'\n");
  });

  it('a commander message of a shape it does not know keeps its words after the translated prefix', () => {
    expect(commanderError("error: something new '--x'\n", 'id', translator('id'))).toBe("kesalahan: something new '--x'\n");
    expect(commanderError("error: unknown option '--x'\n", 'en', translator('en'))).toBe("error: unknown option '--x'\n");
  });

  it('words usage errors raised in the CLI and the status table headers', async () => {
    const book = await sop(['--lang', 'id', 'book', 'sops', '-o', 'buku.txt'], t.dir);
    expect(book).toMatchObject({ code: 2, stderr: 'sop: --output harus berakhiran .pdf atau .html (atau .docx); diberikan buku.txt\n' });
    const delim = await sop(['status', '--delimiter', ';'], t.dir, { env: { LANG: 'id_ID.UTF-8' } });
    expect(delim).toMatchObject({ code: 2, stderr: 'sop: --delimiter hanya berlaku untuk --format csv, diberikan --format table.\n' });
    const status = await sop(['--lang', 'id', 'status', '--today', '2024-04-01'], t.dir);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout.split('\n')[0]).toMatch(/^ID +Nama SOP +Unit +Tahap +Rev +Sejak +Ditetapkan oleh +Penetapan +Monitoring berikutnya +Evaluasi berikutnya +Keterangan$/);
    expect(status.stdout).toContain('KUL-001');
    const md = await sop(['--lang', 'id', 'status', '-f', 'md', '--today', '2024-04-01'], t.dir);
    expect(md.stdout.split('\n')[0]).toBe('| ID | Nama SOP | Unit | Tahap | Rev | Sejak | Ditetapkan oleh | Penetapan | Monitoring berikutnya | Evaluasi berikutnya | Keterangan |');
    const csv = await sop(['--lang', 'id', 'status', '-f', 'csv', '--today', '2024-04-01'], t.dir);
    expect(csv.stdout.split(/\r?\n/)[0]).toMatch(/^\uFEFF?id,title,unit,stage,/); // field names stay for machines
  });

  it('words the diff and history headers and sections; English stays the default of the formatters', () => {
    const rep = {
      id: 'KUL-001',
      from: { label: 'r0' },
      to: { label: 'r1' },
      diff: { fields: [{ path: 'title', before: 'A', after: 'B' }], actors: [], steps: [] },
      warnings: [],
    } as unknown as DiffReport;
    const id = translator('id');
    expect(formatDiff(rep, 'text', id)).toBe('KUL-001: r0 → r1\nIsian\n  ~ title: "A" → "B"\n');
    expect(formatDiff(rep, 'text')).toBe('KUL-001: r0 → r1\nFields\n  ~ title: "A" → "B"\n');
    expect(formatDiff(rep, 'md', id)).toContain('| | Bagian | Unsur | Perubahan |\n|---|---|---|---|\n| ~ | Isian | title |');
    expect(formatDiff(rep, 'html', id)).toContain('<th>Bagian</th><th>Unsur</th><th>Perubahan</th>');
    expect(formatDiff({ ...rep, diff: { fields: [], actors: [], steps: [] } }, 'text', id)).toBe('KUL-001: r0 → r1\nTidak ada perubahan isi.\n');
    const hist = { id: 'KUL-001', file: 'sops/a.yaml', entries: [], git: true, warnings: [] } as HistoryReport;
    expect(formatHistory(hist, 'text', {}, id)).toBe('KUL-001 (sops/a.yaml)\n  belum ada commit\n');
    expect(formatHistory(hist, 'md', {}, id)).toBe('# KUL-001: riwayat\n\nBerkas: `sops/a.yaml`\n\n| Tanggal | Commit | Oleh | Tahap | Perubahan | Subjek |\n|---|---|---|---|---|---|\n');
    expect(formatHistory(hist, 'md')).toContain('| Date | Commit | Who | Stage | Change | Subject |');
  });

  it('sop lint --lang id words the findings and the summary; the JSON keeps the message id and its data', async () => {
    const tree = tempTree({ 'sops/KUL-001.yaml': minimalSop('KUL-001'), 'sops/KUL-002.yaml': minimalSop('KUL-001') });
    try {
      const id = await sop(['lint', '--lang', 'id', '--no-color'], tree.dir);
      expect(id.code).toBe(1);
      expect(id.stdout).toContain('sudah dipakai oleh');
      expect(id.stdout).toMatch(/masalah \(\d+ kesalahan, \d+ peringatan\)/);
      const en = await sop(['lint', '--no-color'], tree.dir);
      expect(en.stdout).not.toContain('sudah dipakai');
      expect(en.stdout).toMatch(/problems? \(/);
      const json = JSON.parse((await sop(['lint', '--lang', 'id', '-f', 'json'], tree.dir)).stdout) as { files: Array<{ diagnostics: Array<{ ruleId: string; messageId?: string; message: string; data?: Record<string, unknown> }> }> };
      const dup = json.files.flatMap((f) => f.diagnostics).find((m) => m.ruleId === 'unique-id');
      expect(dup?.messageId).toBeTruthy();
      expect(dup?.message).toContain('sudah dipakai');
      expect(Object.keys(dup?.data ?? {}).length).toBeGreaterThan(0);
    } finally {
      tree.cleanup();
    }
  });

  it('words the summary of `sop new` and the no-browser hint of PDF output', async () => {
    const n = tempTree({ 'sops/KUL/KUL-001.yaml': minimalSop('KUL-001') });
    try {
      const made = await sop(['--lang', 'id', 'new', 'KUL-002', '--title', 'Pengarsipan', '--unit', 'Subbagian Umum', '--date', '2024-05-02'], n.dir);
      expect(made.code, made.stderr).toBe(0);
      expect(made.stdout).toMatch(/^Dibuat sops\/.*KUL-002.*\.yaml \(Subbagian Umum.*\)\.\n/);
      expect(made.stdout).toContain('Ganti isian yang bertanda "Ganti", lalu jalankan `sop lint`.\n');
      const again = await sop(['--lang', 'id', 'new', 'KUL-002', '--title', 'Pengarsipan', '--unit', 'Subbagian Umum'], n.dir);
      expect(again.code).toBe(2);
    } finally {
      n.cleanup();
    }
    const pdf = await sop(['--lang', 'id', 'render', 'sops', '--format', 'pdf', '--out', path.join(t.dir, 'out')], t.dir, { env: { PUPPETEER_EXECUTABLE_PATH: '/tidak/ada' } });
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain('sop: PUPPETEER_EXECUTABLE_PATH menunjuk /tidak/ada, yang tidak ada.\nKeluaran PDF memerlukan peramban keluarga Chromium');
    expect(pdf.stderr).toContain('\nPasang ');
  });

  it('words a file that cannot be written, and an SOP locked by another command', async () => {
    writeFileSync(path.join(t.dir, 'blok'), 'a file, not a folder');
    const out = await sop(['--lang', 'id', 'lint', 'sops', '-o', 'blok/laporan.txt'], t.dir);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^sop: Tidak dapat menulis .*blok\/laporan\.txt: terdapat berkas di tempat yang seharusnya folder pada path tersebut \((EEXIST|ENOTDIR)\)\n$/);
    const l = tempTree({ 'sops/a.yaml': minimalSop('KUL-001'), 'sops/a.yaml.lock': JSON.stringify({ pid: process.pid, host: hostname(), since: '2024-04-01T00:00:00Z' }) });
    try {
      const locked = await sop(['--lang', 'id', 'approve', 'KUL-001', '--number', '1/X', '--approver-position', 'P', '--approver-name', 'N', '--approver-nip', '197901012005011001'], l.dir);
      expect(locked.code).toBe(2);
      expect(locked.stderr).toContain(`sedang diubah oleh perintah sop lain (proses ${process.pid}, sejak 2024-04-01T00:00:00Z); berkas tidak diubah.`);
    } finally {
      l.cleanup();
    }
  });

  it('sop init asks in Indonesian, and says what it created and what comes next', async () => {
    const d = tempTree();
    try {
      const asked: string[] = [];
      const res = await sop(['--lang', 'id', 'init', 'kantor'], d.dir, {
        stdinIsTTY: true,
        prompt: async (q: string) => {
          asked.push(q);
          return asked.length === 3 && asked.filter((x) => x.startsWith('Bahasa')).length === 1 ? 'fr' : '';
        },
      });
      expect(res.code, res.stderr).toBe(0);
      expect(asked.map((q) => q.replace(/ \[.*\]: $/, ''))).toEqual(['Nama instansi', 'Unit kerja (kode subbagian KPU, atau KODE=Nama; pisahkan dengan ";")', 'Bahasa dokumen (id, en)', 'Bahasa dokumen (id, en)', 'Kertas (A4, F4, Letter)', 'CI (github, gitlab, none)']);
      expect(res.stderr).toBe('Pilih salah satu: id, en\n');
      expect(res.stdout).toContain('dibuat   kantor/sop.config.yaml\n');
      expect(res.stdout).toContain('\nSelanjutnya:\n  cd kantor\n');
      const again = await sop(['--lang', 'id', 'init', 'kantor'], d.dir);
      expect(again.stdout).toContain('tetap    kantor/sop.config.yaml (sudah ada; tidak diubah)\n');
    } finally {
      d.cleanup();
    }
  });

  it('asks for missing values of approve in Indonesian on a terminal', async () => {
    const a = tempTree({ 'sops/a.yaml': minimalSop('KUL-001') });
    try {
      const asked: string[] = [];
      const answers: Record<string, string> = { '--number': '001/SOP', '--approver-position': 'Sekretaris', '--approver-name': 'Budi', '--approver-nip': '197901012005011001' };
      const res = await sop(['--lang', 'id', 'approve', 'KUL-001', '--today', '2024-04-01'], a.dir, {
        stdinIsTTY: true,
        prompt: async (q: string) => {
          asked.push(q);
          return answers[/\((--[a-z-]+)\): $/.exec(q)![1]!]!;
        },
      });
      expect(res.code, res.stderr).toBe(0);
      expect(asked).toEqual(['Nomor SOP (--number): ', 'jabatan pejabat yang menetapkan (--approver-position): ', 'nama pejabat yang menetapkan (--approver-name): ', 'NIP pejabat yang menetapkan (18 digit) (--approver-nip): ']);
      expect(res.stdout).toBe('KUL-001: draft r0 → approved r0 (sops/a.yaml)\n');
      const again = await sop(['--lang', 'id', 'approve', 'KUL-001', '--today', '2024-04-01'], a.dir);
      expect(again.stdout).toBe('KUL-001 sudah berstatus approved (revisi 0); tidak ada yang diubah.\n');
    } finally {
      a.cleanup();
    }
  });
});
