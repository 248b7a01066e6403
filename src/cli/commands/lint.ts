import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { lint } from '../../index.js';
import { refuseInputOverwrite } from '../../inputs.js';
import { blobBase, githubSummary } from '../../lint/formatters/github-summary.js';
import { formatters, type FormatName } from '../../lint/formatters/index.js';
import { IoError } from '../../errors.js';
import { ruleMetas } from '../../lint/meta.js';
import { version } from '../../version.js';
import { useColor } from '../io.js';
import { writeErrorMessage, writeFileAtomic } from '../output.js';
import type { RunState } from '../state.js';
import { dayOption } from './status.js';
import { errorsOnly } from '../lint-errors.js';

function count(v: string): number {
  if (!/^\d+$/.test(v)) throw new InvalidArgumentError('expected a whole number, e.g. 0 or 10');
  return Number(v);
}

/** `sop lint [paths…]`. */
export function registerLint(program: Command, state: RunState): void {
  program
    .command('lint')
    .description('check SOP files against the format and the SOP AP rules')
    .argument('[paths...]', 'files, folders or globs (default: the SOP glob of sop.config.yaml)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(Object.keys(formatters)).default('stylish'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('-c, --config <file>', 'use this sop.config.yaml')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', count)
    .option('-q, --quiet', 'report errors only (warnings still count for --max-warnings)')
    .option('--no-color', 'no colours')
    .option('--since <ref>', 'also check lifecycle changes against the merge base with this git ref (pull requests)')
    .option('--no-cache', 'do not read or write .sop-cache/ (the facts of the files not checked, kept by content hash)')
    .option('--today <date>', 'judge due monitoring and evaluation (rule review-due) as of this day (default: today)', dayOption)
    .action(async (paths: string[], opts: { format: FormatName; output?: string; config?: string; maxWarnings?: number; quiet?: boolean; color?: boolean; since?: string; today?: string; cache: boolean }) => {
      const { io } = state;
      const output = opts.output ? path.resolve(io.cwd, opts.output) : undefined;
      if (output) refuseInputOverwrite([output], { cwd: io.cwd, paths, configPath: opts.config, flag: '--output' });
      const report = await lint({ cwd: io.cwd, paths, configPath: opts.config, since: opts.since, now: opts.today ?? new Date(), cache: opts.cache });
      const shown = opts.quiet ? errorsOnly(report) : report;
      const text = formatters[opts.format](shown, {
        color: opts.output ? false : useColor(io, opts.color, io.stdoutIsTTY),
        cwd: io.cwd,
        root: report.root,
        rules: ruleMetas(),
        version: version(),
        hiddenWarnings: opts.quiet ? report.warningCount : 0,
      });
      if (output) writeFileAtomic(output, text);
      else io.stdout(text);
      // GitHub shows 10 annotations of a kind per step: the job's summary page gets every problem.
      const summaryFile = io.env.GITHUB_STEP_SUMMARY;
      if (opts.format === 'github' && summaryFile) {
        const md = githubSummary(shown, { cwd: io.cwd, root: report.root, hiddenWarnings: opts.quiet ? report.warningCount : 0 }, blobBase(io.env));
        try {
          appendFileSync(path.resolve(io.cwd, summaryFile), md);
        } catch (e) {
          throw new IoError(writeErrorMessage(`the step summary ${summaryFile} (GITHUB_STEP_SUMMARY)`, e));
        }
      }
      const tooManyWarnings = opts.maxWarnings !== undefined && report.warningCount > opts.maxWarnings;
      if (tooManyWarnings) io.stderr(`sop: ${report.warningCount} warning${report.warningCount === 1 ? '' : 's'} found; --max-warnings allows ${opts.maxWarnings}\n`);
      state.exitCode = report.errorCount > 0 || tooManyWarnings ? 1 : 0;
    });
}
