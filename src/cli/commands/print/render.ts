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
import { worded, type Translate } from '../../i18n/index.js';

/** Options of `sop render`. */
interface RenderCliOptions extends PrintFlags {
  format: 'html' | 'md' | 'pdf' | 'docx';
  out: string;
  templates?: string;
  history: boolean;
}

/** The absolute `--templates` folder, checked to exist. */
export function templatesDir(t: Translate, cwd: string, dir: string | undefined): string | undefined {
  if (!dir) return undefined;
  const abs = path.resolve(cwd, dir);
  let ok = false;
  try {
    ok = statSync(abs).isDirectory();
  } catch {
    ok = false;
  }
  if (!ok) throw new UsageError(t('render.noTemplates', { dir }));
  return abs;
}

/** `sop render [paths…] --format md|html`. */
export function registerRender(program: Command, state: RunState): void {
  const { t } = state;
  program
    .command('render')
    .description(t('render.desc'))
    .argument('[paths...]', t('opt.paths'))
    .addOption(new Option('-f, --format <format>', t('opt.format')).choices(['html', 'md', 'pdf', 'docx']).default('html'))
    .option('-o, --out <dir>', t('render.out'), 'dist')
    .addOption(localeOption(t('opt.localeDoc')))
    .option('-t, --templates <dir>', t('opt.templates'))
    .option('-c, --config <file>', t('opt.config'))
    .option('--force', t('render.force'))
    .option('--no-history', t('opt.noHistory'))
    .addOption(paperOption(t, t('opt.forPrinting')))
    .addOption(orientationOption(t, t('opt.forPrinting')))
    .option('--no-color', t('opt.noColorLint'))
    .action(async (paths: string[], opts: RenderCliOptions) => {
      const { io } = state;
      if (opts.format === 'pdf') {
        const { renderPdfCommand } = await import('./render-pdf.js');
        await renderPdfCommand(paths, { ...opts, templates: templatesDir(t, io.cwd, opts.templates) }, state);
        return;
      }
      if (opts.format === 'docx') {
        const { renderDocxCommand } = await import('./render-docx.js');
        await renderDocxCommand(paths, { ...opts, templates: templatesDir(t, io.cwd, opts.templates) }, state);
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
        templates: templatesDir(t, io.cwd, opts.templates),
        force: opts.force,
        paper: opts.paper,
        orientation: opts.orientation,
        now: new Date(),
        histories: opts.history ? revisionHistories : undefined, // Riwayat Revisi from git; --no-history or `history: false` leave it out
      });
      printLintErrors(io, result.errors, opts.color, state.lang);
      for (const s of result.skipped) io.stderr(`sop: ${t('render.notRendered', { file: s.file, reason: worded(state.lang, s.reason, s.ref) })}\n`);
      if (toStdout) {
        const total = result.rendered.length + result.skipped.length;
        if (total !== 1) throw new UsageError(t('render.oneToStdout', { n: total }));
        const only = result.rendered[0];
        if (only) io.stdout(only.text);
      } else {
        const dir = path.resolve(io.cwd, opts.out);
        refuseInputOverwrite(result.rendered.map((r) => path.join(dir, r.name)), { cwd: io.cwd, paths, configPath: opts.config, flag: '--out', templates: templatesDir(t, io.cwd, opts.templates) });
        for (const r of result.rendered) {
          const file = path.join(dir, r.name);
          writeFileAtomic(file, r.text, t);
          io.stdout(`${shownPath(io.cwd, file)}\n`);
        }
      }
      state.exitCode = result.skipped.length > 0 ? 1 : 0;
    });
}
