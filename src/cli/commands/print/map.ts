import path from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../../../util/errors.js';
import { lintRepository } from '../../../lint/engine.js';
import { summarize, type SopSummary } from '../../../model/processes/coverage.js';
import { openProject } from '../../../app/project.js';
import type { CsvDelimiter } from '../../../util/csv.js';
import { checkDelimiter, delimiterOption } from '../../csv-option.js';
import { writeFileAtomic } from '../../output.js';
import { launchOptions } from '../../pdf-support.js';
import type { RunState } from '../../state.js';
import { shownPath } from '../../../util/paths.js';
import { errorsOnly, printLintErrors } from '../../lint-errors.js';
import { localeOption, paperOption, orientationOption, type PrintFlags } from '../../options.js';

/** Options of `sop map`. */
interface MapCliOptions extends PrintFlags {
  format: 'html' | 'pdf' | 'md' | 'csv';
  out?: string;
  delimiter?: CsvDelimiter;
}

/** `sop map [folder] --format html|pdf|md|csv`: the Peta Proses Bisnis and the process → SOP matrix. */
export function registerMap(program: Command, state: RunState): void {
  const { t } = state;
  program
    .command('map')
    .description(t('map.desc'))
    .argument('[folder]', t('map.folder'))
    .addOption(new Option('-f, --format <format>', t('opt.format')).choices(['html', 'pdf', 'md', 'csv']).default('html'))
    .option('-o, --out <file>', t('map.out'))
    .addOption(localeOption(t('opt.localeLabels')))
    .addOption(paperOption(t, t('opt.forPdf')))
    .addOption(orientationOption(t, t('opt.forPdf')))
    .option('-c, --config <file>', t('opt.config'))
    .option('--force', t('map.force'))
    .option('--no-color', t('opt.noColorLint'))
    .addOption(delimiterOption(t))
    .action(async (folder: string | undefined, opts: MapCliOptions) => {
      const { io } = state;
      checkDelimiter(t, opts.format, opts.delimiter);
      if (opts.out === '-' && opts.format === 'pdf') throw new UsageError(t('map.noPdfStdout'));
      const project = openProject({ cwd: io.cwd, paths: folder ? [folder] : [], configPath: opts.config });
      const map = project.map;
      if (!map) throw new UsageError(t('map.none', { root: project.config.root }));
      const report = lintRepository([map.file], project.repo);
      if (report.errorCount > 0) {
        printLintErrors(io, errorsOnly(report), opts.color, state.lang);
        if (!opts.force || map.file.data === undefined) {
          io.stderr(`sop: ${t(map.file.data === undefined ? 'map.hasErrors' : 'map.hasErrorsForce')}\n`);
          state.exitCode = 1;
          return;
        }
      }
      const render = await import('../../../render/map/index.js');
      const sops = project.repo.files.map((f) => summarize(f.data)).filter((s): s is SopSummary => s !== undefined);
      const doc = render.mapDocument(map, sops, project.config, opts.locale ?? project.config.locale);
      const file = opts.out === '-' ? undefined : path.resolve(io.cwd, opts.out ?? path.join('dist', `peta-proses-bisnis.${opts.format}`));
      let output: string | Uint8Array;
      if (opts.format === 'pdf') {
        const { parseMargins, sheet } = await import('../../../render/pdf/paper.js');
        const margin = parseMargins(project.config.pdf.margin);
        if (!margin) throw new UsageError(t('map.badMargin', { margin: String(project.config.pdf.margin) }));
        const page = sheet(opts.paper ?? project.config.paper, opts.orientation ?? project.config.orientation, margin);
        output = await render.mapPdf(doc, page, launchOptions(state, project.config));
      } else output = opts.format === 'html' ? render.mapHtml(doc) : opts.format === 'md' ? render.mapMarkdown(doc) : render.mapCsv(doc, { delimiter: opts.delimiter });
      if (!file) io.stdout(output as string);
      else {
        writeFileAtomic(file, output, t);
        io.stdout(`${shownPath(io.cwd, file)}\n`);
      }
      state.exitCode = report.errorCount > 0 ? 1 : 0;
    });
}
