import chalk, { Chalk } from 'chalk';
import { Option, type Command } from 'commander';
import { formatStatus, type StatusFormat } from '../../format/status.js';
import { sopStatus } from '../../../app/lifecycle/status.js';
import { STATUS_CACHE_FILE } from '../../../git/status-cache.js';
import { writeFileAtomic } from '../../output.js';
import type { CsvDelimiter } from '../../../util/csv.js';
import { checkDelimiter, delimiterOption } from '../../csv-option.js';
import { useColor } from '../../io.js';
import type { RunState } from '../../state.js';
import { worded } from '../../i18n/index.js';
import { dayOption } from '../../options.js';

const STAGE_COLOR: Record<string, (c: typeof chalk) => (t: string) => string> = {
  draft: (c) => c.yellow,
  approved: (c) => c.cyan,
  implemented: (c) => c.green,
  evaluated: (c) => c.blue,
  withdrawn: (c) => c.gray,
};

/** `sop status [paths…]`. */
export function registerStatus(program: Command, state: RunState): void {
  const { t } = state;
  program
    .command('status')
    .description(t('status.desc'))
    .argument('[paths...]', t('status.paths'))
    .addOption(new Option('-f, --format <name>', t('opt.format')).choices(['table', 'json', 'md', 'csv']).default('table'))
    .option('-c, --config <file>', t('opt.config'))
    .option('--today <date>', t('status.today'), dayOption(t))
    .option('--no-color', t('opt.noColor'))
    .option('--no-cache', t('status.noCache', { file: STATUS_CACHE_FILE }))
    .addOption(delimiterOption(t))
    .action(async (paths: string[], opts: { format: StatusFormat; config?: string; today?: string; color?: boolean; cache?: boolean; delimiter?: CsvDelimiter }) => {
      const { io } = state;
      checkDelimiter(t, opts.format, opts.delimiter);
      const report = await sopStatus({ cwd: io.cwd, paths, configPath: opts.config, now: opts.today ?? new Date(), cache: opts.cache === false ? undefined : writeFileAtomic });
      for (const w of report.warnings) io.stderr(`sop: ${worded(state.lang, w.text, w)}\n`);
      const c = new Chalk({ level: useColor(io, opts.color, io.stdoutIsTTY) ? 1 : 0 });
      io.stdout(
        formatStatus(report, opts.format, {
          paintStage: (stage, text) => (STAGE_COLOR[stage]?.(c) ?? ((t: string) => t))(text),
          paintWarn: (t) => c.red(t),
          delimiter: opts.delimiter,
          t,
        }),
      );
      state.exitCode = 0;
    });
}
