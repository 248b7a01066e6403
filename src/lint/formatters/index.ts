import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

/** Every output format of `sop lint`, by name (also the CLI's `--format` choices). */
export const formatters = { stylish, json, sarif, github, gitlab, junit } satisfies Record<string, Formatter>;
/** A known format name. */
export type FormatName = keyof typeof formatters;
