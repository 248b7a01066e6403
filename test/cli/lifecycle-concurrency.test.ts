import { spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, linkSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, sop, tempTree } from '../helpers/cli.js';
import { life } from '../lifecycle/life.js';

// Real concurrent processes of the built command (`npm run build`, which `npm test` runs first).
const BIN = path.join(ROOT, 'dist/cli/bin.js');
const cleanups: Array<{ cleanup(): void }> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c.cleanup()));

const APPROVER = ['--approver-position', 'Sekretaris', '--approver-name', 'Budi', '--approver-nip', '197901012005011001', '--effective', '2024-04-01'];

function sopProcess(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('sop approve on one file at the same time', () => {
  it('lets exactly one of two concurrent approvals succeed; the other fails plainly and no number is lost (5 trials)', async () => {
    for (let trial = 0; trial < 5; trial++) {
      const t = tempTree({ 'sops/kul-001.yaml': life.draft0 });
      cleanups.push(t);
      const runs = await Promise.all([1, 2].map((n) => sopProcess(['approve', 'KUL-001', '--number', `00${n}/SOP`, ...APPROVER], t.dir)));
      const won = runs.filter((r) => r.code === 0);
      expect(won, JSON.stringify(runs)).toHaveLength(1);
      const lost = runs.find((r) => r.code !== 0)!;
      expect(lost.code).toBe(2);
      expect(lost.stderr).toMatch(/is being changed by another sop command|changed while sop was working on it|already approved \(revision 0\) with other values/);
      const winner = runs.indexOf(won[0]!) + 1;
      const text = readFileSync(path.join(t.dir, 'sops/kul-001.yaml'), 'utf8');
      expect(text).toContain(`number: 00${winner}/SOP\n`);
      expect(text.match(/number:/g)).toHaveLength(1);
      expect(existsSync(path.join(t.dir, 'sops/kul-001.yaml.lock'))).toBe(false);
    }
  }, 60_000);

  it('refuses while another live process holds the lock, and takes over a lock whose process is gone', async () => {
    const t = tempTree({ 'sops/kul-001.yaml': life.draft0 });
    cleanups.push(t);
    const file = path.join(t.dir, 'sops/kul-001.yaml');
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: process.pid, host: hostname(), since: '2026-01-01T00:00:00Z' }));
    const held = await sop(['approve', 'KUL-001', '--number', '001/SOP', ...APPROVER], t.dir);
    expect(held.code).toBe(2);
    expect(held.stderr).toBe(`sop: sops/kul-001.yaml is being changed by another sop command (process ${process.pid}, since 2026-01-01T00:00:00Z); the file was not changed. Run the command again when that one has finished (a lock left by a crash: remove ${file}.lock).\n`);
    expect(readFileSync(file, 'utf8')).toBe(life.draft0);
    // a process that no longer runs: a finished child
    const dead = spawn(process.execPath, ['-e', '']);
    const deadPid = dead.pid!;
    await new Promise((r) => dead.on('close', r));
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: deadPid, host: hostname(), since: '2026-01-01T00:00:00Z' }));
    const res = await sop(['approve', 'KUL-001', '--number', '001/SOP', ...APPROVER], t.dir);
    expect(res.code, res.stderr).toBe(0);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('keeps the file mode and its hard links', async () => {
    const t = tempTree({ 'sops/kul-001.yaml': life.draft0, 'sops/kul-002.yaml': life.draft0.replace('KUL-001', 'KUL-002') });
    cleanups.push(t);
    const one = path.join(t.dir, 'sops/kul-001.yaml');
    chmodSync(one, 0o640);
    const root = process.getuid?.() === 0;
    if (root) chownSync(one, 1234, 1234); // run as root (CI containers), the owner is kept too
    expect((await sop(['approve', 'KUL-001', '--number', '001/SOP', ...APPROVER], t.dir)).code).toBe(0);
    expect(statSync(one).mode & 0o777).toBe(0o640);
    if (root) expect([statSync(one).uid, statSync(one).gid]).toEqual([1234, 1234]);
    const two = path.join(t.dir, 'sops/kul-002.yaml');
    const other = path.join(t.dir, 'arsip-kul-002.yaml');
    linkSync(two, other);
    expect((await sop(['approve', 'KUL-002', '--number', '002/SOP', ...APPROVER], t.dir)).code).toBe(0);
    expect(statSync(two).ino).toBe(statSync(other).ino);
    expect(readFileSync(other, 'utf8')).toContain('status: approved');
  });
});
