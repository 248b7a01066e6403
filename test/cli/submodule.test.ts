import { afterAll, describe, expect, it } from 'vitest';
import { sop } from '../helpers/cli.js';
import { life } from '../lifecycle/life.js';
import { testRepo, type TestRepo } from '../lifecycle/repo-helper.js';

// SOPs that live in a git submodule are said to be there, not "uncommitted" or "never committed".

const repos: TestRepo[] = [];
afterAll(() => repos.forEach((r) => r.cleanup()));

const KUL2 = life.approved0.replace('id: KUL-001', 'id: KUL-002');

/** An outer repository with its own SOP and a submodule sops/shared holding KUL-002 (committed there). */
function withSubmodule(): TestRepo {
  const inner = testRepo({ 'kul-002.yaml': KUL2 });
  repos.push(inner);
  inner.commit('KUL-002 approved', '2024-04-01');
  const outer = testRepo({ 'sop.config.yaml': 'locale: id\n', 'sops/kul-001.yaml': life.draft0 });
  repos.push(outer);
  outer.git(['-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', inner.dir, 'sops/shared']);
  outer.commit('start', '2024-04-02');
  return outer;
}

describe('an SOP in a git submodule', () => {
  it('sop status says it is in the submodule, clean or changed, never uncommitted', async () => {
    const r = withSubmodule();
    const rows = async () => (JSON.parse((await sop(['status', '--format', 'json'], r.dir)).stdout) as { sops: Array<Record<string, unknown>> }).sops;
    expect(await rows()).toEqual([
      expect.objectContaining({ id: 'KUL-001', since: '2024-04-02' }),
      expect.objectContaining({ id: 'KUL-002', file: 'sops/shared/kul-002.yaml', submodule: 'sops/shared' }),
    ]);
    r.write('sops/shared/kul-002.yaml', KUL2.replace('title: Contoh', 'title: Contoh Baru'));
    const [, kul2] = await rows();
    expect(kul2).toMatchObject({ submodule: 'sops/shared' });
    expect(kul2!.uncommitted).toBeUndefined();
    expect(kul2!.since).toBeUndefined();
    const table = await sop(['status'], r.dir);
    expect(table.stdout).toContain('in git submodule sops/shared (its history is read there)');
    expect(table.stdout).not.toContain('uncommitted');
  });

  it('sop history and sop diff say it is in the submodule and read its history there, not as an uncommitted file', async () => {
    const r = withSubmodule();
    const note = 'sop: sops/shared/kul-002.yaml is in the git submodule sops/shared: its history is read from that repository\n';
    const h = await sop(['history', 'KUL-002'], r.dir);
    expect(h.code, h.stderr).toBe(0);
    expect(h.stderr).toBe(note);
    expect(h.stdout).toContain('2024-04-01');
    expect(h.stdout).not.toContain('uncommitted');
    expect(h.stdout).not.toContain('working tree');
    const d = await sop(['diff', 'KUL-002'], r.dir);
    expect(d.code, d.stderr).toBe(0);
    expect(d.stderr).toBe(note);
    expect(d.stdout).toContain('No change in content.');
    r.write('sops/shared/kul-002.yaml', KUL2.replace('title: Contoh', 'title: Contoh Baru'));
    const d0 = await sop(['diff', 'KUL-002', '0'], r.dir);
    expect(d0.code, d0.stderr).toBe(0);
    expect(d0.stdout).toContain('Contoh Baru');
    const h2 = await sop(['history', 'KUL-002'], r.dir);
    expect(h2.stdout).toContain('(working tree)');
    // The outer repository's own SOP is read from the outer history, without a note.
    const own = await sop(['history', 'KUL-001'], r.dir);
    expect(own.code, own.stderr).toBe(0);
    expect(own.stderr).toBe('');
    expect(own.stdout).toContain('2024-04-02');
  });
});
