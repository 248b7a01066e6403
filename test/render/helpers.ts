import path from 'node:path';
import { globSync } from 'tinyglobby';
import { resolveConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/types.js';
import { loadFile, loadText } from '../../src/model/load.js';
import type { Sop } from '../../src/model/types.js';
import { ROOT } from '../helpers/cli.js';

/** The examples repository's config. */
export const EXAMPLES = path.join(ROOT, 'examples');

/** The examples' configuration. */
export function examplesConfig(): Config {
  return resolveConfig(EXAMPLES, EXAMPLES);
}

/** Every example SOP, parsed. */
export function exampleSops(): Array<{ file: string; sop: Sop }> {
  return globSync('sops/**/*.yaml', { cwd: EXAMPLES, absolute: true })
    .sort()
    .map((file) => ({ file, sop: loadFile(file, file).data as Sop }));
}

/** One SOP from YAML text. */
export function sopFrom(text: string): Sop {
  return loadText('test.yaml', text).data as Sop;
}

/** A fixed clock. */
export const NOW = new Date('2026-11-29T08:00:00Z');
