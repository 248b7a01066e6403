import path from 'node:path';
import type { LintReport } from '../diagnostic.js';
import type { FormatContext } from './types.js';

/** A diagnostic's file relative to `base` with forward slashes, or null when it lies outside `base`. */
export function relativeTo(base: string, cwd: string, file: string): string | null {
  const rel = path.relative(base, path.resolve(cwd, file));
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return rel.split(path.sep).join('/');
}

/** The file as CI tools expect it: relative to the repository root with forward slashes when inside it, else absolute. */
export function portablePath(ctx: Pick<FormatContext, 'cwd' | 'root'>, file: string): string {
  return relativeTo(ctx.root, ctx.cwd, file) ?? path.resolve(ctx.cwd, file).split(path.sep).join('/');
}

/** The report with every file path given relative to the repository root (as CI formats need). */
export function rebaseReport(report: LintReport, ctx: Pick<FormatContext, 'cwd' | 'root'>): LintReport {
  const cache = new Map<string, string>();
  const at = (file: string) => {
    let p = cache.get(file);
    if (p === undefined) cache.set(file, (p = portablePath(ctx, file)));
    return p;
  };
  return {
    files: report.files.map((f) => ({ file: at(f.file), diagnostics: f.diagnostics.map((d) => ({ ...d, file: at(d.file) })) })),
    errorCount: report.errorCount,
    warningCount: report.warningCount,
  };
}
