import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { NPM_INSTALL } from '../../src/app/scaffold/ci.js';
import { ROOT, tempTree } from '../helpers/cli.js';
import { pdfText } from '../render/pdf/poppler.js';

// The pipelines `sop init` writes, run line by line on this machine with the built CLI: `npx --no-install sop`
// becomes `node dist/cli/bin.js`, and the install line (`npm ci`, sopkit from vendor/) becomes what it leaves
// behind (node_modules/sopkit).
const BIN = path.join(ROOT, 'dist/cli/bin.js');
const base = tempTree();
afterAll(() => base.cleanup());

const gitEnv = { GIT_CONFIG_NOSYSTEM: '1', HOME: base.dir, GIT_AUTHOR_NAME: 'Admin', GIT_AUTHOR_EMAIL: 'admin@example.org', GIT_COMMITTER_NAME: 'Admin', GIT_COMMITTER_EMAIL: 'admin@example.org' };
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: { ...process.env, ...gitEnv }, encoding: 'utf8' });
const sopBin = (cwd: string, ...args: string[]) => execFileSync(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8' });

/** `sop init` a repository with one commit on main, then a branch adding a draft (what a pull request holds). */
function office(name: string, ci: 'github' | 'gitlab'): string {
  sopBin(base.dir, 'init', name, '--ci', ci);
  const dir = path.join(base.dir, name);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'sop init');
  return dir;
}

/** Approve the KUL example on main, so the default branch has an SOP in force for its book. */
function approveExample(dir: string): void {
  const file = path.join(dir, 'sops/kul/KUL-001-contoh-sop-keuangan-umum-dan-logistik.yaml');
  const number = /^number: "([^"]+)"/m.exec(readFileSync(file, 'utf8'))![1]!;
  sopBin(dir, 'approve', 'KUL-001', '--number', number, '--approver-position', 'Sekretaris KPU Kota Malang', '--approver-name', 'Nama Pejabat', '--approver-nip', '197901012005011001');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'sop(KUL-001): approved');
}

function branchWithDraft(dir: string): void {
  git(dir, 'checkout', '-q', '-b', 'tambah-sop');
  sopBin(dir, 'new', 'KUL-002', '--title', 'Pengelolaan Surat Masuk', '--unit', 'KUL');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'KUL-002 draft');
}

