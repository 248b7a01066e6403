import path from 'node:path';

/** A diagnostic's file relative to `cwd` with forward slashes, or null when it lies outside `cwd`. */
export function relativeTo(cwd: string, file: string): string | null {
  const rel = path.relative(cwd, path.resolve(cwd, file));
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return rel.split(path.sep).join('/');
}

/** The file as CI tools expect it: relative with forward slashes when possible, else absolute. */
export function portablePath(cwd: string, file: string): string {
  return relativeTo(cwd, file) ?? path.resolve(cwd, file).split(path.sep).join('/');
}
