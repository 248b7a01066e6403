import { describe, expect, it } from 'vitest';
import { BrowserNotFoundError, findBrowser, installHint, installLine, requireBrowser, systemBrowserPaths } from '../../../src/render/pdf/discover.js';
import { isUserError } from '../../../src/util/errors.js';
import { sop, ROOT } from '../../helpers/cli.js';
import path from 'node:path';

const only = (...files: string[]) => (f: string) => files.includes(f);

describe('findBrowser', () => {
  const cases: Array<{ name: string; env?: Record<string, string>; config?: { executablePath?: string }; files: string[]; platform: string; want: string | undefined; source?: string }> = [
    { name: 'env wins over config and system', env: { PUPPETEER_EXECUTABLE_PATH: '/opt/c/chrome' }, config: { executablePath: '/cfg/chrome' }, files: ['/opt/c/chrome', '/cfg/chrome', '/usr/bin/chromium'], platform: 'linux', want: '/opt/c/chrome', source: 'env' },
    { name: 'config before system paths', config: { executablePath: '/cfg/chrome' }, files: ['/cfg/chrome', '/usr/bin/chromium'], platform: 'linux', want: '/cfg/chrome', source: 'config' },
    { name: "Debian's chromium first", files: ['/usr/bin/chromium', '/usr/bin/google-chrome'], platform: 'linux', want: '/usr/bin/chromium', source: 'system' },
    { name: 'chromium-browser (Ubuntu)', files: ['/usr/bin/chromium-browser'], platform: 'linux', want: '/usr/bin/chromium-browser' },
    { name: 'google-chrome-stable', files: ['/usr/bin/google-chrome-stable'], platform: 'linux', want: '/usr/bin/google-chrome-stable' },
    { name: 'macOS Chrome', files: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'], platform: 'darwin', want: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome' },
    { name: 'Windows Chrome under Program Files', env: { PROGRAMFILES: 'C:\\Program Files' }, files: ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'], platform: 'win32', want: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe' },
    { name: 'Linux Edge (microsoft-edge)', files: ['/usr/bin/microsoft-edge'], platform: 'linux', want: '/usr/bin/microsoft-edge' },
    { name: 'Linux Edge (microsoft-edge-stable)', files: ['/usr/bin/microsoft-edge-stable'], platform: 'linux', want: '/usr/bin/microsoft-edge-stable' },
    { name: "Linux Edge (Microsoft's package folder)", files: ['/opt/microsoft/msedge/msedge'], platform: 'linux', want: '/opt/microsoft/msedge/msedge' },
    { name: 'Linux: Chromium before Edge', files: ['/opt/microsoft/msedge/msedge', '/usr/bin/chromium'], platform: 'linux', want: '/usr/bin/chromium' },
    { name: 'macOS Edge', files: ['/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'], platform: 'darwin', want: '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge' },
    { name: 'macOS Chromium', files: ['/Applications/Chromium.app/Contents/MacOS/Chromium'], platform: 'darwin', want: '/Applications/Chromium.app/Contents/MacOS/Chromium' },
    { name: 'Windows Edge (x86 Program Files, as Windows installs it)', files: ['C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'], platform: 'win32', want: 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe' },
    { name: 'Windows Chrome per user (LOCALAPPDATA)', env: { LOCALAPPDATA: 'C:\\Users\\staf\\AppData\\Local' }, files: ['C:\\Users\\staf\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe'], platform: 'win32', want: 'C:\\Users\\staf\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe' },
    { name: 'Windows paths are not tried on Linux', files: ['C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'], platform: 'linux', want: undefined },
    { name: 'nothing installed', files: [], platform: 'linux', want: undefined },
    { name: 'linux paths are not tried on macOS', files: ['/usr/bin/chromium'], platform: 'darwin', want: undefined },
  ];
  it.each(cases)('$name', ({ env = {}, config = {}, files, platform, want, source }) => {
    const found = findBrowser({ env, config, exists: only(...files), platform });
    expect(found?.executablePath).toBe(want);
    if (source) expect(found?.source).toBe(source);
  });

  it('a named path that does not exist is an error, not a silent fall-back', () => {
    expect(() => findBrowser({ env: { PUPPETEER_EXECUTABLE_PATH: '/nope/chrome' }, config: {}, exists: only('/usr/bin/chromium'), platform: 'linux' })).toThrow(/PUPPETEER_EXECUTABLE_PATH names \/nope\/chrome/);
    expect(() => findBrowser({ env: {}, config: { executablePath: '/nope/chrome' }, exists: only('/usr/bin/chromium'), platform: 'linux' })).toThrow(/browser\.executablePath/);
  });

  it('no browser: a user error naming what to install', () => {
    let err: unknown;
    try {
      requireBrowser({ env: {}, config: {}, exists: () => false, platform: 'linux' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(BrowserNotFoundError);
    expect(isUserError(err)).toBe(true);
    const msg = (err as Error).message;
    expect(msg).toContain('No Chromium, Chrome or Edge browser found.');
    expect(msg).toContain('sudo apt-get install chromium');
    expect(msg).toContain('PUPPETEER_EXECUTABLE_PATH');
  });

  it.each([
    { platform: 'win32', says: ['Microsoft Edge', 'Google Chrome', 'winget install Microsoft.Edge'], not: ['apt-get', 'brew'] },
    { platform: 'linux', says: ['sudo apt-get install chromium'], not: ['winget', 'brew'] },
    { platform: 'darwin', says: ['Google Chrome', 'Microsoft Edge', 'brew install --cask google-chrome'], not: ['apt-get', 'winget'] },
  ])('the install message speaks to $platform', ({ platform, says, not }) => {
    const msg = installHint(platform);
    for (const s of says) expect(msg).toContain(s);
    for (const s of not) expect(msg).not.toContain(s);
    expect(installLine(platform).split('\n')).toHaveLength(1);
  });

  it('knows the usual system paths', () => {
    expect(systemBrowserPaths('linux').slice(0, 5)).toEqual(['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium']);
  });
});

describe('sop render --format pdf without a browser', () => {
  it('exits 2 with the install instructions and writes nothing', async () => {
    const r = await sop(['render', '--format', 'pdf', '-o', '/nonexistent-out', 'sops/kul/KUL-004-surat-masuk.yaml'], path.join(ROOT, 'examples'), {
      env: { NO_COLOR: '1', PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chromium' },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('sudo apt-get install chromium');
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('`sop book` too', async () => {
    const r = await sop(['book', '-o', '/nonexistent-out/book.pdf'], path.join(ROOT, 'examples'), {
      env: { NO_COLOR: '1', PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chromium' },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('sudo apt-get install chromium');
  });
});
