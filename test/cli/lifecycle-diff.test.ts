import { afterEach, describe, expect, it } from 'vitest';
import { sop, tempTree } from '../helpers/cli.js';
import { life, scriptLife } from '../lifecycle/life.js';
import { testRepo } from '../lifecycle/repo-helper.js';

const repos: Array<{ cleanup(): void }> = [];
afterEach(() => repos.splice(0).forEach((r) => r.cleanup()));

describe('sop diff', () => {
  it('compares the last approved version with the working tree by default', async () => {
    const r = testRepo();
    repos.push(r);
    const h = scriptLife(r);
    r.write('sops/kul-001.yaml', life.approved1.replace('title: Contoh', 'title: Contoh <b>baru</b>').replace('activity: Menerima surat', 'activity: Menerima & mencatat surat'));
    const res = await sop(['diff', 'KUL-001'], r.dir);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toBe(
      [
        `KUL-001: approved r1 (${h[5]!.slice(0, 7)}, 2025-06-02) → working tree`,
        'Fields',
        '  ~ title: "Contoh" → "Contoh <b>baru</b>"',
        'Steps',
        '  ~ step 1: activity: "Menerima surat" → "Menerima & mencatat surat"',
        '',
      ].join('\n'),
    );
    const html = await sop(['diff', 'KUL-001', '-f', 'html'], r.dir);
    expect(html.stdout).toContain('<td>title</td><td>&quot;Contoh&quot; → &quot;Contoh &lt;b&gt;baru&lt;/b&gt;&quot;</td>');
    expect(html.stdout).not.toContain('<b>baru');
    const md = await sop(['diff', 'KUL-001', '-f', 'md'], r.dir);
    expect(md.stdout).toContain('| ~ | Fields | title | "Contoh" → "Contoh \\<b\\>baru\\</b\\>" |');
  });

  it('compares two revisions by number, and two git revisions', async () => {
    const r = testRepo();
    repos.push(r);
    const h = scriptLife(r);
    const res = await sop(['diff', 'KUL-001', '0', '1'], r.dir);
    expect(res.stdout).toBe(
      [
        `KUL-001: approved r0 (${h[1]!.slice(0, 7)}, 2024-04-01) → approved r1 (${h[5]!.slice(0, 7)}, 2025-06-02)`,
        'Fields',
        '  ~ revision: 0 → 1',
        '  ~ dates.effective: "2024-04-01" → "2025-06-02"',
        '  + dates.implemented: "2024-05-02"',
        '  + dates.revised: "2025-05-01"',
        '  ~ approval.name: "Budi Santoso" → "Siti Aminah"',
        'Records',
        '  + evaluation 2025-04-10: Tim Evaluasi; decision: revise; criteria met: 6 of 7 (not met: easyToApply)',
        'Steps',
        '  ~ step 2: time: "15 menit" → "10 menit"',
        '  + step 3: Melaporkan arsip (staf)',
        '',
      ].join('\n'),
    );
    // monitoring and evaluation records as rows in words, a changed record by what changed
    r.write('sops/kul-001.yaml', `${life.approved1.replace('easyToApply: false', 'easyToApply: true').replace('decision: revise', 'decision: revise\n    notes: Tambah langkah pelaporan')}monitoring:\n  - {date: 2025-09-01, assessor: Kasubbag Umum, result: poor, action: Pelatihan ulang}\n`);
    const rec = await sop(['diff', 'KUL-001', 'HEAD'], r.dir);
    expect(rec.stdout.split('\n').slice(1)).toEqual([
      'Records',
      '  ~ evaluation 2025-04-10',
      '      criteria.easyToApply: false → true',
      '      notes: — → "Tambah langkah pelaporan"',
      '  + monitoring 2025-09-01: Kasubbag Umum; result: poor; action: Pelatihan ulang',
      '',
    ]);
    expect((await sop(['diff', 'KUL-001', 'HEAD', '-f', 'md'], r.dir)).stdout).toContain('| + | Records | monitoring 2025-09-01 | Kasubbag Umum; result: poor; action: Pelatihan ulang |');
    r.write('sops/kul-001.yaml', life.approved1);
    const refs = await sop(['diff', 'KUL-001', 'HEAD~2', 'HEAD~1'], r.dir);
    expect(refs.stdout.split('\n')[0]).toBe(`KUL-001: evaluated r0 at HEAD~2 (${h[3]!.slice(0, 7)}) → draft r1 at HEAD~1 (${h[4]!.slice(0, 7)})`);
    const same = await sop(['diff', 'KUL-001', 'HEAD'], r.dir);
    expect(same.stdout).toContain('No change in content.');
  });

  it('refuses option-like and unknown revisions, and plain folders', async () => {
    const r = testRepo();
    repos.push(r);
    scriptLife(r);
    expect(await sop(['diff', 'KUL-001', '--', '--output=/tmp/x'], r.dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('may not start with `-`') });
    expect(await sop(['diff', 'KUL-001', 'nope'], r.dir)).toMatchObject({ code: 2, stderr: 'sop: Unknown git revision `nope`: no commit by that name in ' + r.dir + '.\n' });
    expect(await sop(['diff', 'KUL-001', '7'], r.dir)).toMatchObject({ code: 2, stderr: 'sop: Revision 7 was never committed; committed revisions: 0, 1.\n' });
    const t = tempTree({ 'sops/a.yaml': life.draft0 });
    repos.push(t);
    expect((await sop(['diff', 'KUL-001'], t.dir)).stderr).toMatch(/not in a git repository/);
  });

  it('follows a rename, and works in a shallow clone that holds the approval', async () => {
    const r = testRepo();
    repos.push(r);
    const h = scriptLife(r);
    r.rename('sops/kul-001.yaml', 'sops/umum/kul-001.yaml');
    r.commit('Move', '2025-06-10');
    r.write('sops/umum/kul-001.yaml', life.approved1.replace('title: Contoh', 'title: Baru'));
    const res = await sop(['diff', 'KUL-001'], r.dir);
    expect(res.stdout).toBe(`KUL-001: approved r1 (${h[5]!.slice(0, 7)}, 2025-06-02) → working tree\nFields\n  ~ title: "Contoh" → "Baru"\n`);
    expect((await sop(['diff', 'KUL-001', '0'], r.dir)).stdout.split('\n')[0]).toBe(`KUL-001: approved r0 (${h[1]!.slice(0, 7)}, 2024-04-01) → working tree`);
    const t = tempTree();
    repos.push(t);
    const clone = `${t.dir}/c`;
    r.git(['clone', '-q', '--depth', '2', `file://${r.dir}`, clone]);
    const shallow = await sop(['diff', 'KUL-001'], clone);
    expect(shallow.code, shallow.stderr).toBe(0);
    expect(shallow.stderr).toContain('history is shallow');
    expect(shallow.stdout).toBe('KUL-001: approved r1 (' + h[5]!.slice(0, 7) + ', 2025-06-02) → working tree\nNo change in content.\n');
  });

  it('says when nothing was ever approved', async () => {
    const r = testRepo({ 'sops/a.yaml': life.draft0 });
    repos.push(r);
    r.commit('draft', '2024-01-01');
    const res = await sop(['diff', 'KUL-001'], r.dir);
    expect(res).toMatchObject({ code: 2, stderr: 'sop: KUL-001 has no approved version in git history; name the versions to compare: `sop diff KUL-001 <a> [<b>]`.\n' });
  });
});
