import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { minimalSop, sop, tempTree } from '../helpers/cli.js';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function temp(): string {
  const t = tempTree();
  cleanups.push(t.cleanup);
  return t.dir;
}

const read = (dir: string, rel: string) => readFileSync(path.join(dir, rel), 'utf8');

describe('sop init', () => {
  it('writes a repository whose example SOPs lint clean', async () => {
    const base = temp();
    const r = await sop(['init', 'office', '--ci', 'github'], base);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const dir = path.join(base, 'office');
    const expected = [
      'sop.config.yaml',
      'sops/kul/KUL-001-contoh-sop-keuangan-umum-dan-logistik.yaml',
      'sops/tph/TPH-001-contoh-sop-teknis-penyelenggaraan-pemilu-partisipasi-dan.yaml',
      'sops/pdi/PDI-001-contoh-sop-perencanaan-data-dan-informasi.yaml',
      'sops/hsdm/HSDM-001-contoh-sop-hukum-dan-sumber-daya-manusia.yaml',
      'package.json',
      '.vscode/settings.json',
      '.vscode/extensions.json',
      '.gitattributes',
      '.gitignore',
      '.pre-commit-config.yaml',
      '.github/workflows/sop.yml',
    ];
    expect(r.stdout.split('\n').filter((l) => l.startsWith('created'))).toEqual(expected.map((f) => `created  office/${f}`));
    expect(existsSync(path.join(dir, 'processes.yaml'))).toBe(false);
    expect(existsSync(path.join(dir, '.gitlab-ci.yml'))).toBe(false);

    const config = parse(read(dir, 'sop.config.yaml'));
    expect(config).toMatchObject({ organization: { name: 'KOMISI PEMILIHAN UMUM KOTA MALANG' }, locale: 'id', paper: 'F4', orientation: 'landscape' });
    expect(config.units.map((u: { code: string }) => u.code)).toEqual(['KUL', 'TPH', 'PDI', 'HSDM']);
    expect(config.numbering.pattern).toContain('/KPU-Kot/');
    expect(read(dir, 'sop.config.yaml').split('\n')[0]).toBe('# yaml-language-server: $schema=./node_modules/sopkit/schemas/config.schema.json');

    const settings = JSON.parse(read(dir, '.vscode/settings.json'));
    expect(settings['yaml.schemas']).toEqual({
      './node_modules/sopkit/schemas/sop.schema.json': ['sops/**/*.yaml', 'sops/**/*.yml'],
      './node_modules/sopkit/schemas/config.schema.json': 'sop.config.yaml',
    });
    expect(read(dir, '.gitattributes')).toMatch(/^\*\.yaml text eol=lf$/m);
    expect(read(dir, '.gitignore')).toMatch(/^dist\/$/m);
    expect(read(dir, '.gitignore')).toMatch(/^\.sop-cache\/$/m);
    const precommit = parse(read(dir, '.pre-commit-config.yaml'));
    expect(precommit.repos[0].hooks[0]).toMatchObject({ id: 'sop-lint', entry: 'npx --no-install sop lint', files: '^sops/.*\\.ya?ml$' });
    expect(JSON.parse(read(dir, 'package.json')).devDependencies.sopkit).toMatch(/^file:vendor\/sopkit-\d+\.\d+\.\d+\.tgz$/);
    expect(r.stdout).toContain('npx --no-install sop lint');

    const lint = await sop(['lint'], dir);
    expect(lint.stdout).toContain('4 files checked, no problems');
    expect(lint.code).toBe(0);
  });

  it('never overwrites: a second run keeps every file (exit 0) and says so', async () => {
    const dir = temp();
    expect((await sop(['init', '--ci', 'gitlab'], dir)).code).toBe(0);
    writeFileSync(path.join(dir, 'sop.config.yaml'), 'locale: en\n');
    writeFileSync(path.join(dir, '.gitignore'), 'build/\n');
    const again = await sop(['init', '--ci', 'gitlab', '--unit', 'KUL'], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toMatch(/^created/m);
    expect(again.stdout).toContain('kept     sop.config.yaml (exists; not changed)');
    expect(again.stdout).toContain('kept     .gitlab-ci.yml (exists; not changed)');
    expect(again.stdout).toContain('kept     sops/kul/KUL-001-contoh-sop-keuangan-umum-dan-logistik.yaml (exists; not changed)');
    expect(read(dir, 'sop.config.yaml')).toBe('locale: en\n');
    expect(read(dir, '.gitignore')).toBe('build/\n');
  });

  it('adds no example to a unit folder that has SOPs already', async () => {
    const dir = temp();
    mkdirSync(path.join(dir, 'sops/kul'), { recursive: true });
    writeFileSync(path.join(dir, 'sops/kul/KUL-004-surat-masuk.yaml'), minimalSop('KUL-004'));
    const r = await sop(['init', '--ci', 'none', '--unit', 'KUL', '--unit', 'UM=Bagian Umum'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('kept     sops/kul/ (has SOPs already; no example added)');
    expect(r.stdout).toContain('created  sops/um/UM-001-contoh-sop-bagian-umum.yaml');
    expect(readdirSync(path.join(dir, 'sops/kul'))).toEqual(['KUL-004-surat-masuk.yaml']);
  });

  it('takes organisation, units, locale, paper and CI from flags', async () => {
    const dir = temp();
    const r = await sop(['init', '--org', 'KOMISI PEMILIHAN UMUM KABUPATEN MALANG', '--unit', 'UM=Bagian Umum', '--unit', 'Subbagian Hukum dan Sumber Daya Manusia', '--unit', 'Seksi Data dan Informasi', '--locale', 'en', '--paper', 'A4', '--ci', 'none'], dir);
    expect(r.code).toBe(0);
    const config = parse(read(dir, 'sop.config.yaml'));
    expect(config).toMatchObject({ organization: { name: 'KOMISI PEMILIHAN UMUM KABUPATEN MALANG' }, locale: 'en', paper: 'A4' });
    expect(config.units).toEqual([
      { code: 'UM', name: 'Bagian Umum' },
      { code: 'HSDM', name: 'Subbagian Hukum dan Sumber Daya Manusia' },
      { code: 'DI', name: 'Seksi Data dan Informasi' },
    ]);
    expect(config.numbering.pattern).toContain('/KPU-Kab/');
    expect(existsSync(path.join(dir, '.github'))).toBe(false);
    expect(existsSync(path.join(dir, '.gitlab-ci.yml'))).toBe(false);
    expect(read(dir, 'sops/um/UM-001-contoh-sop-bagian-umum.yaml')).toMatch(/^number: "001\/SOP\/UM\/KPU-Kab\/[IVX]+\/\d{4}"/m);
    const lint = await sop(['lint'], dir);
    expect(lint.stdout).toContain('3 files checked, no problems');
  });

  it('asks for what the flags leave out, only on a terminal', async () => {
    const dir = temp();
    const asked: string[] = [];
    const answers = ['KPU KOTA BATU', 'UM=Bagian Umum; KUL', 'A5', 'Letter', 'gitlab'];
    const r = await sop(['init', '--locale', 'en'], dir, { stdinIsTTY: true, prompt: async (q) => (asked.push(q), answers.shift() ?? '') });
    expect(r.code).toBe(0);
    expect(asked.map((q) => q.split(' ')[0])).toEqual(['Organisation', 'Units', 'Paper', 'Paper', 'CI']);
    expect(r.stderr).toContain('Choose one of: A4, F4, Letter');
    const config = parse(read(dir, 'sop.config.yaml'));
    expect(config).toMatchObject({ organization: { name: 'KPU KOTA BATU' }, locale: 'en', paper: 'Letter' });
    expect(config.units.map((u: { code: string }) => u.code)).toEqual(['UM', 'KUL']);
    expect(existsSync(path.join(dir, '.gitlab-ci.yml'))).toBe(true);

    const quiet = temp();
    let called = false;
    await sop(['init'], quiet, { stdinIsTTY: false, prompt: async () => ((called = true), '') });
    expect(called).toBe(false);
    expect(parse(read(quiet, 'sop.config.yaml')).paper).toBe('F4');
  });

  it.each([
    [['init', '--unit', 'KUL', '--unit', 'KUL=Lain'], 'Two units have the code KUL'],
    [['init', '--ci', 'jenkins'], "argument 'jenkins' is invalid"],
    [['init', '--paper', 'A5'], "argument 'A5' is invalid"],
  ])('usage errors exit 2: %j', async (args, message) => {
    const dir = temp();
    const r = await sop(args, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(existsSync(path.join(dir, 'sop.config.yaml'))).toBe(false);
  });
});
