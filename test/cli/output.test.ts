import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { writeErrorMessage } from '../../src/cli/output.js';
import { resetSweeps } from '../../src/util/temp.js';
import { minimalSop, ROOT, sop, tempTree } from '../helpers/cli.js';
import { testRepo } from '../lifecycle/repo-helper.js';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));
beforeEach(() => resetSweeps());
function tree(files: Record<string, string> = {}): string {
  const t = tempTree(files);
  cleanups.push(t.cleanup);
  return t.dir;
}
/** A pid that no process has (above Linux's pid_max). */
const DEAD = 99_999_999;
const TWO_HOURS_AGO = new Date(Date.now() - 2 * 60 * 60 * 1000);
function old(p: string): string {
  utimesSync(p, TWO_HOURS_AGO, TWO_HOURS_AGO);
  return p;
}

describe('write errors', () => {
  it('are worded from the error code', () => {
    const err = (code: string) => Object.assign(new Error(`${code}: raw`), { code });
    expect(writeErrorMessage('/x/a.html', err('EROFS'))).toBe('Cannot write /x/a.html: the file system is read-only (EROFS)');
    expect(writeErrorMessage('/x/a.html', err('EACCES'))).toBe('Cannot write /x/a.html: permission denied (EACCES)');
    expect(writeErrorMessage('/x/a.html', err('ENOSPC'))).toBe('Cannot write /x/a.html: no space left on the device (ENOSPC)');
  });

  it('a new output subfolder on a read-only file system says EROFS, not ENOENT (real read-only tmpfs in a private mount namespace)', () => {
    const dir = tree({ 'sops/kul-001.yaml': minimalSop() });
    mkdirSync(path.join(dir, 'ro'));
    const script = 'mount -t tmpfs -o ro tmpfs "$1/ro" && cd "$1" && exec node "$2" lint -o ro/new/sub/report.txt';
    const r = spawnSync('unshare', ['-rm', 'sh', '-c', script, 'sh', dir, path.join(ROOT, 'dist/cli/bin.js')], { encoding: 'utf8' });
    expect(r.stderr).toBe(`sop: Cannot write ${path.join(dir, 'ro/new/sub/report.txt')}: the file system is read-only (EROFS)\n`);
    expect(r.status).toBe(2);
  });
});

describe('what a run killed with -9 left behind', () => {
  it('stale temporary files of atomic writes are removed from the output folder; young ones, live ones and other files stay', async () => {
    const dir = tree({ 'sops/kul-001.yaml': minimalSop() });
    const out = path.join(dir, 'dist');
    mkdirSync(out);
    const stale = path.join(out, `.KUL-001.html.${DEAD}.1700000000000.tmp`);
    writeFileSync(stale, 'half');
    old(stale);
    const young = path.join(out, `.KUL-002.html.${DEAD}.1700000000001.tmp`);
    writeFileSync(young, 'half');
    const live = path.join(out, `.KUL-003.html.${process.ppid}.1700000000002.tmp`);
    writeFileSync(live, 'half');
    old(live);
    const other = path.join(out, 'notes.tmp');
    writeFileSync(other, 'mine');
    old(other);
    const r = await sop(['render', '--out', 'dist'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(path.join(out, 'KUL-001.html'))).toBe(true);
    expect(existsSync(stale)).toBe(false);
    expect([young, live, other].map(existsSync)).toEqual([true, true, true]);
  });

  it('stale git output files are removed from the temp folder by the next git read', async () => {
    const r = testRepo({ 'sops/kul-001.yaml': minimalSop() });
    cleanups.push(r.cleanup);
    r.commit('draft', '2024-03-11');
    const stale = path.join(os.tmpdir(), `sopkit-git-${DEAD}-7.out`);
    writeFileSync(stale, 'x');
    old(stale);
    const young = path.join(os.tmpdir(), `sopkit-git-${DEAD}-8.out`);
    writeFileSync(young, 'x');
    cleanups.push(() => execFileSync('rm', ['-f', stale, young]));
    const st = await sop(['status'], r.dir);
    expect(st.code, st.stderr).toBe(0);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(young)).toBe(true);
  });

  it('stale browser profiles are removed from the temp folder when the next PDF run starts its browser', async () => {
    const dir = tree({ 'sops/kul-001.yaml': minimalSop() });
    const stale = path.join(os.tmpdir(), `sopkit-chromium-${DEAD}-AbC123`);
    const legacy = path.join(os.tmpdir(), 'sopkit-chromium-XyZ789');
    const young = path.join(os.tmpdir(), `sopkit-chromium-${DEAD}-Young1`);
    for (const p of [stale, legacy, young]) mkdirSync(path.join(p, 'Default'), { recursive: true });
    old(stale);
    old(legacy);
    cleanups.push(() => execFileSync('rm', ['-rf', stale, legacy, young]));
    const r = await sop(['render', '--format', 'pdf', '--out', 'pdf'], dir, { env: { NO_COLOR: '1', PUPPETEER_EXECUTABLE_PATH: '/usr/bin/chromium' } });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(path.join(dir, 'pdf/KUL-001.pdf'))).toBe(true);
    expect([stale, legacy].map(existsSync)).toEqual([false, false]);
    expect(existsSync(young)).toBe(true);
  });
});
