import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempTree } from '../helpers/cli.js';

// Which packages the built CLI loads, recorded by a module-resolution hook (node --import):
// `sop lint` must start without puppeteer, Handlebars or markdown-it (a pre-commit hook runs it).
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: { sop: string } };
const BIN = path.join(ROOT, pkg.bin.sop);
const t = tempTree();
const log = path.join(t.dir, 'resolved.log');
const hooks = path.join(t.dir, 'hooks.mjs');
const register = path.join(t.dir, 'register.mjs');
writeFileSync(
  hooks,
  `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  appendFileSync(${JSON.stringify(log)}, specifier + '\\n');
  return next(specifier, context);
}
`,
);
writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
afterAll(() => t.cleanup());

function loaded(args: string[]): string[] {
  writeFileSync(log, '');
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

const HEAVY = /^(puppeteer-core|handlebars|markdown-it)(\/|$)/;

describe('start-up cost of the built CLI', () => {
  it('sop lint loads neither puppeteer-core nor Handlebars nor markdown-it', () => {
    const specs = loaded(['lint', 'examples']);
    expect(specs.length).toBeGreaterThan(0);
    expect(specs.filter((s) => HEAVY.test(s))).toEqual([]);
  });

  it('sop render does load Handlebars and markdown-it (so the check above can fail)', () => {
    const specs = loaded(['render', 'examples/sops/kul/KUL-004-surat-masuk.yaml', '--out', '-']);
    expect(specs.some((s) => /^handlebars(\/|$)/.test(s))).toBe(true);
    expect(specs.some((s) => /^markdown-it(\/|$)/.test(s))).toBe(true);
    expect(specs.some((s) => /^puppeteer-core(\/|$)/.test(s))).toBe(false);
  });
});
