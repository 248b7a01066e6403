import { statSync } from 'node:fs';
import path from 'node:path';
import { said, UsageError } from '../util/errors.js';
import type { LoadedFile } from '../model/load.js';
import type { Project } from './project.js';
import { closest } from '../model/words.js';
import { resolveConfig } from '../config/load.js';
import { openProject } from './project.js';
import { closeSopGit, openSopGit, realPath, submoduleOf, type SopGit } from '../git/repo.js';
import { dayOf, type Now } from '../model/day.js';

const hasId = (f: LoadedFile) => typeof (f.data as { id?: unknown } | undefined)?.id === 'string';

/** Whether a file name starts with `id` followed by the end or a separator. */
function namedFor(file: string, id: string): boolean {
  const stem = path.basename(file).replace(/\.ya?ml$/i, '');
  return stem.slice(0, id.length).toUpperCase() === id.toUpperCase() && /^([^A-Za-z0-9]|$)/.test(stem.charAt(id.length));
}

/** Find one SOP by its `id`, by a file path, or (when its file does not parse) by a file named after the id. */
export function findSop(project: Project, cwd: string, target: string): { file: LoadedFile; abs: string } {
  const byId = project.repo.byId.get(target);
  if (byId && byId.length > 1) throw new UsageError(`Several files declare id ${target}: ${byId.map((f) => f.file).join(', ')}; name the file instead.`, { id: 'sop.idTwice', data: { id: target, files: byId.map((f) => f.file).join(', ') } });
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
  // A file that does not parse has no id: find it by its name (`KUL-004-surat-masuk.yaml`, as lint's filename-id asks).
  const byName = project.repo.files.filter((f) => !hasId(f) && namedFor(f.file, target));
  if (byName.length === 1) return { file: byName[0]!, abs: project.absPaths.get(byName[0]!.file) ?? path.resolve(cwd, byName[0]!.file) };
  const hint = closest(target, [...project.repo.byId.keys()]);
  throw new UsageError(`No SOP with id or path \`${target}\`${hint ? `; did you mean \`${hint}\`?` : '.'}`, hint ? { id: 'sop.unknownHint', data: { target, hint } } : { id: 'sop.unknown', data: { target } });
}

/** One SOP opened together with its repository's git side (for `sop history` and `sop diff`). */
export interface OpenedSop {
  /** The project. */
  project: Project;
  /** The SOP's file. */
  file: LoadedFile;
  /** Its absolute path. */
  abs: string;
  /** Its data when it parses as a mapping. */
  data: Record<string, any> | undefined;
  /** Its id, or the target as given. */
  id: string;
  /** The git side; the caller closes it with closeSopGit. */
  g: SopGit;
}

/**
 * Open the project and git at once (git runs while the files are parsed), find the SOP, and close
 * git again when the SOP cannot be found. `notGit` words the error outside a git repository.
 */
export async function openSopWithGit(opts: { cwd: string; target: string; configPath?: string }, notGit: { text: string; id: string }): Promise<OpenedSop> {
  const gitP = openSopGit(resolveConfig(opts.cwd, undefined, opts.configPath));
  gitP.catch(() => undefined); // observed below; never an unhandled rejection if parsing throws first
  let project: Project;
  let found: { file: LoadedFile; abs: string };
  try {
    project = openProject({ cwd: opts.cwd, paths: [], configPath: opts.configPath });
    found = findSop(project, opts.cwd, opts.target);
  } catch (e) {
    void gitP.then(closeSopGit, () => undefined);
    throw e;
  }
  const data = found.file.data && typeof found.file.data === 'object' ? (found.file.data as Record<string, any>) : undefined;
  const id = typeof data?.id === 'string' ? data.id : opts.target;
  let g = await gitP;
  if (!g) throw new UsageError(`${project.config.root} is not in a git repository: ${notGit.text}`, { id: notGit.id, data: { root: project.config.root } });
  const sub = submoduleOf(g.info.root, found.abs);
  if (sub) {
    // Its history is the submodule's own: read it there (this repository only records the submodule's commit).
    const subRoot = path.join(realPath(g.info.root), sub);
    await closeSopGit(g);
    g = await openSopGit({ ...project.config, root: subRoot, file: undefined });
    if (!g) throw new UsageError(`${found.file.file} is in the git submodule ${sub}, which is not checked out as a repository: ${notGit.text}`, { id: `${notGit.id}Submodule`, data: { file: found.file.file, submodule: sub } });
    g.warnings.push(said(`${found.file.file} is in the git submodule ${sub}: its history is read from that repository`, 'git.submoduleHistory', { file: found.file.file, submodule: sub }));
  }
  return { project, ...found, data, id, g };
}

/** The SOP a lifecycle command edits (`sop promote`, `sop socialize|monitor|evaluate`), opened in its project. */
export interface SopToEdit {
  /** The opened project. */
  project: Project;
  /** The SOP's file. */
  file: LoadedFile;
  /** Its absolute path. */
  abs: string;
  /** Its data (it parses). */
  data: Record<string, any>;
  /** Its id (the target when the file has none). */
  id: string;
  /** Today in the office's time zone, from the injected clock. */
  today: string;
}

/** Open the project and the SOP `target` names for editing; a file that does not parse is refused. */
export function openSopToEdit(opts: { cwd: string; target: string; configPath?: string; now: Now }): SopToEdit {
  const project = openProject({ cwd: opts.cwd, paths: [], configPath: opts.configPath });
  const { file, abs } = findSop(project, opts.cwd, opts.target);
  if (file.problems.length || !file.data || typeof file.data !== 'object') throw new UsageError(`${file.file} does not parse; run \`sop lint ${file.file}\` first.`, { id: 'sop.unparsable', data: { file: file.file } });
  const data = file.data as Record<string, any>;
  return { project, file, abs, data, id: String(data.id ?? opts.target), today: dayOf(opts.now, project.config.timeZone) };
}
