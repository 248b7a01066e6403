import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sop, tempTree } from '../helpers/cli.js';
import { life } from '../lifecycle/life.js';
import { testRepo, type TestRepo } from '../lifecycle/repo-helper.js';

// A repository's .git/config may name programs (fsmonitor, filters, textconv, hooks): sop's reads never run them.

const repos: Array<{ cleanup(): void }> = [];
afterAll(() => repos.forEach((r) => r.cleanup()));

const A = 'sops/kul-001.yaml';

/** A repository with history whose .git/config and hooks run a script that writes a marker file. */
function hostile(): { r: TestRepo; marker: string } {
  const r = testRepo({ 'sop.config.yaml': 'locale: id\n', '.gitattributes': '*.yaml filter=evil diff=evil\n', [A]: life.draft0 });
  repos.push(r);
  r.commit('draft', '2024-03-11');
  r.write(A, life.approved0);
  r.commit('sop(KUL-001): approved', '2024-04-01');
  const bin = tempTree();
  repos.push(bin);
  const marker = path.join(bin.dir, 'marker');
  const script = path.join(bin.dir, 'evil.sh');
  writeFileSync(script, `#!/bin/sh\necho "$0 $*" >> '${marker}'\ncat\n`);
  chmodSync(script, 0o755);
  r.git(['config', 'filter.evil.clean', `${script} clean`]);
  r.git(['config', 'filter.evil.smudge', `${script} smudge`]);
  r.git(['config', 'filter.evil.required', 'true']);
  r.git(['config', 'diff.evil.textconv', `${script} textconv`]);
  r.git(['config', 'core.fsmonitor', `${script} fsmonitor`]);
  r.git(['config', 'log.showSignature', 'true']);
  r.git(['config', 'gpg.program', `${script} gpg`]);
  r.git(['config', 'diff.external', `${script} external`]);
  const hooks = path.join(r.dir, '.git/hooks');
  mkdirSync(hooks, { recursive: true });
  for (const h of ['post-index-change', 'post-checkout', 'reference-transaction']) {
    writeFileSync(path.join(hooks, h), `#!/bin/sh\necho "hook ${h}" >> '${marker}'\n`);
    chmodSync(path.join(hooks, h), 0o755);
  }
  // New timestamps: git status must look at the content again (that is when it runs the clean filter).
  const later = new Date('2030-01-01T00:00:00Z');
  utimesSync(path.join(r.dir, A), later, later);
  utimesSync(path.join(r.dir, 'sop.config.yaml'), later, later);
  rmSync(marker, { force: true });
  return { r, marker };
}

describe('a hostile .git/config', () => {
  it('the setup is real: plain git status runs the fsmonitor and the clean filter', () => {
    const { r, marker } = hostile();
    r.git(['status', '--porcelain']);
    const ran = readFileSync(marker, 'utf8');
    expect(ran).toContain('fsmonitor');
    expect(ran).toContain('clean');
  });

  it('status, history, diff and lint --since run none of its programs, and still read the history', async () => {
    const { r, marker } = hostile();
    const st = await sop(['status', '--format', 'json'], r.dir);
    expect(st.code, st.stderr).toBe(0);
    const row = (JSON.parse(st.stdout) as { sops: Array<Record<string, unknown>> }).sops[0]!;
    expect(row).toMatchObject({ stage: 'approved', since: '2024-04-01' });
    expect(row.uncommitted).toBeUndefined();
    const h = await sop(['history', 'KUL-001'], r.dir);
    expect(h.code, h.stderr).toBe(0);
    expect(h.stdout).toContain('draft r0 → approved r0');
    const d = await sop(['diff', 'KUL-001', '0', 'HEAD~1'], r.dir);
    expect(d.code, d.stderr).toBe(0);
    const l = await sop(['lint', '--since', 'HEAD~1'], r.dir);
    expect(l.stderr).toBe('');
    const b = await sop(['render', A, '--format', 'md', '--out', '-'], r.dir);
    expect(b.code, b.stderr).toBe(0);
    expect(existsSync(marker) ? readFileSync(marker, 'utf8') : '').toBe('');
    // A real uncommitted change is still seen.
    r.write(A, life.approved0.replace('title: Contoh', 'title: Contoh Baru'));
    const st2 = await sop(['status', '--format', 'json'], r.dir);
    expect((JSON.parse(st2.stdout) as { sops: Array<Record<string, unknown>> }).sops[0]!.uncommitted).toBe('modified');
    expect(existsSync(marker) ? readFileSync(marker, 'utf8') : '').toBe('');
  });
});
