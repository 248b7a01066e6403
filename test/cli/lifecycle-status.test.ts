import { lstatSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gitProcessCount } from '../../src/git/git.js';
import { minimalSop, sop, tempTree } from '../helpers/cli.js';
import { life, scriptLife } from '../lifecycle/life.js';
import { testRepo, type TestRepo } from '../lifecycle/repo-helper.js';

const repos: Array<{ cleanup(): void }> = [];
afterEach(() => repos.splice(0).forEach((r) => r.cleanup()));
const make = (files: Record<string, string> = {}) => {
  const r = testRepo(files);
  repos.push(r);
  return r;
};
const statusJson = async (r: { dir: string }, args: string[] = []) => {
  const res = await sop(['status', '-f', 'json', '--today', '2025-07-01', ...args], r.dir);
  expect(res.code, res.stderr).toBe(0);
  return { ...res, json: JSON.parse(res.stdout) as { git: boolean; warnings: string[]; sops: Array<Record<string, unknown>> } };
};

describe('sop status on a scripted life', () => {
  it('shows the stage, since, approval commit and due dates at each stage', async () => {
    const r = make();
    const expected: Array<[string, string, number, string]> = [
      ['draft', '2024-03-11', 0, ''],
      ['approved', '2024-04-01', 0, 'approved'],
      ['implemented', '2024-05-02', 0, 'approved'],
      ['evaluated', '2025-04-10', 0, 'approved'],
      ['draft', '2025-05-01', 1, ''],
      ['approved', '2025-06-02', 1, 'approved'],
    ];
    const hashes = scriptLife(r);
    const { json } = await statusJson(r);
    expect(json.git).toBe(true);
    expect(json.warnings).toEqual([]);
    expect(json.sops).toEqual([
      {
        file: 'sops/kul-001.yaml',
        id: 'KUL-001',
        title: 'Contoh',
        unit: 'Subbagian Umum',
        stage: 'approved',
        revision: 1,
        since: '2025-06-02',
        sinceCommit: hashes[5]!.slice(0, 7),
        approvedBy: 'Sekretaris, Siti Aminah',
        approvalCommit: hashes[5]!.slice(0, 7),
        nextMonitoring: '2025-12-02',
        monitoringOverdue: false,
        nextEvaluation: '2026-06-02',
        evaluationOverdue: false,
        changedAfterApproval: false,
      },
    ]);
    // Each intermediate stage, by checking out the commit that entered it.
    for (const [i, [stage, since, revision]] of expected.entries()) {
      r.git(['checkout', '-q', hashes[i]!]);
      const row = (await statusJson(r)).json.sops[0]!;
      expect([row.stage, row.since, row.revision, row.sinceCommit]).toEqual([stage, since, revision, hashes[i]!.slice(0, 7)]);
      expect(row.approvalCommit).toBe(stage === 'draft' ? undefined : hashes[revision === 0 ? 1 : 5]!.slice(0, 7));
    }
  });

  it('flags overdue reviews, shows a readable table and aligned columns', async () => {
    const r = make();
    scriptLife(r);
    r.git(['checkout', '-q', 'HEAD~2']); // evaluated r0: effective 2024-04-01, evaluation 2025-04-10
    const res = await sop(['status', '--today', '2025-07-01'], r.dir);
    expect(res.code).toBe(0);
    const lines = res.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+Title\s+Unit\s+Stage\s+Rev\s+Since\s+Approved by\s+Approval\s+Next monitoring\s+Next evaluation\s+Flags$/);
    expect(lines[2]).toContain('evaluated');
    expect(lines[2]).toContain('2024-10-01 (overdue)');
    expect(lines[2]).toContain('2026-04-10');
    expect(lines[2]!.indexOf('evaluated')).toBe(lines[0]!.indexOf('Stage'));
    // the approver is printed whole, however long
    const long = 'Sekretaris Komisi Pemilihan Umum Kota Malang, Dr. Budi Santoso, S.H., M.Si.';
    r.git(['checkout', '-q', 'main']);
    r.write('sops/kul-001.yaml', life.approved1.replace('position: Sekretaris', 'position: Sekretaris Komisi Pemilihan Umum Kota Malang').replace('name: Siti Aminah', 'name: Dr. Budi Santoso, S.H., M.Si.'));
    const wide = (await sop(['status', '--today', '2025-07-01'], r.dir)).stdout.split('\n');
    expect(wide[2]).toContain(long);
    expect(wide[2]!.indexOf(long)).toBe(wide[0]!.indexOf('Approved by'));
  });

  it('follows a rename: since and approval survive the move', async () => {
    const r = make();
    const hashes = scriptLife(r);
    r.rename('sops/kul-001.yaml', 'sops/umum/kul-001.yaml');
    r.commit('Move KUL-001 to umum/', '2025-06-10');
    const row = (await statusJson(r)).json.sops[0]!;
    expect(row).toMatchObject({ file: 'sops/umum/kul-001.yaml', since: '2025-06-02', approvalCommit: hashes[5]!.slice(0, 7), changedAfterApproval: false });
    const h = await sop(['history', 'KUL-001', '-f', 'json'], r.dir);
    const entries = JSON.parse(h.stdout).entries as Array<{ change: string; summary: string; renamedFrom?: string }>;
    expect(entries).toHaveLength(7);
    expect(entries[6]).toMatchObject({ change: 'R', renamedFrom: 'sops/kul-001.yaml', summary: 'renamed from sops/kul-001.yaml' });
  });

  it('flags an approved file edited without a revision, committed or not, and uncommitted files', async () => {
    const r = make();
    scriptLife(r);
    r.write('sops/kul-001.yaml', life.approved1.replace('title: Contoh', 'title: Contoh yang diubah'));
    let row = (await statusJson(r)).json.sops[0]!;
    expect(row).toMatchObject({ changedAfterApproval: true, uncommitted: 'modified', since: '2025-06-02' });
    r.commit('Fix title', '2025-06-20');
    row = (await statusJson(r)).json.sops[0]!;
    expect(row).toMatchObject({ changedAfterApproval: true, since: '2025-06-02' });
    expect(row.uncommitted).toBeUndefined();
    // monitoring does not count as content
    r.write('sops/kul-001.yaml', `${life.approved1}monitoring:\n  - {date: 2025-06-30, assessor: Tim, result: good}\n`);
    r.write('sops/kul-002.yaml', minimalSop('KUL-002'));
    const { json } = await statusJson(r);
    expect(json.sops.map((s) => [s.id, s.changedAfterApproval, s.uncommitted, s.since ?? null])).toEqual([
      ['KUL-001', false, 'modified', '2025-06-02'],
      ['KUL-002', false, 'untracked', null],
    ]);
    const table = await sop(['status', '--today', '2025-07-01'], r.dir);
    expect(table.stdout).toContain('uncommitted (untracked)');
    // an uncommitted promote: the stage moved, so there is no "since" yet
    r.write('sops/kul-001.yaml', life.approved1.replace('status: approved', 'status: implemented').replace('implemented: 2024-05-02', 'implemented: 2025-06-30'));
    row = (await statusJson(r, ['sops/kul-001.yaml'])).json.sops[0]!;
    expect(row).toMatchObject({ stage: 'implemented', uncommitted: 'modified', changedAfterApproval: false });
    expect(row.since).toBeUndefined();
    // a file that does not parse is still listed, and said so
    r.write('sops/kul-001.yaml', 'id: [unclosed\n');
    row = (await statusJson(r, ['sops/kul-001.yaml'])).json.sops[0]!;
    expect(row).toMatchObject({ file: 'sops/kul-001.yaml', stage: '', unreadable: true });
    expect((await sop(['status', '--today', '2025-07-01', 'sops/kul-001.yaml'], r.dir)).stdout).toContain('sops/kul-001.yaml does not parse (run `sop lint`)');
    // it has no id now, but its name still finds it
    const h = await sop(['history', 'KUL-001'], r.dir);
    expect(h.code, h.stderr).toBe(0);
    expect(h.stdout).toMatch(/^KUL-001 \(sops\/kul-001\.yaml\)\n/);
    expect((await sop(['diff', 'KUL-001'], r.dir)).code).toBe(0);
  });

  it('reads history through a merged branch', async () => {
    const r = make({ 'sops/kul-001.yaml': life.draft0 });
    r.commit('draft', '2024-03-11');
    r.git(['checkout', '-q', '-b', 'approve']);
    r.write('sops/kul-001.yaml', life.approved0);
    const approval = r.commit('sop(KUL-001): approved', '2024-04-01');
    r.git(['checkout', '-q', 'main']);
    r.write('sops/other.yaml', life.draft0.replace('KUL-001', 'KUL-002'));
    r.commit('another SOP', '2024-04-02');
    r.git(['merge', '-q', '--no-ff', '-m', 'Merge approval', 'approve'], { GIT_AUTHOR_DATE: '2024-04-03T10:00:00+07:00', GIT_COMMITTER_DATE: '2024-04-03T10:00:00+07:00' });
    const row = (await statusJson(r, ['sops/kul-001.yaml'])).json.sops[0]!;
    expect(row).toMatchObject({ stage: 'approved', since: '2024-04-01', approvalCommit: approval.slice(0, 7) });
    const h = await sop(['history', 'KUL-001', '-f', 'json'], r.dir);
    expect((JSON.parse(h.stdout).entries as unknown[]).length).toBe(2);
  });

  it('md and csv formats', async () => {
    const r = make();
    scriptLife(r);
    r.write('sops/kul-002.yaml', minimalSop('KUL-002').replace('title: Contoh', 'title: "Surat, nota | dan \\"arsip\\""'));
    const md = await sop(['status', '-f', 'md', '--today', '2025-07-01'], r.dir);
    expect(md.stdout.split('\n')[1]).toBe('|---|---|---|---|---|---|---|---|---|---|---|');
    expect(md.stdout).toContain('| KUL-002 | Surat, nota \\| dan "arsip" |');
    const csv = await sop(['status', '-f', 'csv', '--today', '2025-07-01'], r.dir);
    const lines = csv.stdout.split('\r\n');
    expect(lines[0]).toBe('\uFEFFid,title,unit,stage,revision,since,approvedBy,approvalCommit,nextMonitoring,monitoringOverdue,nextEvaluation,evaluationOverdue,changedAfterApproval,uncommitted,file');
    expect(lines[2]).toBe('KUL-002,"Surat, nota | dan ""arsip""",Subbagian Umum,draft,0,,,,,false,,false,false,untracked,sops/kul-002.yaml');
  });
});

