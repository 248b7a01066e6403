#!/usr/bin/env node
// Benchmark: the book of N synthetic SOPs, and N single PDFs, each through the real CLI
// (`sop book`, `sop render --format pdf`) in a child process, with Chromium's processes sampled:
// wall time, CPU time and peak RSS of the whole process tree (node + browser), browser launches. CPU time is
// summed over every process seen (each one's last sample, taken every 250 ms): steadier than wall time on a
// shared machine.
// Usage: npm run build && node bench/pdf.mjs [N=200] [--book]   (--book: the book only, no single PDFs)
// SOPKIT_PROFILE=1 in the environment adds the book's phase times (printed by sop book on stderr).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { sopYaml } from './gen-sops.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'dist/src/cli/bin.js');
const args = process.argv.slice(2);
const bookOnly = args.includes('--book');
const N = Number(args.find((a) => /^\d+$/.test(a)) ?? 200);

const dir = mkdtempSync(path.join(tmpdir(), 'sopkit-bench-pdf-'));
mkdirSync(path.join(dir, 'sops'), { recursive: true });
writeFileSync(path.join(dir, 'sop.config.yaml'), 'organization: {name: KOMISI PEMILIHAN UMUM KOTA MALANG, unitLines: [SEKRETARIAT], address: "Jl. Bandung No. 5, Kota Malang"}\npaper: F4\norientation: landscape\nbook: {title: Buku SOP Sintetis}\n');
for (let i = 0; i < N; i++) {
  writeFileSync(path.join(dir, 'sops', `GEN-${String(i + 1).padStart(5, '0')}.yaml`), sopYaml(i, { status: i % 10 === 9 ? 'draft' : 'approved' }));
}

/** RSS (KiB) of `pid` and all its descendants, and the browser main processes among them (read from /proc). */
function tree(pid) {
  const procs = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${d}/status`, 'utf8'))?.[1] ?? 0);
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]);
      procs.push({ pid: Number(d), ppid, rss, ticks, args: () => readFileSync(`/proc/${d}/cmdline`, 'utf8').replace(/\0/g, ' ') });
    } catch { /* gone */ }
  }
  const inTree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of procs) if (!inTree.has(p.pid) && inTree.has(p.ppid)) { inTree.add(p.pid); grew = true; }
  }
  const mine = procs.filter((p) => inTree.has(p.pid));
  const browsers = [];
  for (const p of mine) {
    try {
      const a = p.args();
      if (/chrom/i.test(a) && /--user-data-dir=/.test(a) && !/--type=/.test(a)) browsers.push(p.pid);
    } catch { /* gone */ }
  }
  return { rss: mine.reduce((n, p) => n + p.rss, 0), browsers, ticks: mine.map((p) => [p.pid, p.ticks]) };
}

/** Run the CLI, sampling the process tree every 250 ms. */
async function measure(label, args) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [bin, ...args], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  let peak = 0;
  const browsers = new Set();
  const ticks = new Map();
  const sample = () => {
    try {
      const t = tree(child.pid);
      peak = Math.max(peak, t.rss);
      for (const [pid, n] of t.ticks) ticks.set(pid, n);
      for (const b of t.browsers) browsers.add(b);
    } catch { /* the process just ended */ }
  };
  const timer = setInterval(sample, 250);
  const code = await new Promise((r) => child.on('close', r));
  clearInterval(timer);
  const s = (performance.now() - t0) / 1000;
  const cpu = [...ticks.values()].reduce((a, b) => a + b, 0) / 100;
  console.log(`${label}: ${s.toFixed(1)} s wall, ${cpu.toFixed(1)} s CPU, peak RSS ${(peak / 1024).toFixed(0)} MB (node + Chromium), browser launches ${browsers.size}, exit ${code}`);
  if (code !== 0) console.error(stderr);
  else for (const line of stderr.split('\n').filter((l) => l.startsWith('sop: profile:'))) console.log(`  ${line}`);
  return { s, code, launches: browsers.size };
}

const book = await measure(`book of ${N} SOPs`, ['book', '--include-drafts', '-o', 'book.pdf']);
const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path.join(dir, 'book.pdf')], { encoding: 'utf8' }))?.[1];
console.log(`  book.pdf: ${pages} pages`);
const singles = bookOnly ? { s: 0, code: 0, launches: 1 } : await measure(`${N} single PDFs`, ['render', '--format', 'pdf', '-o', 'out']);
if (!bookOnly) console.log(`  out/: ${readdirSync(path.join(dir, 'out')).filter((f) => f.endsWith('.pdf')).length} PDFs`);
rmSync(dir, { recursive: true, force: true });
// Targets (issue 10): the book under 30 s (goal 20 s), the single PDFs under 60 s, each with one browser launch.
if (book.s > 30 || singles.s > 60 || book.launches !== 1 || singles.launches !== 1 || book.code !== 0 || singles.code !== 0) process.exitCode = 1;
