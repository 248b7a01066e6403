import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, sop, tempTree } from '../../helpers/cli.js';

// Stand-in browsers (shell scripts) for what a real one does when it cannot be controlled. Chrome and Edge with
// the policy RemoteDebuggingAllowed = false print the line below and keep running without opening the pipe.
const t = tempTree();
afterAll(() => t.cleanup());
const POLICY_LINE = '[1203/101010.123:ERROR:devtools_pipe_handler.cc(123)] DevTools remote debugging is disallowed by the system admin.';

function standIn(name: string, body: string): string {
  const file = path.join(t.dir, name);
  writeFileSync(file, `#!/bin/sh\necho $$ > "${file}.pid"\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function renderPdf(browser: string) {
  const out = path.join(t.dir, 'out');
  return sop(['render', '--format', 'pdf', '-o', out, 'sops/kul/KUL-004-surat-masuk.yaml'], path.join(ROOT, 'examples'), {
    env: { NO_COLOR: '1', PUPPETEER_EXECUTABLE_PATH: browser },
  });
}

describe('a browser that cannot be controlled', () => {
  it('blocked by policy and still running: its own message at once (exit 2), and the browser is ended', async () => {
    const browser = standIn('edge-policy', `echo "${POLICY_LINE}" >&2\nexec sleep 30`);
    const r = await renderPdf(browser);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`The browser ${browser} refuses to be controlled`);
    expect(r.stderr).toContain('RemoteDebuggingAllowed = false');
    expect(r.stderr).toContain('PUPPETEER_EXECUTABLE_PATH');
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(alive(Number(readFileSync(`${browser}.pid`, 'utf8')))).toBe(false);
  }, 30_000);

  it('blocked by policy and exiting: the same message', async () => {
    const r = await renderPdf(standIn('chrome-policy-exit', `echo "${POLICY_LINE}" >&2\nexit 1`));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('refuses to be controlled');
  }, 30_000);

  it('failing otherwise: what the browser said', async () => {
    const browser = standIn('broken', 'echo "error while loading shared libraries: libnss3.so" >&2\nexit 127');
    const r = await renderPdf(browser);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Cannot start the browser ${browser}: the browser exited (code 127)`);
    expect(r.stderr).toContain('The browser said:\n  error while loading shared libraries: libnss3.so');
    expect(r.stderr).not.toContain('refuses to be controlled');
  }, 30_000);
});
