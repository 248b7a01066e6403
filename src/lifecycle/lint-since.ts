import path from 'node:path';
import type { LintReport } from '../lint/diagnostic.js';
import { deletedSopDiagnostics } from '../lint/rules/lifecycle-transition.js';
import type { Project } from '../project.js';
import { loadLintBase } from './lint-base.js';

/**
 * Prepare `sop lint --since <ref>`: give the rules each file's past (`project.repo.base`) and return a
 * finisher that adds SOPs deleted instead of withdrawn (reported at their old path, line 1).
 */
export async function prepareSince(project: Project, ref: string, cwd: string): Promise<(report: LintReport) => LintReport> {
  const base = await loadLintBase(project, ref);
  project.repo.base = base.byFile;
  const shown = (abs: string) => {
    const rel = path.relative(cwd, abs);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
  };
  return (report) => {
    const extra = deletedSopDiagnostics(base, ref, project.config, shown);
    if (!extra.length) return report;
    let errorCount = report.errorCount;
    let warningCount = report.warningCount;
    for (const f of extra) for (const d of f.diagnostics) d.severity === 'error' ? errorCount++ : warningCount++;
    return { files: [...report.files, ...extra], errorCount, warningCount };
  };
}