describe('sop status with a config below the repository root', () => {
  it('reads history for the config\'s SOP glob', async () => {
    const r = make({ 'kpu/sop.config.yaml': 'sops: prosedur/**/*.yaml\n', 'kpu/prosedur/a.yaml': life.draft0, 'other/x.yaml': life.draft0.replace('KUL-001', 'KUL-002') });
    r.commit('draft', '2024-03-11');
    r.write('kpu/prosedur/a.yaml', life.approved0);
    const h = r.commit('approve', '2024-04-01');
    const res = await sop(['status', '-f', 'json', '--today', '2024-05-01'], path.join(r.dir, 'kpu'));
    const json = JSON.parse(res.stdout) as { sops: Array<Record<string, unknown>> };
    expect(json.sops.map((s) => [s.file, s.since, s.approvalCommit])).toEqual([['prosedur/a.yaml', '2024-04-01', h.slice(0, 7)]]);
  });
});

describe('sop status without full history', () => {
  it('says plainly that a shallow clone is shallow, and still reports', async () => {
    const r = make();
    scriptLife(r);
    const clone = tempTree();
    repos.push(clone);
    r.git(['clone', '-q', '--depth', '2', `file://${r.dir}`, path.join(clone.dir, 'c')]);
    const res = await statusJson({ dir: path.join(clone.dir, 'c') });
    expect(res.stderr).toContain('history is shallow: run `git fetch --unshallow`, or check out with fetch-depth 0');
    expect(res.json.warnings).toHaveLength(1);
    expect(res.json.sops[0]).toMatchObject({ id: 'KUL-001', stage: 'approved', revision: 1, since: '2025-06-02' });
    const h = await sop(['history', 'KUL-001'], path.join(clone.dir, 'c'));
    expect(h.code).toBe(0);
    expect(h.stderr).toContain('history is shallow');
    expect(h.stdout).toContain('draft r1');
    expect(h.stdout).not.toContain('draft r0');
  });

  it('works in a repository without commits yet (status, history, diff, render)', async () => {
    const r = make({ 'sops/kul-001.yaml': life.implemented0 });
    const res = await statusJson(r);
    expect(res.json.sops[0]).toMatchObject({ stage: 'implemented', uncommitted: 'untracked' });
    const h = await sop(['history', 'KUL-001'], r.dir);
    expect(h).toMatchObject({ code: 0, stderr: 'sop: sops/kul-001.yaml has never been committed\n' });
    expect(h.stdout).toContain('(working tree)');
    const d = await sop(['diff', 'KUL-001'], r.dir);
    expect(d).toMatchObject({ code: 2, stderr: 'sop: KUL-001 has no approved version in git history; name the versions to compare: `sop diff KUL-001 <a> [<b>]`.\n' });
    expect((await sop(['diff', 'KUL-001', 'HEAD'], r.dir)).stderr).toMatch(/^sop: Unknown git revision `HEAD`/);
    const md = await sop(['render', '--format', 'md', '--out', '-', 'sops/kul-001.yaml'], r.dir);
    expect(md.code, md.stderr).toBe(0);
  });

  it('reads history through a symlinked SOP folder, and promote --commit commits the real file', async () => {
    const r = make({ 'sop.config.yaml': 'locale: id\n', 'data/sops/kul-001.yaml': life.draft0 });
    symlinkSync('data/sops', path.join(r.dir, 'sops'));
    r.commit('draft', '2024-03-11');
    const res = await statusJson(r);
    expect(res.json.sops[0]).toMatchObject({ file: 'sops/kul-001.yaml', stage: 'draft', since: '2024-03-11' });
    const approve = await sop(['approve', 'KUL-001', '--number', '001/SOP', '--approver-position', 'P', '--approver-name', 'N', '--approver-nip', '197901012005011001', '--today', '2024-04-01', '--commit'], r.dir);
    expect(approve.code, approve.stderr).toBe(0);
    expect(r.git(['show', '--name-only', '--format=', 'HEAD']).trim()).toBe('data/sops/kul-001.yaml');
    expect(r.git(['status', '--porcelain'])).toBe('');
    expect(lstatSync(path.join(r.dir, 'sops')).isSymbolicLink()).toBe(true);
    const h = await sop(['history', 'KUL-001'], r.dir);
    expect(h.stdout).toContain('★ draft r0 → approved r0');
    expect((await sop(['diff', 'KUL-001'], r.dir)).stdout).toContain('No change in content.');
  });

  it('promote refuses an SOP folder that a symlink takes out of the repository (the SOP glob does not follow it), before writing', async () => {
    const outside = tempTree({ 'kul-001.yaml': life.draft0 });
    repos.push(outside);
    const r = make({ 'sop.config.yaml': 'locale: id\n' });
    symlinkSync(outside.dir, path.join(r.dir, 'sops'));
    r.commit('config', '2024-03-11');
    const res = await sop(['withdraw', 'KUL-001', '--commit'], r.dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/^sop: sop\.config\.yaml:1:1 sops must stay inside the repository \(.*\): sops \(it resolves to .*\) is outside it\.\n$/);
    expect(readFileSync(path.join(outside.dir, 'kul-001.yaml'), 'utf8')).toBe(life.draft0);
  });

  it('works in a plain folder, except history', async () => {
    const t = tempTree({ 'sops/kul-001.yaml': life.implemented0 });
    repos.push(t);
    const res = await statusJson(t);
    expect(res.json.git).toBe(false);
    expect(res.stderr).toContain('not a git repository');
    expect(res.json.sops[0]).toMatchObject({ stage: 'implemented', approvedBy: 'Sekretaris, Budi Santoso', nextMonitoring: '2024-10-01', monitoringOverdue: true });
    expect(res.json.sops[0]!.since).toBeUndefined();
    const h = await sop(['history', 'KUL-001'], t.dir);
    expect(h.code).toBe(2);
    expect(h.stderr).toMatch(/not in a git repository/);
  });
});

