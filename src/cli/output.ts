import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { IoError } from '../errors.js';

/** Plain words for the errors a user can fix. */
const WHY: Record<string, string> = {
  EEXIST: 'a file stands where a folder of that path is needed (EEXIST)',
  ENOTDIR: 'a file stands where a folder of that path is needed (ENOTDIR)',
  EISDIR: 'a folder of that name exists (EISDIR)',
  EACCES: 'permission denied (EACCES)',
  EPERM: 'permission denied (EPERM)',
  EROFS: 'the file system is read-only (EROFS)',
  ENOSPC: 'no space left on the device (ENOSPC)',
};

/** Write a file atomically (temp file in the same folder, then rename). */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch (e) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // The folder itself is unusable (e.g. a file stands where it should be): nothing was written.
    }
    const code = (e as NodeJS.ErrnoException).code;
    throw new IoError(`Cannot write ${file}: ${(code && WHY[code]) ?? code ?? (e as Error).message}`);
  }
}
