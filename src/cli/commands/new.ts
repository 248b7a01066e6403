import path from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../util/errors.js';
import { planNewSop } from '../../app/scaffold/new-sop.js';
import type { RunState } from '../state.js';
import { writeNewFile } from '../write-new.js';
import { dayOption } from './records/status.js';


/** `sop new <id> --title … [--unit …] [--process …]`: write a draft SOP that lints clean. */
export function registerNew(program: Command, state: RunState): void {
  program
    .command('new')
    .description('write a draft SOP with placeholders to fill, in its unit\'s folder under sops/ (never overwrites)')
    .argument('<id>', 'the new SOP\'s id, e.g. KUL-016')
    .requiredOption('--title <text>', 'Nama SOP')
    .option('--unit <code|name>', 'the owning unit: a code or name from `units` in sop.config.yaml (default: the unit whose code starts the id)')
    .option('--process <code>', 'code of the business process this SOP implements')
    .option('--date <date>', 'Tanggal Pembuatan, YYYY-MM-DD (default today); also the month and year of the proposed number', dayOption)
    .option('-c, --config <file>', 'use this sop.config.yaml')
    .action((id: string, f: { title: string; unit?: string; process?: string; date?: string; config?: string }) => {
      const { io } = state;
      const plan = planNewSop({ cwd: io.cwd, id, title: f.title, unit: f.unit, process: f.process, configPath: f.config, created: f.date ?? new Date() });
      const shown = path.relative(io.cwd, plan.file) || plan.file;
      if (!writeNewFile(plan.file, plan.text)) throw new UsageError(`${shown} exists already; nothing was written.`);
      io.stdout(`Created ${shown} (${plan.unit.name}${plan.number ? `, number ${plan.number}` : ''}).\n`);
      if (plan.noNumber) io.stdout(`No number: ${plan.noNumber}.\n`);
      io.stdout('Replace the placeholders marked "Ganti", then run `sop lint`.\n');
      state.exitCode = 0;
    });
}
