import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InterruptedError, openBrowser, withBrowser, type OpenBrowser } from '../../../src/render/pdf/browser.js';
import { pdfText } from './poppler.js';

const CHROMIUM = '/usr/bin/chromium';
let server: Server;
let base = '';
const hits: string[] = [];
let browser: OpenBrowser;
const dir = mkdtempSync(path.join(tmpdir(), 'sopkit-sandbox-'));

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.end('x');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await openBrowser({ executablePath: CHROMIUM });
});

afterAll(async () => {
  await browser?.close();
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const alive = (pid: number | undefined) => {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('sandboxed pages', () => {
  it('run no script and let no request leave: only the document and data: URIs load', async () => {
    const html = `<!DOCTYPE html><html><head>
<link rel="stylesheet" href="${base}/style.css"><link rel="prefetch" href="${base}/prefetch">
<style>@import url("${base}/import.css"); body { background: url("${base}/bg.png"); }</style>
<script src="${base}/script.js"></script>
<script>document.documentElement.innerHTML = '<body>SCRIPT RAN</body>'; fetch('${base}/fetch');</script>
</head><body>
<p>Plain text stays</p>
<img src="${base}/logo.png" alt="">
<img src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/%3E" alt="">
<iframe src="${base}/frame.html"></iframe>
<video src="${base}/v.mp4"></video>
<a href="${base}/link">a link</a>
</body></html>`;
    const page = await browser.newPage(800);
    try {
      await page.setHtml(html);
      const pdf = await page.pdf();
      const file = path.join(dir, 'sandbox.pdf');
      writeFileSync(file, pdf);
      const text = pdfText(file);
      expect(text).toContain('Plain text stays');
      expect(text).not.toContain('SCRIPT RAN');
      expect(hits).toEqual([]);
      expect(page.blocked).toEqual(expect.arrayContaining([`${base}/logo.png`, `${base}/style.css`, `${base}/import.css`, `${base}/bg.png`, `${base}/frame.html`]));
      expect(page.blocked.some((u) => u.startsWith('data:'))).toBe(false);
      expect(await page.evaluate(() => (document.querySelectorAll('img')[1] as HTMLImageElement).naturalWidth)).toBe(10);
    } finally {
      await page.close();
    }
  });
});

describe('browser lifetime', () => {
  it('launches headless with a fresh profile in the temp folder and removes it on close', async () => {
    const b = await openBrowser({ executablePath: CHROMIUM });
    expect(b.profileDir.startsWith(tmpdir())).toBe(true);
    expect(existsSync(b.profileDir)).toBe(true);
    expect(alive(b.pid)).toBe(true);
    await b.close();
    expect(existsSync(b.profileDir)).toBe(false);
    expect(alive(b.pid)).toBe(false);
  });

  it('closes the browser when the work fails', async () => {
    let seen: OpenBrowser | undefined;
    await expect(withBrowser({ executablePath: CHROMIUM }, async (b) => {
      seen = b;
      throw new Error('work failed');
    })).rejects.toThrow('work failed');
    expect(existsSync(seen!.profileDir)).toBe(false);
    expect(alive(seen!.pid)).toBe(false);
  });

  it('Ctrl-C closes the browser, removes the profile and ends the work with InterruptedError', async () => {
    let handler: (() => void) | undefined;
    let unregistered = false;
    let seen: OpenBrowser | undefined;
    const run = withBrowser(
      {
        executablePath: CHROMIUM,
        onInterrupt: (h) => {
          handler = h;
          return () => void (unregistered = true);
        },
      },
      async (b) => {
        seen = b;
        const page = await b.newPage(800);
        setTimeout(() => handler?.(), 50);
        // Work that would never finish by itself.
        await new Promise(() => undefined);
        return page;
      },
    );
    await expect(run).rejects.toBeInstanceOf(InterruptedError);
    expect(unregistered).toBe(true);
    expect(existsSync(seen!.profileDir)).toBe(false);
    expect(alive(seen!.pid)).toBe(false);
  });
});
