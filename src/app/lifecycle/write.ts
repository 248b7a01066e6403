import { readFileSync } from 'node:fs';
import type { Now } from '../../model/day.js';
import { UsageError } from '../../util/errors.js';
import type { LoadedFile } from '../../model/load.js';
import type { Project } from '../project.js';
import { commitFile, openRepo } from '../../git/git.js';
import { realPath, repoRel } from '../../git/repo.js';

/** One in-place change of an SOP file, shared by `sop promote` and the record commands. */
export interface SopEdit {
  /** The opened project. */
  project: Project;
  /** The SOP's file. */
  file: LoadedFile;
  /** Its absolute path. */
  abs: string;
  /** The change, on the text without a BOM; throws when the YAML cannot be edited in place. */
  edit: (text: string) => string;
  /** Checks the edited text (BOM removed) before anything is written; throws a UsageError to refuse. */
  check?: (edited: string) => void;
  /** Commit message when committing. */
  message: string;
  /** Commit the file afterwards. */
  commit?: boolean;
  /** Writes the file atomically (injected). */
  write: (absFile: string, text: string) => void;
  /** Runs `fn` holding a lock on the file (another command on it meanwhile fails); none when absent. */
  lock?: <T>(absFile: string, shown: string, fn: () => Promise<T>) => Promise<T>;
}

/** Edit an SOP file in place (BOM kept) under the file's lock, check, write atomically through a symlink, optionally commit; returns the commit id. */
export async function writeSopEdit(e: SopEdit): Promise<string | undefined> {
  const real = realPath(e.abs);
  const lock = e.lock ?? (<T>(_f: string, _s: string, fn: () => Promise<T>) => fn());
  return lock(real, e.file.file, async () => {
    const text = readFileSync(e.abs, 'utf8');
    const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
    // The change was planned on the text read at the start; a change since (another command, an editor) is never overwritten.
    if ((bom ? text.slice(1) : text) !== e.file.text) throw new UsageError(`${e.file.file} changed while sop was working on it (another command or an editor wrote it); it was not changed by this command. Run the command again.`, { id: 'edit.changedMeanwhile', data: { file: e.file.file } });
    let edited: string;
    try {
      edited = e.edit(bom ? text.slice(1) : text);
    } catch (err) {
      throw new UsageError(`${e.file.file} could not be edited in place (${(err as Error).message}); the file was not changed.`, { id: 'edit.notInPlace', data: { file: e.file.file, reason: (err as Error).message } });
    }
    e.check?.(edited);
    const repo = e.commit ? await openRepo(e.project.config.root) : undefined;
    if (e.commit && !repo) throw new UsageError(`--commit needs a git repository; ${e.project.config.root} is not in one (the file was not changed).`, { id: 'edit.commitNoRepo', data: { root: e.project.config.root } });
    const rel = repo ? repoRel(repo.root, e.abs) : '';
    if (rel.startsWith('..')) throw new UsageError(`--commit: ${e.file.file} is outside the git repository ${repo!.root} (through a symlink); the file was not changed.`, { id: 'edit.commitOutside', data: { file: e.file.file, root: repo!.root } });
    // The real file: a symlinked SOP file stays a symlink.
    e.write(real, bom + edited);
    return repo ? commitFile(repo.root, rel, e.message) : undefined;
  });
}

/** What every command that edits one SOP file in place is given (promote, the record commands). */
export interface SopCommandOptions {
  /** Working folder. */
  cwd: string;
  /** SOP id or path. */
  target: string;
  /** Injected clock (dates default to its day in the office's time zone). */
  now: Now;
  /** Commit the file afterwards. */
  commit?: boolean;
  /** Explicit config. */
  configPath?: string;
  /** Writes the file (atomically); injected so the library does no I/O policy of its own. */
  write: (absFile: string, text: string) => void;
  /** Runs `fn` holding a lock on the file (another command on it meanwhile fails); none when absent. */
  lock?: <T>(absFile: string, shown: string, fn: () => Promise<T>) => Promise<T>;
}
