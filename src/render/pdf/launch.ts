import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import type { Browser, ConnectionTransport } from 'puppeteer-core';

/**
 * What Chromium, Chrome and Edge print when a policy (RemoteDebuggingAllowed = false, set by an administrator)
 * forbids controlling them: "DevTools remote debugging is disallowed by the system admin." The browser then
 * keeps running without answering, so this is read from its error output instead of waiting for a timeout.
 */
export const POLICY_BLOCKED = /remote debugging is (disallowed|disabled|not allowed)|RemoteDebuggingAllowed/i;

/** How long a starting browser may take to answer before sop gives up. */
const START_TIMEOUT_MS = 60_000;

/** The DevTools protocol over the pipes Chromium opens with `--remote-debugging-pipe` (fd 3 in, fd 4 out; NUL-separated JSON). */
class PipeTransport implements ConnectionTransport {
  onmessage?: (message: string) => void;
  onclose?: () => void;
  #pending: Buffer[] = [];
  #closed = false;

  constructor(
    private readonly out: Writable,
    incoming: Readable,
  ) {
    incoming.on('data', (chunk: Buffer) => this.#dispatch(chunk));
    incoming.on('close', () => this.onclose?.());
    incoming.on('error', () => undefined);
    out.on('error', () => undefined);
  }

  send(message: string): void {
    if (this.#closed) return;
    this.out.write(message);
    this.out.write('\0');
  }

  #dispatch(chunk: Buffer): void {
    this.#pending.push(chunk);
    if (!chunk.includes(0)) return;
    const all = Buffer.concat(this.#pending);
    let start = 0;
    let end = all.indexOf(0);
    while (end !== -1) {
      const message = all.toString('utf8', start, end);
      setImmediate(() => this.onmessage?.(message));
      start = end + 1;
      end = all.indexOf(0, start);
    }
    this.#pending = start < all.length ? [all.subarray(start)] : [];
  }

  close(): void {
    this.#closed = true;
  }
}

/** Why a browser did not start: the reason, and its error output. */
export class LaunchFailure extends Error {
  constructor(
    message: string,
    /** The browser's last lines of error output. */
    readonly stderr: string,
    /** A policy forbids remote control (see {@link POLICY_BLOCKED}). */
    readonly policyBlocked: boolean,
  ) {
    super(message);
  }
}

/** A started browser and its process. */
export interface Launched {
  /** The controlled browser. */
  browser: Browser;
  /** Its process. */
  proc: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

/**
 * Start a headless Chromium-family browser on a pipe and connect puppeteer to it. Unlike puppeteer's own launch,
 * this reads the browser's error output while it starts, so a browser that is forbidden by policy to be controlled
 * fails at once with that reason (instead of hanging until the protocol timeout).
 */
export async function launchOnPipe(executablePath: string, userDataDir: string, args: string[], protocolTimeout: number): Promise<Launched> {
  const { default: puppeteer } = await import('puppeteer-core');
  const argv = [...puppeteer.defaultArgs({ headless: true, userDataDir, args }), '--remote-debugging-pipe'];
  const proc = spawn(executablePath, argv, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'], windowsHide: true });
  let stderr = '';
  let rejectEarly: (e: Error) => void = () => undefined;
  const early = new Promise<never>((_, reject) => (rejectEarly = reject));
  early.catch(() => undefined);
  const exited = new Promise<void>((resolve) => proc.once('close', () => resolve()));
  proc.once('error', (e) => rejectEarly(e));
  proc.once('exit', (code, signal) => rejectEarly(new Error(`the browser exited (${signal ?? `code ${code}`}) before sop could control it`)));
  proc.stderr?.setEncoding('utf8');
  proc.stderr?.on('data', (text: string) => {
    stderr = (stderr + text).slice(-8000);
    if (POLICY_BLOCKED.test(stderr)) rejectEarly(new Error('remote debugging is disallowed by policy'));
  });
  const [, , , pipeIn, pipeOut] = proc.stdio as unknown as [unknown, unknown, unknown, Writable, Readable];
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the browser did not answer within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
  });
  try {
    if (!pipeIn || !pipeOut) throw new Error('the browser process has no DevTools pipe');
    const connecting = puppeteer.connect({ transport: new PipeTransport(pipeIn, pipeOut), defaultViewport: null, protocolTimeout });
    connecting.catch(() => undefined);
    const browser = await Promise.race([connecting, early, timeout]);
    return { browser, proc, exited };
  } catch (e) {
    // Let a dying browser finish writing why, then make sure it is gone.
    if (!POLICY_BLOCKED.test(stderr)) await Promise.race([exited, sleep(2000)]);
    // The browser's own exit says more than the closed pipe it leaves behind.
    const code = proc.exitCode;
    const signal = proc.signalCode;
    const reason = code !== null || signal !== null ? `the browser exited (${signal ?? `code ${code}`}) before sop could control it` : ((e as Error).message.split('\n')[0] ?? String(e));
    if (code === null && signal === null) {
      proc.kill('SIGKILL');
      await Promise.race([exited, sleep(2000)]);
    }
    const lines = stderr.split(/\r?\n/).filter((l) => l.trim());
    throw new LaunchFailure(reason, lines.slice(-10).join('\n'), POLICY_BLOCKED.test(stderr));
  } finally {
    clearTimeout(timer);
  }
}
