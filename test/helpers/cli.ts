import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run } from '../../src/cli/run.js';
import type { CliIO } from '../../src/cli/io.js';

/** Result of an in-process CLI run. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `sop <args>` in-process in `cwd`. */
export async function sop(args: string[], cwd: string, extra: Partial<CliIO> = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    cwd,
    env: { NO_COLOR: '1' },
    stdoutIsTTY: false,
    stderrIsTTY: false,
    stdinIsTTY: false,
    ...extra,
  });
  return { code, stdout, stderr };
}

/** A temporary folder with the given files (path → content); removed by the returned cleanup. */
export function tempTree(files: Record<string, string | Uint8Array> = {}): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'sopkit-'));
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A minimal valid draft SOP as YAML text; `extra` lines are appended. */
export function minimalSop(id = 'KUL-001', extra = ''): string {
  return `sop: 1
id: ${id}
title: Contoh
unit: Subbagian Umum
status: draft
revision: 0
dates: {created: 2024-03-11}
legalBasis: [UU 43/2009]
actors:
  - {id: staf, name: Staf}
steps:
  - activity: Menerima surat
    actor: staf
    time: 15 menit
    output: Surat
  - activity: Mengarsipkan surat
    actor: staf
    time: 15 menit
    output: Arsip
${extra}`;
}

/** Repository root (for examples/). */
export const ROOT = path.resolve(new URL('../..', import.meta.url).pathname);
