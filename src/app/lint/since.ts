import { existsSync } from 'node:fs';
import path from 'node:path';
import { shownPath } from '../../util/paths.js';
import type { LintRun } from '../../lint/rule.js';
import type { Project } from '../project.js';
import type { RepoFile } from '../../model/facts/facts.js';
import { loadLintBase } from './base.js';

/**
 * What `sop lint --since <ref>` gives the engine: each file's past since the merge base with `ref`, and the SOPs
 * deleted since, each with the existing file its finding goes on (a deleted file cannot carry an annotation: the
 * config, else the nearest existing folder).
 */
export async function loadSince(project: Project<RepoFile>, ref: string, cwd: string): Promise<LintRun> {
  const base = await loadLintBase(project, ref);
  const shown = (abs: string) => shownPath(cwd, abs);
  const anchor = (abs: string) => {
    if (project.config.file) return project.config.file;
    let dir = path.dirname(abs);
    while (!existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
    return dir;
  };
  return { since: { ...base, ref, deleted: base.deleted.map((d) => ({ ...d, shown: shown(d.abs), anchor: shown(anchor(d.abs)) })) } };
}
