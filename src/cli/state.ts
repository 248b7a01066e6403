import type { CliIO } from './io.js';

/** Shared by the program and its commands during one run. */
export interface RunState {
  /** The injected I/O. */
  io: CliIO;
  /** Exit code set by the command. */
  exitCode: number;
  /** Print stacks for internal errors. */
  verbose: boolean;
}
