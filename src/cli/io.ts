/** Everything the CLI touches of the outside world, injected so tests run in-process. */
export interface CliIO {
  /** Write to standard output. */
  stdout(text: string): void;
  /** Write to standard error. */
  stderr(text: string): void;
  /** Working folder. */
  cwd: string;
  /** Environment variables. */
  env: Record<string, string | undefined>;
  /** Whether stdout is a terminal. */
  stdoutIsTTY: boolean;
  /** Whether stderr is a terminal. */
  stderrIsTTY: boolean;
  /** Whether stdin is a terminal (interactive prompts). */
  stdinIsTTY: boolean;
  /** Read a line from the user (only when stdinIsTTY). */
  prompt?(question: string): Promise<string>;
  /** Register a handler for Ctrl-C and SIGTERM; returns an unregister function. */
  onInterrupt?(handler: () => void): () => void;
}

/** Whether to colour output, honouring --no-color, NO_COLOR and FORCE_COLOR. */
export function useColor(io: CliIO, flag: boolean | undefined, tty: boolean): boolean {
  if (flag === false) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return tty;
}
