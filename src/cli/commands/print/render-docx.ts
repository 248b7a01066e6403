import path from 'node:path';
import { UsageError } from '../../../util/errors.js';
import { writeFileAtomic } from '../../output.js';
import { launchOptions, progress } from '../../pdf-support.js';
import type { RunState } from '../../state.js';
import { shownPath } from '../../../util/paths.js';
import { openForPrinting, type PdfCliOptions } from './render-pdf.js';

/** `sop render --format docx`: one Word file per SOP; Chromium lays them out (PDF page breaks, band pictures) in one browser. */
export async function renderDocxCommand(paths: string[], opts: PdfCliOptions, state: RunState): Promise<void> {
  const { io, t } = state;
  if (opts.out === '-') throw new UsageError(t('render.noDocxStdout'));
  const { renderDocxs } = await import('../../../render/docx/index.js');
  const project = await openForPrinting(paths, opts, state, 'docx');
  if (project.sops.length > 0) {
    const launch = launchOptions(state, project.config);
    const dir = path.resolve(io.cwd, opts.out);
    const bar = progress(io, project.sops.length);
    try {
      await renderDocxs(
        project,
        launch,
        (item, docx) => {
          const file = path.join(dir, `${item.base}.docx`);
          writeFileAtomic(file, docx, t);
          io.stdout(`${shownPath(io.cwd, file)}\n`);
        },
        bar.onProgress,
      );
    } finally {
      bar.end();
    }
  }
  state.exitCode = project.skipped.length > 0 ? 1 : 0;
}
