// Benchmark: `sop lint` through the built CLI (start-up included) on 1, 1,000 and 10,000 synthetic SOPs.
// Usage: npm run build && node bench/lint.mjs [counts...]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeRepo } from './gen-sops.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'dist', 'cli', 'bin.js');
if (!existsSync(bin)) {
  console.error('Build first: npm run build');
  process.exit(2);
}
const counts = process.argv.slice(2).map(Number).filter((n) => n > 0);
const hasTime = existsSync('/usr/bin/time');

function once(dir, args) {
  const cmd = hasTime ? '/usr/bin/time' : process.execPath;
  const argv = hasTime ? ['-f', '%M', process.execPath, bin, ...args] : [bin, ...args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const rssKb = hasTime ? Number(r.stderr.trim().split('\n').pop()) : NaN;
  if (r.status !== 0) throw new Error(`sop ${args.join(' ')} exited ${r.status}: ${r.stdout.slice(0, 500)}${r.stderr.slice(0, 500)}`);
  return { secs, rssKb };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

for (const n of counts.length ? counts : [1, 1000, 10000]) {
  const dir = mkdtempSync(path.join(tmpdir(), 'sopkit-bench-lint-'));
  try {
    const bytes = writeRepo(dir, n);
    const args = n === 1 ? ['lint', 'sops/GEN-00001-sintetis.yaml'] : ['lint'];
    const runs = [];
    for (let k = 0; k < (n >= 10000 ? 3 : 5); k++) runs.push(once(dir, args));
    const secs = median(runs.map((r) => r.secs));
    const rss = Math.max(...runs.map((r) => r.rssKb));
    console.log(
      `lint ${String(n).padStart(6)} SOPs: ${secs.toFixed(3)} s wall (median of ${runs.length}), ${(n / secs).toFixed(0)} files/s, ` +
        `${(bytes / 1e6 / secs).toFixed(2)} MB/s (${(bytes / 1e6).toFixed(1)} MB), peak RSS ${Number.isNaN(rss) ? 'n/a' : `${(rss / 1024).toFixed(0)} MB`}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
