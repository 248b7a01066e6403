import { isStandalone } from '../../util/package-files.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { Browser, ConnectionTransport } from 'puppeteer-core';
import { ConfigError } from '../../util/errors.js';
import { packageRoot } from '../../util/paths.js';

/**
 * Where to install puppeteer-core so that this sopkit finds it: the project whose node_modules holds sopkit, the
 * global packages for a global install (…/node_modules/sopkit with no project above it), else sopkit's own folder
 * (a checkout). `root` is sopkit's package folder.
 */
export function puppeteerInstallLine(root: string, exists: (file: string) => boolean = existsSync): string {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { optionalDependencies?: Record<string, string>; dependencies?: Record<string, string> };
  const range = pkg.optionalDependencies?.['puppeteer-core'] ?? pkg.dependencies?.['puppeteer-core'];
  const spec = range ? `puppeteer-core@${range}` : 'puppeteer-core';
  const parent = path.dirname(root);
  if (path.basename(parent) === 'node_modules') {
    const host = path.dirname(parent);
    return exists(path.join(host, 'package.json')) ? `run \`npm i ${spec}\` in ${host}` : `run \`npm i -g ${spec}\``;
  }
  return `run \`npm i ${spec}\` in ${root}`;
}

/**
 * puppeteer-core is an optional dependency (`npm i --omit=optional` leaves it out): only PDF and DOCX output, which
 * print or lay out in a browser, need it. Exit 2 with one line saying what to install, and where.
 */
export class PuppeteerMissingError extends ConfigError {
  override name = 'PuppeteerMissingError';
  constructor(root: string = packageRoot()) {
    super(`PDF and DOCX output need puppeteer-core, an optional dependency of sopkit that is not installed (HTML and Markdown do not need it): ${puppeteerInstallLine(root)}.`);
  }
}

const isMissing = (e: unknown) => {
  const { code, message } = e as { code?: string; message?: string };
  return (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && /['"]puppeteer-core['"]/.test(message ?? '');
};

/** Throw a {@link PuppeteerMissingError} unless puppeteer-core can be loaded (checked before a PDF or DOCX run starts). */
export function requirePuppeteer(): void {
  if (isStandalone()) return; // a standalone executable carries puppeteer-core inside
  try {
    createRequire(import.meta.url).resolve('puppeteer-core');
  } catch (e) {
    if (isMissing(e)) throw new PuppeteerMissingError();
    throw e;
  }
}

/** puppeteer-core, imported on first use so that `sop lint` never loads it. */
async function loadPuppeteer() {
  try {
    return await import('puppeteer-core');
  } catch (e) {
    if (isMissing(e)) throw new PuppeteerMissingError();
    throw e;
  }
}

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
  const { default: puppeteer } = await loadPuppeteer();
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
