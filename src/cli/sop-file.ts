import { chmodSync, chownSync, closeSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { IoError, UsageError } from '../util/errors.js';
import { alive } from '../util/temp.js';
import type { RunState } from './state.js';
import type { MessageKey } from './i18n/index.js';
import { en } from './i18n/en.js';
import { translator, type Translate } from './i18n/index.js';

/** A lock older than this is taken as left behind, whoever holds it. */
const STALE_MS = 10 * 60 * 1000;

interface LockInfo {
  pid?: number;
  host?: string;
  since?: string;
}


function readLock(lock: string): { info: LockInfo; ageMs: number } | undefined {
  try {
    const ageMs = Date.now() - statSync(lock).mtimeMs;
    let info: LockInfo = {};
    try {
      info = JSON.parse(readFileSync(lock, 'utf8')) as LockInfo;
    } catch {
      // Being written, or not ours: judged by its age alone.
    }
    return { info, ageMs };
  } catch {
    return undefined; // gone meanwhile
  }
}

/** Whether a lock was left behind: its process (on this host) is gone, or it is older than STALE_MS. */
function stale(l: { info: LockInfo; ageMs: number }): boolean {
  if (l.ageMs > STALE_MS) return true;
  if (typeof l.info.pid === 'number' && l.info.host === hostname()) return !alive(l.info.pid);
  return false;
}

/**
 * Run `fn` holding the lock of `file`: `<file>.lock`, created with O_EXCL next to it and removed afterwards.
 * A second command on the same file meanwhile fails (exit 2) instead of overwriting the first one's change;
 * a lock whose process is gone (or older than ten minutes) is removed and taken.
 */
export async function withFileLock<T>(file: string, shown: string, fn: () => Promise<T>, t: Translate = translator('en')): Promise<T> {
  const lock = `${file}.lock`;
  let fd: number | undefined;
  for (let attempt = 0; fd === undefined; attempt++) {
    try {
      fd = openSync(lock, 'wx');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw new IoError(t('io.cannotLock', { file: shown, lock, why: code ?? (e as Error).message }));
      const held = readLock(lock);
      if (attempt < 2 && (!held || stale(held))) {
        if (held) rmSync(lock, { force: true });
        continue;
      }
      const info = held?.info;
      const who = info?.pid
        ? t('io.lockProcess', {
            pid: info.pid,
            host: info.host && info.host !== hostname() ? t('io.lockHost', { host: info.host }) : '',
            since: info.since ? t('io.lockSince', { since: info.since }) : '',
          })
        : '';
      throw new UsageError(t('io.locked', { file: shown, who, lock }));
    }
  }
  try {
    writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
  } finally {
    closeSync(fd);
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

/**
 * Replace the text of an existing SOP file, keeping its mode and its hard links: a file with one link is
 * replaced atomically (temp file with the same mode, and owner when run as root, then rename); a file with
 * several links is written in place (after the caller's compare, under its lock), so every name keeps
 * seeing the same file.
 */
export function writeSopFile(file: string, text: string, t: Translate = translator('en')): void {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const st = statSync(file);
    if (st.nlink > 1) {
      writeFileSync(file, text);
      return;
    }
    writeFileSync(tmp, text, { mode: st.mode & 0o7777 });
    chmodSync(tmp, st.mode & 0o7777); // the umask narrowed the mode given above
    if (process.getuid?.() === 0 && (st.uid !== 0 || st.gid !== 0)) chownSync(tmp, st.uid, st.gid); // root keeps the owner
    renameSync(tmp, file);
  } catch (e) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // nothing was written
    }
    const code = (e as NodeJS.ErrnoException).code;
    throw new IoError(t('io.cannotWrite', { file, why: code ?? (e as Error).message }));
  }
}

/** The question for a missing value in the run's language: the catalogue's words for its flag, else the library's label. */
function question(state: RunState, m: { label: string; flag: string }): string {
  const key = `ask.${m.flag}`;
  // English asks with the library's own label; the seven evaluation criteria are the form's Indonesian questions in every language.
  return state.lang !== 'en' && key in en ? state.t(key as MessageKey) : m.label;
}

/** What a command that edits an SOP (`sop promote`, `sop socialize|monitor|evaluate`) hands the library: the clock, --commit, --config, the terminal prompt, the atomic write and the file lock. */
export function editWiring(state: RunState, f: { today?: string; commit?: boolean; config?: string }) {
  const { io } = state;
  const prompt = io.stdinIsTTY && io.prompt ? io.prompt.bind(io) : undefined;
  return {
    now: f.today ?? new Date(),
    commit: f.commit,
    configPath: f.config,
    ask: prompt ? (m: { label: string; flag: string }) => prompt(`${question(state, m)} (${m.flag}): `) : undefined,
    write: (file: string, text: string) => writeSopFile(file, text, state.t),
    lock: <T>(file: string, shown: string, fn: () => Promise<T>) => withFileLock(file, shown, fn, state.t),
  };
}
