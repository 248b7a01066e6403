import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalSop, ROOT, tempTree } from '../helpers/cli.js';

// The package as people install it: `npm pack`, then the tarball installed into a project with
// `npm i --omit=optional` (no puppeteer-core), and run with `npx -p <tarball>`. Packages come from the npm
// registry through npm's own cache. dist/ must be built (`npm test` builds first; bin.test.ts checks it is fresh).
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string; optionalDependencies: Record<string, string> };
const PIN = `puppeteer-core@${pkg.optionalDependencies['puppeteer-core']}`;
const NPM_ENV = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
const npm = (args: string[], cwd: string) => execFileSync('npm', [...args, '--prefer-offline', '--no-audit', '--no-fund'], { cwd, env: NPM_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const BROKEN = minimalSop('KUL-002').replace('actor: staf\n    time: 15 menit\n    output: Surat', 'actor: staff\n    time: 15 menit\n    output: Surat');
const tree = tempTree({
  'project/package.json': '{"name": "kantor-sop", "private": true}\n',
  'project/sop.config.yaml': 'locale: id\n',
  'project/sops/kul/KUL-001-contoh.yaml': minimalSop('KUL-001'),
  'broken/sops/KUL-002-contoh.yaml': BROKEN,
});
const project = realpathSync(path.join(tree.dir, 'project'));
let tarball = '';

function sop(args: string[], cwd = project, env: Record<string, string> = {}) {
  const r = spawnSync(path.join(project, 'node_modules/.bin/sop'), args, { cwd, env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: '/usr/bin/chromium', ...env }, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under `dir` whose text names `needle`. */
function filesNaming(dir: string, needle: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((rel) => {
    const file = path.join(dir, rel);
    return statSync(file).isFile() && readFileSync(file, 'latin1').includes(needle);
  });
}

beforeAll(() => {
  expect(existsSync(path.join(ROOT, 'dist/cli/bin.js')), 'run `npm run build` first').toBe(true);
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tree.dir], { cwd: ROOT, encoding: 'utf8' })) as Array<{ filename: string }>;
  tarball = path.join(tree.dir, packed!.filename);
  npm(['install', '--omit=optional', tarball], project);
}, 300_000);
afterAll(() => tree.cleanup());

describe('the packed package installed with --omit=optional (no puppeteer-core)', () => {
  it('leaves puppeteer-core out, and lints and renders HTML and Markdown without it', () => {
    expect(existsSync(path.join(project, 'node_modules/sopkit/dist/cli/bin.js'))).toBe(true);
    expect(existsSync(path.join(project, 'node_modules/puppeteer-core'))).toBe(false);
    expect(sop(['lint'])).toMatchObject({ code: 0, stdout: '✓ 1 file checked, no problems\n' });
    for (const format of ['html', 'md']) {
      const r = sop(['render', '--format', format, '--out', `out/${format}`]);
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(path.join(project, `out/${format}/KUL-001.${format}`), 'utf8')).toContain('Menerima surat');
    }
  });

  it('says in one line, for PDF and DOCX alike, what to install and where (exit 2), and that advice works', () => {
    const line = `sop: PDF and DOCX output need puppeteer-core, an optional dependency of sopkit that is not installed (HTML and Markdown do not need it): run \`npm i ${PIN}\` in ${project}.\n`;
    for (const args of [['render', '--format', 'pdf', '--out', 'out/pdf'], ['render', '--format', 'docx', '--out', 'out/docx'], ['book', '--include-drafts', '-o', 'out/buku.pdf']]) {
      expect(sop(args), args.join(' ')).toEqual({ code: 2, stdout: '', stderr: line });
    }
    expect(existsSync(path.join(project, 'out/pdf'))).toBe(false);
    // Do what it says, where it says: PDF works.
    npm(['i', PIN], project);
    const r = sop(['render', '--format', 'pdf', '--out', 'out/pdf']);
    expect(r.code, r.stderr).toBe(0);
    expect(execFileSync('pdftotext', [path.join(project, 'out/pdf/KUL-001.pdf'), '-'], { encoding: 'utf8' })).toContain('Menerima surat');
  }, 120_000);

  it("links each rule to its page inside the installed package, and nothing to the github.com/sopkit namespace", () => {
    const broken = path.join(tree.dir, 'broken');
    const json = sop(['lint', '--format', 'json'], broken);
    expect(json.code).toBe(1);
    const [d] = (JSON.parse(json.stdout) as { files: Array<{ diagnostics: Array<{ ruleId: string; docsUrl: string }> }> }).files[0]!.diagnostics;
    expect(d!.ruleId).toBe('actor-declared');
    expect(fileURLToPath(d!.docsUrl)).toBe(path.join(project, 'node_modules/sopkit/docs/rules/actor-declared.md'));
    expect(readFileSync(fileURLToPath(d!.docsUrl), 'utf8')).toMatch(/^# `actor-declared`/);
    const sarif = sop(['lint', '--format', 'sarif'], broken);
    const rules = (JSON.parse(sarif.stdout) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string; help?: { markdown: string }; helpUri?: string }> } } }> }).runs[0]!.tool.driver.rules;
    const rule = rules.find((r) => r.id === 'actor-declared')!;
    expect(rule.help!.markdown).toContain('## Why');
    expect(rules.every((r) => r.helpUri === undefined)).toBe(true);
    for (const out of [json.stdout, sarif.stdout, sop(['lint', '--format', 'junit'], broken).stdout, sop(['lint'], broken).stdout]) expect(out).not.toContain('github.com/sopkit');
    expect(filesNaming(path.join(project, 'node_modules/sopkit'), 'github.com/sopkit')).toEqual([]);
    expect(filesNaming(path.join(ROOT, 'dist'), 'github.com/sopkit')).toEqual([]);
  });
});