describe('git processes', () => {
  function bigRepo(sops: number, rounds: number): TestRepo {
    const r = make();
    for (let k = 0; k < rounds; k++) {
      for (let i = 1; i <= sops; i++) r.write(`sops/s${i}.yaml`, minimalSop(`KUL-${String(i).padStart(3, '0')}`, `x-note: round ${k}\n`));
      r.commit(`round ${k}`, `2024-01-${String(k + 1).padStart(2, '0')}`);
    }
    return r;
  }
  it('does not grow with commits or SOPs', async () => {
    const counts: number[] = [];
    for (const [n, k] of [[1, 1], [4, 6]] as const) {
      const r = bigRepo(n, k);
      const before = gitProcessCount();
      const { json } = await statusJson(r);
      expect(json.sops).toHaveLength(n);
      counts.push(gitProcessCount() - before);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThanOrEqual(5);
  });
});

describe('sop history', () => {
  it('prints the timeline with transitions and semantic summaries', async () => {
    const r = make();
    const hashes = scriptLife(r);
    const res = await sop(['history', 'sops/kul-001.yaml'], r.dir);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toBe(
      [
        'KUL-001 (sops/kul-001.yaml)',
        `2024-03-11  ${hashes[0]!.slice(0, 7)}  draft r0        Draft KUL-001 — Admin Tester`,
        '    created',
        // the approving official and the evaluator are named from the SOP, the git author as who committed
        `2024-04-01  ${hashes[1]!.slice(0, 7)}  approved r0     sop(KUL-001): approved — approved by Budi Santoso (Sekretaris); committed by Siti Aminah`,
        '    ★ draft r0 → approved r0',
        '    status, dates.effective, number, approval.position, approval.name, approval.nip',
        '      + dates.effective: "2024-04-01"',
        '      + number: "001/SOP/KUL/2024"',
        '      + approval.position: "Sekretaris"',
        '      + approval.name: "Budi Santoso"',
        '      + approval.nip: "197901012005011001"',
        `2024-05-02  ${hashes[2]!.slice(0, 7)}  implemented r0  sop(KUL-001): implemented — Admin Tester`,
        '    ★ approved r0 → implemented r0',
        '    status, dates.implemented',
        '      + dates.implemented: "2024-05-02"',
        `2025-04-10  ${hashes[3]!.slice(0, 7)}  evaluated r0    sop(KUL-001): evaluated — evaluated by Tim Evaluasi; committed by Admin Tester`,
        '    ★ implemented r0 → evaluated r0',
        '    status, evaluations',
        '      + evaluation 2025-04-10: Tim Evaluasi; decision: revise; criteria met: 6 of 7 (not met: easyToApply)',
        `2025-05-01  ${hashes[4]!.slice(0, 7)}  draft r1        sop(KUL-001): revise — Admin Tester`,
        '    ★ evaluated r0 → draft r1',
        '    status, revision, dates.revised; steps ~2 (time), +3',
        '      + dates.revised: "2025-05-01"',
        '      ~ step 2: time: "15 menit" → "10 menit"',
        '      + step 3: Melaporkan arsip (staf)',
        `2025-06-02  ${hashes[5]!.slice(0, 7)}  approved r1     sop(KUL-001): approved — approved by Siti Aminah (Sekretaris); committed by Siti Aminah`,
        '    ★ draft r1 → approved r1',
        '    status, dates.effective, approval.name',
        '      ~ dates.effective: "2024-04-01" → "2025-06-02"',
        '      ~ approval.name: "Budi Santoso" → "Siti Aminah"',
        '',
      ].join('\n'),
    );
    const md = await sop(['history', 'KUL-001', '-f', 'md'], r.dir);
    expect(md.stdout).toContain(`| 2025-05-01 | \`${hashes[4]!.slice(0, 7)}\` | Admin Tester | draft r1 | **evaluated r0 → draft r1**<br>status, revision, dates.revised; steps ~2 (time), +3<br>+ dates.revised: "2025-05-01"<br>~ step 2: time: "15 menit" → "10 menit"<br>+ step 3: Melaporkan arsip (staf) | sop(KUL-001): revise |`);
    expect(md.stdout).toContain('| approved by Budi Santoso (Sekretaris); committed by Siti Aminah | approved r0 |');
  });

  it('marks an invalid transition and shows uncommitted changes', async () => {
    const r = make({ 'sops/a.yaml': life.draft0 });
    r.commit('draft', '2024-01-02');
    r.write('sops/a.yaml', life.implemented0);
    r.commit('jump', '2024-01-03');
    r.write('sops/a.yaml', life.implemented0.replace('title: Contoh', 'title: Baru'));
    const res = await sop(['history', 'KUL-001'], r.dir);
    expect(res.stdout).toContain('✗ draft r0 → implemented r0 (invalid: a stage was skipped');
    expect(res.stdout).toMatch(/uncommitted\s+implemented r0\s+\(working tree\)\n {4}title\n {6}~ title: "Contoh" → "Baru"\n$/);
  });

  it('rejects an unknown SOP with a hint', async () => {
    const r = make({ 'sops/a.yaml': life.draft0 });
    r.commit('draft', '2024-01-02');
    const res = await sop(['history', 'KUL-01'], r.dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe('sop: No SOP with id or path `KUL-01`; did you mean `KUL-001`?\n');
  });
});
void readFileSync;
