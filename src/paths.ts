import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The installed package's root folder (holds schemas/ and templates/). */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'schemas')) || !existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('sopkit: cannot find the package root (schemas/ folder)');
    dir = up;
  }
  cached = dir;
  return dir;
}

/** The bundled JSON Schemas: SOP files, sop.config.yaml, the business process map. */
export type SchemaKind = 'sop' | 'config' | 'processes';

/** Absolute path of a bundled schema. */
export function schemaPath(kind: SchemaKind): string {
  return path.join(packageRoot(), 'schemas', `${kind}.schema.json`);
}
