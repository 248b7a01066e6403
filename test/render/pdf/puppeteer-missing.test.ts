import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PuppeteerMissingError, puppeteerInstallLine } from '../../../src/render/pdf/launch.js';
import { tempTree } from '../../helpers/cli.js';

// Where `npm i puppeteer-core@…` must run so that sopkit finds it (node_modules lookup from sopkit's own folder).
const pkg = JSON.stringify({ name: 'sopkit', version: '0.1.0', optionalDependencies: { 'puppeteer-core': '24.43.1' } });
const t = tempTree({
  'kantor/package.json': '{"name": "kantor-sop"}',
  'kantor/node_modules/sopkit/package.json': pkg,
  'prefix/lib/node_modules/sopkit/package.json': pkg,
  'checkout/sopkit/package.json': pkg,
});
afterAll(() => t.cleanup());

describe('what to install when puppeteer-core is missing', () => {
  it('in the project that holds sopkit in its node_modules', () => {
    expect(puppeteerInstallLine(path.join(t.dir, 'kantor/node_modules/sopkit'))).toBe(`run \`npm i puppeteer-core@24.43.1\` in ${path.join(t.dir, 'kantor')}`);
  });

  it('globally for a global install (no project above its node_modules)', () => {
    expect(puppeteerInstallLine(path.join(t.dir, 'prefix/lib/node_modules/sopkit'))).toBe('run `npm i -g puppeteer-core@24.43.1`');
  });

  it("in sopkit's own folder for a checkout", () => {
    expect(puppeteerInstallLine(path.join(t.dir, 'checkout/sopkit'))).toBe(`run \`npm i puppeteer-core@24.43.1\` in ${path.join(t.dir, 'checkout/sopkit')}`);
  });

  it('is one line, a configuration error (exit 2)', () => {
    const e = new PuppeteerMissingError(path.join(t.dir, 'kantor/node_modules/sopkit'));
    expect(e.name).toBe('PuppeteerMissingError');
    expect(e.message).not.toContain('\n');
    expect(e.message).toMatch(/^PDF and DOCX output need puppeteer-core, .*: run `npm i puppeteer-core@24\.43\.1` in .*kantor\.$/);
  });
});
