// A hostile SOP rendered to HTML and loaded in real Chromium with JavaScript ENABLED:
// nothing in it may run, add an element or attribute, or make a request.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { sop, tempTree } from '../helpers/cli.js';

const XSS = [
  "<script>alert('script')</script>",
  '<img src=x onerror=alert("img")>',
  '[klik](javascript:alert("link"))',
  '<a href="javascript:alert(1)">a</a>',
  "{{constructor.constructor 'alert(1)'}} {{{raw}}} {{> identity}}",
  '</td></tr></table><script>alert("table")</script>',
  '![x](file:///etc/passwd)',
  '![y](https://evil.example/pixel.png)',
  '<iframe src="https://evil.example/"></iframe>',
  '<style>@import url(https://evil.example/x.css);</style>',
  '<svg onload=alert("svg")><foreignObject><body onload=alert(2)>',
  '"><meta http-equiv="refresh" content="0;url=https://evil.example/">',
  '<link rel=stylesheet href=https://evil.example/a.css>',
  '&lt;script&gt;alert("entity")&lt;/script&gt;',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '<https://evil.example/auto> `<code onclick=alert(1)>`',
];
const x = (i: number) => XSS[i % XSS.length]!;

const hostile = {
  sop: 1,
  id: 'KUL-666',
  number: x(11),
  title: x(0),
  unit: x(12),
  status: 'draft',
  revision: 0,
  dates: { created: '2024-03-11', revised: x(1) },
  approval: { position: x(9), name: x(1), nip: x(5) },
  legalBasis: XSS,
  qualifications: XSS,
  related: ['KUL-001', ...XSS],
  equipment: XSS,
  warnings: XSS,
  records: XSS,
  actors: [
    { id: 'a', name: x(1) },
    { id: 'b', name: x(10) },
    { id: 'c', name: x(5) },
  ],
  steps: XSS.map((_, i) => ({
    activity: x(i),
    actor: ['a', 'b', 'c'][i % 3],
    ...(i % 5 === 2 ? { type: 'decision', ifNo: i + 3 > XSS.length ? 'end' : i + 3, labels: [x(i + 1), x(i + 2)] } : {}),
    requirements: [x(i + 3), x(i + 4)],
    time: x(i + 5),
    output: x(i + 6),
    notes: x(i + 7),
  })),
};

const CONFIG = 'organization: {name: KPU, unitLines: [SEKRETARIAT], logo: logo.svg}\n';
const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert("logo")</script><image href="https://evil.example/l.png"/><rect width="10" height="10"/></svg>';

let browser: Browser;
let dir: string;
let cleanup: () => void;

beforeAll(async () => {
  ({ dir, cleanup } = tempTree({ 'sop.config.yaml': CONFIG, 'logo.svg': LOGO, 'sops/KUL-666.yaml': stringify(hostile), 'sops/KUL-001.yaml': stringify({ ...hostile, id: 'KUL-001', title: 'Biasa' }) }));
  const args = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args });
});
afterAll(async () => {
  await browser?.close();
  cleanup?.();
});

/** Load a file with JavaScript on, recording dialogs and every request. */
async function load(file: string) {
  const page = await browser.newPage();
  const dialogs: string[] = [];
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.setJavaScriptEnabled(true);
  await page.setRequestInterception(true);
  const url = pathToFileURL(file).href;
  page.on('request', (r) => {
    requests.push(r.url());
    if (r.url() === url || r.url().startsWith('data:')) void r.continue();
    else void r.abort();
  });
  await page.goto(url, { waitUntil: 'load' });
  await new Promise((r) => setTimeout(r, 300));
  const dom = await page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    return {
      scripts: document.querySelectorAll('script').length,
      handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName}[${a.name}]`)),
      embeds: [...document.querySelectorAll('iframe, object, embed, link, base, form, meta[http-equiv="refresh"], foreignObject, image, use')].map((e) => e.tagName),
      hrefs: [...document.querySelectorAll('[href], [src], [xlink\\:href]')].map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? ''),
      styles: document.querySelectorAll('style').length,
      text: document.body.innerText,
    };
  });
  await page.close();
  return { dialogs, requests, errors, dom, url };
}

describe('a hostile SOP renders as inert text', () => {
  it('in Chromium with JavaScript enabled: no dialog, no script, no handler, no request', async () => {
    const r = await sop(['render', 'sops/KUL-666.yaml', '--force', '--out', 'dist'], dir);
    expect(r.code).toBe(0);
    const file = path.join(dir, 'dist', 'KUL-666.html');
    const html = readFileSync(file, 'utf8');
    const logoUri = /src="(data:image\/svg\+xml;base64,[^"]+)"/.exec(html)?.[1];
    const { dialogs, requests, errors, dom, url } = await load(file);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(dom.scripts).toBe(0);
    expect(dom.handlers).toEqual([]);
    expect(dom.embeds).toEqual([]);
    expect(dom.styles).toBe(1);
    // The document, and the configured logo (a data: URI inside it, not a network request).
    expect(requests.filter((u) => u !== url && u !== logoUri)).toEqual([]);
    // Links only to the repository's SOPs or http(s) (a link is no request); images only the logo.
    for (const h of dom.hrefs) expect(h).toMatch(/^(data:image\/svg\+xml;base64,|KUL-001\.html$|https:\/\/evil\.example\/[a-z.]+$)/);
    // The hostile text is shown, literally.
    expect(dom.text).toContain("<script>alert('script')</script>");
    expect(dom.text).toContain('</td></tr></table><script>alert("table")</script>');
    expect(dom.text).toContain("{{constructor.constructor 'alert(1)'}}");
    expect(dom.text).toContain('[klik](javascript:alert("link"))');
    expect(dom.text).toContain('![x](file:///etc/passwd)');
  });

  it('stays inert even with the Content-Security-Policy removed', async () => {
    const file = path.join(dir, 'dist', 'KUL-666.html');
    const bare = path.join(dir, 'dist', 'bare.html');
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('http-equiv="Content-Security-Policy"');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(bare, html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''));
    const { dialogs, requests, dom, url } = await load(bare);
    expect(dialogs).toEqual([]);
    expect(dom.scripts).toBe(0);
    expect(dom.handlers).toEqual([]);
    expect(requests.filter((u) => u !== url && !u.startsWith('data:image/svg+xml;base64,'))).toEqual([]);
  });

  it('keeps the table shape: one row per step, and the rendered Markdown stays in its cells', async () => {
    const r = await sop(['render', 'sops/KUL-666.yaml', '--force', '--out', '-', '--format', 'md'], dir);
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => /^\| \d+ \|/.test(l));
    expect(rows).toHaveLength(hostile.steps.length);
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length - 2).toBe(7);
    expect(r.stdout).not.toMatch(/(?<!\\)<(script|img|iframe|svg|meta|link|style|a )/i);
    expect(r.stdout).not.toMatch(/(?<!\\)\]\((?!<https?:|KUL-001\.md)/);
    expect(r.stdout).not.toMatch(/(?<!\\)!\[/);
  });
});
