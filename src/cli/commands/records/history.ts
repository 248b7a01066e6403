import { Chalk } from 'chalk';
import { Option, type Command } from 'commander';
import { formatHistory, type HistoryFormat } from '../../format/history.js';
import { sopHistory } from '../../../app/lifecycle/history.js';
import { useColor } from '../../io.js';
import type { RunState } from '../../state.js';

/** `sop history <id|path>`. */
export function registerHistory(program: Command, state: RunState): void {
  program
    .command('history')
    .description('show every commit that touched an SOP, stage transitions highlighted, with what changed')
    .argument('<sop>', 'SOP id (e.g. KUL-004) or file path')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['text', 'json', 'md']).default('text'))
    .option('-c, --config <file>', 'use this sop.config.yaml')
    .option('--no-color', 'no colours')
    .action(async (target: string, opts: { format: HistoryFormat; config?: string; color?: boolean }) => {
      const { io } = state;
      const rep = await sopHistory({ cwd: io.cwd, target, configPath: opts.config });
      for (const w of rep.warnings) io.stderr(`sop: ${w}\n`);
      const c = new Chalk({ level: useColor(io, opts.color, io.stdoutIsTTY) ? 1 : 0 });
      io.stdout(formatHistory(rep, opts.format, { transition: (t) => c.bold.cyan(t), bad: (t) => c.bold.red(t), dim: (t) => c.dim(t) }));
      state.exitCode = 0;
    });
}
