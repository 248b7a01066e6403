import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { realPath } from '../../src/util/inside.js';
import { minimalSop, sop, tempTree } from '../helpers/cli.js';

// Every file read on a repository's word stays inside the repository, symlinks included (issue 13).

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));
function tree(files: Record<string, string> = {}): string {
  const t = tempTree(files);
  cleanups.push(t.cleanup);
  return realPath(t.dir);
}

const SECRET = 'TOP-SECRET-OUTSIDE-TEXT';
/** A folder outside the repository: a secret file, a folder of Markdown and templates, an SOP. */
function outside(): string {
  return tree({
    'secret.md': `# ${SECRET}\n`,
    'secret.svg': `<svg xmlns="http://www.w3.org/2000/svg"><text>${SECRET}</text></svg>`,
    'pages/page.md': `${SECRET} page\n`,
    'tpl/sop.css': `/* ${SECRET} */`,
    'tpl/partials/x.hbs': SECRET,
    'sops/kul-009.yaml': minimalSop('KUL-009', `x-note: ${SECRET}\n`),
  });
}
const link = (target: string, at: string) => {
  mkdirSync(path.dirname(at), { recursive: true });
  symlinkSync(target, at);
};
const noSecret = (r: { stdout: string; stderr: string }) => {
  expect(r.stdout).not.toContain(SECRET);
  expect(r.stderr).not.toContain(SECRET);
};

describe('book pages', () => {
  const CONFIG = 'organization: {name: KPU, unitLines: [SEKRETARIAT]}\nbook:\n  pages:\n    - book/intro.md\n    - book/link.md\n';

  it('a page committed as a symlink to an outside file: exit 2 at its config line, no book written', async () => {
    const out = outside();
    const dir = tree({ 'sop.config.yaml': CONFIG, 'book/intro.md': 'Pendahuluan\n', 'sops/kul-001.yaml': minimalSop() });
    link(path.join(out, 'secret.md'), path.join(dir, 'book/link.md'));
    for (const file of ['buku.pdf', 'buku.html']) {
      const r = await sop(['book', '--include-drafts', '-o', file], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`sop: sop.config.yaml:5:7 book.pages[1] must stay inside the repository (${dir}): book/link.md (it resolves to ${path.join(out, 'secret.md')}) is outside it.\n`);
      expect(existsSync(path.join(dir, file))).toBe(false);
      noSecret(r);
    }
  });

  it('a page linked to an outside folder, and a chain of links ending outside, are refused too', async () => {
    const out = outside();
    const dir = tree({ 'sop.config.yaml': CONFIG.replace('book/link.md', 'book/far/page.md'), 'book/intro.md': 'x\n', 'sops/kul-001.yaml': minimalSop() });
    link(path.join(out, 'pages'), path.join(dir, 'book/far'));
    const r = await sop(['book', '--include-drafts', '-o', 'b.html'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`sop.config.yaml:5:7 book.pages[1] must stay inside the repository (${dir}): book/far/page.md (it resolves to ${path.join(out, 'pages/page.md')})`);
    const chain = tree({ 'sop.config.yaml': CONFIG, 'book/intro.md': 'x\n', 'sops/kul-001.yaml': minimalSop() });
    link(path.join(out, 'secret.md'), path.join(chain, 'book/hop.md'));
    link('hop.md', path.join(chain, 'book/link.md'));
    const c = await sop(['book', '--include-drafts', '-o', 'b.html'], chain);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain(`book/link.md (it resolves to ${path.join(out, 'secret.md')}) is outside it.`);
    expect(existsSync(path.join(chain, 'b.html'))).toBe(false);
  });

  it('a page linked to a file inside the repository (directly or through a chain) is printed', async () => {
    const dir = tree({ 'sop.config.yaml': CONFIG, 'book/intro.md': 'Pendahuluan\n', 'docs/keputusan.md': 'KEPUTUSAN-INSIDE\n', 'sops/kul-001.yaml': minimalSop() });
    link('../docs/keputusan.md', path.join(dir, 'book/hop.md'));
    link('hop.md', path.join(dir, 'book/link.md'));
    const r = await sop(['book', '--include-drafts', '-o', 'buku.html'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'buku.html'), 'utf8')).toContain('KEPUTUSAN-INSIDE');
  });
});

