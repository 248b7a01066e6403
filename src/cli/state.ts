import type { Lang } from '../model/lang.js';
import type { CliIO } from './io.js';
import type { Translate } from './i18n/index.js';

/** Shared by the program and its commands during one run. */
export interface RunState {
  /** The injected I/O. */
  io: CliIO;
  /** Exit code set by the command. */
  exitCode: number;
  /** Print stacks for internal errors. */
  verbose: boolean;
  /** The language of the CLI's messages (`--lang`, else LC_ALL / LC_MESSAGES / LANG), decided once per run. */
  lang: Lang;
  /** Words a message of the CLI's catalogue in {@link lang}. */
  t: Translate;
}
