import { Chalk } from 'chalk';
import { Option, type Command } from 'commander';
import { formatHistory, type HistoryFormat } from '../../format/history.js';
import { sopHistory } from '../../../app/lifecycle/history.js';
import { useColor } from '../../io.js';
import type { RunState } from '../../state.js';
import { worded } from '../../i18n/index.js';

/** `sop history <id|path>`. */
export function registerHistory(program: Command, state: RunState): void {
  const { t } = state;
  program
    .command('history')
    .description(t('history.desc'))
    .argument('<sop>', t('history.sop'))
    .addOption(new Option('-f, --format <name>', t('opt.format')).choices(['text', 'json', 'md']).default('text'))
    .option('-c, --config <file>', t('opt.config'))
    .option('--no-color', t('opt.noColor'))
    .action(async (target: string, opts: { format: HistoryFormat; config?: string; color?: boolean }) => {
      const { io } = state;
      const rep = await sopHistory({ cwd: io.cwd, target, configPath: opts.config });
      for (const w of rep.warnings) io.stderr(`sop: ${worded(state.lang, w.text, w)}\n`);
      const c = new Chalk({ level: useColor(io, opts.color, io.stdoutIsTTY) ? 1 : 0 });
      io.stdout(formatHistory(rep, opts.format, { transition: (s) => c.bold.cyan(s), bad: (s) => c.bold.red(s), dim: (s) => c.dim(s) }, t));
      state.exitCode = 0;
    });
}
