import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { lint } from '../../app/lint/run.js';
import { refuseInputOverwrite } from '../../app/inputs.js';
import { blobBase, githubSummary } from '../../lint/formatters/github-summary.js';
import { formatters, type FormatName } from '../../lint/formatters/index.js';
import { IoError } from '../../util/errors.js';
import { ruleMetas } from '../../lint/meta.js';
import { version } from '../../util/version.js';
import { useColor } from '../io.js';
import { writeErrorMessage, writeFileAtomic } from '../output.js';
import type { RunState } from '../state.js';
import { dayOption } from '../options.js';
import { errorsOnly } from '../lint-errors.js';
import type { Translate } from '../i18n/index.js';

const count = (t: Translate) => (v: string): number => {
  if (!/^\d+$/.test(v)) throw new InvalidArgumentError(t('arg.count'));
  return Number(v);
};

/** `sop lint [paths…]`. */
export function registerLint(program: Command, state: RunState): void {
  const { t } = state;
  program
    .command('lint')
    .description(t('lint.desc'))
    .argument('[paths...]', t('opt.paths'))
    .addOption(new Option('-f, --format <name>', t('lint.format')).choices(Object.keys(formatters)).default('stylish'))
    .option('-o, --output <file>', t('lint.output'))
    .option('-c, --config <file>', t('opt.config'))
    .option('--max-warnings <n>', t('lint.maxWarnings'), count(t))
    .option('-q, --quiet', t('lint.quiet'))
    .option('--no-color', t('opt.noColor'))
    .option('--since <ref>', t('lint.since'))
    .option('--no-cache', t('lint.noCache'))
    .option('--today <date>', t('lint.today'), dayOption(t))
    .action(async (paths: string[], opts: { format: FormatName; output?: string; config?: string; maxWarnings?: number; quiet?: boolean; color?: boolean; since?: string; today?: string; cache: boolean }) => {
      const { io } = state;
      const output = opts.output ? path.resolve(io.cwd, opts.output) : undefined;
      if (output) refuseInputOverwrite([output], { cwd: io.cwd, paths, configPath: opts.config, flag: '--output' });
      const report = await lint({ cwd: io.cwd, paths, configPath: opts.config, since: opts.since, now: opts.today ?? new Date(), cache: opts.cache, lang: state.lang });
      const shown = opts.quiet ? errorsOnly(report) : report;
      const text = formatters[opts.format](shown, {
        color: opts.output ? false : useColor(io, opts.color, io.stdoutIsTTY),
        cwd: io.cwd,
        root: report.root,
        rules: ruleMetas({ help: opts.format === 'sarif', docsBase: report.docsBase }),
        version: version(),
        hiddenWarnings: opts.quiet ? report.warningCount : 0,
        lang: state.lang,
      });
      if (output) writeFileAtomic(output, text, t);
      else io.stdout(text);
      // GitHub shows 10 annotations of a kind per step: the job's summary page gets every problem.
      const summaryFile = io.env.GITHUB_STEP_SUMMARY;
      if (opts.format === 'github' && summaryFile) {
        const md = githubSummary(shown, { cwd: io.cwd, root: report.root, hiddenWarnings: opts.quiet ? report.warningCount : 0, lang: state.lang }, blobBase(io.env));
        try {
          appendFileSync(path.resolve(io.cwd, summaryFile), md);
        } catch (e) {
          throw new IoError(writeErrorMessage(t('lint.summaryPath', { file: summaryFile }), e, t));
        }
      }
      const tooManyWarnings = opts.maxWarnings !== undefined && report.warningCount > opts.maxWarnings;
      if (tooManyWarnings) io.stderr(`sop: ${t('lint.tooManyWarnings', { n: report.warningCount, max: opts.maxWarnings! })}\n`);
      state.exitCode = report.errorCount > 0 || tooManyWarnings ? 1 : 0;
    });
}
