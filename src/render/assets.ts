import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/types.js';
import { resolveInside } from '../util/inside.js';
import { ConfigError } from '../util/errors.js';

const MIME: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};

const cache = new Map<string, string>();

/** `sop.config.yaml:LINE:COL ` of organization.logo, when the config has a file. */
const at = (config: Config): string => (config.where ? `${config.where(['organization', 'logo'])} ` : '');

/**
 * The configured logo as a data URI (an `<img>` source: an SVG shown this way cannot run scripts
 * or load anything). Undefined when no logo is configured; ConfigError when it cannot be used.
 */
export function logoDataUri(config: Config): string | undefined {
  const logo = config.organization.logo;
  if (!logo) return undefined;
  // The real file, inside the repository (a committed symlink cannot put an outside file in the document).
  const abs = resolveInside(config.root, logo, { where: config.where?.(['organization', 'logo']), what: 'organization.logo' });
  const mime = MIME[path.extname(abs).toLowerCase()];
  if (!mime) throw new ConfigError(`${at(config)}organization.logo must be an SVG, PNG, JPEG, GIF or WebP file; got ${logo}`, { id: 'config.logoType', data: { at: at(config), logo } });
  const hit = cache.get(abs);
  if (hit) return hit;
  let bytes: Buffer;
  try {
    bytes = readFileSync(abs);
  } catch (e) {
    throw new ConfigError(`${at(config)}organization.logo cannot be read: ${logo} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, {
      id: 'config.logoUnreadable',
      data: { at: at(config), logo, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message },
    });
  }
  const uri = `data:${mime};base64,${bytes.toString('base64')}`;
  cache.set(abs, uri);
  return uri;
}
