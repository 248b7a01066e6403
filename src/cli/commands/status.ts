import chalk, { Chalk } from 'chalk';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { formatStatus, type StatusFormat } from '../../lifecycle/format-status.js';
import { sopStatus } from '../../lifecycle/sop-status.js';
import { STATUS_CACHE_FILE } from '../../lifecycle/status-cache.js';
import { writeFileAtomic } from '../output.js';
import type { CsvDelimiter } from '../../csv.js';
import { checkDelimiter, delimiterOption } from '../csv-option.js';
import { useColor } from '../io.js';
import type { RunState } from '../state.js';

/** Check a `YYYY-MM-DD` option: a calendar day, kept as written (the day it names in every time zone). */
export function dayOption(v: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !d || d.getUTCDate() !== Number(m[3]) || d.getUTCMonth() !== Number(m[2]) - 1) throw new InvalidArgumentError('expected a calendar date YYYY-MM-DD, e.g. 2024-04-01');
  return v;
}

const STAGE_COLOR: Record<string, (c: typeof chalk) => (t: string) => string> = {
  draft: (c) => c.yellow,
  approved: (c) => c.cyan,
  implemented: (c) => c.green,
  evaluated: (c) => c.blue,
  withdrawn: (c) => c.gray,
};

/** `sop status [paths…]`. */
export function registerStatus(program: Command, state: RunState): void {
  program
    .command('status')
    .description('show each SOP\'s stage, since when (from git), approval, due reviews and unrevised edits')
    .argument('[paths...]', 'files, folders or globs (default: every SOP)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['table', 'json', 'md', 'csv']).default('table'))
    .option('-c, --config <file>', 'use this sop.config.yaml')
    .option('--today <date>', 'compute due dates as of this day (default: today)', dayOption)
    .option('--no-color', 'no colours')
    .option('--no-cache', `neither read nor write the cache (${STATUS_CACHE_FILE} next to sop.config.yaml)`)
    .addOption(delimiterOption())
    .action(async (paths: string[], opts: { format: StatusFormat; config?: string; today?: string; color?: boolean; cache?: boolean; delimiter?: CsvDelimiter }) => {
      const { io } = state;
      checkDelimiter(opts.format, opts.delimiter);
      const report = await sopStatus({ cwd: io.cwd, paths, configPath: opts.config, now: opts.today ?? new Date(), cache: opts.cache === false ? undefined : writeFileAtomic });
      for (const w of report.warnings) io.stderr(`sop: ${w}\n`);
      const c = new Chalk({ level: useColor(io, opts.color, io.stdoutIsTTY) ? 1 : 0 });
      io.stdout(
        formatStatus(report, opts.format, {
          paintStage: (stage, text) => (STAGE_COLOR[stage]?.(c) ?? ((t: string) => t))(text),
          paintWarn: (t) => c.red(t),
          delimiter: opts.delimiter,
        }),
      );
      state.exitCode = 0;
    });
}
