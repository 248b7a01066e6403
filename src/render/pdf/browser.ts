import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { IoError, said, type MessageData, type Said } from '../../util/errors.js';
import { removeStale } from '../../util/temp.js';
import { launchOnPipe, LaunchFailure, PuppeteerMissingError, type Launched } from './launch.js';

/** How to start the browser. */
export interface LaunchOptions {
  /** The Chromium or Chrome executable (see findBrowser). */
  executablePath: string;
  /** Register a handler for Ctrl-C and SIGTERM; returns its unregister function (the CLI's io.onInterrupt). */
  onInterrupt?: (handler: () => void) => () => void;
  /** Pass `--no-sandbox` (default: only when running as root, where Chromium's sandbox refuses to start). */
  noSandbox?: boolean;
}

/** A page that cannot run scripts or fetch anything but `data:` URIs. */
export interface SandboxPage {
  /** Load a whole HTML document (no navigation; scripts off). */
  setHtml(html: string): Promise<void>;
  /** Evaluate trusted measuring code in the page (runs even with the document's scripts off). */
  evaluate<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): Promise<Awaited<R>>;
  /** Print to PDF with the document's own @page size and margins. */
  pdf(opts?: { outline?: boolean }): Promise<Uint8Array>;
  /** A PNG of a region of the loaded document (CSS px), transparent where nothing is painted; `scale` 2 doubles the pixels. */
  screenshot(clip: { x: number; y: number; width: number; height: number; scale?: number }): Promise<Uint8Array>;
  /** Requests that were aborted (URLs), oldest first. */
  blocked: string[];
  /** Close the page. */
  close(): Promise<void>;
}

/** One running browser. */
export interface PdfBrowser {
  /** A fresh sandboxed page whose viewport is `widthPx` wide (the printable width). */
  newPage(widthPx: number): Promise<SandboxPage>;
  /** Number of browser launches behind this object (always 1). */
  launches: number;
}

/** Chromium switches: quiet, offline, no first-run work. */
export const CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
  '--disable-extensions',
  '--disable-default-apps',
  '--mute-audio',
  // Defence in depth behind request interception: no name resolves.
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

/** Thrown into pending work when the user presses Ctrl-C. */
export class InterruptedError extends IoError {
  override name = 'InterruptedError';
  constructor() {
    super('Interrupted; the browser was closed.');
  }
}

const isRoot = (): boolean => process.getuid?.() === 0;

async function sandboxPage(browser: Browser, widthPx: number): Promise<SandboxPage> {
  const page: Page = await browser.newPage();
  const blocked: string[] = [];
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    if (req.isInterceptResolutionHandled()) return;
    const url = req.url();
    if (url.startsWith('data:') || url === 'about:blank') void req.continue().catch(() => undefined);
    else {
      blocked.push(url);
      void req.abort('blockedbyclient').catch(() => undefined);
    }
  });
  await page.emulateMediaType('print');
  await page.setViewport({ width: Math.max(200, Math.floor(widthPx)), height: 800 });
  return {
    blocked,
    async setHtml(html) {
      await page.setContent(html, { waitUntil: 'load', timeout: 120_000 });
    },
    evaluate: (fn, ...args) => page.evaluate(fn as never, ...(args as unknown as never[])) as never,
    async pdf(opts = {}) {
      return page.pdf({
        printBackground: true,
        preferCSSPageSize: true,
        outline: opts.outline ?? false,
        tagged: true,
        timeout: 600_000,
      });
    },
    screenshot: (clip) => page.screenshot({ type: 'png', clip, omitBackground: true, captureBeyondViewport: true }),
    close: () => page.close(),
  };
}

/** A launched browser that the caller must close. */
export interface OpenBrowser extends PdfBrowser {
  /** Close the browser and remove its temporary profile (idempotent). */
  close(): Promise<void>;
  /** The temporary profile folder (gone after close). */
  profileDir: string;
  /** The browser's process id. */
  pid: number | undefined;
}

