import path from 'node:path';
import { shownPath } from '../util/paths.js';
import { globFolder, isInside, realPath } from '../util/inside.js';
import { resolveConfig } from '../config/load.js';
import type { Config } from '../config/types.js';
import { UsageError } from '../util/errors.js';
import { expandPaths, repositoryFiles } from '../config/files.js';

/** What an output path is checked against. */
export interface OutputCheck {
  /** Folder paths are relative to. */
  cwd: string;
  /** The command's files, folders or globs (they are inputs too). */
  paths?: readonly string[];
  /** Explicit config file. */
  configPath?: string;
  /** The option that named the output (`--output`, `--out`), for the message. */
  flag: string;
  /** An explicit template folder (`--templates`), whose files are inputs too. */
  templates?: string;
  /** The configuration, when the command has resolved it already (else it is resolved from `cwd`, `paths` and `configPath`). */
  config?: Config;
}

/** What an input file is: in English, and the last part of the refusal's message id. */
interface InputKind {
  text: string;
  id: string;
}

/** The repository's input files (real paths) with what each one is. */
function inputFiles(config: Config, targets: readonly string[]): Map<string, InputKind> {
  const out = new Map<string, InputKind>();
  const add = (abs: string, what: InputKind) => {
    const real = realPath(abs);
    if (!out.has(real)) out.set(real, what);
  };
  if (config.file) add(config.file, { text: 'the config file', id: 'config' });
  for (const f of [...targets, ...repositoryFiles(config)]) add(f, { text: 'an SOP file', id: 'sop' });
  for (const p of config.book.pages) add(path.resolve(config.root, p), { text: 'a book page', id: 'bookPage' });
  if (config.organization.logo) add(path.resolve(config.root, config.organization.logo), { text: 'the logo', id: 'logo' });
  return out;
}

/**
 * Refuse (UsageError, exit 2) to write any of `outFiles` (absolute) when it is an input of the repository:
 * an SOP file (of the repository or named on the command line), the config, a book page, the logo, a file in
 * a template folder, or a new YAML file under the SOP glob's folder (the next run would read it as an SOP).
 * Call it before anything is written.
 */
export function refuseInputOverwrite(outFiles: readonly string[], check: OutputCheck): void {
  if (outFiles.length === 0) return;
  const config = check.config ?? resolveConfig(check.cwd, check.paths?.[0], check.configPath);
  const targets = check.paths?.length ? expandPaths(check.cwd, check.paths, config) : [];
  const inputs = inputFiles(config, targets);
  const sopFolder = realPath(path.join(config.root, globFolder(config.sops)));
  const templateDirs = [config.templates, check.templates].filter((d): d is string => !!d).map(realPath);
  for (const file of outFiles) {
    const real = realPath(file);
    let what = inputs.get(real);
    if (!what && templateDirs.some((d) => isInside(d, real))) what = { text: 'a file of a template folder', id: 'template' };
    if (!what && /\.ya?ml$/i.test(real) && isInside(sopFolder, real)) what = { text: 'a YAML file under the SOP folder, which the next run would read as an SOP', id: 'sopFolderYaml' };
    if (what) {
      const shown = shownPath(check.cwd, file);
      throw new UsageError(`${check.flag} ${shown} is an input of the repository (${what.text}); nothing was written. Write the output elsewhere, e.g. under dist/.`, { id: `output.${what.id}`, data: { flag: check.flag, file: shown } });
    }
  }
}
