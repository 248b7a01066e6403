import { linkSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { IoError } from '../util/errors.js';
import { translator, type Translate } from './i18n/index.js';

const why = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/**
 * Create `file` with `data` unless it exists: written to a temporary file in the same folder, then
 * hard-linked into place (which fails when the name is taken, so an existing file is never replaced,
 * even by a race). Returns false when the file existed.
 */
export function writeNewFile(file: string, data: string | Uint8Array, t: Translate = translator('en')): boolean {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, data);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new IoError(t('io.cannotWrite', { file, why: why(e) }));
  }
  try {
    linkSync(tmp, file);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // A file system without hard links: exclusive create (still never replaces a file).
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') return writeExclusive(file, data, t);
    throw new IoError(t('io.cannotWrite', { file, why: why(e) }));
  } finally {
    rmSync(tmp, { force: true });
  }
}

function writeExclusive(file: string, data: string | Uint8Array, t: Translate): boolean {
  try {
    writeFileSync(file, data, { flag: 'wx' });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new IoError(t('io.cannotWrite', { file, why: why(e) }));
  }
}
