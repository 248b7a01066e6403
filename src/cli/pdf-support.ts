import { statSync } from 'node:fs';
import type { Config } from '../config/types.js';
import { progressLine, wantProgress } from '../render/pdf/progress.js';
import { requireBrowser } from '../render/pdf/discover.js';
import type { LaunchOptions } from '../render/pdf/browser.js';
import type { CliIO } from './io.js';

const isFile = (f: string): boolean => {
  try {
    return statSync(f).isFile();
  } catch {
    return false;
  }
};

/** How to launch the browser for this run (exit 2 with install instructions when there is none). */
export function launchOptions(io: CliIO, config: Config): LaunchOptions {
  const found = requireBrowser({ env: io.env, config: config.browser, exists: isFile, platform: process.platform });
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
