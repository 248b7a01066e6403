import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { minimalSop, sop } from '../helpers/cli.js';
import { testRepo, type TestRepo } from '../lifecycle/repo-helper.js';

// An output never replaces an input of the repository (issue 15, point 3).

const repos: TestRepo[] = [];
afterAll(() => repos.forEach((r) => r.cleanup()));

const CONFIG = 'organization: {name: KPU, unitLines: [SEKRETARIAT], logo: assets/logo.svg}\ntemplates: tpl\nbook:\n  pages: [book/KUL-001.md]\n';
const LOGO = '<svg xmlns="http://www.w3.org/2000/svg"/>';
const FILES: Record<string, string> = {
  'sop.config.yaml': CONFIG,
  'sops/kul-001.yaml': minimalSop('KUL-001'),
  'other/kul-005.yaml': minimalSop('KUL-005'),
  'assets/logo.svg': LOGO,
  'book/KUL-001.md': 'Keputusan\n',
  'tpl/sop.css': '/* css */',
};

function repo(): TestRepo {
  const r = testRepo(FILES);
  r.commit('start', '2024-03-11');
  repos.push(r);
  return r;
}
const unchanged = (r: TestRepo) => {
  for (const [rel, text] of Object.entries(FILES)) expect(readFileSync(path.join(r.dir, rel), 'utf8'), rel).toBe(text);
};

describe('an output path that is an input', () => {
  it.each([
    [['lint', '-o', 'sops/kul-001.yaml'], '--output sops/kul-001.yaml', 'an SOP file'],
    [['lint', '--format', 'json', '-o', 'sop.config.yaml'], '--output sop.config.yaml', 'the config file'],
    [['lint', 'other/kul-005.yaml', '-o', 'other/kul-005.yaml'], '--output other/kul-005.yaml', 'an SOP file'],
    [['lint', '-o', 'sops/report.yaml'], '--output sops/report.yaml', 'a YAML file under the SOP folder, which the next run would read as an SOP'],
    [['lint', '-o', 'assets/logo.svg'], '--output assets/logo.svg', 'the logo'],
    [['diff', 'KUL-001', 'HEAD', '-o', 'sops/kul-001.yaml'], '--output sops/kul-001.yaml', 'an SOP file'],
    [['render', '--format', 'md', '--out', 'book'], '--out book/KUL-001.md', 'a book page'],
    [['render', '--out', 'tpl'], '--out tpl/KUL-001.html', 'a file of a template folder'],
    [['book', '-o', 'tpl/buku.html'], '--output tpl/buku.html', 'a file of a template folder'],
  ])('sop %j is refused (exit 2) and nothing is written', async (args, shown, what) => {
    const r = repo();
    const res = await sop(args, r.dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(`sop: ${shown} is an input of the repository (${what}); nothing was written. Write the output elsewhere, e.g. under dist/.\n`);
    unchanged(r);
    expect(existsSync(path.join(r.dir, 'sops/report.yaml'))).toBe(false);
    expect(existsSync(path.join(r.dir, 'tpl/KUL-001.html'))).toBe(false);
    expect(existsSync(path.join(r.dir, 'tpl/buku.html'))).toBe(false);
    expect(r.git(['status', '--porcelain'])).toBe('');
  });

  it('an output that is a symlink to an input is refused too; other outputs are written', async () => {
    const r = repo();
    symlinkSync('sops/kul-001.yaml', path.join(r.dir, 'report.json'));
    const res = await sop(['lint', '--format', 'json', '-o', 'report.json'], r.dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('--output report.json is an input of the repository (an SOP file)');
    unchanged(r);
    expect((await sop(['lint', '--format', 'json', '-o', 'sops/report.json'], r.dir)).code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(r.dir, 'sops/report.json'), 'utf8')).files[0].file).toBe('sops/kul-001.yaml');
    expect((await sop(['diff', 'KUL-001', 'HEAD', '-o', 'diff.txt'], r.dir)).code).toBe(0);
    const md = await sop(['render', '--format', 'md', '--out', 'sops'], r.dir);
    expect(md.code, md.stderr).toBe(0);
    expect(readFileSync(path.join(r.dir, 'sops/KUL-001.md'), 'utf8')).toMatch(/^# KUL-001 Contoh/);
  });
});
