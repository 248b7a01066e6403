import path from 'node:path';
import { globSync } from 'tinyglobby';
import { loadFile } from '../../../src/model/load.js';
import type { Sop } from '../../../src/model/types.js';
import { ROOT } from '../../helpers/cli.js';
import { squeeze } from './poppler.js';

/** The examples folder. */
export const EXAMPLES = path.join(ROOT, 'examples');

/** Every example SOP, parsed. */
export function exampleSops(): Array<{ file: string; sop: Sop }> {
  return globSync('sops/**/*.{yaml,yml}', { cwd: EXAMPLES }).sort().map((file) => ({ file, sop: loadFile(file, path.join(EXAMPLES, file)).data as Sop }));
}

/** Words of an SOP text as they print: Markdown marks and punctuation dropped, lower case. */
export function wordsOf(text: string): string[] {
  return squeeze(text.replace(/[*_`~[\]()]/g, ' '))
    .split(' ')
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w.length > 0);
}

/** Words of `expected` missing from `text` (both squeezed). */
export function missingWords(text: string, expected: string): string[] {
  const hay = squeeze(text);
  return wordsOf(expected).filter((w) => !hay.includes(w));
}
