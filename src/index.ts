import type { RenderProjectOptions, RenderProjectResult } from './app/render/project.js';

export type { Diagnostic, LintReport, Severity } from './lint/diagnostic.js';
export type { Sop, Step, Actor } from './model/types.js';
export type { Config } from './config/types.js';
export { openProject } from './app/project.js';
export { loadFile, loadText } from './model/load.js';
export * from './app/lifecycle/index.js';
// The business process map: load it (undefined without one) and match SOPs to it (matrix and coverage).
export { mapCoverage, summarize, IN_FORCE, treeOrder, leaves } from './model/processes/index.js';
export { loadProcessMap } from './config/process-map.js';
export type { ProcessMap, Process, Category, Coverage, MatrixRow, SopSummary } from './model/processes/index.js';

export { lint, type LintOptions, type LintResult } from './app/lint/run.js';
// Diagnostics worded in another language from their messageId and data (`lint({ lang })` does it for you).
export { wordDiagnostic, wordReport } from './lint/messages/word.js';
export type { Lang } from './model/lang.js';

export type { RenderProjectOptions, RenderProjectResult, RenderedSop } from './app/render/project.js';

/** Render SOPs to HTML or Markdown documents (lints first; Handlebars and markdown-it load only here). */
export async function render(opts: RenderProjectOptions): Promise<RenderProjectResult> {
  const { renderProject } = await import('./app/render/project.js');
  return renderProject(opts);
}
