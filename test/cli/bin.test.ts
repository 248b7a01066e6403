import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dayOf } from '../../src/model/day.js';
import { minimalSop, ROOT, tempTree } from '../helpers/cli.js';

// The installed command: package.json's `bin` (built by `npm run build`, which `npm test` runs first).
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string; bin: { sop: string } };
const BIN = path.join(ROOT, pkg.bin.sop);

function sopBin(args: string[], cwd: string, env: Record<string, string> = {}) {
  const { NO_COLOR: _n, FORCE_COLOR: _f, ...base } = process.env;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { ...base, ...env }, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Newest modification time of the files under `dir` (0 when it is missing). */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  let t = statSync(dir).mtimeMs;
  for (const rel of readdirSync(dir, { recursive: true, encoding: 'utf8' })) t = Math.max(t, statSync(path.join(dir, rel)).mtimeMs);
  return t;
}

/** Whether dist/cli/bin.js is missing or older than what it is built from (sources, schemas, the bundle script). */
function buildIsStale(): boolean {
  if (!existsSync(BIN)) return true;
  const inputs = Math.max(newest(path.join(ROOT, 'src')), newest(path.join(ROOT, 'schemas')), statSync(path.join(ROOT, 'scripts/bundle.mjs')).mtimeMs);
  return inputs > statSync(BIN).mtimeMs;
}

beforeAll(() => {
  if (!buildIsStale()) return;
  // Missing or stale (a source changed after the last `npm run build`): build as `npm run build` does; tsc emits even when another module has type errors.
  spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', ROOT], { cwd: ROOT, stdio: 'ignore' });
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/bundle.mjs')], { cwd: ROOT, stdio: 'ignore' });
}, 120_000);

describe('the built `sop` command', () => {
  it('is not older than its sources (rebuilt before these tests when it was)', () => {
    expect(buildIsStale()).toBe(false);
  });

  it('takes what day it is from the office time zone (config `timeZone`, default Asia/Jakarta), not the machine setting', () => {
    const t = tempTree({ 'sop.config.yaml': 'locale: id\nunits: [{code: KUL, name: Subbagian Umum}]\n', 'utc/sop.config.yaml': 'locale: id\ntimeZone: UTC\nunits: [{code: KUL, name: Subbagian Umum}]\n' });
    try {
      // Far from Jakarta's day for most hours: UTC-10 (Adak) and UTC+14 (Kiritimati).
      for (const [dir, zone, tz] of [['.', 'Asia/Jakarta', 'America/Adak'], ['utc', 'UTC', 'Pacific/Kiritimati']] as const) {
        const before = dayOf(new Date(), zone);
        const r = sopBin(['new', 'KUL-001', '--title', 'Contoh'], path.join(t.dir, dir), { TZ: tz });
        const after = dayOf(new Date(), zone);
        expect(r.code, r.stderr).toBe(0);
        const created = /created: (\d{4}-\d{2}-\d{2})/.exec(readFileSync(path.join(t.dir, dir, 'sops/kul/KUL-001-contoh.yaml'), 'utf8'))?.[1];
        expect([before, after], `${tz}, office ${zone}`).toContain(created);
      }
    } finally {
      t.cleanup();
    }
  });

  it('--version prints package.json version', () => {
    const r = sopBin(['--version'], ROOT);
    expect(r).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it('--help lists the commands', () => {
    const r = sopBin(['--help'], ROOT);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/lint \[options\] \[paths\.\.\.\]/);
    expect(r.stdout).toContain('schema');
  });

  it('sets the process exit code: 0 clean, 1 problems, 2 usage', () => {
    const t = tempTree({ 'sops/KUL-001.yaml': minimalSop('KUL-001'), 'bad/KUL-002.yaml': minimalSop('KUL-002', 'actr: x\n') });
    try {
      expect(sopBin(['lint', 'sops'], t.dir).code).toBe(0);
      const bad = sopBin(['lint', 'bad'], t.dir);
      expect(bad.code).toBe(1);
      expect(bad.stdout).toContain('bad/KUL-002.yaml:20:1');
      expect(bad.stdout).not.toMatch(/\u001b\[/); // a pipe: no colours
      expect(sopBin(['lint', 'bad'], t.dir, { FORCE_COLOR: '1' }).stdout).toMatch(/\u001b\[/);
      expect(sopBin(['lint', 'bad', '--no-color'], t.dir, { FORCE_COLOR: '1' }).stdout).not.toMatch(/\u001b\[/);
      const missing = sopBin(['lint', 'nope.yaml'], t.dir);
      expect(missing).toMatchObject({ code: 2, stdout: '' });
      expect(missing.stderr).toBe('sop: No such file or folder: nope.yaml\n');
    } finally {
      t.cleanup();
    }
  });

  it('stops quietly when the reader closes the pipe early (`| head`), without an EPIPE stack trace', () => {
    const long = 'Menerima surat masuk dan mencatatnya. '.repeat(8000); // ~300 KB: more than a pipe holds
    const t = tempTree({ 'sops/KUL-001.yaml': minimalSop('KUL-001').replace('legalBasis: [UU 43/2009]', `legalBasis: [UU 43/2009, "${long}"]`) });
    try {
      const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" render --format md --out - --force sops/KUL-001.yaml | head -c 1 >/dev/null; echo "\${PIPESTATUS[0]}" >&2`], { cwd: t.dir, encoding: 'utf8', timeout: 30_000 });
      expect(r.stderr).toBe('0\n');
    } finally {
      t.cleanup();
    }
  });

  it('reports a broken config with file:line:col and no stack trace', () => {
    const t = tempTree({ 'sop.config.yaml': 'review:\n  monitoringMonths: soon\n', 'sops/KUL-001.yaml': minimalSop('KUL-001') });
    try {
      const r = sopBin(['lint'], t.dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^sop: sop\.config\.yaml:2:21 /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      t.cleanup();
    }
  });
});
