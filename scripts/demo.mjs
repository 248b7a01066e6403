#!/usr/bin/env node
// `npm run demo` (after the build): lint examples/, render them to HTML and Markdown, write the register dashboard
// and the monitoring form of the current semester (HTML), then to PDF and the book
// when a Chromium-family browser is found. Without a browser it says in one line what to install and exits 0,
// unless --require-pdf is given (then it exits 2). Options: --out DIR (default dist/demo), --require-pdf.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const requirePdf = args.includes('--require-pdf');
const outAt = args.indexOf('--out');
const out = path.resolve(outAt >= 0 && args[outAt + 1] ? args[outAt + 1] : path.join(root, 'dist/demo'));
const unknown = args.filter((a, i) => a !== '--require-pdf' && a !== '--out' && !(outAt >= 0 && i === outAt + 1));
if (unknown.length > 0) {
  console.error(`demo: unknown argument ${unknown[0]} (options: --out DIR, --require-pdf)`);
  process.exit(2);
}

const { findBrowser, installLine } = await import(path.join(root, 'dist/src/render/pdf/discover.js'));
const { requirePuppeteer } = await import(path.join(root, 'dist/src/render/pdf/launch.js'));
const { resolveConfig } = await import(path.join(root, 'dist/src/config/load.js'));
const examples = path.join(root, 'examples');

function sop(...cliArgs) {
  console.log(`$ sop ${cliArgs.join(' ')}`);
  const r = spawnSync(process.execPath, [path.join(root, 'dist/cli/bin.js'), ...cliArgs], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 2);
}

/** A path relative to the working folder when inside it. */
function shown(p) {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

/** Why there is no browser for PDF, or undefined when there is one (the discovery `sop render` uses). */
function noBrowser() {
  const isFile = (f) => {
    try {
      return statSync(f).isFile();
    } catch {
      return false;
    }
  };
  try {
    const found = findBrowser({ env: process.env, config: resolveConfig(examples).browser, exists: isFile, platform: process.platform });
    return found ? undefined : 'no Chromium, Chrome or Edge browser found';
  } catch (e) {
    return e.message.split('\n')[0].replace(/\.$/, '');
  }
}

/** The steps that need no browser, then those that print PDF (one `sop` command line each). */
const STEPS = [
  ['lint', 'examples'],
  ['render', 'examples', '--format', 'html', '--out', path.join(out, 'html')],
  ['render', 'examples', '--format', 'md', '--out', path.join(out, 'md')],
  ['report', 'register', '-c', 'examples/sop.config.yaml', '-o', path.join(out, 'register-sop.html')],
  ['report', 'monitoring', '-c', 'examples/sop.config.yaml', '-o', path.join(out, 'monitoring.html')],
];
const PDF_STEPS = [
  ['render', 'examples', '--format', 'pdf', '--out', path.join(out, 'pdf')],
  ['book', 'examples', '-o', path.join(out, 'buku-sop.pdf')],
  ['map', 'examples', '--format', 'pdf', '-o', path.join(out, 'peta-proses-bisnis.pdf')],
];

for (const step of STEPS) sop(...step);
const missing = noBrowser();
if (missing) {
  console.log(`PDF skipped: ${missing}; for PDF install ${installLine(process.platform)} (HTML and Markdown are in ${shown(out)}).`);
  process.exit(requirePdf ? 2 : 0);
}
try {
  requirePuppeteer(); // an optional dependency: `npm ci --omit=optional` leaves it out
} catch (e) {
  console.log(`PDF skipped: ${e.message}`);
  process.exit(requirePdf ? 2 : 0);
}
for (const step of PDF_STEPS) sop(...step);
