import path from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../util/errors.js';
import { planNewSop } from '../../app/scaffold/new-sop.js';
import type { RunState } from '../state.js';
import { writeNewFile } from '../write-new.js';
import { dayOption } from '../options.js';


/** `sop new <id> --title … [--unit …] [--process …]`: write a draft SOP that lints clean. */
export function registerNew(program: Command, state: RunState): void {
  const { t } = state;
  program
    .command('new')
    .description(t('new.desc'))
    .argument('<id>', t('new.id'))
    .requiredOption('--title <text>', t('new.title'))
    .option('--unit <code|name>', t('new.unit'))
    .option('--process <code>', t('new.process'))
    .option('--date <date>', t('new.date'), dayOption(t))
    .option('-c, --config <file>', t('opt.config'))
    .action((id: string, f: { title: string; unit?: string; process?: string; date?: string; config?: string }) => {
      const { io } = state;
      const plan = planNewSop({ cwd: io.cwd, id, title: f.title, unit: f.unit, process: f.process, configPath: f.config, created: f.date ?? new Date() });
      const shown = path.relative(io.cwd, plan.file) || plan.file;
      if (!writeNewFile(plan.file, plan.text, t)) throw new UsageError(t('new.exists', { file: shown }));
      const created = { file: shown, unit: plan.unit.name };
      io.stdout(`${plan.number ? t('new.createdNumber', { ...created, number: plan.number }) : t('new.created', created)}\n`);
      if (plan.noNumber) io.stdout(`${t('new.noNumber', { why: plan.noNumber })}\n`);
      io.stdout(`${t('new.fill')}\n`);
      state.exitCode = 0;
    });
}
