import path from 'node:path';
import { Option, type Command } from 'commander';
import { refuseInputOverwrite } from '../../../app/inputs.js';
import { formatDiff, type DiffFormat } from '../../format/diff.js';
import { sopDiff } from '../../../app/lifecycle/diff.js';
import { writeFileAtomic } from '../../output.js';
import type { RunState } from '../../state.js';
import { worded } from '../../i18n/index.js';

/** `sop diff <id> [a [b]]`. */
export function registerDiff(program: Command, state: RunState): void {
  const { t } = state;
  program
    .command('diff')
    .description(t('diff.desc'))
    .argument('<sop>', t('opt.sop'))
    .argument('[a]', t('diff.a'))
    .argument('[b]', t('diff.b'))
    .addOption(new Option('-f, --format <name>', t('opt.format')).choices(['text', 'md', 'html']).default('text'))
    .option('-o, --output <file>', t('opt.outputFile'))
    .option('-c, --config <file>', t('opt.config'))
    .action(async (target: string, a: string | undefined, b: string | undefined, opts: { format: DiffFormat; output?: string; config?: string }) => {
      const { io } = state;
      const output = opts.output ? path.resolve(io.cwd, opts.output) : undefined;
      if (output) refuseInputOverwrite([output], { cwd: io.cwd, configPath: opts.config, flag: '--output' });
      const rep = await sopDiff({ cwd: io.cwd, target, from: a, to: b, configPath: opts.config });
      for (const w of rep.warnings) io.stderr(`sop: ${worded(state.lang, w.text, w)}\n`);
      const out = formatDiff(rep, opts.format, t);
      if (output) writeFileAtomic(output, out, t);
      else io.stdout(out);
      state.exitCode = 0;
    });
}
