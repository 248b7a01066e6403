import { Command, CommanderError } from 'commander';
import { isUserError } from '../util/errors.js';
import { version } from '../util/version.js';
import type { CliIO } from './io.js';
import type { RunState } from './state.js';
import { commands } from './commands/index.js';

/** Exit codes: the README's contract. */
export const EXIT = { ok: 0, problems: 1, error: 2 } as const;

/** Run the CLI with `argv` (without node and script); returns the exit code. Never throws. */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const state: RunState = { io, exitCode: EXIT.ok, verbose: argv.includes('--verbose') };
  const program = new Command('sop');
  program
    .description('Keep Standard Operating Procedures (SOP AP) as YAML in git: lint, render, print books, trace approvals.')
    .version(version(), '-V, --version', 'print the version')
    .option('--verbose', 'show stack traces of internal errors')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(s),
    });
  for (const register of commands) register(program, state);
  for (const c of program.commands) c.exitOverride().configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
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
      io.stderr(`sop: ${e.message}\n`);
      return EXIT.error;
    }
    const err = e as Error;
    io.stderr(`sop: internal error: ${err?.message ?? String(e)}\n`);
    if (state.verbose && err?.stack) io.stderr(`${err.stack}\n`);
    else io.stderr('Run again with --verbose for details, and please report it.\n');
    return EXIT.error;
  }
}
