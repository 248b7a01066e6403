import { statSync } from 'node:fs';
import path from 'node:path';
import { shownPath } from '../../../util/paths.js';
import { Option, type Command } from 'commander';
import { UsageError } from '../../../util/errors.js';
import { refuseInputOverwrite } from '../../../app/inputs.js';
import { revisionHistories } from '../../../app/lifecycle/revision-history.js';
import { writeFileAtomic } from '../../output.js';
import type { RunState } from '../../state.js';
import { printLintErrors } from '../../lint-errors.js';
import { localeOption, paperOption, orientationOption, type PrintFlags } from '../../options.js';

/** Options of `sop render`. */
interface RenderCliOptions extends PrintFlags {
  format: 'html' | 'md' | 'pdf' | 'docx';
  out: string;
  templates?: string;
  history: boolean;
}

/** The absolute `--templates` folder, checked to exist. */
export function templatesDir(cwd: string, dir: string | undefined): string | undefined {
  if (!dir) return undefined;
  const abs = path.resolve(cwd, dir);
  let ok = false;
  try {
    ok = statSync(abs).isDirectory();
  } catch {
    ok = false;
  }
  if (!ok) throw new UsageError(`--templates: no such folder: ${dir}`);
  return abs;
}

/** `sop render [paths…] --format md|html`. */
export function registerRender(program: Command, state: RunState): void {
  program
    .command('render')
    .description('render SOPs to HTML, Markdown, PDF or Word (DOCX) documents (one file per SOP, named after its id)')
    .argument('[paths...]', 'files, folders or globs (default: the SOP glob of sop.config.yaml)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['html', 'md', 'pdf', 'docx']).default('html'))
    .option('-o, --out <dir>', 'output folder, or - for stdout (one SOP only)', 'dist')
    .addOption(localeOption('language of the document labels (default: the config\'s)'))
    .option('-t, --templates <dir>', 'folder of templates/partials/sop.css overriding the bundled ones by name')
    .option('-c, --config <file>', 'use this sop.config.yaml')
    .option('--force', 'render files even when they have lint errors')
    .option('--no-history', 'leave out the revision history table')
    .addOption(paperOption(' for printing'))
    .addOption(orientationOption(' for printing'))
    .option('--no-color', 'no colours in the lint report')
    .action(async (paths: string[], opts: RenderCliOptions) => {
      const { io } = state;
      if (opts.format === 'pdf') {
        const { renderPdfCommand } = await import('./render-pdf.js');
        await renderPdfCommand(paths, { ...opts, templates: templatesDir(io.cwd, opts.templates) }, state);
        return;
      }
      if (opts.format === 'docx') {
        const { renderDocxCommand } = await import('./render-docx.js');
        await renderDocxCommand(paths, { ...opts, templates: templatesDir(io.cwd, opts.templates) }, state);
        return;
      }
      const toStdout = opts.out === '-';
      const { renderProject } = await import('../../../app/render/project.js');
      const result = await renderProject({
        cwd: io.cwd,
        paths,
        configPath: opts.config,
        format: opts.format,
        locale: opts.locale,
        templates: templatesDir(io.cwd, opts.templates),
        force: opts.force,
        paper: opts.paper,
        orientation: opts.orientation,
        now: new Date(),
        histories: opts.history ? revisionHistories : undefined, // Riwayat Revisi from git; --no-history or `history: false` leave it out
      });
      printLintErrors(io, result.errors, opts.color);
      for (const s of result.skipped) io.stderr(`sop: not rendered: ${s.file}: ${s.reason}\n`);
      if (toStdout) {
        const total = result.rendered.length + result.skipped.length;
        if (total !== 1) throw new UsageError(`--out - writes one SOP to stdout, but ${total} files were given; name one file or use --out <dir>`);
        const only = result.rendered[0];
        if (only) io.stdout(only.text);
      } else {
        const dir = path.resolve(io.cwd, opts.out);
        refuseInputOverwrite(result.rendered.map((r) => path.join(dir, r.name)), { cwd: io.cwd, paths, configPath: opts.config, flag: '--out', templates: templatesDir(io.cwd, opts.templates) });
        for (const r of result.rendered) {
          const file = path.join(dir, r.name);
          writeFileAtomic(file, r.text);
          io.stdout(`${shownPath(io.cwd, file)}\n`);
        }
      }
      state.exitCode = result.skipped.length > 0 ? 1 : 0;
    });
}
