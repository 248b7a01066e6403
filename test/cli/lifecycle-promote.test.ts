import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sop, tempTree } from '../helpers/cli.js';
import { life } from '../lifecycle/life.js';
import { testRepo } from '../lifecycle/repo-helper.js';

const cleanups: Array<{ cleanup(): void }> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c.cleanup()));

const ORIGINAL = `# yaml-language-server: $schema=../schemas/sop.schema.json
# Pengelolaan surat masuk — disusun oleh Subbag KUL
sop: 1
id: KUL-004    # jangan diubah
title:   Pengelolaan Surat Masuk
unit: 'Subbagian Keuangan, Umum dan Logistik'
status: draft   # tahap
revision: 0
dates: { created: 2024-03-11 }   # tanggal

legalBasis:
    - Undang-Undang Nomor 43 Tahun 2009 tentang Kearsipan   # dasar
actors:
    - {id: staf, name: Staf}
steps:
    # langkah pertama
    - activity: >-
        Menerima surat masuk
        dan mencatatnya
      actor: staf
      time: 15 menit
      output: Surat tercatat
    - activity: Mengarsipkan surat
      actor: staf
      time: 15 menit
      output: Arsip
`;

describe('sop promote', () => {
  it('keeps comments and layout byte for byte outside the lines it changes', async () => {
    const t = tempTree({ 'sops/kul-004.yaml': ORIGINAL });
    cleanups.push(t);
    const res = await sop(['approve', 'KUL-004', '--number', '004/SOP/KUL/IV/2024', '--effective', '2024-04-01', '--approver-position', 'Sekretaris KPU Kota Malang', '--approver-name', 'Budi Santoso', '--approver-nip', '197901012005011001'], t.dir);
    expect(res.stderr).toBe('');
    expect(res).toMatchObject({ code: 0, stdout: 'KUL-004: draft r0 → approved r0 (sops/kul-004.yaml)\n' });
    const after = readFileSync(path.join(t.dir, 'sops/kul-004.yaml'), 'utf8');
    expect(after).toBe(
      ORIGINAL.replace('id: KUL-004    # jangan diubah\n', 'id: KUL-004    # jangan diubah\nnumber: 004/SOP/KUL/IV/2024\n')
        .replace('status: draft   # tahap', 'status: approved   # tahap')
        .replace('dates: { created: 2024-03-11 }   # tanggal\n', 'dates: { created: 2024-03-11, effective: 2024-04-01 }   # tanggal\napproval:\n  position: Sekretaris KPU Kota Malang\n  name: Budi Santoso\n  nip: "197901012005011001"\n'),
    );
    expect((await sop(['lint', 'sops', '--today', '2024-06-01'], t.dir)).stdout).not.toMatch(/error/);
    // implement, with the date from the injected clock; then revise
    expect((await sop(['implement', 'KUL-004', '--today', '2024-05-02'], t.dir)).code).toBe(0);
    expect((await sop(['revise', 'sops/kul-004.yaml', '--today', '2025-01-15', '--reason', 'Penyesuaian dengan SRIKANDI: surat #2'], t.dir)).stdout).toBe('KUL-004: implemented r0 → draft r1 (sops/kul-004.yaml)\n');
    const revised = readFileSync(path.join(t.dir, 'sops/kul-004.yaml'), 'utf8');
    // A new draft is neither numbered, signed nor in force: number, approval and dates.effective go with
    // dates.implemented (git keeps them); the reason is recorded.
    expect(revised).toBe(
      ORIGINAL.replace('status: draft   # tahap', 'status: draft   # tahap')
        .replace('revision: 0\n', 'revision: 1\nrevisionNote: "Penyesuaian dengan SRIKANDI: surat #2"\n')
        .replace('dates: { created: 2024-03-11 }', 'dates: { created: 2024-03-11, revised: 2025-01-15 }'),
    );
    expect(await sop(['lint', 'sops'], t.dir)).toMatchObject({ code: 0, stdout: '✓ 1 file checked, no problems\n' });
  });

  it('lists the missing values, refuses invalid transitions and bad values (exit 2, file untouched)', async () => {
    const t = tempTree({ 'sops/a.yaml': life.draft0 });
    cleanups.push(t);
    const file = path.join(t.dir, 'sops/a.yaml');
    const miss = await sop(['approve', 'KUL-001'], t.dir);
    expect(miss.code).toBe(2);
    expect(miss.stderr).toBe(
      'sop: KUL-001 cannot be moved to approved: missing --number (Nomor SOP), --approver-position (position (jabatan) of the approving official), --approver-name (name of the approving official), --approver-nip (NIP of the approving official (18 digits)).\n',
    );
    const skip = await sop(['promote', 'KUL-001', 'implemented'], t.dir);
    expect(skip.stderr).toBe('sop: KUL-001 cannot be moved to implemented: draft r0 → implemented r0 is not allowed: a stage was skipped; the lifecycle is draft → approved → implemented → evaluated.\n');
    const nip = await sop(['approve', 'KUL-001', '--number', 'N', '--approver-position', 'P', '--approver-name', 'X', '--approver-nip', '123', '--effective', '2024-01-01'], t.dir);
    expect(nip.stderr).toBe('sop: KUL-001 cannot be moved to approved: the NIP must be 18 digits, got `123`; the effective date 2024-01-01 is before dates.created 2024-03-11.\n');
    expect((await sop(['revise', 'KUL-001'], t.dir)).stderr).toMatch(/draft r0 → draft r1 is not allowed/);
    expect((await sop(['promote', 'KUL-001', 'evaluated'], t.dir)).code).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe(life.draft0);
    const bad = await sop(['promote', 'KUL-001', 'published'], t.dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Allowed choices are draft, approved, implemented, evaluated, withdrawn/);
    expect((await sop(['promote', 'KUL-001', 'draft'], t.dir)).stdout).toBe('KUL-001 is already draft (revision 0); nothing to do.\n');
  });

  it.each([
    ['a day that does not exist', ['approve', 'KUL-001', '--effective', '2024-13-01'], 'sop: KUL-001 cannot be moved to approved: --effective must be a real date YYYY-MM-DD, got `2024-13-01`.\n'],
    ['29 February of a common year', ['approve', 'KUL-001', '--effective', '2025-02-29'], 'sop: KUL-001 cannot be moved to approved: --effective must be a real date YYYY-MM-DD, got `2025-02-29`.\n'],
    ['a number outside numbering.pattern', ['approve', 'KUL-001', '--number', '1'], 'sop: KUL-001 cannot be moved to approved: --number `1` does not match numbering.pattern ^\\d{3}/SOP$.\n'],
    ['a number another SOP has', ['approve', 'KUL-001', '--number', '002/SOP'], 'sop: KUL-001 cannot be moved to approved: --number `002/SOP` is already the number of sops/b.yaml.\n'],
    ['a successor that does not exist', ['withdraw', 'KUL-001', '--superseded-by', 'KUL-003'], 'sop: KUL-001 cannot be moved to withdrawn: --superseded-by names `KUL-003`, but no SOP of the repository has that id (did you mean `KUL-002`?).\n'],
    ['itself as successor', ['withdraw', 'KUL-001', '--superseded-by', 'KUL-001'], 'sop: KUL-001 cannot be moved to withdrawn: --superseded-by names this SOP itself; name the SOP that replaces it.\n'],
  ])('refuses %s (exit 2, file untouched)', async (_name, args, stderr) => {
    const t = tempTree({ 'sops/a.yaml': life.draft0, 'sops/b.yaml': life.draft0.replace('KUL-001', 'KUL-002').replace('title:', 'number: 002/SOP\ntitle:'), 'sop.config.yaml': 'numbering: {pattern: "^\\\\d{3}/SOP$"}\n' });
    cleanups.push(t);
    const all = ['--number', '001/SOP', '--approver-position', 'P', '--approver-name', 'X', '--approver-nip', '197901012005011001', '--effective', '2024-04-01'];
    const res = await sop([...args, ...(args[0] === 'approve' ? all.filter((_, i) => !args.includes(all[i - (i % 2)]!)) : [])], t.dir);
    expect(res).toMatchObject({ code: 2, stdout: '', stderr });
    expect(readFileSync(path.join(t.dir, 'sops/a.yaml'), 'utf8')).toBe(life.draft0);
  });

  it('approves an SOP written as one flow mapping (no internal error)', async () => {
    const flow = '{sop: 1, id: KUL-001, title: Surat, unit: Umum, status: draft, revision: 0,\n dates: {created: 2024-03-11}, legalBasis: [UU], actors: [{id: s, name: Staf}],\n steps: [{activity: A, actor: s, time: 1 jam, output: X}, {activity: B, actor: s, time: 1 jam, output: Y}]}\n';
    const t = tempTree({ 'sops/KUL-001.yaml': flow });
    cleanups.push(t);
    const res = await sop(['approve', 'KUL-001', '--number', '1/X', '--effective', '2024-04-01', '--approver-position', 'P', '--approver-name', 'N', '--approver-nip', '197901012005011001'], t.dir);
    expect(res).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(path.join(t.dir, 'sops/KUL-001.yaml'), 'utf8')).toBe(
      '{sop: 1, id: KUL-001, number: 1/X, title: Surat, unit: Umum, status: approved, revision: 0,\n dates: {created: 2024-03-11, effective: 2024-04-01}, approval: {position: P, name: "N", nip: "197901012005011001"}, legalBasis: [UU], actors: [{id: s, name: Staf}],\n steps: [{activity: A, actor: s, time: 1 jam, output: X}, {activity: B, actor: s, time: 1 jam, output: Y}]}\n',
    );
    expect((await sop(['lint', 'sops'], t.dir)).code).toBe(0);
    // what cannot be edited in place is said plainly, and the file is left alone
    const odd = flow.replace('KUL-001', 'KUL-002').replace('dates: {created: 2024-03-11}', 'dates: 2024');
    const u = tempTree({ 'sops/KUL-002.yaml': odd });
    cleanups.push(u);
    const bad = await sop(['approve', 'KUL-002', '--number', '1/X', '--approver-position', 'P', '--approver-name', 'N', '--approver-nip', '197901012005011001'], u.dir);
    expect(bad).toMatchObject({ code: 2, stderr: 'sop: sops/KUL-002.yaml could not be edited in place (`dates` is not a mapping); the file was not changed.\n' });
    expect(readFileSync(path.join(u.dir, 'sops/KUL-002.yaml'), 'utf8')).toBe(odd);
  });

  it('asks for missing values only when stdin is a terminal', async () => {
    const t = tempTree({ 'sops/a.yaml': life.draft0 });
    cleanups.push(t);
    const asked: string[] = [];
    const answers: Record<string, string> = { '--number': '001/SOP', '--approver-position': 'Sekretaris', '--approver-name': 'Budi', '--approver-nip': '197901012005011001' };
    const res = await sop(['approve', 'KUL-001', '--today', '2024-04-01'], t.dir, {
      stdinIsTTY: true,
      prompt: async (q: string) => {
        asked.push(q);
        return answers[/\((--[a-z-]+)\): $/.exec(q)![1]!]!;
      },
    });
    expect(res.code, res.stderr).toBe(0);
    expect(asked).toEqual(['Nomor SOP (--number): ', 'position (jabatan) of the approving official (--approver-position): ', 'name of the approving official (--approver-name): ', 'NIP of the approving official (18 digits) (--approver-nip): ']);
    expect(readFileSync(path.join(t.dir, 'sops/a.yaml'), 'utf8')).toContain('dates: {created: 2024-03-11, effective: 2024-04-01}\napproval:\n  position: Sekretaris\n');
  });

  it('commits the file alone with the message and trailers, and the history reads it', async () => {
    const r = testRepo({ 'sops/a.yaml': life.draft0, 'sops/b.yaml': life.draft0.replace('KUL-001', 'KUL-002') });
    cleanups.push(r);
    r.commit('drafts', '2024-03-11');
    r.write('sops/b.yaml', `${life.draft0.replace('KUL-001', 'KUL-002')}# note\n`);
    const res = await sop(['approve', 'KUL-001', '--number', '001/SOP', '--approver-position', 'Sekretaris', '--approver-name', 'Budi', '--approver-nip', '197901012005011001', '--today', '2024-04-01', '--commit'], r.dir);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^KUL-001: draft r0 → approved r0 \(sops\/a\.yaml\), committed [0-9a-f]{7}\n$/);
    expect(r.git(['log', '-1', '--format=%B'])).toBe('sop(KUL-001): approved\n\nSOP-Id: KUL-001\nSOP-Stage: approved\nSOP-Revision: 0\n\n');
    expect(r.git(['show', '--name-only', '--format=', 'HEAD']).trim()).toBe('sops/a.yaml');
    expect(r.git(['status', '--porcelain'])).toBe(' M sops/b.yaml\n');
    const h = await sop(['history', 'KUL-001'], r.dir);
    expect(h.stdout).toContain('★ draft r0 → approved r0');
    const plain = tempTree({ 'sops/a.yaml': life.draft0, 'sops/c.yaml': life.draft0.replace('KUL-001', 'KUL-009') });
    cleanups.push(plain);
    const noGit = await sop(['withdraw', 'KUL-001', '--commit'], plain.dir);
    expect(noGit).toMatchObject({ code: 2 });
    expect(noGit.stderr).toMatch(/--commit needs a git repository/);
    expect(readFileSync(path.join(plain.dir, 'sops/a.yaml'), 'utf8')).toBe(life.draft0);
    expect((await sop(['withdraw', 'KUL-001', '--superseded-by', 'KUL-009'], plain.dir)).code).toBe(0);
    expect(readFileSync(path.join(plain.dir, 'sops/a.yaml'), 'utf8')).toBe(`${life.draft0.replace('status: draft', 'status: withdrawn')}supersededBy: KUL-009\n`);
  });

  it('revise clears number, approval and dates.effective, records --reason, and the result lints clean with --since', async () => {
    const r = testRepo({ 'sops/kul-001.yaml': life.implemented0 });
    cleanups.push(r);
    r.commit('sop(KUL-001): implemented', '2024-05-02');
    r.git(['checkout', '-q', '-b', 'revisi']);
    const res = await sop(['revise', 'KUL-001', '--reason', 'Penyesuaian dengan aplikasi SRIKANDI', '--today', '2025-05-01', '--commit'], r.dir);
    expect(res.code, res.stderr).toBe(0);
    expect(r.git(['log', '-1', '--format=%B'])).toBe('sop(KUL-001): draft\n\nSOP-Id: KUL-001\nSOP-Stage: draft\nSOP-Revision: 1\nSOP-Reason: Penyesuaian dengan aplikasi SRIKANDI\n\n');
    const text = readFileSync(path.join(r.dir, 'sops/kul-001.yaml'), 'utf8');
    expect(text).not.toMatch(/number:|approval:|effective:|implemented:/);
    expect(text).toContain('revision: 1\nrevisionNote: Penyesuaian dengan aplikasi SRIKANDI\n');
    expect(text).toContain('dates: {created: 2024-03-11, revised: 2025-05-01}');
    // lifecycle-transition, status-requirements and every other rule accept the new draft
    expect(await sop(['lint', '--since', 'main'], r.dir)).toMatchObject({ code: 0, stdout: '✓ 1 file checked, no problems\n' });
    // the draft prints no signature block or effective date, and Riwayat Revisi shows the reason
    const md = await sop(['render', 'sops/kul-001.yaml', '-f', 'md', '--out', '-'], r.dir);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain('| Tanggal Efektif | \\- |');
    expect(md.stdout).toContain('| Disahkan oleh | \\-<br>\\-<br>\\- |');
    expect(md.stdout).toMatch(/\| 1 \| [^|]+ \| Konsep \| \\- \| Penyesuaian dengan aplikasi SRIKANDI \|/);
    // a later revision without --reason drops the old reason
    r.write('sops/kul-001.yaml', life.approved1.replace('revision: 1\n', 'revision: 1\nrevisionNote: Alasan lama\n'));
    expect((await sop(['revise', 'KUL-001', '--today', '2026-01-05'], r.dir)).code).toBe(0);
    expect(readFileSync(path.join(r.dir, 'sops/kul-001.yaml'), 'utf8')).not.toContain('revisionNote');
    expect(await sop(['promote', 'KUL-001', 'approved', '--reason', 'x'], r.dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('--reason is for a revision (`sop revise`) only') });
    expect(await sop(['revise', 'KUL-001', '--reason', 'x'], r.dir)).toMatchObject({ code: 2 });
  });

  it.each([
    ['approve', ['--number', '--effective', '--approver-position', '--approver-name', '--approver-nip']],
    ['implement', ['--date']],
    ['revise', ['--date', '--reason']],
    ['withdraw', ['--superseded-by']],
    ['promote', ['--number', '--effective', '--date', '--approver-position', '--approver-name', '--approver-nip', '--superseded-by', '--reason']],
  ])('`sop %s --help` lists only its own options', async (verb, own) => {
    const t = tempTree({ 'sops/a.yaml': life.draft0 });
    cleanups.push(t);
    const res = await sop([verb, '--help'], t.dir);
    expect(res.code).toBe(0);
    const listed = [...res.stdout.matchAll(/^ {2}(?:-\w, )?(--[a-z-]+)/gm)].map((m) => m[1]);
    expect(listed).toEqual([...own, '--commit', '--config', '--help']);
  });

  it('a repeated approval with other values is refused, not reported as done', async () => {
    const t = tempTree({ 'sops/a.yaml': life.approved0 });
    cleanups.push(t);
    const same = await sop(['approve', 'KUL-001', '--number', '001/SOP/KUL/2024'], t.dir);
    expect(same).toMatchObject({ code: 0, stdout: 'KUL-001 is already approved (revision 0); nothing to do.\n' });
    const other = await sop(['approve', 'KUL-001', '--number', '002/SOP/KUL/2024', '--approver-name', 'Budi Santoso'], t.dir);
    expect(other).toMatchObject({ code: 2, stderr: 'sop: KUL-001 cannot be moved to approved: it is already approved (revision 0) with other values: --number `002/SOP/KUL/2024` (the file has `001/SOP/KUL/2024`); nothing was changed.\n' });
    expect(readFileSync(path.join(t.dir, 'sops/a.yaml'), 'utf8')).toBe(life.approved0);
  });
});
