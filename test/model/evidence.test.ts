import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { evidenceRefs, isUrl, resolveEvidence } from '../../src/model/evidence.js';
import { tempTree } from '../helpers/cli.js';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

describe('resolveEvidence', () => {
  it('accepts files inside, refuses what leads outside, also through symlinks', () => {
    const outside = tempTree({ 'secret.txt': 'x' });
    const repo = tempTree({ 'evidence/a.pdf': 'a', 'sop.config.yaml': '' });
    cleanups.push(outside.cleanup, repo.cleanup);
    symlinkSync(path.join(outside.dir, 'secret.txt'), path.join(repo.dir, 'evidence/link-out.pdf'));
    symlinkSync(path.join(repo.dir, 'evidence/a.pdf'), path.join(repo.dir, 'evidence/link-in.pdf'));
    symlinkSync(outside.dir, path.join(repo.dir, 'outdir'));
    mkdirSync(path.join(repo.dir, 'evidence/folder'));
    writeFileSync(path.join(repo.dir, 'evidence/folder/b.pdf'), 'b');
    expect(resolveEvidence(repo.dir, 'evidence/a.pdf')).toMatchObject({ ok: true });
    expect(resolveEvidence(repo.dir, 'evidence/folder/../a.pdf')).toMatchObject({ ok: true });
    expect(resolveEvidence(repo.dir, 'evidence/link-in.pdf')).toMatchObject({ ok: true });
    expect(resolveEvidence(repo.dir, 'evidence/link-out.pdf')).toEqual({ ok: false, why: 'outside' });
    expect(resolveEvidence(repo.dir, 'outdir/secret.txt')).toEqual({ ok: false, why: 'outside' });
    expect(resolveEvidence(repo.dir, '../x.pdf')).toEqual({ ok: false, why: 'outside' });
    expect(resolveEvidence(repo.dir, path.join(repo.dir, 'evidence/a.pdf'))).toEqual({ ok: false, why: 'absolute' });
    expect(resolveEvidence(repo.dir, 'evidence/none.pdf')).toEqual({ ok: false, why: 'missing' });
    expect(resolveEvidence(repo.dir, 'evidence/folder')).toEqual({ ok: false, why: 'not-file' });
    expect(resolveEvidence(repo.dir, '.')).toEqual({ ok: false, why: 'not-file' });
  });

  it('lists every evidence reference with its path; tells URLs apart', () => {
    const refs = evidenceRefs({
      socialization: [{ evidence: ['a.pdf'] }],
      monitoring: [{}, { evidence: ['b.pdf', 3] }],
      evaluations: [{ evidence: ['c.pdf'], meeting: { minutes: 'n.pdf', attendance: 'https://x.org/h' } }],
    });
    expect(refs.map((r) => [r.path.join('.'), r.value])).toEqual([
      ['socialization.0.evidence.0', 'a.pdf'],
      ['monitoring.1.evidence.0', 'b.pdf'],
      ['evaluations.0.evidence.0', 'c.pdf'],
      ['evaluations.0.meeting.minutes', 'n.pdf'],
      ['evaluations.0.meeting.attendance', 'https://x.org/h'],
    ]);
    expect([isUrl('https://x.org/h'), isUrl('http://x'), isUrl('ftp://x'), isUrl('evidence/a.pdf')]).toEqual([true, true, false, false]);
  });
});
