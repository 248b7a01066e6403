import * as fs from 'node:fs';
import { statSync } from 'node:fs';
import path from 'node:path';
import { shownPath } from './paths.js';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { globFolder, isInside, realPath, resolveInside } from './config/inside.js';
import { resolveConfig } from './config/load.js';
import { CONFIG_FILE, type Config } from './config/types.js';
import { ConfigError, UsageError } from './errors.js';
import type { Loaders, RepoFile } from './model/facts/facts.js';
import { loadFile, type LoadedFile } from './model/load.js';
import { buildRepository, checkRuleConfig } from './lint/engine.js';
import type { Repository } from './lint/rule.js';
import { DEFAULT_PROCESS_MAP, loadProcessMap } from './model/processes/load.js';
import type { ProcessMap } from './model/processes/types.js';

/** An SOP repository opened for a command (`sop lint` holds only the facts of the files it does not check: F is RepoFile). */
export interface Project<F extends RepoFile = LoadedFile> {
  /** The governing configuration. */
  config: Config;
  /** The files the command was asked about. */
  targets: LoadedFile[];
  /** Every SOP of the repository plus the targets. */
  repo: Repository<F>;
  /** Absolute path of each loaded file, by its shown name. */
  absPaths: Map<string, string>;
  /** The business process map, when the repository has one (also `repo.processMap`). */
  map?: ProcessMap;
  /** The map's file when the command is about the whole repository or names the map: `sop lint` checks it too. */
  mapTarget?: LoadedFile;
}

/** Where the map would be (it need not exist): never an SOP file. */
const mapFileOf = (config: Config) => path.resolve(config.root, config.processes ?? DEFAULT_PROCESS_MAP);

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
  const found = globSync(pattern, { cwd, absolute: true, ignore, dot: false, fs: guarded });
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
    throw new ConfigError(`${origin.where ? `${origin.where} ` : ''}sops: ${rel} is a symbolic link to ${escape.real}, outside the repository (${realRoot}); the SOP glob does not follow a link out of the repository.`);
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
    throw new UsageError(`${shown} is a symbolic link to ${escape.real}, outside ${within === realRoot ? `the repository (${realRoot})` : realDir}; a folder is never walked through a link out of it. Name the file itself to check it.`);
  }
  return found.sort();
}

/** Expand command-line paths (files, folders, globs) into absolute file paths. */
export function expandPaths(cwd: string, paths: readonly string[], config: Config): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (isDynamicPattern(p)) {
      const found = globSync(p, { cwd, absolute: true, ignore: IGNORE });
      if (found.length === 0) throw new UsageError(`No files match the pattern \`${p}\`.`);
      out.push(...found.sort());
      continue;
    }
    const abs = path.resolve(cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      throw new UsageError(`No such file or folder: ${p}`);
    }
    if (st.isDirectory()) out.push(...(abs === config.root && config.file ? repositoryFiles(config) : folderFiles(cwd, abs, config)));
    else out.push(abs);
  }
  return [...new Set(out)];
}

/**
 * Load a project: config, target files, and the whole repository for cross-file checks. Every file is loaded in
 * full unless `loaders` (given the config) says how to load the targets and the other files (`sop lint`: facts).
 */
export function openProject<F extends RepoFile = LoadedFile>(opts: { cwd: string; paths: readonly string[]; configPath?: string; loaders?: (config: Config) => Loaders<F> }): Project<F | LoadedFile> {
  const { cwd, paths } = opts;
  const config = resolveConfig(cwd, paths[0], opts.configPath);
  checkRuleConfig(config);
  const shown = (abs: string) => shownPath(cwd, abs);
  const map = loadProcessMap(config, shown);
  const mapAbs = mapFileOf(config);
  const all = repositoryFiles(config);
  const expanded = paths.length ? expandPaths(cwd, paths, config) : all;
  const targetsAbs = expanded.filter((f) => f !== mapAbs);
  const mapNamed = paths.length === 0 || expanded.length > targetsAbs.length || paths.some((p) => path.resolve(cwd, p) === config.root);
  if (targetsAbs.length === 0 && !(map && mapNamed)) {
    // Passing on nothing would hide a wrong folder or glob in CI.
    const where = config.file ? `${path.relative(cwd, config.file) || config.file} (sops: ${config.sops})` : `${config.root} (no ${CONFIG_FILE}; default glob ${config.sops})`;
    throw new UsageError(paths.length ? `No SOP files (*.yaml, *.yml) in: ${paths.join(', ')}` : `No SOP files found: the SOP glob of ${where} matches nothing. Run sop in the repository, set \`sops\` in ${CONFIG_FILE}, or name the files.`);
  }
  const how = opts.loaders?.(config);
  const cache = new Map<string, LoadedFile | F>();
  const absPaths = new Map<string, string>();
  const load = <T extends LoadedFile | F>(abs: string, read: (shown: string, abs: string) => T): T => {
    let f = cache.get(abs) as T | undefined;
    if (!f) {
      f = read(shown(abs), abs);
      cache.set(abs, f);
      absPaths.set(f.file, abs);
    }
    return f;
  };
  const targets = targetsAbs.map((abs) => load(abs, how?.target ?? loadFile));
  for (const abs of all) load<LoadedFile | F>(abs, how?.other ?? loadFile);
  const repo = buildRepository([...cache.values()], config);
  repo.processMap = map;
  if (map) absPaths.set(map.file.file, mapAbs);
  return { config, targets, repo, absPaths, map, mapTarget: map && mapNamed ? map.file : undefined };
}
