import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './types.js';
import { resolveInside } from '../util/inside.js';
import { ConfigError } from '../util/errors.js';
import { loadFile, type LoadedFile } from '../model/load.js';
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

// The loader words a few problems for SOP files; say them for a map.
const MAP_WORDING: Array<[RegExp, string]> = [
  [/^The file is empty/, 'The process map is empty: it needs `processes:`, a list of Level 0 processes, each with `code`, `name` and `category`.'],
  [/^The file holds no data/, 'The process map holds no data: it needs `processes:`, a list of Level 0 processes.'],
  [/^The root of an SOP file must be a mapping/, 'The root of the process map must be a mapping with the key `processes`.'],
];

/** Load a process map file (shown as `shown` in diagnostics). */
export function loadProcessMapFile(abs: string, shown: string = abs): ProcessMap {
  const file: LoadedFile = loadFile(shown, abs);
  for (const p of file.problems) {
    const better = MAP_WORDING.find(([re]) => re.test(p.message));
    if (better) p.message = better[1];
  }
  return readProcessMap(file);
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
