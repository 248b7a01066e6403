import { statSync } from 'node:fs';
import path from 'node:path';
import { isInside, realPath } from '../util/inside.js';
import type { Config } from '../config/types.js';
import { ConfigError } from '../util/errors.js';
import { progressLine, wantProgress } from '../render/pdf/progress.js';
import { BrowserNotFoundError, requireBrowser } from '../render/pdf/discover.js';
import { requirePuppeteer } from '../render/pdf/launch.js';
import type { LaunchOptions } from '../render/pdf/browser.js';
import type { CliIO } from './io.js';
import type { RunState } from './state.js';
import type { Translate } from './i18n/index.js';

const isFile = (f: string): boolean => {
  try {
    return statSync(f).isFile();
  } catch {
    return false;
  }
};

/**
 * The config's browser must be an installed program, not a file of the repository: a pull request could
 * commit a script and name it there, and CI would run it. (PUPPETEER_EXECUTABLE_PATH is the user's own choice.)
 */
function refuseCommittedProgram(t: Translate, cwd: string, config: Config, exe: string): void {
  const root = realPath(config.root);
  for (const real of [realPath(path.resolve(config.root, exe)), realPath(path.resolve(cwd, exe))]) {
    if (isInside(root, real)) {
      const at = config.where ? `${config.where(['browser', 'executablePath'])} ` : '';
      throw new ConfigError(t('browser.inRepo', { at, real, root }));
    }
  }
}

/**
 * The no-browser message in the run's language (discovery words it in English): why (the named path that is
 * missing, or none found), what to install on this platform, and how to name a browser.
 */
export function noBrowserMessage(t: Translate, env: Record<string, string | undefined>, config: Config, platform: string): string {
  const fromEnv = env.PUPPETEER_EXECUTABLE_PATH;
  const fromConfig = config.browser.executablePath;
  const why = fromEnv ? t('browser.envMissing', { path: fromEnv }) : fromConfig ? t('browser.configMissing', { path: fromConfig }) : t('browser.none');
  const what = t(platform === 'win32' ? 'browser.win32' : platform === 'darwin' ? 'browser.darwin' : 'browser.linux');
  return [why, t('browser.needs'), t('browser.install', { what }), t('browser.name')].join('\n');
}

/** How to launch the browser for this run (exit 2 with install instructions when there is none, or no puppeteer-core). */
export function launchOptions(state: RunState, config: Config): LaunchOptions {
  const { io } = state;
  let found;
  try {
    found = requireBrowser({ env: io.env, config: config.browser, exists: isFile, platform: process.platform });
  } catch (e) {
    if (e instanceof BrowserNotFoundError && state.lang !== 'en') throw new ConfigError(noBrowserMessage(state.t, io.env, config, process.platform));
    throw e;
  }
  if (found.source === 'config') refuseCommittedProgram(state.t, io.cwd, config, found.executablePath);
  requirePuppeteer();
  return { executablePath: found.executablePath, onInterrupt: io.onInterrupt };
}

/** A progress reporter on stderr (a bar on a terminal for more than a few SOPs; nothing otherwise). */
export function progress(io: CliIO, total: number): { onProgress?: (done: number, total: number, name: string) => void; end(): void } {
  if (!wantProgress(io.stderrIsTTY, total)) return { end: () => undefined };
  let drawn = false;
  return {
    onProgress: (done, all, name) => {
      drawn = true;
      io.stderr(progressLine(done, all, name));
    },
    end: () => {
      if (drawn) io.stderr('\n');
    },
  };
}
