import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { minimalSop, sop, tempTree } from '../helpers/cli.js';
import { EXAMPLES } from './helpers.js';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));
function tree(files: Record<string, string> = {}) {
  const t = tempTree(files);
  cleanups.push(t.cleanup);
  return t.dir;
}
function examplesCopy(): string {
  const dir = tree();
  cpSync(EXAMPLES, dir, { recursive: true });
  return dir;
}
const yamlCount = (dir: string) => readdirSync(path.join(dir, 'sops'), { recursive: true }).filter((f) => String(f).endsWith('.yaml')).length;

const CONFIG = 'organization: {name: KPU KOTA CONTOH, unitLines: [SEKRETARIAT]}\n';
/** A step whose actor is not declared: a lint error. */
const BROKEN = minimalSop('KUL-002').replace('    actor: staf\n    time: 15 menit\n    output: Arsip', '    actor: hantu\n    time: 15 menit\n    output: Arsip');

describe('sop render', () => {
  it.each(['html', 'md'])('writes one %s file per SOP of the examples into dist/', async (format) => {
    const dir = examplesCopy();
    const r = await sop(['render', '.', '--format', format], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = readdirSync(path.join(dir, 'dist')).sort();
    expect(out).toHaveLength(yamlCount(dir));
    for (const f of out) expect(f).toMatch(new RegExp(`^[A-Z]+-\\d+\\.${format}$`));
    expect(r.stdout.trim().split('\n').sort()).toEqual(out.map((f) => path.join('dist', f)));
    const kul4 = readFileSync(path.join(dir, 'dist', `KUL-004.${format}`), 'utf8');
    expect(kul4).toContain('Pengelolaan Surat Masuk');
  });

  it('names the config line of a logo that cannot be read (exit 2)', async () => {
    const config = 'organization: {name: KPU KOTA CONTOH, unitLines: [SEKRETARIAT], logo: assets/none.png}\n';
    const dir = tree({ 'sop.config.yaml': config, 'sops/KUL-001.yaml': minimalSop('KUL-001') });
    const r = await sop(['render', 'sops/KUL-001.yaml', '--out', '-'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('sop: sop.config.yaml:1:71 organization.logo cannot be read: assets/none.png (ENOENT)\n');
  });

  it('writes a single SOP to stdout with --out -, in English with --locale en', async () => {
    const dir = tree({ 'sop.config.yaml': CONFIG, 'sops/KUL-001.yaml': minimalSop('KUL-001') });
    const r = await sop(['render', 'sops/KUL-001.yaml', '--out', '-', '--locale', 'en'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(r.stdout).toContain('Date Created');
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
    const md = await sop(['render', 'sops/KUL-001.yaml', '--out', '-', '--format', 'md'], dir);
    expect(md.stdout).toMatch(/^# KUL-001 Contoh/);
  });

  it('refuses --out - with more than one SOP', async () => {
    const dir = tree({ 'sop.config.yaml': CONFIG, 'sops/KUL-001.yaml': minimalSop('KUL-001'), 'sops/KUL-003.yaml': minimalSop('KUL-003') });
    const r = await sop(['render', '--out', '-'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out - writes one SOP to stdout, but 2 files were given');
    expect(r.stdout).toBe('');
  });

  it('refuses a file with lint errors (exit 1, report on stderr) and renders the others', async () => {
    const dir = tree({ 'sop.config.yaml': CONFIG, 'sops/KUL-001.yaml': minimalSop('KUL-001'), 'sops/KUL-002.yaml': BROKEN });
    const r = await sop(['render', '--out', 'out'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/sops\/KUL-002\.yaml:\d+:\d+\s+error/);
    expect(r.stderr).toContain('not rendered: sops/KUL-002.yaml: it has lint errors (use --force to render it anyway)');
    expect(readdirSync(path.join(dir, 'out'))).toEqual(['KUL-001.html']);
  });

  it('renders a file with lint errors under --force (report still shown)', async () => {
    const dir = tree({ 'sop.config.yaml': CONFIG, 'sops/KUL-002.yaml': BROKEN });
    const r = await sop(['render', '--out', 'out', '--force'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/error/);
    expect(readFileSync(path.join(dir, 'out', 'KUL-002.html'), 'utf8')).toContain('Mengarsipkan surat');
  });

  it('skips, even under --force, a file that is not an SOP at all', async () => {
    const dir = tree({ 'sop.config.yaml': CONFIG, 'sops/KUL-009.yaml': 'just: text\n' });
    const r = await sop(['render', '--out', 'out', '--force'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not rendered: sops/KUL-009.yaml: it is not an SOP document');
  });

  it('lets a user template folder override a partial and a template by name (--templates and config)', async () => {
    const files = {
      'sop.config.yaml': CONFIG,
      'sops/KUL-001.yaml': minimalSop('KUL-001'),
      'mine/partials/identity.hbs': '<p class="custom-identity">{{labels.title}}: {{title}} {{longDate "2024-03-18"}} {{formatDuration "90 menit"}}</p>\n',
      'mine/sop.md.hbs': 'CUSTOM {{id}} {{mdText title}}\n',
    };
    const dir = tree(files);
    const r = await sop(['render', '--out', '-', '--templates', 'mine'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<p class="custom-identity">Nama SOP: Contoh 18 Maret 2024 1 jam 30 menit</p>');
    expect(r.stdout).not.toContain('class="identity"');
    expect(r.stdout).toContain('class="procedure"');
    const md = await sop(['render', '--out', '-', '--templates', 'mine', '--format', 'md'], dir);
    expect(md.stdout).toBe('CUSTOM KUL-001 Contoh\n');
    const viaConfig = tree({ ...files, 'sop.config.yaml': `${CONFIG}templates: mine\n` });
    const c = await sop(['render', '--out', '-', '--format', 'md'], viaConfig);
    expect(c.stdout).toBe('CUSTOM KUL-001 Contoh\n');
  });

  it('takes paper and orientation from the command line over the config', async () => {
    const dir = tree({ 'sop.config.yaml': `${CONFIG}paper: F4\n`, 'sops/KUL-001.yaml': minimalSop('KUL-001') });
    const f4 = await sop(['render', '--out', '-'], dir);
    expect(f4.stdout).toContain('@page { size: 330mm 215mm;');
    const a4 = await sop(['render', '--out', '-', '--paper', 'A4', '--orientation', 'portrait'], dir);
    expect(a4.stdout).toContain('@page { size: 210mm 297mm;');
  });

  it('passes revision history rows of each file to its document (renderProject)', async () => {
    const { renderProject } = await import('../../src/app/render/project.js');
    const dir = tree({ 'sop.config.yaml': CONFIG, 'sops/KUL-001.yaml': minimalSop('KUL-001') });
    const asked: string[] = [];
    const result = await renderProject({
      cwd: dir, paths: [], format: 'md', now: new Date('2026-01-01'),
      histories: async (root, files) => {
        asked.push(root, ...files);
        return new Map(files.map((f) => [f, [{ revision: 0, date: '2024-03-11', stage: 'draft' as const, commit: 'abc1234', subject: 'Konsep awal' }]]));
      },
    });
    expect(asked).toEqual([dir, path.join(dir, 'sops/KUL-001.yaml')]);
    expect(result.rendered[0]!.text).toContain('## Riwayat Revisi');
    expect(result.rendered[0]!.text).toContain('| 0 | 11 Maret 2024 | Konsep | \\- | Konsep awal | `abc1234` |');
  });

  it('reports usage errors with exit 2', async () => {
    const dir = tree({ 'sop.config.yaml': CONFIG, 'sops/KUL-001.yaml': minimalSop('KUL-001') });
    const tpl = await sop(['render', '--templates', 'nope'], dir);
    expect([tpl.code, tpl.stderr]).toEqual([2, 'sop: --templates: no such folder: nope\n']);
    const fmt = await sop(['render', '--format', 'odt'], dir);
    expect(fmt.code).toBe(2);
    expect(fmt.stderr).toContain("argument 'odt' is invalid");
  });
});