/** Run one `run:`/`script:` line as CI would (bash, stop on error); returns exit code and output. */
function runLine(dir: string, line: string, env: Record<string, string>): { code: number; out: string } {
  if (line === NPM_INSTALL) {
    // What `npm ci` leaves: sopkit (from vendor/ through package-lock.json) under node_modules.
    mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
    if (!existsSync(path.join(dir, 'node_modules/sopkit'))) symlinkSync(ROOT, path.join(dir, 'node_modules/sopkit'), 'dir');
    return { code: 0, out: '' };
  }
  expect(line).not.toMatch(/npx (?!--no-install )[^\n]*\bsop\b/); // a plain `npx sop` would fetch an unrelated package
  const cmd = line.replace(/\bnpx --no-install sop\b/g, `node ${JSON.stringify(BIN)}`);
  const r = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', cmd], { cwd: dir, env: { ...process.env, ...gitEnv, NO_COLOR: '1', ...env }, encoding: 'utf8' });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

function yamlFile(file: string): any {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  expect(doc.errors).toEqual([]);
  return doc.toJS();
}

const expression = (text: string, values: Record<string, string>) =>
  text.replace(/\$\{\{\s*([\w.]+)\s*\}\}/g, (_, name: string) => {
    expect(values, `expression ${name}`).toHaveProperty([name]);
    return values[name]!;
  });

describe('the GitHub workflow written by sop init', () => {
  it('is valid YAML with SARIF upload, full history and the book artifact, and its run: lines pass', () => {
    const dir = office('kantor-github', 'github');
    const wf = yamlFile(path.join(dir, '.github/workflows/sop.yml'));
    expect(Object.keys(wf.on)).toEqual(['pull_request', 'push']);
    const lint = wf.jobs.lint;
    expect(lint.if).toContain("'pull_request'");
    expect(lint.permissions['security-events']).toBe('write');
    const uses = (job: any, action: string) => job.steps.find((s: any) => s.uses?.startsWith(action));
    expect(uses(lint, 'actions/checkout').with['fetch-depth']).toBe(0);
    expect(uses(lint, 'github/codeql-action/upload-sarif').with.sarif_file).toBe('sop.sarif');
    expect(wf.jobs.book.if).toContain('github.event.repository.default_branch');
    expect(uses(wf.jobs.book, 'actions/upload-artifact').with.path).toBe('dist/buku-sop.pdf');

    // Pull request: the checkout has the base branch as origin/main.
    approveExample(dir);
    git(dir, 'update-ref', 'refs/remotes/origin/main', 'main');
    branchWithDraft(dir);
    const env = Object.fromEntries(Object.entries(lint.env as Record<string, string>).map(([k, v]) => [k, expression(v, { 'github.base_ref': 'main' })]));
    const lines = lint.steps.filter((s: any) => s.run).map((s: any) => s.run as string);
    expect(lines.some((l: string) => l.includes('lint --since') && l.includes('--format sarif'))).toBe(true);
    for (const line of lines) {
      const r = runLine(dir, line, env);
      expect(r.code, `${line}\n${r.out}`).toBe(0);
    }
    const sarif = JSON.parse(readFileSync(path.join(dir, 'sop.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results).toEqual([]);

    // The schema line of a new SOP resolves to the installed package's schema.
    const draft = readFileSync(path.join(dir, 'sops/kul/KUL-002-pengelolaan-surat-masuk.yaml'), 'utf8');
    const ref = /\$schema=(\S+)/.exec(draft)![1]!;
    expect(existsSync(path.resolve(dir, 'sops/kul', ref))).toBe(true);

    // Default branch: the book.
    git(dir, 'checkout', '-q', 'main');
    for (const step of wf.jobs.book.steps.filter((s: any) => s.run)) {
      const r = runLine(dir, step.run, {});
      expect(r.code, `${step.run}\n${r.out}`).toBe(0);
    }
    const text = pdfText(path.join(dir, 'dist/buku-sop.pdf'));
    expect(text).toContain('Contoh SOP Keuangan');
    expect(text).toContain('001/SOP/KUL/KPU-Kot/');
  }, 120_000);
});

describe('the GitLab pipeline written by sop init', () => {
  it('is valid YAML with Code Quality and JUnit reports and the book artifact, and its script lines pass', () => {
    const origin = path.join(base.dir, 'origin.git');
    git(base.dir, 'init', '-q', '--bare', '-b', 'main', origin);
    const dir = office('kantor-gitlab', 'gitlab');
    approveExample(dir);
    git(dir, 'remote', 'add', 'origin', origin);
    git(dir, 'push', '-q', 'origin', 'main');
    const ci = yamlFile(path.join(dir, '.gitlab-ci.yml'));
    const lint = ci['sop-lint'];
    const book = ci['sop-book'];
    expect(lint.rules[0].if).toContain('merge_request_event');
    expect(lint.variables.GIT_DEPTH).toBe('0');
    expect(lint.artifacts.reports).toEqual({ codequality: 'gl-code-quality-report.json', junit: 'sop-junit.xml' });
    expect(book.rules[0].if).toBe('$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH');
    expect(book.artifacts.paths).toEqual(['dist/buku-sop.pdf']);

    // Merge request: a fresh clone of the branch, as the runner makes it.
    branchWithDraft(dir);
    git(dir, 'push', '-q', 'origin', 'tambah-sop');
    const mr = path.join(base.dir, 'runner-mr');
    git(base.dir, 'clone', '-q', '-b', 'tambah-sop', origin, mr);
    const env = { ...lint.variables, CI_PIPELINE_SOURCE: 'merge_request_event', CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main' };
    for (const line of lint.script as string[]) {
      const r = runLine(mr, line, env);
      expect(r.code, `${line}\n${r.out}`).toBe(0);
    }
    expect(readFileSync(path.join(mr, 'sop-junit.xml'), 'utf8')).toMatch(/<testsuites[^>]*failures="0"/);
    expect(JSON.parse(readFileSync(path.join(mr, 'gl-code-quality-report.json'), 'utf8'))).toEqual([]);

    const main = path.join(base.dir, 'runner-main');
    git(base.dir, 'clone', '-q', '-b', 'main', origin, main);
    for (const line of book.script as string[]) {
      // The image's package install: this machine has Chromium already (the test suite needs it).
      if (line.startsWith('apt-get ')) {
        expect(line).toContain('chromium');
        expect(existsSync('/usr/bin/chromium')).toBe(true);
        continue;
      }
      const r = runLine(main, line, { ...book.variables, CI_COMMIT_BRANCH: 'main', CI_DEFAULT_BRANCH: 'main' });
      expect(r.code, `${line}\n${r.out}`).toBe(0);
    }
    expect(pdfText(path.join(main, 'dist/buku-sop.pdf'))).toContain('Contoh SOP Keuangan');
  }, 120_000);
});
