import { InvalidArgumentError, Option, type Command } from 'commander';
import { revisionHistories } from '../../../app/lifecycle/revision-history.js';
import type { PreviewSnapshot } from '../../../app/preview/snapshot.js';
import type { RunState } from '../../state.js';
import { templatesDir } from './render.js';
import { localeOption } from '../../options.js';

function portNumber(v: string): number {
  if (!/^\d+$/.test(v) || Number(v) > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535 (0: any free port)');
  return Number(v);
}

function counts(snap: PreviewSnapshot): string {
  if (snap.fatal) return `cannot open the repository: ${snap.fatal}`;
  let errors = 0;
  let warnings = 0;
  for (const e of [...snap.entries, ...snap.others]) for (const d of e.diagnostics) d.severity === 'error' ? errors++ : warnings++;
  const n = snap.entries.length;
  return `${n} SOP${n === 1 ? '' : 's'}, ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}

/** `sop preview [paths…]`: a local server showing the documents and their lint problems, updated on save. */
export function registerPreview(program: Command, state: RunState): void {
  program
    .command('preview')
    .description('serve the SOPs as HTML documents with their lint problems on 127.0.0.1, updated whenever a file is saved (runs until Ctrl-C)')
    .argument('[paths...]', 'files, folders or globs (default: the SOP glob of sop.config.yaml)')
    .option('-p, --port <n>', 'port to listen on (default 0: any free port)', portNumber, 0)
    .addOption(localeOption('language of the document labels (default: the config\'s)'))
    .option('-t, --templates <dir>', 'folder of templates/partials/sop.css overriding the bundled ones by name')
    .option('-c, --config <file>', 'use this sop.config.yaml')
    .option('--no-history', 'leave out the revision history table')
    .action(async (paths: string[], opts: { port: number; locale?: 'id' | 'en'; templates?: string; config?: string; history: boolean }) => {
      const { io } = state;
      const { startPreview } = await import('../../../app/preview/server.js');
      const server = await startPreview({
        cwd: io.cwd,
        paths,
        configPath: opts.config,
        locale: opts.locale,
        templates: templatesDir(io.cwd, opts.templates),
        histories: opts.history ? revisionHistories : undefined,
        port: opts.port,
        onUpdate: (snap) => io.stderr(`sop preview: updated: ${counts(snap)}\n`),
        onError: (message) => io.stderr(`sop preview: ${message}\n`),
      });
      let unregister: (() => void) | undefined;
      try {
        io.stdout(`sop preview: ${server.url} (${counts(server.snapshot())}); press Ctrl-C to stop\n`);
        // Runs until Ctrl-C or SIGTERM (or, in-process, until the caller's interrupt handler is called).
        await new Promise<void>((resolve) => {
          unregister = io.onInterrupt?.(() => resolve());
        });
      } finally {
        unregister?.();
        await server.close();
      }
      io.stderr('sop preview: stopped\n');
      state.exitCode = 0;
    });
}
