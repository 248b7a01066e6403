import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { revisionHistory } from '../../src/app/lifecycle/index.js';
import { gitProcessCount } from '../../src/git/git.js';
import { sop, tempTree } from '../helpers/cli.js';
import { life, scriptLife } from '../lifecycle/life.js';
import { testRepo } from '../lifecycle/repo-helper.js';

const cleanups: Array<{ cleanup(): void }> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c.cleanup()));

function lived() {
  const r = testRepo();
  cleanups.push(r);
  const hashes = scriptLife(r);
  return { r, hashes };
}

describe('revision history (Riwayat Revisi)', () => {
  it('revisionHistory gives one row per stage entered, with the approver of that version', async () => {
    const { r, hashes } = lived();
    const rows = await revisionHistory(r.dir, path.join(r.dir, 'sops/kul-001.yaml'));
    expect(rows).toEqual([
      { revision: 0, date: '2024-03-11', commitDate: '2024-03-11', stage: 'draft', approvedBy: undefined, commit: hashes[0]!.slice(0, 7), subject: 'Draft KUL-001' },
      { revision: 0, date: '2024-04-01', commitDate: '2024-04-01', stage: 'approved', approvedBy: 'Sekretaris, Budi Santoso', commit: hashes[1]!.slice(0, 7), subject: 'sop(KUL-001): approved' },
      { revision: 0, date: '2024-05-02', commitDate: '2024-05-02', stage: 'implemented', approvedBy: 'Sekretaris, Budi Santoso', commit: hashes[2]!.slice(0, 7), subject: 'sop(KUL-001): implemented' },
      { revision: 0, date: '2025-04-10', commitDate: '2025-04-10', stage: 'evaluated', approvedBy: 'Sekretaris, Budi Santoso', commit: hashes[3]!.slice(0, 7), subject: 'sop(KUL-001): evaluated' },
      { revision: 1, date: '2025-05-01', commitDate: '2025-05-01', stage: 'draft', approvedBy: undefined, commit: hashes[4]!.slice(0, 7), subject: 'sop(KUL-001): revise' },
      { revision: 1, date: '2025-06-02', commitDate: '2025-06-02', stage: 'approved', approvedBy: 'Sekretaris, Siti Aminah', commit: hashes[5]!.slice(0, 7), subject: 'sop(KUL-001): approved' },
    ]);
    expect(await revisionHistory(r.dir, path.join(r.dir, 'sops/none.yaml'))).toBeUndefined();
    const t = tempTree({ 'sops/a.yaml': life.draft0 });
    cleanups.push(t);
    const before = gitProcessCount();
    expect(await revisionHistory(t.dir, path.join(t.dir, 'sops/a.yaml'))).toBeUndefined();
    expect(gitProcessCount() - before).toBe(1);
  });

  it('dates each row as the file does (dates.effective, dates.revised…), the commit date only in its own column', async () => {
    const r = testRepo();
    cleanups.push(r);
    // Signed on 1 April, committed on 9 April; revised on 1 May 2025, committed on 3 June.
    const steps: Array<[string, string, string]> = [
      [life.draft0, 'Draft KUL-001', '2024-03-15'],
      [life.approved0, 'sop(KUL-001): approved', '2024-04-09'],
      [life.implemented0, 'sop(KUL-001): implemented', '2024-05-20'],
      [life.evaluated0, 'sop(KUL-001): evaluated', '2025-04-22'],
      [life.revised1, 'sop(KUL-001): revise', '2025-06-03'],
    ];
    for (const [text, msg, date] of steps) {
      r.write('sops/kul-001.yaml', text);
      r.commit(msg, date);
    }
    const rows = await revisionHistory(r.dir, path.join(r.dir, 'sops/kul-001.yaml'));
    expect(rows!.map((x) => [x.stage, x.date, x.commitDate])).toEqual([
      ['draft', '2024-03-11', '2024-03-15'],
      ['approved', '2024-04-01', '2024-04-09'],
      ['implemented', '2024-05-02', '2024-05-20'],
      ['evaluated', '2025-04-10', '2025-04-22'],
      ['draft', '2025-05-01', '2025-06-03'],
    ]);
    r.write('sops/kul-001.yaml', life.evaluated0);
    r.commit('back to the signed version', '2025-06-04');
    const md = await sop(['render', 'sops/kul-001.yaml', '-f', 'md', '--out', '-', '--force'], r.dir);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain('| Tanggal commit |');
    expect(md.stdout).toMatch(/\| 0 \| 1 April 2024 \| Penetapan \| [^\n]*\| 9 April 2024 \|/);
    // The adoption date printed in the identity table is the one in the history: never the commit's.
    expect(md.stdout.match(/9 April 2024/g)).toHaveLength(1);
    expect(md.stdout.split('Riwayat Revisi')[0]).toContain('1 April 2024');
  });

  it('appears in Markdown and HTML, escaped; --no-history and `history: false` hide it; without git it is left out silently', async () => {
    const { r, hashes } = lived();
    r.write('sops/kul-001.yaml', life.approved1.replace('title: Contoh', 'title: Contoh Baru'));
    r.commit('Fix <script>alert(1)</script> | pipe', '2025-06-20');
    const md = await sop(['render', 'sops/kul-001.yaml', '-f', 'md', '--out', '-', '--force'], r.dir);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('## Riwayat Revisi');
    expect(md.stdout).toContain(`| 1 | 2 Juni 2025 | Penetapan | Sekretaris, Siti Aminah | sop(KUL-001): approved | \`${hashes[5]!.slice(0, 7)}\` | 2 Juni 2025 |`);
    expect(md.stdout).not.toContain('<script>');
    const html = await sop(['render', 'sops/kul-001.yaml', '-f', 'html', '--out', '-', '--force', '--locale', 'en'], r.dir);
    expect(html.stdout).toContain('Revision History');
    expect(html.stdout).toContain(hashes[4]!.slice(0, 7));
    expect(html.stdout).not.toContain('<script>alert(1)');
    const off = await sop(['render', 'sops/kul-001.yaml', '-f', 'md', '--out', '-', '--force', '--no-history'], r.dir);
    expect(off.stdout).not.toContain('Riwayat Revisi');
    r.write('sop.config.yaml', 'history: false\n');
    const cfg = await sop(['render', 'sops/kul-001.yaml', '-f', 'md', '--out', '-', '--force'], r.dir);
    expect(cfg.code).toBe(0);
    expect(cfg.stdout).not.toContain('Riwayat Revisi');
    const t = tempTree({ 'sops/a.yaml': life.approved0 });
    cleanups.push(t);
    const plain = await sop(['render', 'sops/a.yaml', '-f', 'md', '--out', '-'], t.dir);
    expect(plain).toMatchObject({ code: 0, stderr: '' });
    expect(plain.stdout).not.toContain('Riwayat Revisi');
  });

  it('appears in PDF (real Chromium, pdftotext)', async () => {
    const { r, hashes } = lived();
    const res = await sop(['render', 'sops/kul-001.yaml', '-f', 'pdf', '--out', 'out', '--force'], r.dir, { env: { NO_COLOR: '1', SOPKIT_CHROMIUM: '/usr/bin/chromium' } });
    expect(res.code, res.stderr).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', path.join(r.dir, 'out', 'KUL-001.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Riwayat Revisi');
    expect(text).toContain(hashes[5]!.slice(0, 7));
    const off = await sop(['render', 'sops/kul-001.yaml', '-f', 'pdf', '--out', 'out2', '--force', '--no-history'], r.dir);
    expect(off.code, off.stderr).toBe(0);
    expect(execFileSync('pdftotext', [path.join(r.dir, 'out2', 'KUL-001.pdf'), '-'], { encoding: 'utf8' })).not.toContain('Riwayat Revisi');
  }, 120_000);
});

describe('revision history in the book', () => {
  it('is printed for each SOP of an HTML book, and --no-history leaves it out', async () => {
    const { r, hashes } = lived();
    const res = await sop(['book', '-o', 'book.html', '--force'], r.dir);
    expect(res.code, res.stderr).toBe(0);
    const html = execFileSync('cat', [path.join(r.dir, 'book.html')], { encoding: 'utf8' });
    expect(html).toContain('Riwayat Revisi');
    expect(html).toContain(hashes[5]!.slice(0, 7));
    expect((await sop(['book', '-o', 'book2.html', '--force', '--no-history'], r.dir)).code).toBe(0);
    expect(execFileSync('cat', [path.join(r.dir, 'book2.html')], { encoding: 'utf8' })).not.toContain(hashes[5]!.slice(0, 7)); // (the CSS names the table even when it is absent)
  });
});
