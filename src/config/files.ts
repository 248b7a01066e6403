// Finding the SOP files of a repository: the config's glob, and the files, folders and globs named on the
// command line. Every walk stays inside the repository (symbolic links are resolved before they are entered).
import * as fs from 'node:fs';
import { statSync } from 'node:fs';
import path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { shownPath } from '../util/paths.js';
import { globFolder, isInside, realPath, resolveInside } from '../util/inside.js';
import { ConfigError, UsageError } from '../util/errors.js';
import { CONFIG_FILE, type Config } from './types.js';
import { DEFAULT_PROCESS_MAP } from './process-map.js';

/** Where the map would be (it need not exist): never an SOP file. */
export const mapFileOf = (config: Config) => path.resolve(config.root, config.processes ?? DEFAULT_PROCESS_MAP);

const IGNORE = ['**/node_modules/**', '**/.git/**'];

/** A symlink met by a walk that leads out of the folder the walk must stay in. */
interface Escape {
  /** The link (absolute, as met). */
  link: string;
  /** Its real target. */
  real: string;
}

/**
 * Glob below `cwd` without following a link out of `realRoot`: every symlink the walk meets is resolved before
 * the walk goes through it (a link to `/` is never walked), and every file found must resolve inside.
 */
function globWithin(pattern: string, cwd: string, realRoot: string, ignore: string[]): { found: string[]; escape?: Escape } {
  let escape: Escape | undefined;
  const realpathSync = (p: string): string => {
    const real = fs.realpathSync.native(p);
    if (!isInside(realRoot, real)) {
      escape ??= { link: p, real };
      throw Object.assign(new Error(`${p} leads out of ${realRoot}`), { code: 'EACCES' });
    }
    return real;
  };
  const guarded = { ...fs, realpathSync: Object.assign(realpathSync, { native: realpathSync }) } as unknown as typeof fs;
  // fdir (under tinyglobby) resolves every symlink it meets through this realpathSync before it walks or lists
  // it, and skips one that throws; the tests of each kind of link (file, folder, chain, `/`) hold it to that.
  // tinyglobby answers with `/` on Windows too: the native form, so a file found equals the same file named.
  const found = globSync(pattern, { cwd, absolute: true, ignore, dot: false, fs: guarded }).map((f) => path.resolve(f));
  return { found, escape };
}

/**
 * The SOP files of the repository (absolute paths, sorted). The glob comes from the config, so it never
 * follows a link out of the repository: its folder, every symlink it meets and every file found must resolve
 * inside the root; otherwise a ConfigError at the `sops` line.
 */
export function repositoryFiles(config: Config): string[] {
  const origin = { where: config.where?.(['sops']), what: 'sops' };
  const base = globFolder(config.sops);
  if (base) resolveInside(config.root, base, origin);
  const realRoot = realPath(config.root);
  const { found, escape } = globWithin(config.sops, config.root, realRoot, IGNORE);
  if (escape) {
    const rel = path.relative(config.root, escape.link) || escape.link;
    throw new ConfigError(`${origin.where ? `${origin.where} ` : ''}sops: ${rel} is a symbolic link to ${escape.real}, outside the repository (${realRoot}); the SOP glob does not follow a link out of the repository.`, {
      id: 'files.globLinkOut',
      data: { at: origin.where ? `${origin.where} ` : '', link: rel, real: escape.real, root: realRoot },
    });
  }
  const map = mapFileOf(config);
  return found.filter((f) => f !== config.file && f !== map && path.basename(f) !== CONFIG_FILE).sort();
}

/**
 * The YAML files of a folder named on the command line. The folder is the user's choice; a symlink inside it
 * is the repository's word, so the walk stays inside the repository (or, for a folder outside it, the folder).
 */
function folderFiles(cwd: string, dir: string, config: Config): string[] {
  const realRoot = realPath(config.root);
  const realDir = realPath(dir);
  const within = isInside(realRoot, realDir) ? realRoot : realDir;
  const { found, escape } = globWithin('**/*.{yaml,yml}', dir, within, [...IGNORE, `**/${CONFIG_FILE}`]);
  if (escape) {
    const shown = shownPath(cwd, escape.link);
    throw new UsageError(`${shown} is a symbolic link to ${escape.real}, outside ${within === realRoot ? `the repository (${realRoot})` : realDir}; a folder is never walked through a link out of it. Name the file itself to check it.`,
      within === realRoot ? { id: 'files.folderLinkOutOfRepo', data: { path: shown, real: escape.real, root: realRoot } } : { id: 'files.folderLinkOut', data: { path: shown, real: escape.real, folder: realDir } },
    );
  }
  return found.sort();
}

/** Expand command-line paths (files, folders, globs) into absolute file paths. */
export function expandPaths(cwd: string, paths: readonly string[], config: Config): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (isDynamicPattern(p)) {
      const found = globSync(p, { cwd, absolute: true, ignore: IGNORE }).map((f) => path.resolve(f));
      if (found.length === 0) throw new UsageError(`No files match the pattern \`${p}\`.`, { id: 'files.noMatch', data: { pattern: p } });
      out.push(...found.sort());
      continue;
    }
    const abs = path.resolve(cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      throw new UsageError(`No such file or folder: ${p}`, { id: 'files.notFound', data: { path: p } });
    }
    if (st.isDirectory()) out.push(...(abs === config.root && config.file ? repositoryFiles(config) : folderFiles(cwd, abs, config)));
    else out.push(abs);
  }
  return [...new Set(out)];
}

