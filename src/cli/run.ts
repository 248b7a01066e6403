import { Command, CommanderError, Option } from 'commander';
import { isUserError } from '../util/errors.js';
import { version } from '../util/version.js';
import type { CliIO } from './io.js';
import type { RunState } from './state.js';
import { commands } from './commands/index.js';
import { chooseLang, commanderError, helpConfig, translator, worded } from './i18n/index.js';

/** Exit codes: the README's contract. */
export const EXIT = { ok: 0, problems: 1, error: 2 } as const;

/** Run the CLI with `argv` (without node and script); returns the exit code. Never throws. */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  // The language is decided once, before the commands are described in it.
  const { lang, bad } = chooseLang(argv, io.env);
  const t = translator(lang);
  if (bad !== undefined) {
    io.stderr(`sop: ${t('program.badLang', { value: bad })}\n`);
    return EXIT.error;
  }
  const state: RunState = { io, exitCode: EXIT.ok, verbose: argv.includes('--verbose'), lang, t };
  const output = {
    writeOut: (s: string) => io.stdout(s),
    writeErr: (s: string) => io.stderr(s),
    outputError: (s: string, write: (s: string) => void) => write(commanderError(s, lang, t)),
  };
  const program = new Command('sop');
  program
    .description(t('program.desc'))
    .version(version(), '-V, --version', t('program.version'))
    .option('--verbose', t('program.verbose'))
    .addOption(new Option('--lang <lang>', t('program.lang')).choices(['en', 'id']))
    .helpOption('-h, --help', t('program.help'))
    .helpCommand('help [command]', t('program.helpCommand'))
    .configureHelp(helpConfig(lang, t))
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput(output);
  for (const register of commands) register(program, state);
  for (const c of program.commands) c.exitOverride().configureOutput(output);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return state.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return EXIT.ok;
      // `sop help` asks for help (0); bare `sop` is a call without a command (usage error).
      if (e.code === 'commander.help') return e.exitCode === 0 ? EXIT.ok : EXIT.error;
      if (e.code === 'commander.executeSubCommandAsync') return EXIT.ok;
      return EXIT.error;
    }
    if (isUserError(e)) {
      io.stderr(`sop: ${worded(lang, e.message, e)}\n`);
      return EXIT.error;
    }
    const err = e as Error;
    io.stderr(`sop: ${t('program.internal', { message: err?.message ?? String(e) })}\n`);
    if (state.verbose && err?.stack) io.stderr(`${err.stack}\n`);
    else io.stderr(`${t('program.reportIt')}\n`);
    return EXIT.error;
  }
}
