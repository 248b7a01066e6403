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

/** A bundled schema's path inside the package (read it with readPackageFile, src/util/package-files.ts). */
export function schemaFile(kind: SchemaKind): string {
  return `schemas/${kind}.schema.json`;
}

/** Absolute path of a bundled schema (the build; at run time read it through readPackageFile). */
export function schemaPath(kind: SchemaKind): string {
  return path.join(packageRoot(), ...schemaFile(kind).split('/'));
}

/**
 * The repository root that CI tools resolve paths against: the nearest folder at or above `dir` holding
 * `.git` (a folder, or a file in a worktree), else `fallback` (outside git: the config's folder).
 */
export function repositoryRoot(dir: string, fallback: string = dir): string {
  let d = path.resolve(dir);
  for (;;) {
    if (existsSync(path.join(d, '.git'))) return d;
    const up = path.dirname(d);
    if (up === d) return path.resolve(fallback);
    d = up;
  }
}

/** How a path is shown to the user: relative to `cwd` when it lies below it, else absolute as given. */
export function shownPath(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
