import path from 'node:path';
import { shownPath } from '../util/paths.js';
import { expandPaths, mapFileOf, repositoryFiles } from '../config/files.js';
import { resolveConfig } from '../config/load.js';
import { CONFIG_FILE, type Config } from '../config/types.js';
import { UsageError } from '../util/errors.js';
import { loadFile, type LoadedFile } from '../model/load.js';
import { buildRepository, checkRuleConfig } from '../lint/engine.js';
import type { Repository } from '../lint/rule.js';
import { loadProcessMap } from '../config/process-map.js';
import type { ProcessMap } from '../model/processes/types.js';
import type { Loaders, RepoFile } from '../model/facts/facts.js';

export { expandPaths, repositoryFiles } from '../config/files.js';

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

/** What a command is about, before any SOP file is read: the config, the files named (absolute) and the whole repository's. */
export interface ProjectFiles {
  /** The governing configuration. */
  config: Config;
  /** The files the command was asked about (absolute, the map left out). */
  targets: string[];
  /** Every SOP file of the repository (absolute). */
  all: string[];
  /** A path as shown to the user. */
  shown: (abs: string) => string;
  /** The business process map, when the repository has one. */
  map?: ProcessMap;
  /** Whether the command names the map (or the whole repository). */
  mapNamed: boolean;
}

/** Resolve the config (unless given, as resolved for these options) and the files of a command (errors as {@link openProject} gives them), without reading any SOP. */
export function projectFiles(opts: { cwd: string; paths: readonly string[]; configPath?: string }, resolved?: Config): ProjectFiles {
  const { cwd, paths } = opts;
  const config = resolved ?? resolveConfig(cwd, paths[0], opts.configPath);
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
    throw new UsageError(paths.length ? `No SOP files (*.yaml, *.yml) in: ${paths.join(', ')}` : `No SOP files found: the SOP glob of ${where} matches nothing. Run sop in the repository, set \`sops\` in ${CONFIG_FILE}, or name the files.`,
      paths.length
        ? { id: 'files.noSopsIn', data: { paths: paths.join(', ') } }
        : config.file
          ? { id: 'files.noSops', data: { config: path.relative(cwd, config.file) || config.file, glob: config.sops, file: CONFIG_FILE } }
          : { id: 'files.noSopsNoConfig', data: { root: config.root, glob: config.sops, file: CONFIG_FILE } },
    );
  }
  return { config, targets: targetsAbs, all, shown, map, mapNamed };
}

/**
 * Load a project: config, target files, and the whole repository for cross-file checks. Every file is loaded in
 * full unless `loaders` (given the config) says how to load the targets and the other files (`sop lint`: facts).
 */
export function openProject<F extends RepoFile = LoadedFile>(opts: { cwd: string; paths: readonly string[]; configPath?: string; loaders?: (config: Config) => Loaders<F> }): Project<F | LoadedFile> {
  const { config, targets: targetsAbs, all, shown, map, mapNamed } = projectFiles(opts);
  const mapAbs = mapFileOf(config);
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
