import path from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../../../util/errors.js';
import { refuseInputOverwrite } from '../../../app/inputs.js';
import { createHistoryReader } from '../../../app/lifecycle/revision-history.js';
import { writeFileAtomic } from '../../output.js';
import { launchOptions, progress } from '../../pdf-support.js';
import type { RunState } from '../../state.js';
import { worded } from '../../i18n/index.js';
import { shownPath } from '../../../util/paths.js';
import { printLintErrors } from '../../lint-errors.js';
import { localeOption, paperOption, orientationOption, type PrintFlags } from '../../options.js';

/** Options of `sop book`. */
interface BookCliOptions extends PrintFlags {
  output: string;
  format?: 'pdf' | 'html' | 'docx';
  title?: string;
  history: boolean;
  includeDrafts?: boolean;
  includeWithdrawn?: boolean;
}

/** `sop book [paths…] -o FILE.pdf|FILE.html`. */
export function registerBook(program: Command, state: RunState): void {
  const { t } = state;
  program
    .command('book')
    .description(t('book.desc'))
    .argument('[paths...]', t('opt.paths'))
    .requiredOption('-o, --output <file>', t('book.output'))
    .addOption(new Option('-f, --format <format>', t('book.format')).choices(['pdf', 'html', 'docx']))
    .option('--title <title>', t('book.title'))
    .addOption(localeOption(t('book.locale')))
    .addOption(paperOption(t))
    .addOption(orientationOption(t))
    .option('-c, --config <file>', t('opt.config'))
    .option('--force', t('book.force'))
    .option('--no-color', t('opt.noColorLint'))
    .option('--no-history', t('book.noHistory'))
    .option('--include-drafts', t('book.includeDrafts'))
    .option('--include-withdrawn', t('book.includeWithdrawn'))
    .action(async (paths: string[], opts: BookCliOptions) => {
      const { io } = state;
      const ext = path.extname(opts.output).toLowerCase();
      const formats: Record<string, 'pdf' | 'html' | 'docx'> = { '.pdf': 'pdf', '.html': 'html', '.htm': 'html', '.docx': 'docx' };
      const byExt = formats[ext];
      if (!byExt) throw new UsageError(t('book.badExt', { output: opts.output }));
      if (opts.format && opts.format !== byExt) throw new UsageError(t('book.formatMismatch', { format: opts.format, output: opts.output }));
      const file = path.resolve(io.cwd, opts.output);
      refuseInputOverwrite([file], { cwd: io.cwd, paths, configPath: opts.config, flag: '--output' });
      const { openPrintProject } = await import('../../../app/render/print.js');
      const { bookContent, bookAsHtml, bookAsPdf } = await import('../../../render/book/index.js');
      const now = new Date();
      // SOPKIT_PROFILE=1: the wall time of each phase on stderr.
      const started = performance.now();
      const profile = io.env.SOPKIT_PROFILE && io.env.SOPKIT_PROFILE !== '0' ? (phase: string, ms: number) => io.stderr(`sop: profile: ${phase}: ${Math.round(ms)} ms\n`) : undefined;
      // Riwayat Revisi from git (one log pass and one cat-file for the whole book); --no-history or `history: false` leave it out.
      const reader = opts.history ? createHistoryReader() : undefined;
      const project = await openPrintProject(
        { cwd: io.cwd, paths, configPath: opts.config, locale: opts.locale, paper: opts.paper, orientation: opts.orientation, force: opts.force, now, historyFor: reader?.historyFor },
        'book',
      ).finally(() => reader?.close());
      printLintErrors(io, project.errors, opts.color, state.lang);
      for (const s of project.skipped) io.stderr(`sop: ${t('book.leftOut', { file: s.file, reason: worded(state.lang, s.reason, s.ref) })}\n`);
      const content = bookContent(project, opts.title, now, { includeDrafts: opts.includeDrafts, includeWithdrawn: opts.includeWithdrawn });
      profile?.('read and check the SOPs', performance.now() - started);
      const left = content.left ?? [];
      if (left.length > 0) {
        const by = (st: string) => left.filter((l) => l.status === st).map((l) => l.item.sop.id ?? l.item.file);
        const parts = [...new Set(left.map((l) => l.status))].map((st) => `${st}: ${by(st).join(', ')}`);
        io.stderr(`sop: ${t('book.notInForce', { parts: parts.join('; ') })}\n`);
      }
      if (byExt === 'docx') {
        const { bookAsDocx } = await import('../../../render/docx/book/book.js');
        const launch = launchOptions(state, project.config);
        const bar = progress(io, project.sops.length);
        try {
          writeFileAtomic(file, await bookAsDocx(content, project, launch, bar.onProgress), t);
        } finally {
          bar.end();
        }
      } else if (byExt === 'pdf') {
        const launch = launchOptions(state, project.config);
        const bar = progress(io, project.sops.length);
        try {
          const book = await bookAsPdf(content, project, launch, { onStep: bar.onProgress, profile });
          const written = performance.now();
          writeFileAtomic(file, book.pdf, t);
          profile?.('write', performance.now() - written);
          profile?.(`total (${book.parts} part${book.parts > 1 ? 's' : ''}, ${book.passes} print pass${book.passes > 1 ? 'es' : ''})`, performance.now() - started);
        } finally {
          bar.end();
        }
      } else writeFileAtomic(file, bookAsHtml(content, project), t);
      io.stdout(`${shownPath(io.cwd, file)}\n`);
      state.exitCode = project.skipped.length > 0 ? 1 : 0;
    });
}
