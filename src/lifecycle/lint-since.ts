import { existsSync } from 'node:fs';
import path from 'node:path';
import { shownPath } from '../paths.js';
import type { LintReport } from '../lint/diagnostic.js';
import { deletedSopDiagnostics } from '../lint/rules/lifecycle-transition.js';
import type { RepoFile } from '../model/facts/facts.js';
import type { Project } from '../project.js';
import { loadLintBase } from './lint-base.js';

/**
 * Prepare `sop lint --since <ref>`: give the rules each file's past (`project.repo.base`) and return a
 * finisher that adds SOPs deleted instead of withdrawn (reported on the config, or the nearest folder, line 1).
 */
export async function prepareSince(project: Project<RepoFile>, ref: string, cwd: string): Promise<(report: LintReport) => LintReport> {
  const base = await loadLintBase(project, ref);
  project.repo.base = base.byFile;
  const shown = (abs: string) => shownPath(cwd, abs);
  return (report) => {
    // A deleted file cannot carry an annotation: the finding goes on the config, else the nearest existing folder.
    const anchor = (abs: string) => {
      if (project.config.file) return project.config.file;
      let dir = path.dirname(abs);
      while (!existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
      return dir;
    };
    const extra = deletedSopDiagnostics(base, ref, project.config, shown, anchor);
    if (!extra.length) return report;
    let errorCount = report.errorCount;
    let warningCount = report.warningCount;
    for (const f of extra) for (const d of f.diagnostics) d.severity === 'error' ? errorCount++ : warningCount++;
    return { files: [...report.files, ...extra], errorCount, warningCount };
  };
}
