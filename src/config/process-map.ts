import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './types.js';
import { resolveInside } from '../util/inside.js';
import { ConfigError } from '../util/errors.js';
import { loadFile } from '../model/load.js';
import { readProcessMap } from '../model/processes/build.js';
import type { ProcessMap } from '../model/processes/types.js';

/** The map's file name when the config names none. */
export const DEFAULT_PROCESS_MAP = 'processes.yaml';

/** Absolute path of the repository's business process map, or undefined when it has none (config error when a named file is missing). */
export function processMapPath(config: Config): string | undefined {
  if (config.processes === undefined) {
    const abs = path.join(config.root, DEFAULT_PROCESS_MAP);
    return existsSync(abs) ? resolveInside(config.root, abs, { what: DEFAULT_PROCESS_MAP }) : undefined;
  }
  const abs = resolveInside(config.root, config.processes, { where: config.where?.(['processes']), what: 'processes' });
  if (!existsSync(abs)) throw new ConfigError(`${config.where ? `${config.where(['processes'])} ` : ''}processes: the business process map ${config.processes} does not exist.`, { id: 'config.mapMissing', data: { at: config.where ? `${config.where(['processes'])} ` : '', file: config.processes } });
  return abs;
}

/** Load a process map file (shown as `shown` in diagnostics). */
export function loadProcessMapFile(abs: string, shown: string = abs): ProcessMap {
  // The loader's wording of an empty file or a root that is not a mapping is said for a map by readProcessMap (by message id).
  return readProcessMap(loadFile(shown, abs));
}

/**
 * The repository's business process map, loaded with source ranges, or undefined when there is none.
 * `shown` names the file in diagnostics (default: relative to the repository root).
 */
export function loadProcessMap(config: Config, shown?: (abs: string) => string): ProcessMap | undefined {
  const abs = processMapPath(config);
  if (!abs) return undefined;
  return loadProcessMapFile(abs, shown ? shown(abs) : path.relative(config.root, abs));
}
