import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalSop, ROOT, sop, tempTree, type CliResult } from '../helpers/cli.js';

const CONFIG = 'organization: {name: KPU, unitLines: [SEKRETARIAT]}\n';
const HOSTILE = '<img src=x onerror=alert(1)><script>alert(2)</script>';
const WAIT = { timeout: 15_000, polling: 100 } as const;

let dir: string;
let cleanup: () => void;
let base: string;
let stop: (() => void) | undefined;
let running: Promise<CliResult>;
let stdout = '';
let stderr = '';
let browser: Browser;
let page: Page;
const dialogs: string[] = [];
const consoleErrors: string[] = [];
const file = () => path.join(dir, 'sops', 'KUL-001.yaml');

/** A raw HTTP request (the path sent byte for byte, as no browser would), with its status and body. */
function raw(method: string, target: string, host = new URL(base).host): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, method, path: target, headers: { host }, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The text of the document shown in the SOP page's frame (same origin, scripts off inside it). */
const docText = () => page.evaluate(() => (document.getElementById('doc') as HTMLIFrameElement | null)?.contentDocument?.body?.innerText ?? '');

beforeAll(async () => {
  ({ dir, cleanup } = tempTree({
    'sop.config.yaml': CONFIG,
    'sops/KUL-001.yaml': minimalSop('KUL-001'),
    'sops/KUL-002.yaml': minimalSop('KUL-002').replace('title: Contoh', `title: '${HOSTILE}'`),
  }));
  running = sop(['preview'], dir, {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    onInterrupt: (h) => {
      stop = h;
      return () => void (stop = undefined);
    },
  });
  for (let i = 0; i < 200 && !/http:\/\/127\.0\.0\.1:\d+\//.test(stdout); i++) await new Promise((r) => setTimeout(r, 50));
  base = /http:\/\/127\.0\.0\.1:\d+\//.exec(stdout)?.[0] ?? '';
  const args = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args });
  page = await browser.newPage();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => void (m.type() === 'error' && consoleErrors.push(m.text())));
});

afterAll(async () => {
  await browser?.close();
  stop?.();
  await running;
  cleanup?.();
});

