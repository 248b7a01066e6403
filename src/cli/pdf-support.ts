import { statSync } from 'node:fs';
import path from 'node:path';
import { isInside, realPath } from '../config/inside.js';
import type { Config } from '../config/types.js';
import { ConfigError } from '../errors.js';
import { progressLine, wantProgress } from '../render/pdf/progress.js';
import { requireBrowser } from '../render/pdf/discover.js';
import { requirePuppeteer } from '../render/pdf/launch.js';
import type { LaunchOptions } from '../render/pdf/browser.js';
import type { CliIO } from './io.js';

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
function refuseCommittedProgram(cwd: string, config: Config, exe: string): void {
  const root = realPath(config.root);
  for (const real of [realPath(path.resolve(config.root, exe)), realPath(path.resolve(cwd, exe))]) {
    if (isInside(root, real)) {
      const at = config.where ? `${config.where(['browser', 'executablePath'])} ` : '';
      throw new ConfigError(`${at}browser.executablePath names ${real}, a file inside the repository (${root}): sop runs only an installed browser (e.g. /usr/bin/chromium), or the one PUPPETEER_EXECUTABLE_PATH names.`);
    }
  }
}

/** How to launch the browser for this run (exit 2 with install instructions when there is none, or no puppeteer-core). */
export function launchOptions(io: CliIO, config: Config): LaunchOptions {
  const found = requireBrowser({ env: io.env, config: config.browser, exists: isFile, platform: process.platform });
  if (found.source === 'config') refuseCommittedProgram(io.cwd, config, found.executablePath);
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
