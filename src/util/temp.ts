import { readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A temporary file or folder of ours older than this was left by a run that was killed (-9). */
export const STALE_MS = 60 * 60 * 1000;

/** Whether process `pid` still runs (a process of another user counts as running). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const swept = new Set<string>();

/**
 * Remove the entries of `dir` named as ours (`pattern`; its first group, when there is one, is the pid of the
 * run that made it) that are older than an hour and whose run is gone: what a run killed with -9 left behind.
 * Each folder and pattern is swept once per process. Returns the removed paths.
 */
export function removeStale(dir: string, pattern: RegExp, now = Date.now()): string[] {
  const key = `${dir}\0${pattern.source}`;
  if (swept.has(key)) return [];
  swept.add(key);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = pattern.exec(name);
    if (!m) continue;
    const pid = m[1] ? Number(m[1]) : undefined;
    // Our own pid in an old name is a killed run's (pids repeat, e.g. in containers): the sweep runs before we make any.
    if (pid !== undefined && pid !== process.pid && alive(pid)) continue;
    const f = path.join(dir, name);
    try {
      if (now - statSync(f).mtimeMs <= STALE_MS) continue;
      rmSync(f, { recursive: true, force: true, maxRetries: 2 });
      removed.push(f);
    } catch {
      // Gone already, or not ours to remove.
    }
  }
  return removed;
}

/** Forget which folders were swept (tests run several commands in one process). */
export function resetSweeps(): void {
  swept.clear();
}

/** Temporary files of {@link replaceFile}: `.<name>.<pid>.<ms>.tmp`. */
export const TEMP_FILE = /^\..+\.(\d+)\.\d+\.tmp$/;

/**
 * Replace `file` atomically: a temp file in the same folder, renamed over it (two writers at once leave one whole
 * file, a killed one leaves the old file). Stale temp files of killed runs in that folder are removed first. The
 * folder must exist; on failure the temp file is removed and the error thrown.
 */
export function replaceFile(file: string, data: string | Uint8Array): void {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    removeStale(dir, TEMP_FILE);
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch (e) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // The folder itself is unusable (e.g. a file stands where it should be): nothing was written.
    }
    throw e;
  }
}