describe('logo', () => {
  const config = (logo: string) => `organization:\n  name: KPU\n  unitLines: [SEKRETARIAT]\n  logo: ${logo}\n`;

  it('a logo linked to a file or folder outside is refused at its config line; one linked inside is used', async () => {
    const out = outside();
    const dir = tree({ 'sop.config.yaml': config('assets/logo.svg'), 'sops/kul-001.yaml': minimalSop(), 'img/real.svg': '<svg xmlns="http://www.w3.org/2000/svg"><text>INSIDE-LOGO</text></svg>' });
    link(path.join(out, 'secret.svg'), path.join(dir, 'assets/logo.svg'));
    const r = await sop(['render', 'sops/kul-001.yaml', '--out', '-'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`sop: sop.config.yaml:4:9 organization.logo must stay inside the repository (${dir}): assets/logo.svg (it resolves to ${path.join(out, 'secret.svg')}) is outside it.\n`);
    noSecret(r);
    writeFileSync(path.join(dir, 'sop.config.yaml'), config('far/secret.svg'));
    link(out, path.join(dir, 'far'));
    expect((await sop(['render', 'sops/kul-001.yaml', '--out', '-'], dir)).stderr).toContain(`far/secret.svg (it resolves to ${path.join(out, 'secret.svg')}) is outside it.`);
    writeFileSync(path.join(dir, 'sop.config.yaml'), config('assets/chain.svg'));
    link('../img/real.svg', path.join(dir, 'assets/hop.svg'));
    link('hop.svg', path.join(dir, 'assets/chain.svg'));
    const ok = await sop(['render', 'sops/kul-001.yaml', '--out', '-'], dir);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><text>INSIDE-LOGO</text></svg>').toString('base64').replace(/=+$/, '')}`);
  });
});

describe('templates', () => {
  const render = (dir: string, extra: string[] = []) => sop(['render', 'sops/kul-001.yaml', '--out', '-', ...extra], dir);

  it('`templates:` absolute, `..`, or a link to a folder outside: exit 2 at the config line', async () => {
    const out = outside();
    for (const value of [path.join(out, 'tpl'), '../tpl', 'tpl']) {
      const dir = tree({ 'sop.config.yaml': `locale: id\ntemplates: ${value}\n`, 'sops/kul-001.yaml': minimalSop() });
      if (value === 'tpl') link(path.join(out, 'tpl'), path.join(dir, 'tpl'));
      const r = await render(dir);
      expect(r.code, value).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^sop: sop\\.config\\.yaml:2:12 templates must stay inside the repository \\(${dir}\\): .* is outside it\\.\\n$`));
      noSecret(r);
    }
  });

  it('a template file or partials folder linked outside is refused; links inside work; --templates on the command line stays allowed', async () => {
    const out = outside();
    const dir = tree({ 'sop.config.yaml': 'locale: id\ntemplates: tpl\n', 'sops/kul-001.yaml': minimalSop(), 'style/real.css': '/* INSIDE-CSS */' });
    link(path.join(out, 'tpl/sop.css'), path.join(dir, 'tpl/sop.css'));
    const r = await render(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`sop: sop.config.yaml:2:12 templates (sop.css) must stay inside the repository (${dir}): ${path.join(dir, 'tpl/sop.css')} (it resolves to ${path.join(out, 'tpl/sop.css')}) is outside it.\n`);
    noSecret(r);
    const dir2 = tree({ 'sop.config.yaml': 'locale: id\ntemplates: tpl\n', 'sops/kul-001.yaml': minimalSop() });
    link(path.join(out, 'tpl/partials'), path.join(dir2, 'tpl/partials'));
    const p = await render(dir2);
    expect(p.code).toBe(2);
    expect(p.stderr).toContain('templates (partials) must stay inside the repository');
    // Inside: a chain of links to a CSS file of the repository, and a templates folder that is itself a link inside.
    link('../style/real.css', path.join(dir, 'tpl/hop.css'));
    writeFileSync(path.join(dir, 'sop.config.yaml'), 'locale: id\ntemplates: tpl-link\n');
    link('tpl2', path.join(dir, 'tpl-link'));
    link('../tpl/hop.css', path.join(dir, 'tpl2/sop.css'));
    const ok = await render(dir);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('INSIDE-CSS');
    // The command line is the user's own choice.
    const cli = await render(dir2, ['--templates', path.join(out, 'tpl')]);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toContain(SECRET);
  });
});

describe('the SOP glob', () => {
  it('refuses an absolute glob or one with `..` at its config line, without reading outside files', async () => {
    const out = outside();
    for (const glob of ['/etc/*', `${out}/sops/*.yaml`, '../*/sops/*.yaml', 'sops/../../x/*.yaml', '{../x,sops}/*.yaml']) {
      const dir = tree({ 'sop.config.yaml': `locale: id\nsops: "${glob}"\n`, 'sops/kul-001.yaml': minimalSop() });
      for (const cmd of [['lint'], ['render', '--out', 'dist'], ['status']]) {
        const r = await sop(cmd, dir);
        expect(r.code, `${glob} ${cmd[0]}`).toBe(2);
        expect(r.stderr).toBe(`sop: sop.config.yaml:2:7 sops must be a glob relative to the repository root and inside it, such as \`sops/**/*.{yaml,yml}\`; got \`${glob}\`.\n`);
        noSecret(r);
      }
    }
  });

  it('never follows a link out of the repository: a file, a folder, a chain; links inside are read', async () => {
    const out = outside();
    const cases: Array<[string, string, string]> = [
      ['sops/evil.yaml', path.join(out, 'sops/kul-009.yaml'), path.join(out, 'sops/kul-009.yaml')],
      ['sops/far', path.join(out, 'sops'), path.join(out, 'sops')],
      ['sops/root', '/', '/'],
    ];
    for (const [at, target, real] of cases) {
      const dir = tree({ 'sop.config.yaml': 'locale: id\nsops: "sops/**/*.yaml"\n', 'sops/kul-001.yaml': minimalSop() });
      link(target, path.join(dir, at));
      const r = await sop(['lint'], dir);
      expect(r.code, at).toBe(2);
      expect(r.stderr).toBe(`sop: sop.config.yaml:2:7 sops: ${at} is a symbolic link to ${real}, outside the repository (${dir}); the SOP glob does not follow a link out of the repository.\n`);
      noSecret(r);
    }
    // A chain: sops/a.yaml → b.yaml → outside.
    const chain = tree({ 'sop.config.yaml': 'locale: id\n', 'sops/kul-001.yaml': minimalSop() });
    link(path.join(out, 'sops/kul-009.yaml'), path.join(chain, 'sops/b.yaml'));
    link('b.yaml', path.join(chain, 'sops/a.yaml'));
    const c = await sop(['lint'], chain);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain(`is a symbolic link to ${path.join(out, 'sops/kul-009.yaml')}, outside the repository`);
    // The SOP folder itself linked outside (default glob, no `sops` key).
    const folder = tree({ 'sop.config.yaml': 'locale: id\n' });
    link(path.join(out, 'sops'), path.join(folder, 'sops'));
    const f = await sop(['lint'], folder);
    expect(f.code).toBe(2);
    expect(f.stderr).toContain(`sops must stay inside the repository (${folder}): sops (it resolves to ${path.join(out, 'sops')}) is outside it.`);
    // Inside: a file link, a chain, and a folder link to SOPs elsewhere in the repository are read.
    const ok = tree({ 'sop.config.yaml': 'locale: id\n', 'sops/kul-001.yaml': minimalSop(), 'shared/kul-002.yaml': minimalSop('KUL-002'), 'more/kul-003.yaml': minimalSop('KUL-003') });
    link('../shared/kul-002.yaml', path.join(ok, 'sops/hop.yaml'));
    link('hop.yaml', path.join(ok, 'sops/kul-002.yaml'));
    link('../more', path.join(ok, 'sops/more'));
    const l = await sop(['lint', '--format', 'json'], ok);
    const files = (JSON.parse(l.stdout) as { files: Array<{ file: string }> }).files.map((x) => x.file).sort();
    expect(files).toEqual(['sops/hop.yaml', 'sops/kul-001.yaml', 'sops/kul-002.yaml', 'sops/more/kul-003.yaml']);
  });

  it('a path named on the command line is the user\'s own choice; a link inside a named folder of the repository is not', async () => {
    const out = outside();
    const dir = tree({ 'sop.config.yaml': 'locale: id\n', 'sops/kul-001.yaml': minimalSop() });
    const r = await sop(['lint', path.join(out, 'sops/kul-009.yaml')], dir);
    expect(r.code, r.stderr).toBe(0);
    const folder = await sop(['lint', path.join(out, 'sops')], dir);
    expect(folder.code, folder.stderr).toBe(0);
    link(path.join(out, 'sops'), path.join(dir, 'drafts/far'));
    const named = await sop(['lint', 'drafts'], dir);
    expect(named.code).toBe(2);
    expect(named.stderr).toBe(`sop: drafts/far is a symbolic link to ${path.join(out, 'sops')}, outside the repository (${dir}); a folder is never walked through a link out of it. Name the file itself to check it.\n`);
    noSecret(named);
  });
});

describe('browser.executablePath', () => {
  it('a program committed to the repository is never run as the browser (exit 2 at its config line)', async () => {
    // In CI the checkout's absolute path is predictable (/home/runner/work/repo/repo), so a PR can name its own script.
    const dir = tree({ 'sops/kul-001.yaml': minimalSop() });
    writeFileSync(path.join(dir, 'sop.config.yaml'), `locale: id\nbrowser:\n  executablePath: ${path.join(dir, 'tools/chrome')}\n`);
    const marker = path.join(dir, 'ran');
    mkdirSync(path.join(dir, 'tools'));
    writeFileSync(path.join(dir, 'tools/chrome'), `#!/bin/sh\ntouch '${marker}'\n`, { mode: 0o755 });
    for (const args of [['render', '--format', 'pdf', '--out', 'pdf'], ['book', '--include-drafts', '-o', 'buku.pdf']]) {
      const r = await sop(args, dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`sop: sop.config.yaml:3:19 browser.executablePath names ${path.join(dir, 'tools/chrome')}, a file inside the repository (${dir}): sop runs only an installed browser (e.g. /usr/bin/chromium), or the one PUPPETEER_EXECUTABLE_PATH names.\n`);
      expect(existsSync(marker)).toBe(false);
    }
  });
});
