import { realpathSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from './errors.js';

/** Where a path was named, for the message when it leads out of the repository. */
export interface PathOrigin {
  /** `file:LINE:COL` of the config or SOP line that names the path; absent when it has no line (defaults). */
  where?: string;
  /** What the path is, as the user wrote its key: `organization.logo`, `book.pages[1]`, `templates`. */
  what: string;
}

/** The real path of `p` (symlinks followed); a part that does not exist yet is kept as written below the real part that does. */
export function realPath(p: string): string {
  try {
    return realpathSync.native(p);
  } catch {
    const up = path.dirname(p);
    return up === p ? p : path.join(realPath(up), path.basename(p));
  }
}

/** Whether the absolute real path `real` is `realRoot` or lies below it. */
export function isInside(realRoot: string, real: string): boolean {
  const rel = path.relative(realRoot, real);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Resolve a path that a config or an SOP names: made absolute against `root`, then its real path (every
 * symlink followed, a chain too). Returns that real path when it lies inside `root`; otherwise throws a
 * ConfigError (exit 2) that names `origin.where` and the real target. A path that does not exist is
 * resolved as far as it exists (the caller reports it missing). Every file read on a repository's word
 * goes through here, so that a committed symlink cannot print a file from outside the repository.
 */
export function resolveInside(root: string, p: string, origin: PathOrigin): string {
  const abs = path.resolve(root, p);
  const realRoot = realPath(root);
  const real = realPath(abs);
  if (!isInside(realRoot, real)) {
    const through = real === p ? '' : ` (it resolves to ${real})`;
    throw new ConfigError(`${origin.where ? `${origin.where} ` : ''}${origin.what} must stay inside the repository (${realRoot}): ${p}${through} is outside it.`, {
      id: 'path.outsideRepo',
      data: { at: origin.where ? `${origin.where} ` : '', what: origin.what, root: realRoot, path: p, real },
    });
  }
  return real;
}

/** The static folder part of a glob (`sops/**\/*.yaml` → `sops`; `*.yaml` → ``). */
export function globFolder(glob: string): string {
  const parts = glob.split('/');
  const fixed: string[] = [];
  for (const p of parts.slice(0, -1)) {
    if (/[*?{}[\]!()]/.test(p)) break;
    fixed.push(p);
  }
  return fixed.join('/');
}
