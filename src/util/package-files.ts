import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Script } from 'node:vm';
import { packageRoot } from './paths.js';

/**
 * The one place that reads the files sopkit ships beside its code (templates/, schemas/, the precompiled
 * validators in dist/schemas/, package.json), by their path relative to the package root with `/`
 * separators. Installed from npm they are files under the package root; in a standalone executable
 * (Node SEA, `npm run sea`) they are the executable's embedded assets, keyed by that same path, with
 * `ASSET_INDEX` listing them (Node 20 cannot list a SEA's assets).
 */

/** The embedded asset listing every other asset's key (a JSON array), written by scripts/sea.mjs. */
export const ASSET_INDEX = 'sopkit-assets.json';

interface SeaApi {
  isSea(): boolean;
  getAsset(key: string, encoding: string): string;
}

const require = createRequire(import.meta.url);

let seaApi: SeaApi | null | undefined;

/** `node:sea` when this process is a standalone executable, else null (also on a Node without `node:sea`). */
function sea(): SeaApi | null {
  if (seaApi === undefined) {
    try {
      const s = require('node:sea') as SeaApi;
      seaApi = s.isSea() ? s : null;
    } catch {
      seaApi = null;
    }
  }
  return seaApi;
}

/** True in a standalone executable: the shipped files are embedded, there is no package folder. */
export function isStandalone(): boolean {
  return sea() !== null;
}

let keys: Set<string> | undefined;

function assetKeys(s: SeaApi): Set<string> {
  keys ??= new Set(JSON.parse(s.getAsset(ASSET_INDEX, 'utf8')) as string[]);
  return keys;
}

const abs = (rel: string) => path.join(packageRoot(), ...rel.split('/'));

/** Whether a shipped file exists. */
export function hasPackageFile(rel: string): boolean {
  const s = sea();
  return s ? assetKeys(s).has(rel) : existsSync(abs(rel));
}

/** A shipped file's text (UTF-8); throws when it is missing. */
export function readPackageFile(rel: string): string {
  const s = sea();
  if (!s) return readFileSync(abs(rel), 'utf8');
  if (!assetKeys(s).has(rel)) throw new Error(`sopkit: ${rel} is not embedded in this executable`);
  return s.getAsset(rel, 'utf8');
}

/** Names of the files directly in a shipped folder, sorted; empty when there is none. */
export function listPackageFolder(rel: string): string[] {
  const s = sea();
  if (!s) {
    const dir = abs(rel);
    return existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name).sort() : [];
  }
  const prefix = `${rel}/`;
  return [...assetKeys(s)].filter((k) => k.startsWith(prefix) && !k.slice(prefix.length).includes('/')).map((k) => k.slice(prefix.length)).sort();
}

/**
 * A shipped CommonJS module's exports. Embedded ones are self-contained bundles (the build inlines what
 * they require), run once in this context.
 */
export function loadPackageModule(rel: string): unknown {
  const s = sea();
  if (!s) return require(abs(rel));
  const module = { exports: {} as unknown };
  const wrapped = `(function (exports, module) {${readPackageFile(rel)}\n})`;
  (new Script(wrapped, { filename: `sopkit:${rel}` }).runInThisContext() as (e: unknown, m: typeof module) => void)(module.exports, module);
  return module.exports;
}
