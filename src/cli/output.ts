import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { IoError } from '../util/errors.js';
import { replaceFile } from '../util/temp.js';
import { translator, type MessageKey, type Translate } from './i18n/index.js';

/** The errors a user can fix, said in plain words (`io.<code>` in the catalogue). */
const WHY = new Set(['EEXIST', 'ENOTDIR', 'EISDIR', 'EACCES', 'EPERM', 'EROFS', 'ENOSPC']);

/** The message for a failed write of `file`: the plain reason, or the code, or the error's own words. */
export function writeErrorMessage(file: string, e: unknown, t: Translate = translator('en')): string {
  const code = (e as NodeJS.ErrnoException).code;
  const why = code && WHY.has(code) ? t(`io.${code}` as MessageKey) : (code ?? (e as Error).message);
  return t('io.cannotWrite', { file, why });
}

/**
 * mkdir -p. Node's recursive mkdir says ENOENT when the first folder to create cannot be made (on a read-only
 * file system it is EROFS): the real reason comes from making that one folder below the deepest existing one.
 */
export function makeFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    let first = dir;
    while (!existsSync(path.dirname(first)) && path.dirname(first) !== first) first = path.dirname(first);
    mkdirSync(first); // throws the real reason (EROFS, EACCES, …)
    mkdirSync(dir, { recursive: true });
  }
}

/** Write a file atomically (temp file in the same folder, then rename); stale temp files of killed runs in that folder are removed. `t` words a failure. */
export function writeFileAtomic(file: string, data: string | Uint8Array, t?: Translate): void {
  try {
    makeFolder(path.dirname(file));
    replaceFile(file, data);
  } catch (e) {
    throw new IoError(writeErrorMessage(file, e, t));
  }
}