describe('sop preview in Chromium', () => {
  it('prints its address on 127.0.0.1 and lists the SOPs with their problem counts', async () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(stdout).toContain('(2 SOPs, 0 errors, 0 warnings)');
    await page.goto(base);
    const rows = await page.$$eval('#sops tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows).toEqual([
      ['KUL-001', 'Contoh', 'Subbagian Umum', 'draft', '0', '0', 'sops/KUL-001.yaml'],
      ['KUL-002', HOSTILE, 'Subbagian Umum', 'draft', '0', '0', 'sops/KUL-002.yaml'],
    ]);
    expect(dialogs).toEqual([]); // the hostile title is text
  });

  it('shows an SOP page with its document, and updates it when the file is saved', async () => {
    await page.goto(base);
    await Promise.all([page.waitForNavigation(), page.click('a[href="/sop/KUL-001"]')]);
    expect(await page.$eval('#summary', (e) => e.textContent)).toBe('No problems.');
    await page.waitForFunction(() => (document.getElementById('doc') as HTMLIFrameElement).contentDocument?.body?.innerText.includes('Menerima surat'), WAIT);
    expect(await docText()).toContain('Mengarsipkan surat');
    writeFileSync(file(), minimalSop('KUL-001').replace('Menerima surat', 'Menyortir surat masuk'));
    await page.waitForFunction(() => (document.getElementById('doc') as HTMLIFrameElement).contentDocument?.body?.innerText.includes('Menyortir surat masuk'), WAIT);
    expect(await docText()).not.toContain('Menerima surat');
  });

  it('shows a broken file\'s diagnostics at their line and column, then clears them when fixed', async () => {
    const text = minimalSop('KUL-001').replace('Menerima surat', 'Menyortir surat masuk');
    const lines = text.split('\n');
    const at = lines.lastIndexOf('    actor: staf'); // the second step's actor
    lines[at] = '    actor: nobody';
    writeFileSync(file(), lines.join('\n'));
    await page.waitForFunction(() => document.querySelector('#diagnostics .rule')?.textContent === 'actor-declared', WAIT);
    const diag = await page.$eval('#diagnostics li', (li) => ({ pos: li.querySelector('.pos')?.textContent, sev: li.querySelector('.sev')?.textContent, msg: li.querySelector('.msg')?.textContent, src: li.querySelector('.src')?.textContent }));
    expect(diag).toEqual({ pos: `${at + 1}:12`, sev: 'error', msg: expect.stringContaining('must be one of the declared actors: staf (got "nobody")'), src: `${at + 1} |     actor: nobody` });
    expect(await page.$eval('#summary', (e) => e.textContent)).toBe('1 error(s), 0 warning(s)');
    // rendered anyway (as with --force): the author still sees the flowchart
    await page.waitForFunction(() => (document.getElementById('doc') as HTMLIFrameElement).contentDocument?.body?.innerText.includes('Menyortir surat masuk'), WAIT);

    // bad YAML: not renderable, only the diagnostics
    const broken = text.replace('output: Surat', 'output: [Surat');
    const line = broken.split('\n').findIndex((l) => l.includes('output: [Surat')) + 1;
    writeFileSync(file(), broken);
    await page.waitForFunction(() => document.querySelector('#diagnostics .rule')?.textContent === 'yaml-syntax', WAIT);
    expect(await page.$eval('#diagnostics li .pos', (e) => e.textContent)).toBe(`${line}:13`);
    expect(await page.$eval('#diagnostics li .msg', (e) => e.textContent)).toContain('This `[` is not closed');
    expect(await page.$eval('#not-rendered', (e) => ({ hidden: (e as HTMLElement).hidden, text: e.textContent }))).toEqual({ hidden: false, text: expect.stringContaining('Not rendered: it is not an SOP document') });
    await page.waitForFunction(() => !(document.getElementById('doc') as HTMLIFrameElement).contentDocument?.body?.innerText.includes('Menyortir'), WAIT);

    writeFileSync(file(), text.replace('Menyortir surat masuk', 'Memeriksa surat'));
    await page.waitForFunction(() => document.getElementById('summary')?.textContent === 'No problems.', WAIT);
    await page.waitForFunction(() => (document.getElementById('doc') as HTMLIFrameElement).contentDocument?.body?.innerText.includes('Memeriksa surat'), WAIT);
    expect(await page.$eval('#diagnostics', (e) => e.children.length)).toBe(0);
    expect(await page.$eval('#not-rendered', (e) => (e as HTMLElement).hidden)).toBe(true);
    expect(stderr).toContain('sop preview: updated: 2 SOPs, 1 error, 0 warnings');
  });

  it('keeps scripts out of the document: a hostile title stays text, the document is framed without scripts and served with a CSP without them', async () => {
    await page.goto(`${base}sop/KUL-002`);
    await page.waitForFunction(() => (document.getElementById('doc') as HTMLIFrameElement).contentDocument?.body?.innerText.includes('Menerima surat'), WAIT);
    expect(await page.$eval('#title', (e) => e.textContent)).toBe(`KUL-002 — ${HOSTILE}`);
    expect(await page.$eval('#doc', (e) => e.getAttribute('sandbox'))).toBe('allow-same-origin');
    const docRes = await raw('GET', '/doc/KUL-002');
    expect(docRes.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(docRes.headers['content-security-policy']).not.toMatch(/script-src/);
    expect(docRes.body).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(dialogs).toEqual([]);
    expect(consoleErrors).toEqual([]); // no CSP violation: the document needs nothing the policy refuses
  });

  it('follows the repository: a new SOP appears in the index, a broken config is shown and then recovered from', async () => {
    await page.goto(base);
    writeFileSync(path.join(dir, 'sops', 'KUL-003.yaml'), minimalSop('KUL-003').replace('title: Contoh', 'title: Baru'));
    await page.waitForFunction(() => document.querySelectorAll('#sops tbody tr').length === 3, WAIT);
    expect(await page.$eval('a[href="/sop/KUL-003"]', (a) => a.closest('tr')?.children[1]?.textContent)).toBe('Baru');
    writeFileSync(path.join(dir, 'processes.yaml'), 'title: Peta\nprocesses:\n  - code: PB.1\n    name: A\n    category: nonsense\n');
    await page.waitForFunction(() => [...document.querySelectorAll('h2')].some((h) => h.textContent === 'processes.yaml'), WAIT);
    const mapDiag = await page.$$eval('ul.diagnostics li', (lis) => lis.map((li) => `${li.querySelector('.pos')?.textContent} ${li.querySelector('.rule')?.textContent} ${li.querySelector('.src')?.textContent}`));
    expect(mapDiag).toContain('5:15 process-schema 5 |     category: nonsense');
    rmSync(path.join(dir, 'processes.yaml'));
    await page.waitForFunction(() => ![...document.querySelectorAll('h2')].some((h) => h.textContent === 'processes.yaml'), WAIT);
    writeFileSync(path.join(dir, 'sop.config.yaml'), 'organization: [\n');
    await page.waitForSelector('p.fatal', WAIT);
    expect(await page.$eval('p.fatal', (e) => e.textContent)).toMatch(/^sop\.config\.yaml:1:\d+ /);
    writeFileSync(path.join(dir, 'sop.config.yaml'), CONFIG);
    await page.waitForFunction(() => !document.querySelector('p.fatal') && document.querySelectorAll('#sops tbody tr').length === 3, WAIT);
  });

  it('refuses every path that is not one of its routes, and other methods and hosts', async () => {
    const passwd = readFileSync('/etc/passwd', 'utf8').split('\n')[0]!;
    for (const target of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd', '//etc/passwd', '/etc/passwd', `${base}../etc/passwd`,
      '/sops/KUL-001.yaml', '/sop.config.yaml', '/doc/..%2F..%2Fetc%2Fpasswd', '/doc/../../etc/passwd', '/sop/KUL-001/../../../etc/passwd', `/doc/${dir}/sops/KUL-001.yaml`, '/api/sop/%2e%2e']) {
      const r = await raw('GET', target);
      expect([403, 404], target).toContain(r.status);
      expect(r.body, target).not.toContain(passwd);
      expect(r.body, target).not.toContain('legalBasis');
    }
    expect((await raw('POST', '/')).status).toBe(405);
    expect((await raw('PUT', '/sop/KUL-001')).status).toBe(405);
    expect((await raw('GET', '/', 'evil.example')).status).toBe(403); // DNS rebinding
    expect((await raw('GET', '/api/version')).body).toMatch(/^\{"version":"[0-9a-f]+\.\d+"\}$/);
  });

  it('stops cleanly on interrupt: exit 0, the port closed', async () => {
    stop?.();
    const r = await running;
    expect(r.code).toBe(0);
    expect(stderr).toContain('sop preview: stopped');
    await expect(raw('GET', '/')).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe('sop preview through the built CLI', () => {
  it('serves until SIGTERM, then exits 0; re-reads an edited template folder; refuses a port in use', async () => {
    mkdirSync(path.join(dir, 'tpl'));
    writeFileSync(path.join(dir, 'tpl', 'sop.css'), 'body { color: rgb(1, 2, 3); }\n');
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/cli/bin.js'), 'preview', '--port', '0', '--templates', 'tpl'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      for (let i = 0; i < 200 && !/127\.0\.0\.1:\d+/.test(out); i++) await new Promise((r) => setTimeout(r, 50));
      base = /http:\/\/127\.0\.0\.1:\d+\//.exec(out)?.[0] ?? '';
      expect(base).not.toBe('');
      expect((await raw('GET', '/')).body).toContain('href="/sop/KUL-001"');
      expect((await raw('GET', '/doc/KUL-001')).body).toContain('color: rgb(1, 2, 3)');
      const before = (await raw('GET', '/api/version')).body;
      writeFileSync(path.join(dir, 'tpl', 'sop.css'), 'body { color: rgb(4, 5, 6); }\n');
      for (let i = 0; i < 150 && (await raw('GET', '/api/version')).body === before; i++) await new Promise((r) => setTimeout(r, 100));
      expect((await raw('GET', '/doc/KUL-001')).body).toContain('color: rgb(4, 5, 6)');
      const port = new URL(base).port;
      const busy = await sop(['preview', '--port', port], dir, { onInterrupt: () => () => undefined });
      expect(busy).toMatchObject({ code: 2, stderr: `sop: --port ${port}: the port is in use\n` });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(err).toContain('sop preview: stopped');
  });
});

describe('sop preview usage errors', () => {
  it('refuses a bad port and a missing file before serving anything (exit 2)', async () => {
    const io = { onInterrupt: () => () => undefined };
    const port = await sop(['preview', '--port', '70000'], dir, io);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('expected a port number from 0 to 65535');
    expect(await sop(['preview', 'sops/none.yaml'], dir, io)).toEqual({ code: 2, stdout: '', stderr: 'sop: No such file or folder: sops/none.yaml\n' });
  });
});
