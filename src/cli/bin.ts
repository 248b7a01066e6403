#!/usr/bin/env node
import { createInterface } from 'node:readline/promises';
import { run } from './run.js';

// A reader that stops early (`sop history X | head`) closes the pipe: the run goes on, its output unread
// (as with cat), instead of a crash on EPIPE.
const writable = { stdout: true, stderr: true };
for (const name of ['stdout', 'stderr'] as const) {
  process[name].on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    writable[name] = false;
  });
}

// No top-level await: the standalone executable (scripts/sea.mjs) bundles this file as CommonJS.
void run(process.argv.slice(2), {
  stdout: (s) => void (writable.stdout && process.stdout.write(s)),
  stderr: (s) => void (writable.stderr && process.stderr.write(s)),
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  stdinIsTTY: Boolean(process.stdin.isTTY),
  prompt: async (q) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try { return await rl.question(q); } finally { rl.close(); }
  },
  // Ctrl-C and a polite kill (SIGTERM) both let a running PDF job close its browser and remove its profile.
  onInterrupt: (h) => {
    process.on('SIGINT', h);
    process.on('SIGTERM', h);
    return () => {
      process.off('SIGINT', h);
      process.off('SIGTERM', h);
    };
  },
}).then((code) => {
  process.exitCode = code;
});
