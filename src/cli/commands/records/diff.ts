import path from 'node:path';
import { Option, type Command } from 'commander';
import { refuseInputOverwrite } from '../../../app/inputs.js';
import { formatDiff, type DiffFormat } from '../../format/diff.js';
import { sopDiff } from '../../../app/lifecycle/diff.js';
import { writeFileAtomic } from '../../output.js';
import type { RunState } from '../../state.js';

/** `sop diff <id> [a [b]]`. */
export function registerDiff(program: Command, state: RunState): void {
  program
    .command('diff')
    .description('show what changed in an SOP between two versions (default: the last approved version against the working tree)')
    .argument('<sop>', 'SOP id or file path')
    .argument('[a]', 'older version: an SOP revision number (0, 1, …) or a git revision (default: the last approved version)')
    .argument('[b]', 'newer version, the same way (default: the working tree)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['text', 'md', 'html']).default('text'))
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('-c, --config <file>', 'use this sop.config.yaml')
    .action(async (target: string, a: string | undefined, b: string | undefined, opts: { format: DiffFormat; output?: string; config?: string }) => {
      const { io } = state;
      const output = opts.output ? path.resolve(io.cwd, opts.output) : undefined;
      if (output) refuseInputOverwrite([output], { cwd: io.cwd, configPath: opts.config, flag: '--output' });
      const rep = await sopDiff({ cwd: io.cwd, target, from: a, to: b, configPath: opts.config });
      for (const w of rep.warnings) io.stderr(`sop: ${w}\n`);
      const out = formatDiff(rep, opts.format);
      if (output) writeFileAtomic(output, out);
      else io.stdout(out);
      state.exitCode = 0;
    });
}
