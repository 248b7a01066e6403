import type { Command } from 'commander';
import { readPackageFile } from '../../util/package-files.js';
import { schemaFile } from '../../util/paths.js';
import type { RunState } from '../state.js';

/** `sop schema [--config|--processes]`: print the bundled JSON Schema. */
export function registerSchema(program: Command, state: RunState): void {
  const { t } = state;
  program
    .command('schema')
    .description(t('schema.desc'))
    .option('--config', t('schema.config'))
    .option('--processes', t('schema.processes'))
    .action((opts: { config?: boolean; processes?: boolean }) => {
      state.io.stdout(readPackageFile(schemaFile(opts.config ? 'config' : opts.processes ? 'processes' : 'sop')));
    });
}
