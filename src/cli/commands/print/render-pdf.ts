import path from 'node:path';
import { shownPath } from '../../../util/paths.js';
import type { Locale, Orientation, Paper } from '../../../config/types.js';
import { UsageError } from '../../../util/errors.js';
import { refuseInputOverwrite } from '../../../app/inputs.js';
import { createHistoryReader } from '../../../app/lifecycle/revision-history.js';
import { writeFileAtomic } from '../../output.js';
import { launchOptions, progress } from '../../pdf-support.js';
import type { RunState } from '../../state.js';
import { worded } from '../../i18n/index.js';
import type { PrintProject } from '../../../render/pdf/sources.js';
import { printLintErrors } from '../../lint-errors.js';

/** The options of `sop render --format pdf` that matter here. */
export interface PdfCliOptions {
  /** Output folder. */
  out: string;
  /** Output language. */
  locale?: Locale;
  /** Absolute user template folder. */
  templates?: string;
  /** Explicit config file. */
  config?: string;
  /** Print files with lint errors too. */
  force?: boolean;
  /** --no-color. */
  color?: boolean;
  /** --paper. */
  paper?: Paper;
  /** --orientation. */
  orientation?: Orientation;
  /** --no-history sets false. */
  history?: boolean;
}

/** Open the SOPs for printing (PDF or DOCX) with their revision history, and say on stderr the lint errors and the files left out. */
export async function openForPrinting(paths: readonly string[], opts: PdfCliOptions, state: RunState, ext: 'pdf' | 'docx'): Promise<PrintProject> {
  const { io, t } = state;
  const { openPrintProject } = await import('../../../app/render/print.js');
  // Riwayat Revisi from git (one log pass and one cat-file for all files); --no-history or `history: false` leave it out.
  const reader = opts.history !== false ? createHistoryReader() : undefined;
  const project = await openPrintProject(
    { cwd: io.cwd, paths, configPath: opts.config, locale: opts.locale, paper: opts.paper, orientation: opts.orientation, templates: opts.templates, force: opts.force, now: new Date(), historyFor: reader?.historyFor },
    ext,
  ).finally(() => reader?.close());
  printLintErrors(io, project.errors, opts.color, state.lang);
  for (const s of project.skipped) io.stderr(`sop: ${t('render.notRendered', { file: s.file, reason: worded(state.lang, s.reason, s.ref) })}\n`);
  return project;
}

/** `sop render --format pdf`: one PDF per SOP, all from one browser. */
export async function renderPdfCommand(paths: string[], opts: PdfCliOptions, state: RunState): Promise<void> {
  const { io, t } = state;
  if (opts.out === '-') throw new UsageError(t('render.noPdfStdout'));
  const { printPdfs } = await import('../../../render/pdf/index.js');
  const project = await openForPrinting(paths, opts, state, 'pdf');
  if (project.sops.length > 0) {
    const launch = launchOptions(state, project.config);
    const dir = path.resolve(io.cwd, opts.out);
    refuseInputOverwrite(project.sops.map((s) => path.join(dir, `${s.base}.pdf`)), { cwd: io.cwd, paths, configPath: opts.config, flag: '--out', templates: opts.templates, config: project.config });
    const bar = progress(io, project.sops.length);
    const written = new Map<string, string>();
    try {
      await printPdfs(
        project,
        launch,
        (item, pdf) => {
          const file = path.join(dir, `${item.base}.pdf`);
          writeFileAtomic(file, pdf, t);
          written.set(item.file, shownPath(io.cwd, file));
        },
        { onProgress: bar.onProgress },
      );
    } finally {
      bar.end();
    }
    // Listed in the order the SOPs were given, whatever order the pages finished in.
    for (const s of project.sops) {
      const f = written.get(s.file);
      if (f) io.stdout(`${f}\n`);
    }
  }
  state.exitCode = project.skipped.length > 0 ? 1 : 0;
}
