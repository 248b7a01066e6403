import { describe, expect, it } from 'vitest';
import { parseLog, type LogCommit } from '../../src/git/git.js';
import { stageFacts, stageRuns, revisionRows, type StagedVersion } from '../../src/lifecycle/history.js';
import { buildLineages } from '../../src/git/lineage.js';

const Z = '0'.repeat(40);
const c = (n: number, changes: LogCommit['changes'], subject = `c${n}`): LogCommit => ({
  hash: String(n).repeat(40).slice(0, 40),
  parents: [],
  author: 'A',
  email: 'a@x',
  date: `2024-01-${String(n).padStart(2, '0')}T10:00:00+07:00`,
  subject,
  changes,
});

describe('parseLog', () => {
  it('reads commits, modifications, additions and renames from a -z raw log', () => {
    const out =
      '\x1eaaa\x1fppp\x1fBudi\x1fb@x\x1f2024-04-01T12:00:00+07:00\x1fsop(KUL-001): approved\0\n' +
      `:100644 100644 ${'1'.repeat(40)} ${'2'.repeat(40)} M\0sops/a.yaml\0` +
      `:100644 100644 ${'3'.repeat(40)} ${'3'.repeat(40)} R100\0sops/old.yaml\0sops/new.yaml\0` +
      '\x1ebbb\x1f\x1fSiti\x1fs@x\x1f2024-03-01T12:00:00+07:00\x1fmerge, no files\0\n';
    const log = parseLog(out);
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({ hash: 'aaa', parents: ['ppp'], author: 'Budi', subject: 'sop(KUL-001): approved' });
    expect(log[0]!.changes).toEqual([
      { status: 'M', path: 'sops/a.yaml', oldBlob: '1'.repeat(40), blob: '2'.repeat(40) },
      { status: 'R', oldPath: 'sops/old.yaml', path: 'sops/new.yaml', oldBlob: '3'.repeat(40), blob: '3'.repeat(40) },
    ]);
    expect(log[1]).toMatchObject({ hash: 'bbb', parents: [], changes: [] });
  });
});

describe('buildLineages', () => {
  it('follows renames and closes deleted files (newest-first input)', () => {
    const log = [
      c(5, [{ status: 'D', path: 'sops/gone.yaml', blob: Z, oldBlob: 'g1' }]),
      c(4, [{ status: 'M', path: 'sops/b2.yaml', blob: 'b3', oldBlob: 'b2' }]),
      c(3, [{ status: 'R', oldPath: 'sops/b.yaml', path: 'sops/b2.yaml', blob: 'b2', oldBlob: 'b1' }]),
      c(2, [{ status: 'A', path: 'sops/gone.yaml', blob: 'g1', oldBlob: Z }]),
      c(1, [{ status: 'A', path: 'sops/b.yaml', blob: 'b1', oldBlob: Z }]),
    ];
    const { live, deleted } = buildLineages(log);
    expect([...live.keys()]).toEqual(['sops/b2.yaml']);
    expect(live.get('sops/b2.yaml')!.versions.map((v) => [v.blob, v.change, v.path])).toEqual([
      ['b1', 'A', 'sops/b.yaml'],
      ['b2', 'R', 'sops/b2.yaml'],
      ['b3', 'M', 'sops/b2.yaml'],
    ]);
    expect(deleted.map((d) => [d.path, d.deleted, d.versions.length])).toEqual([['sops/gone.yaml', true, 2]]);
  });
});

const sv = (n: number, status: string, revision: number, change: StagedVersion['change'] = 'M'): StagedVersion => ({
  commit: { hash: `${n}`.padEnd(40, '0'), author: 'A', email: 'a@x', date: `2024-02-${String(n).padStart(2, '0')}T09:00:00+07:00`, subject: `s${n}` },
  path: 'sops/a.yaml',
  blob: `b${n}`,
  change,
  stage: { status, revision, id: 'KUL-001' },
});

describe('stage runs and facts', () => {
  const versions = [sv(1, 'draft', 0, 'A'), sv(2, 'draft', 0), sv(3, 'approved', 0), sv(4, 'implemented', 0), sv(5, 'implemented', 0), sv(6, 'draft', 1), sv(7, 'approved', 1), sv(8, 'implemented', 1)];
  const runs = stageRuns(versions);
  it('groups versions by (stage, revision) and judges each transition', () => {
    expect(runs.map((r) => [r.status, r.revision, r.entered.blob, r.edits.map((e) => e.blob)])).toEqual([
      ['draft', 0, 'b1', ['b2']],
      ['approved', 0, 'b3', []],
      ['implemented', 0, 'b4', ['b5']],
      ['draft', 1, 'b6', []],
      ['approved', 1, 'b7', []],
      ['implemented', 1, 'b8', []],
    ]);
    expect(runs.map((r) => (r.transition ? (r.transition.ok ? r.transition.kind : r.transition.problem) : null))).toEqual([null, 'forward', 'forward', 'revision', 'forward', 'forward']);
  });
  it('finds since and the approval of the current revision', () => {
    const f = stageFacts(runs, { status: 'implemented', revision: 1 });
    expect(f.since?.blob).toBe('b8');
    expect(f.approval?.blob).toBe('b7');
  });
  it('has no since when the working tree moved on (uncommitted promote) and no approval for a draft', () => {
    const f = stageFacts(runs, { status: 'evaluated', revision: 1 });
    expect(f.since).toBeUndefined();
    expect(f.approval?.blob).toBe('b7');
    expect(stageFacts(runs, { status: 'draft', revision: 2 }).approval).toBeUndefined();
  });
  it('takes each row\'s date from the file when given, the commit\'s otherwise', () => {
    const rows = revisionRows(runs, () => undefined, (v, stage) => (stage === 'approved' ? `file date of ${v.blob}` : undefined));
    expect(rows.map((r) => [r.stage, r.date, r.commitDate])).toEqual([
      ['draft', '2024-02-01', '2024-02-01'],
      ['approved', 'file date of b3', '2024-02-03'],
      ['implemented', '2024-02-04', '2024-02-04'],
      ['draft', '2024-02-06', '2024-02-06'],
      ['approved', 'file date of b7', '2024-02-07'],
      ['implemented', '2024-02-08', '2024-02-08'],
    ]);
  });
  it('makes revision rows, one per stage entered', () => {
    const rows = revisionRows(runs, (v) => `approver of ${v.blob}`);
    expect(rows.map((r) => [r.revision, r.date, r.stage, r.approvedBy ?? null, r.subject])).toEqual([
      [0, '2024-02-01', 'draft', null, 's1'],
      [0, '2024-02-03', 'approved', 'approver of b3', 's3'],
      [0, '2024-02-04', 'implemented', 'approver of b4', 's4'],
      [1, '2024-02-06', 'draft', null, 's6'],
      [1, '2024-02-07', 'approved', 'approver of b7', 's7'],
      [1, '2024-02-08', 'implemented', 'approver of b8', 's8'],
    ]);
  });
});