describe('npm run demo in a checkout installed with --omit=optional', () => {
  it('renders HTML and Markdown, then says in one line what to install for PDF (exit 0, as without a browser)', () => {
    // The checkout's files, and its node_modules without puppeteer-core (links to the installed packages).
    const checkout = path.join(tree.dir, 'checkout');
    for (const f of ['dist/src', 'dist/schemas', 'scripts', 'examples', 'schemas', 'templates', 'docs/rules', 'package.json']) cpSync(path.join(ROOT, f), path.join(checkout, f), { recursive: true });
    mkdirSync(path.join(checkout, 'node_modules'));
    for (const m of readdirSync(path.join(ROOT, 'node_modules'))) if (m !== 'puppeteer-core') symlinkSync(path.join(ROOT, 'node_modules', m), path.join(checkout, 'node_modules', m));
    cpSync(path.join(ROOT, 'dist/cli'), path.join(checkout, 'dist/cli'), { recursive: true });
    const r = spawnSync(process.execPath, [path.join(checkout, 'scripts/demo.mjs'), '--out', path.join(checkout, 'out')], { cwd: checkout, env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: '/usr/bin/chromium', NO_COLOR: '1' }, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(path.join(checkout, 'out/html')).length).toBeGreaterThan(0);
    expect(existsSync(path.join(checkout, 'out/pdf'))).toBe(false);
    const said = r.stdout.split('\n').filter((l) => /PDF/.test(l));
    expect(said).toEqual([`PDF skipped: PDF and DOCX output need puppeteer-core, an optional dependency of sopkit that is not installed (HTML and Markdown do not need it): run \`npm i ${PIN}\` in ${realpathSync(checkout)}.`]);
  }, 120_000);
});

describe('a git install (npm i git+URL)', () => {
  it('gets dist/ from the prepare script, whose build runs under cmd.exe as well as sh (node and tsc only)', () => {
    const { scripts } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.prepare).toBe('npm run build');
    expect(scripts.prepack).toBeUndefined(); // npm pack runs prepare: building once is enough
    for (const step of scripts.build!.split(' && ')) expect(step).toMatch(/^(tsc|node) [\w./-]+( [\w./-]+)*$/);
  });
});

describe('npx -p <tarball>', () => {
  it('runs sop from the package file, nothing else named', () => {
    const r = spawnSync('npx', ['--yes', '-p', `./${path.basename(tarball)}`, 'sop', '--version'], { cwd: tree.dir, env: NPM_ENV, encoding: 'utf8', timeout: 240_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${pkg.version}\n`);
  }, 240_000);
});
