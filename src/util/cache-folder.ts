import { lstatSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The folder of sopkit's caches (lint facts, status), in the repository root: `<root>/.sop-cache/`. */
export const CACHE_FOLDER = '.sop-cache';

/** Whether `<root>/.sop-cache` is a real folder, or none yet: a symbolic link (out of the repository, maybe) is never used. */
export function cacheFolderUsable(root: string): boolean {
  try {
    return lstatSync(path.join(root, CACHE_FOLDER)).isDirectory();
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

/**
 * Make `<root>/.sop-cache` ready to write: the folder, and a `.gitignore` in it that ignores the folder itself (for a
 * repository whose own `.gitignore` does not). Undefined when the folder may not be used (see {@link cacheFolderUsable});
 * an I/O error is thrown for the caller, whose cache only saves time, to ignore.
 */
export function prepareCacheFolder(root: string): string | undefined {
  if (!cacheFolderUsable(root)) return undefined;
  const dir = path.join(root, CACHE_FOLDER);
  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(path.join(dir, '.gitignore'), '# sopkit caches (safe to delete, never committed)\n*\n', { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return dir;
}