/** The message for a browser that did not start: why, and what to do about it. */
function launchMessage(executablePath: string, f: LaunchFailure): Said {
  if (f.policyBlocked) {
    const text = [
      `The browser ${executablePath} refuses to be controlled: a policy set by your administrator forbids remote debugging`,
      '(RemoteDebuggingAllowed = false; the browser said "DevTools remote debugging is disallowed by the system admin").',
      'sop prints PDF by controlling a headless browser, so ask IT to allow it for this browser, or name another',
      'Chromium-family browser without that policy with PUPPETEER_EXECUTABLE_PATH or browser.executablePath in sop.config.yaml.',
      'HTML and Markdown output do not need a browser.',
    ].join('\n');
    return said(text, 'browser.policyBlocked', { browser: executablePath });
  }
  const output = f.stderr ? `\nThe browser said:\n${f.stderr.replace(/^/gm, '  ')}` : '';
  const hint = /sandbox/i.test(`${f.message}\n${f.stderr}`)
    ? '\nChromium could not set up its sandbox (unprivileged user namespaces may be disabled); allow them, or run in a container as root.'
    : '';
  const text = `Cannot start the browser ${executablePath}: ${f.message}${hint}${output}`;
  const data: MessageData = { browser: executablePath, reason: f.message };
  if (f.stderr) data.output = f.stderr.replace(/^/gm, '  ');
  return said(text, `browser.cannotStart${hint ? 'Sandbox' : ''}${f.stderr ? 'Output' : ''}`, data);
}

/** Temporary browser profiles: `sopkit-chromium-<pid>-XXXXXX` (older ones without the pid too). */
export const PROFILE_NAME = /^sopkit-chromium-(?:(\d+)-)?[A-Za-z0-9]{6}$/;

/** Launch a headless browser with a fresh temporary profile (removed on close). Prefer {@link withBrowser}. */
export async function openBrowser(opts: LaunchOptions): Promise<OpenBrowser> {
  // Profiles of runs killed with -9 (older than an hour, their process gone) are removed first.
  removeStale(os.tmpdir(), PROFILE_NAME);
  const profile = mkdtempSync(path.join(os.tmpdir(), `sopkit-chromium-${process.pid}-`));
  const removeProfile = () => rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  const args = [...CHROMIUM_ARGS];
  if (opts.noSandbox ?? isRoot()) args.push('--no-sandbox');
  let launched: Launched;
  try {
    launched = await launchOnPipe(opts.executablePath, profile, args, 600_000);
  } catch (e) {
    removeProfile();
    if (e instanceof LaunchFailure) {
      const m = launchMessage(opts.executablePath, e);
      throw new IoError(m.text, m);
    }
    if (e instanceof PuppeteerMissingError) throw e;
    throw new IoError(`Cannot start the browser ${opts.executablePath}: ${(e as Error).message.split('\n')[0]}`, {
      id: 'browser.cannotStart',
      data: { browser: opts.executablePath, reason: (e as Error).message.split('\n')[0] ?? '' },
    });
  }
  const { browser, proc, exited } = launched;
  // Never leave a browser behind when this process ends abruptly.
  const killOnExit = () => proc.kill('SIGKILL');
  process.once('exit', killOnExit);
  let closing: Promise<void> | undefined;
  return {
    launches: 1,
    profileDir: profile,
    pid: proc.pid,
    newPage: (w) => sandboxPage(browser, w),
    close: () =>
      (closing ??= browser
        .close()
        .catch(() => undefined)
        .then(() => Promise.race([exited, new Promise<'late'>((r) => setTimeout(() => r('late'), 5000).unref())]))
        .then(async (late) => {
          if (late === 'late') {
            proc.kill('SIGKILL');
            await exited;
          }
        })
        .then(() => {
          process.off('exit', killOnExit);
          removeProfile();
        })),
  };
}

/**
 * Launch one headless browser, run `work`, and always close the browser and remove its profile:
 * on success, on error, and on Ctrl-C (pending work then fails with InterruptedError).
 * puppeteer-core is imported lazily (here and in launch.ts) so `sop lint` never loads it.
 */
export async function withBrowser<T>(opts: LaunchOptions, work: (browser: OpenBrowser) => Promise<T>): Promise<T> {
  let interrupted = false;
  let browser: OpenBrowser | undefined;
  let reject: ((e: Error) => void) | undefined;
  const interruption = new Promise<never>((_, r) => (reject = r));
  interruption.catch(() => undefined);
  const unregister = opts.onInterrupt?.(() => {
    interrupted = true;
    reject?.(new InterruptedError());
    void browser?.close();
  });
  const launching = openBrowser(opts);
  try {
    browser = await Promise.race([launching, interruption]);
    if (interrupted) throw new InterruptedError();
    return await Promise.race([work(browser), interruption]);
  } catch (e) {
    throw interrupted ? new InterruptedError() : e;
  } finally {
    unregister?.();
    // A launch still under way when Ctrl-C came is closed as soon as it finishes.
    await launching.then((b) => b.close(), () => undefined);
  }
}
