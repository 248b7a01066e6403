import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempTree } from '../helpers/cli.js';

// `npm run demo` (scripts/demo.mjs, with the built CLI) on a machine without a browser: PUPPETEER_EXECUTABLE_PATH
// names a missing file and PATH holds node and git only (no chromium).
const t = tempTree();
afterAll(() => t.cleanup());
const bin = path.join(t.dir, 'bin');
mkdirSync(bin);
symlinkSync(process.execPath, path.join(bin, 'node'));
const git = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
symlinkSync(git, path.join(bin, 'git'));

function demo(out: string, ...args: string[]) {
  const env = { HOME: t.dir, PATH: bin, NO_COLOR: '1', PUPPETEER_EXECUTABLE_PATH: path.join(t.dir, 'no-such-browser') };
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/demo.mjs'), '--out', out, ...args], { cwd: ROOT, env, encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

const count = (dir: string, ext: string) => readdirSync(dir).filter((f) => f.endsWith(ext)).length;

describe('npm run demo without a browser', () => {
  it('lints, renders HTML and Markdown, says in one line what to install for PDF, exits 0', () => {
    const out = path.join(t.dir, 'demo');
    const r = demo(out);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/✓ \d+ files checked, no problems/);
    expect(count(path.join(out, 'html'), '.html')).toBe(14);
    expect(count(path.join(out, 'md'), '.md')).toBe(14);
    // the register dashboard (with the coverage chart of examples/processes.yaml) and the monitoring form
    expect(readFileSync(path.join(out, 'register-sop.html'), 'utf8')).toContain('<svg class="chart coverage"');
    expect(readFileSync(path.join(out, 'monitoring.html'), 'utf8')).toContain('MONITORING');
    expect(existsSync(path.join(out, 'pdf'))).toBe(false);
    expect(existsSync(path.join(out, 'buku-sop.pdf'))).toBe(false);
    const said = r.out.split('\n').filter((l) => /PDF|browser|chromium/i.test(l));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^PDF skipped: PUPPETEER_EXECUTABLE_PATH names .*no-such-browser, which does not exist; for PDF install .*sudo apt-get install chromium/);
    expect(r.out).not.toMatch(/internal error|\n\s+at /);
  }, 60_000);

  it('--require-pdf makes the missing browser fail the demo (exit 2), after HTML and Markdown', () => {
    const out = path.join(t.dir, 'strict');
    const r = demo(out, '--require-pdf');
    expect(r.code).toBe(2);
    expect(r.out).toContain('PDF skipped');
    expect(count(path.join(out, 'html'), '.html')).toBe(14);
  }, 60_000);
});
