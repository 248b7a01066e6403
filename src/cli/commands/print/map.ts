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
  program
    .command('map')
    .description('print the business process map (Peta Proses Bisnis): the Level 0 diagram, the lower levels and the process → SOP matrix with its coverage')
    .argument('[folder]', 'the repository (default: the one of the current folder)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['html', 'pdf', 'md', 'csv']).default('html'))
    .option('-o, --out <file>', 'the file to write, or - for stdout (not pdf) (default: dist/peta-proses-bisnis.<format>)')
    .addOption(localeOption('language of the labels (default: the config\'s)'))
    .addOption(paperOption(' for PDF'))
    .addOption(orientationOption(' for PDF'))
    .option('-c, --config <file>', 'use this sop.config.yaml')
    .option('--force', 'print the map even when it has lint errors')
    .option('--no-color', 'no colours in the lint report')
    .addOption(delimiterOption())
    .action(async (folder: string | undefined, opts: MapCliOptions) => {
      const { io } = state;
      checkDelimiter(opts.format, opts.delimiter);
      if (opts.out === '-' && opts.format === 'pdf') throw new UsageError('--out - cannot write a PDF to stdout; name a file, e.g. --out peta.pdf');
      const project = openProject({ cwd: io.cwd, paths: folder ? [folder] : [], configPath: opts.config });
      const map = project.map;
      if (!map) throw new UsageError(`No business process map in ${project.config.root}: create processes.yaml there (see schemas/processes.schema.json), or set \`processes\` in sop.config.yaml.`);
      const report = lintRepository([map.file], project.repo);
      if (report.errorCount > 0) {
        printLintErrors(io, errorsOnly(report), opts.color);
        if (!opts.force || map.file.data === undefined) {
          io.stderr(`sop: the business process map has errors; fix them${map.file.data === undefined ? '' : ' or use --force'}.\n`);
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
        if (!margin) throw new UsageError(`pdf.margin must be 1 to 4 lengths such as "10mm"; got "${project.config.pdf.margin}"`);
        const page = sheet(opts.paper ?? project.config.paper, opts.orientation ?? project.config.orientation, margin);
        output = await render.mapPdf(doc, page, launchOptions(io, project.config));
      } else output = opts.format === 'html' ? render.mapHtml(doc) : opts.format === 'md' ? render.mapMarkdown(doc) : render.mapCsv(doc, { delimiter: opts.delimiter });
      if (!file) io.stdout(output as string);
      else {
        writeFileAtomic(file, output);
        io.stdout(`${shownPath(io.cwd, file)}\n`);
      }
      state.exitCode = report.errorCount > 0 ? 1 : 0;
    });
}
