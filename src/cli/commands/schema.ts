import type { Command } from 'commander';
import { readPackageFile } from '../../util/package-files.js';
import { schemaFile } from '../../paths.js';
import type { RunState } from '../state.js';

/** `sop schema [--config|--processes]`: print the bundled JSON Schema. */
export function registerSchema(program: Command, state: RunState): void {
  program
    .command('schema')
    .description('print the JSON Schema of SOP files (or, with --config, of sop.config.yaml)')
    .option('--config', 'print the schema of sop.config.yaml instead')
    .option('--processes', 'print the schema of the business process map (processes.yaml) instead')
    .action((opts: { config?: boolean; processes?: boolean }) => {
      state.io.stdout(readPackageFile(schemaFile(opts.config ? 'config' : opts.processes ? 'processes' : 'sop')));
    });
}
