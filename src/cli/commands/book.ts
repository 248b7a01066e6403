import path from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../../errors.js';
import { refuseInputOverwrite } from '../../inputs.js';
import { createHistoryReader } from '../../lifecycle/revision-history.js';
import { writeFileAtomic } from '../output.js';
import { launchOptions, progress } from '../pdf-support.js';
import type { RunState } from '../state.js';
import { shownPath } from '../../paths.js';
import { printLintErrors } from '../lint-errors.js';
import { localeOption, paperOption, orientationOption, type PrintFlags } from '../options.js';

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
  program
    .command('book')
    .description('print the SOP book: cover, front pages, contents with page numbers, SOPs grouped by unit (PDF, one HTML file, or DOCX)')
    .argument('[paths...]', 'files, folders or globs (default: the SOP glob of sop.config.yaml)')
    .requiredOption('-o, --output <file>', 'the book to write: FILE.pdf, FILE.html or FILE.docx')
    .addOption(new Option('-f, --format <format>', 'pdf, html or docx (default: from the --output file\'s extension)').choices(['pdf', 'html', 'docx']))
    .option('--title <title>', 'title on the cover and in the footers (default: book.title of the config)')
    .addOption(localeOption('language of the printed words (default: the config\'s)'))
    .addOption(paperOption())
    .addOption(orientationOption())
    .option('-c, --config <file>', 'use this sop.config.yaml')
    .option('--force', 'include SOPs that have lint errors')
    .option('--no-color', 'no colours in the lint report')
    .option('--no-history', 'leave out the revision history tables')
    .option('--include-drafts', 'also print drafts (a review copy: KONSEP watermark, the cover says so); by default only SOPs in force')
    .option('--include-withdrawn', 'also print withdrawn SOPs (DICABUT watermark); by default never')
    .action(async (paths: string[], opts: BookCliOptions) => {
      const { io } = state;
      const ext = path.extname(opts.output).toLowerCase();
      const formats: Record<string, 'pdf' | 'html' | 'docx'> = { '.pdf': 'pdf', '.html': 'html', '.htm': 'html', '.docx': 'docx' };
      const byExt = formats[ext];
      if (!byExt) throw new UsageError(`--output must end in .pdf or .html (or .docx); got ${opts.output}`);
      if (opts.format && opts.format !== byExt) throw new UsageError(`--format ${opts.format} writes a .${opts.format} file; got --output ${opts.output}`);
      const file = path.resolve(io.cwd, opts.output);
      refuseInputOverwrite([file], { cwd: io.cwd, paths, configPath: opts.config, flag: '--output' });
      const { openPrintProject } = await import('../../render/pdf/sources.js');
      const { bookContent, bookAsHtml, bookAsPdf } = await import('../../render/book/index.js');
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
      printLintErrors(io, project.errors, opts.color);
      for (const s of project.skipped) io.stderr(`sop: left out of the book: ${s.file}: ${s.reason}\n`);
      const content = bookContent(project, opts.title, now, { includeDrafts: opts.includeDrafts, includeWithdrawn: opts.includeWithdrawn });
      profile?.('read and check the SOPs', performance.now() - started);
      const left = content.left ?? [];
      if (left.length > 0) {
        const by = (st: string) => left.filter((l) => l.status === st).map((l) => l.item.sop.id ?? l.item.file);
        const parts = [...new Set(left.map((l) => l.status))].map((st) => `${st}: ${by(st).join(', ')}`);
        io.stderr(`sop: not in force, left out of the book (${parts.join('; ')}); --include-drafts or --include-withdrawn add them\n`);
      }
      if (byExt === 'docx') {
        const { bookAsDocx } = await import('../../render/docx/book.js');
        const launch = launchOptions(io, project.config);
        const bar = progress(io, project.sops.length);
        try {
          writeFileAtomic(file, await bookAsDocx(content, project, launch, bar.onProgress));
        } finally {
          bar.end();
        }
      } else if (byExt === 'pdf') {
        const launch = launchOptions(io, project.config);
        const bar = progress(io, project.sops.length);
        try {
          const book = await bookAsPdf(content, project, launch, { onStep: bar.onProgress, profile });
          const written = performance.now();
          writeFileAtomic(file, book.pdf);
          profile?.('write', performance.now() - written);
          profile?.(`total (${book.parts} part${book.parts > 1 ? 's' : ''}, ${book.passes} print pass${book.passes > 1 ? 'es' : ''})`, performance.now() - started);
        } finally {
          bar.end();
        }
      } else writeFileAtomic(file, bookAsHtml(content, project));
      io.stdout(`${shownPath(io.cwd, file)}\n`);
      state.exitCode = project.skipped.length > 0 ? 1 : 0;
    });
}
