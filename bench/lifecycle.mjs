// Benchmark: lifecycle commands on a generated repository of 500 SOPs and 5,000 commits.
// Measures `sop status` (library, in-process, and the built CLI: without its cache, the run that writes
// it, a run that reads it, and a run after one new commit), the history of every SOP, the git processes
// spawned (must not grow with commits or SOPs), peak RSS, and — for comparison — the naive approach of
// one `git log --follow` per file.
// Usage: npm run build && node bench/lifecycle.mjs [--sops 500] [--no-baseline] [--keep]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLifecycleRepo } from './lifecycle-repo.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist', 'src');
// What `sop` runs (package.json "bin"): the bundled CLI, or the compiled one when there is no bundle.
const bin = [path.join(root, 'dist', 'cli', 'bin.js'), path.join(dist, 'cli', 'bin.js')].find((f) => existsSync(f));
if (!existsSync(path.join(dist, 'app', 'lifecycle', 'index.js'))) {
  console.error('Build first: npm run build');
  process.exit(2);
}
const args = process.argv.slice(2);
const sops = Number(args[args.indexOf('--sops') + 1]) > 0 && args.includes('--sops') ? Number(args[args.indexOf('--sops') + 1]) : 500;
const lib = await import(path.join(dist, 'app', 'lifecycle', 'index.js'));

const secs = (t0) => (Number(process.hrtime.bigint() - t0) / 1e9).toFixed(2);
const dir = mkdtempSync(path.join(tmpdir(), 'sopkit-bench-lifecycle-'));
try {
  let t0 = process.hrtime.bigint();
  const made = buildLifecycleRepo(dir, sops);
  console.log(`repository: ${made.sops} SOPs, ${made.commits} commits (fast-import stream ${(made.bytes / 1e6).toFixed(1)} MB) built in ${secs(t0)} s`);

  const now = new Date(2026, 0, 15);
  const timed = async (label, fn) => {
    const p0 = lib.gitProcessCount();
    const t = process.hrtime.bigint();
    const out = await fn();
    console.log(`${label}: ${secs(t)} s, ${lib.gitProcessCount() - p0} git processes`);
    return out;
  };
  const first = await timed('sop status, library, first run', () => lib.sopStatus({ cwd: dir, paths: [], now }));
  for (let k = 2; k <= 3; k++) await timed(`sop status, library, run ${k}`, () => lib.sopStatus({ cwd: dir, paths: [], now }));
  const changed = first.rows.filter((r) => r.changedAfterApproval).length;
  console.log(`  ${first.rows.length} rows; ${changed} changed after approval without a revision; stages: ${JSON.stringify(first.rows.reduce((m, r) => ((m[r.stage] = (m[r.stage] ?? 0) + 1), m), {}))}`);
  const all = await timed('sop history of every SOP, library', () => lib.sopHistories({ cwd: dir, paths: [] }));
  console.log(`  ${all.length} timelines, ${all.reduce((n, h) => n + h.entries.length, 0)} entries, ${all.reduce((n, h) => n + h.entries.filter((e) => e.transition).length, 0)} stage transitions`);
  const one = await timed('sop history of one SOP, library', () => lib.sopHistory({ cwd: dir, target: 'GEN-00001' }));
  console.log(`  ${one.entries.length} entries`);
  console.log(`peak RSS (in-process): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

  const hasTime = existsSync('/usr/bin/time');
  const outputs = new Map();
  const cli = (cmd, label = '') => {
    const argv = hasTime ? ['-f', '%M', process.execPath, bin, ...cmd] : [bin, ...cmd];
    const t = process.hrtime.bigint();
    const r = spawnSync(hasTime ? '/usr/bin/time' : process.execPath, argv, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
    const wall = secs(t);
    if (r.status !== 0) throw new Error(`sop ${cmd.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
    const rss = hasTime ? `, peak RSS ${(Number(r.stderr.trim().split('\n').pop()) / 1024).toFixed(0)} MB` : '';
    console.log(`CLI sop ${cmd.join(' ')}${label}: ${wall} s wall (node start-up included)${rss}`);
    return r.stdout;
  };
  const cache = path.join(dir, '.sop-cache', 'status');
  rmSync(cache, { recursive: true, force: true });
  const fresh = cli(['status', '--no-cache']);
  cli(['status'], ' (no cache yet: writes .sop-cache/status/)');
  const cached = cli(['status'], ' (reads the cache)');
  if (cached !== fresh) throw new Error('sop status printed other rows from its cache than without it');
  cli(['status', '-f', 'json'], ' (reads the cache)');
  // One more commit: the cached history is continued with it.
  const git = (a) => spawnSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.org', ...a], { cwd: dir, encoding: 'utf8' });
  const edited = path.join(dir, first.rows[0].file);
  writeFileSync(edited, readFileSync(edited, 'utf8').replace(/^title: (.*)$/m, 'title: $1 (bench)'));
  git(['commit', '-q', '-a', '-m', 'bench: one more commit']);
  const after = cli(['status'], ' (after one new commit: reads it and the cache)');
  if (after !== cli(['status', '--no-cache'])) throw new Error('sop status after a new commit printed other rows from its cache than without it');
  cli(['history', 'GEN-00001']);

  if (!args.includes('--no-baseline')) {
    const files = first.rows.map((r) => r.file);
    t0 = process.hrtime.bigint();
    for (const f of files) spawnSync('git', ['log', '--follow', '--format=%H %aI %s', '--', f], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 });
    console.log(`baseline, one \`git log --follow\` per file: ${secs(t0)} s, ${files.length} git processes`);
  }
} finally {
  if (args.includes('--keep')) console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
