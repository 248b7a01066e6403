import { existsSync } from 'node:fs';
import path from 'node:path';
import { isStandalone } from '../../util/package-files.js';
import { packageRoot } from '../../util/paths.js';

/** Where an office repository has sopkit's schemas once `npm install` ran: `node_modules/sopkit/schemas/`. */
export const INSTALLED_SCHEMAS = 'node_modules/sopkit/schemas';

const posix = (p: string) => p.split(path.sep).join('/');

/**
 * The `$schema` path of a bundled schema as seen from `fromDir`, for `# yaml-language-server: $schema=…`:
 * the repository's own `node_modules/sopkit/schemas/` (where `npm install` puts it, and where it will be
 * when sopkit runs from elsewhere, e.g. `npx` or the standalone executable); the package's own `schemas/`
 * when the repository lives inside the sopkit checkout (its examples).
 */
export function schemaRef(kind: 'sop' | 'config', fromDir: string, root: string): string {
  const name = `${kind}.schema.json`;
  const installed = path.join(root, INSTALLED_SCHEMAS, name);
  const inside = (dir: string, parent: string) => {
    const rel = path.relative(parent, dir);
    return !rel.startsWith('..') && !path.isAbsolute(rel);
  };
  // A standalone executable has no package folder: its schemas are embedded, the editor reads the installed ones.
  const own = isStandalone() ? undefined : path.join(packageRoot(), 'schemas', name);
  const target = own && !existsSync(installed) && inside(root, packageRoot()) && existsSync(own) ? own : installed;
  const rel = posix(path.relative(fromDir, target));
  return rel.startsWith('.') ? rel : `./${rel}`;
}
