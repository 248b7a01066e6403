// Benchmark: `sop lint` through the built CLI (start-up included) on 1, 1,000 and 10,000 synthetic SOPs, one
// named file among 1,000 and 10,000 (warm and cold cache, --no-cache),
// then on single files of 4.9 MB (just under the 5 MB limit) shaped to find super-linear work.
// Usage: npm run build && node bench/lint.mjs [counts...] [big]   (no argument: 1 1000 10000 big)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { longTexts, manyKeys, manySteps, write } from './gen-big.mjs';
import { writeRepo } from './gen-sops.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'dist', 'cli', 'bin.js');
if (!existsSync(bin)) {
  console.error('Build first: npm run build');
  process.exit(2);
}
const args = process.argv.slice(2);
const counts = args.map(Number).filter((n) => n > 0);
const big = args.length === 0 || args.includes('big');
const hasTime = existsSync('/usr/bin/time');

function once(dir, args, okCodes = [0]) {
  const cmd = hasTime ? '/usr/bin/time' : process.execPath;
  const argv = hasTime ? ['-f', '%M %U %S', process.execPath, bin, ...args] : [bin, ...args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const [rss, user, sys] = hasTime ? r.stderr.trim().split('\n').pop().split(' ').map(Number) : [NaN, NaN, NaN];
  if (!okCodes.includes(r.status)) throw new Error(`sop ${args.join(' ')} exited ${r.status}: ${r.stdout.slice(0, 500)}${r.stderr.slice(0, 500)}`);
  return { secs, rssKb: rss, cpu: user + sys, stdout: r.stdout };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

for (const n of args.length ? counts : [1, 1000, 10000]) {
  const dir = mkdtempSync(path.join(tmpdir(), 'sopkit-bench-lint-'));
  try {
    const bytes = writeRepo(dir, n);
    // The synthetic SOPs took effect on 2024-04-01: judged as of 2024-06-01 they are clean (no review-due warning,
    // which, like any diagnostic, makes the loader build the slower parse tree for locations).
    const args = n === 1 ? ['lint', '--today', '2024-06-01', 'sops/GEN-00001-sintetis.yaml'] : ['lint', '--today', '2024-06-01'];
    const runs = [];
    for (let k = 0; k < (n >= 10000 ? 3 : 5); k++) runs.push(once(dir, args));
    const secs = median(runs.map((r) => r.secs));
    const rss = Math.max(...runs.map((r) => r.rssKb));
    console.log(
      `lint ${String(n).padStart(6)} SOPs: ${secs.toFixed(3)} s wall (median of ${runs.length}), ${(n / secs).toFixed(0)} files/s, ` +
        `${(bytes / 1e6 / secs).toFixed(2)} MB/s (${(bytes / 1e6).toFixed(1)} MB), peak RSS ${Number.isNaN(rss) ? 'n/a' : `${(rss / 1024).toFixed(0)} MB`}`,
    );
    // One named file (a pre-commit hook): the other SOPs give only their facts, from .sop-cache/ when it knows
    // their content (warm: written by the runs above), else read in full (cold: the cache removed before each run).
    if (n >= 1000) {
      const one = ['lint', '--today', '2024-06-01', `sops/GEN-${String(n / 2).padStart(5, '0')}-sintetis.yaml`];
      for (const [label, before, extra] of [['warm cache', () => {}, []], ['cold cache', () => rmSync(path.join(dir, '.sop-cache'), { recursive: true, force: true }), []], ['--no-cache', () => {}, ['--no-cache']]]) {
        const timed = [];
        for (let k = 0; k < 5; k++) {
          before();
          timed.push(once(dir, [...one, ...extra]));
        }
        const cpu = median(timed.map((r) => r.cpu));
        console.log(`lint one file in ${n} SOPs (${label}): ${median(timed.map((r) => r.secs)).toFixed(3)} s wall, ${Number.isNaN(cpu) ? 'n/a' : `${cpu.toFixed(2)} s CPU`} (median of 5)`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// One file just under the 5 MB limit, three shapes: 1,000 steps of long text (within every limit, linted in
// full), 57,000 flow-style steps and 210,000 `x-` keys (both refused at the limit, at its line:col).
const BIG = 4.9e6;
if (big) {
  for (const [name, gen, code] of [['1,000 long steps', longTexts, 0], ['flow-style steps', manySteps, 1], ['x- keys', manyKeys, 1]]) {
    const dir = mkdtempSync(path.join(tmpdir(), 'sopkit-bench-big-'));
    try {
      mkdirSync(path.join(dir, 'sops'));
      const bytes = write(path.join(dir, 'sops', 'BIG-001.yaml'), gen(BIG));
      const runs = [];
      for (let k = 0; k < 3; k++) runs.push(once(dir, ['lint', 'sops/BIG-001.yaml'], [code]));
      const secs = median(runs.map((r) => r.secs));
      const cpu = median(runs.map((r) => r.cpu));
      const first = runs[0].stdout.split('\n').find((l) => /error|warn/.test(l)) ?? '';
      console.log(
        `lint one ${(bytes / 1e6).toFixed(1)} MB file (${name}): ${secs.toFixed(3)} s wall, ${Number.isNaN(cpu) ? 'n/a' : `${cpu.toFixed(2)} s CPU`} (median of 3), exit ${code}` +
          `${first ? `\n    ${first.trim().slice(0, 160)}` : ''}`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
