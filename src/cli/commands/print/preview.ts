import { InvalidArgumentError, Option, type Command } from 'commander';
import { revisionHistories } from '../../../app/lifecycle/revision-history.js';
import type { PreviewSnapshot } from '../../../app/preview/snapshot.js';
import type { RunState } from '../../state.js';
import { templatesDir } from './render.js';
import { localeOption } from '../../options.js';
import { worded, type Translate } from '../../i18n/index.js';

const portNumber = (t: Translate) => (v: string): number => {
  if (!/^\d+$/.test(v) || Number(v) > 65535) throw new InvalidArgumentError(t('arg.port'));
  return Number(v);
};

function counts(state: RunState, snap: PreviewSnapshot): string {
  const { t } = state;
  if (snap.fatal) return t('preview.cannotOpen', { reason: worded(state.lang, snap.fatal, snap.fatalRef) });
  let errors = 0;
  let warnings = 0;
  for (const e of [...snap.entries, ...snap.others]) for (const d of e.diagnostics) d.severity === 'error' ? errors++ : warnings++;
  return t('preview.counts', { sops: t('preview.sops', { n: snap.entries.length }), errors: t('preview.errors', { n: errors }), warnings: t('preview.warnings', { n: warnings }) });
}

/** `sop preview [paths…]`: a local server showing the documents and their lint problems, updated on save. */
export function registerPreview(program: Command, state: RunState): void {
  const { t } = state;
  program
    .command('preview')
    .description(t('preview.desc'))
    .argument('[paths...]', t('opt.paths'))
    .option('-p, --port <n>', t('preview.port'), portNumber(t), 0)
    .addOption(localeOption(t('opt.localeDoc')))
    .option('-t, --templates <dir>', t('opt.templates'))
    .option('-c, --config <file>', t('opt.config'))
    .option('--no-history', t('opt.noHistory'))
    .action(async (paths: string[], opts: { port: number; locale?: 'id' | 'en'; templates?: string; config?: string; history: boolean }) => {
      const { io } = state;
      const { startPreview } = await import('../../../app/preview/server.js');
      const server = await startPreview({
        cwd: io.cwd,
        paths,
        configPath: opts.config,
        locale: opts.locale,
        templates: templatesDir(t, io.cwd, opts.templates),
        histories: opts.history ? revisionHistories : undefined,
        port: opts.port,
        onUpdate: (snap) => io.stderr(`sop preview: ${t('preview.updated', { counts: counts(state, snap) })}\n`),
        onError: (message, cause) => io.stderr(`sop preview: ${cause ? `${cause.file}: ${worded(state.lang, cause.error.message, cause.error)}` : message}\n`),
      });
      let unregister: (() => void) | undefined;
      try {
        io.stdout(`sop preview: ${t('preview.listening', { url: server.url, counts: counts(state, server.snapshot()) })}\n`);
        // Runs until Ctrl-C or SIGTERM (or, in-process, until the caller's interrupt handler is called).
        await new Promise<void>((resolve) => {
          unregister = io.onInterrupt?.(() => resolve());
        });
      } finally {
        unregister?.();
        await server.close();
      }
      io.stderr(`sop preview: ${t('preview.stopped')}\n`);
      state.exitCode = 0;
    });
}
