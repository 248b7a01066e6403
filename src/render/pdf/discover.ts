import { ConfigError } from '../../util/errors.js';

/** What browser discovery looks at; injected so the search is a pure function. */
export interface BrowserSearch {
  /** Environment variables (PUPPETEER_EXECUTABLE_PATH wins). */
  env: Record<string, string | undefined>;
  /** The config's `browser` section. */
  config: { executablePath?: string };
  /** Whether a file exists (and is a file). */
  exists(file: string): boolean;
  /** `process.platform`. */
  platform: string;
}

/** The usual system paths of Chromium, Chrome or Edge, per platform, in the order they are tried. */
export function systemBrowserPaths(platform: string, env: Record<string, string | undefined> = {}): string[] {
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES ?? 'C:\\Program Files', env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)', env.LOCALAPPDATA].filter(
      (r): r is string => Boolean(r),
    );
    return [
      ...roots.map((r) => `${r}\\Google\\Chrome\\Application\\chrome.exe`),
      ...roots.map((r) => `${r}\\Microsoft\\Edge\\Application\\msedge.exe`),
    ];
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/opt/microsoft/msedge/msedge',
  ];
}

/** Where the browser comes from, for messages. */
export type BrowserSource = 'env' | 'config' | 'system';

/** A browser found by {@link findBrowser}. */
export interface FoundBrowser {
  /** Absolute path of the executable. */
  executablePath: string;
  /** Which setting named it. */
  source: BrowserSource;
}

/**
 * Find a Chromium-family browser (Chromium, Chrome, Edge): `PUPPETEER_EXECUTABLE_PATH`, then `browser.executablePath` of the config,
 * then the usual system paths. A path that is named explicitly but missing is an error, not a fall-through.
 * Never downloads anything.
 */
export function findBrowser(search: BrowserSearch): FoundBrowser | undefined {
  const fromEnv = search.env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv) {
    if (!search.exists(fromEnv)) throw new BrowserNotFoundError(`PUPPETEER_EXECUTABLE_PATH names ${fromEnv}, which does not exist.`, search.platform);
    return { executablePath: fromEnv, source: 'env' };
  }
  const fromConfig = search.config.executablePath;
  if (fromConfig) {
    if (!search.exists(fromConfig)) throw new BrowserNotFoundError(`browser.executablePath in sop.config.yaml names ${fromConfig}, which does not exist.`, search.platform);
    return { executablePath: fromConfig, source: 'config' };
  }
  const found = systemBrowserPaths(search.platform, search.env).find((p) => search.exists(p));
  return found ? { executablePath: found, source: 'system' } : undefined;
}

/** What to install for PDF output on this platform, in one line (the demo's message, the start of {@link installHint}). */
export function installLine(platform: string): string {
  if (platform === 'win32') return 'Microsoft Edge (part of Windows 10 and 11) or Google Chrome: winget install Microsoft.Edge, or winget install Google.Chrome';
  if (platform === 'darwin') return 'Google Chrome or Microsoft Edge: brew install --cask google-chrome (or microsoft-edge), or download it from google.com/chrome or microsoft.com/edge';
  return 'Chromium: sudo apt-get install chromium (Debian; Ubuntu: sudo snap install chromium; Fedora: sudo dnf install chromium), or Google Chrome or Microsoft Edge';
}

/** How to install a browser on this platform and how to name one that sop does not find. */
export function installHint(platform: string): string {
  return [
    'PDF output needs a Chromium-family browser (Chromium, Google Chrome or Microsoft Edge); sop never downloads one.',
    `Install ${installLine(platform)}`,
    'or name it with PUPPETEER_EXECUTABLE_PATH=/path/to/browser or browser.executablePath in sop.config.yaml.',
  ].join('\n');
}

/** No usable browser (exit 2, message only). */
export class BrowserNotFoundError extends ConfigError {
  override name = 'BrowserNotFoundError';
  constructor(reason: string, platform: string) {
    super(`${reason}\n${installHint(platform)}`);
  }
}

/** The browser to use, or a {@link BrowserNotFoundError} naming what to install. */
export function requireBrowser(search: BrowserSearch): FoundBrowser {
  const found = findBrowser(search);
  if (!found) throw new BrowserNotFoundError('No Chromium, Chrome or Edge browser found.', search.platform);
  return found;
}
