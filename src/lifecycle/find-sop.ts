import { statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { LoadedFile } from '../model/load.js';
import type { Project } from '../project.js';
import { closest } from '../lint/words.js';

/** Find one SOP by its `id` or by a file path. */
export function findSop(project: Project, cwd: string, target: string): { file: LoadedFile; abs: string } {
  const byId = project.repo.byId.get(target);
  if (byId && byId.length > 1) throw new UsageError(`Several files declare id ${target}: ${byId.map((f) => f.file).join(', ')}; name the file instead.`);
  if (byId?.[0]) return { file: byId[0], abs: project.absPaths.get(byId[0].file) ?? path.resolve(cwd, byId[0].file) };
  const abs = path.resolve(cwd, target);
  let isFile = false;
  try {
    isFile = statSync(abs).isFile();
  } catch {
    isFile = false;
  }
  if (isFile) {
    const f = project.repo.files.find((x) => (project.absPaths.get(x.file) ?? '') === abs) ?? project.targets.find((x) => (project.absPaths.get(x.file) ?? '') === abs);
    if (f) return { file: f, abs };
  }
  const hint = closest(target, [...project.repo.byId.keys()]);
  throw new UsageError(`No SOP with id or path \`${target}\`${hint ? `; did you mean \`${hint}\`?` : '.'}`);
}
