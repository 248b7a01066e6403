import { describe, expect, it } from 'vitest';
import { contentOf, sameContent } from '../../src/lifecycle/content.js';
import { addMonths, reviewDue } from '../../src/lifecycle/review.js';
import { semanticDiff, summarizeDiff } from '../../src/lifecycle/semantic-diff.js';
import { quickStage, readStage } from '../../src/model/stage.js';
import { csvField } from '../../src/util/csv.js';

describe('quickStage', () => {
  it('reads top-level lines without parsing', () => {
    expect(quickStage('sop: 1\nid: KUL-004 # x\nstatus: approved  # stage\nrevision: 2\nsteps:\n  - status: nested\n')).toEqual({ status: 'approved', revision: 2, id: 'KUL-004' });
    expect(quickStage('status: "draft"\nrevision: 0\n')).toEqual({ status: 'draft', revision: 0, id: undefined });
  });
  it('gives up when lines do not settle it, and readStage falls back to a parse', () => {
    const flow = '{id: KUL-001, status: evaluated, revision: 3}\n';
    expect(quickStage(flow)).toBeUndefined();
    expect(readStage(flow)).toEqual({ status: 'evaluated', revision: 3, id: 'KUL-001' });
    const twice = 'status: draft\nrevision: 0\n---\nstatus: approved\nrevision: 0\n';
    expect(quickStage(twice)).toBeUndefined();
    expect(quickStage('status: !!str draft\nrevision: 0\n')).toBeUndefined();
  });
});

describe('content', () => {
  it('ignores status, dates.implemented, monitoring and evaluations, and key order', () => {
    const a = { id: 'X-1', status: 'approved', dates: { created: '2024-01-01', effective: '2024-02-01' }, steps: [{ activity: 'a' }] };
    const b = { steps: [{ activity: 'a' }], id: 'X-1', status: 'implemented', dates: { effective: '2024-02-01', created: '2024-01-01', implemented: '2024-03-01' }, monitoring: [{ date: '2024-04-01' }] };
    expect(sameContent(a, b)).toBe(true);
    expect(sameContent(a, { ...a, steps: [{ activity: 'b' }] })).toBe(false);
    expect(Object.keys(contentOf(b)).sort()).toEqual(['dates', 'id', 'steps']);
  });
});

describe('review', () => {
  it('adds months, clamping the day', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-08-15', 6)).toBe('2025-02-15');
    expect(addMonths('2024-13-01', 1)).toBeUndefined();
  });
  it('computes due dates from the effective date or the last record, and flags overdue ones', () => {
    const sop = { status: 'implemented', dates: { effective: '2024-04-01' }, monitoring: [{ date: '2024-10-05' }], evaluations: [] };
    expect(reviewDue(sop, { monitoringMonths: 6, evaluationMonths: 12 }, '2025-05-01')).toEqual({
      nextMonitoring: '2025-04-05',
      monitoringOverdue: true,
      nextEvaluation: '2025-04-01',
      evaluationOverdue: true,
    });
    expect(reviewDue({ ...sop, status: 'draft' }, { monitoringMonths: 6, evaluationMonths: 12 }, '2025-05-01')).toEqual({ monitoringOverdue: false, evaluationOverdue: false });
  });
});

describe('semanticDiff', () => {
  const step = (activity: string, time = '1 jam') => ({ activity, actor: 'staf', time });
  it('reports fields, actors and steps by number', () => {
    const a = { title: 'A', dates: { created: '2024-01-01' }, actors: [{ id: 'staf', name: 'Staf' }], steps: [step('one'), step('two'), step('three'), step('four')] };
    const b = {
      title: 'B',
      dates: { created: '2024-01-01', revised: '2024-06-01' },
      actors: [{ id: 'staf', name: 'Staf Umum' }, { id: 'kasubbag', name: 'Kasubbag' }],
      steps: [step('one'), step('two', '2 jam'), step('four'), step('five')],
    };
    const d = semanticDiff(a, b);
    expect(d.fields.map((f) => f.path)).toEqual(['title', 'dates.revised']);
    expect(d.actors.map((x) => [x.kind, x.id])).toEqual([['changed', 'staf'], ['added', 'kasubbag']]);
    expect(d.steps.map((s) => [s.kind, s.number, s.keys])).toEqual([
      ['changed', 2, ['time']],
      ['removed', 3, []],
      ['added', 4, []],
    ]);
    expect(summarizeDiff(d)).toBe('title, dates.revised; actors ~staf, +kasubbag; steps ~2 (time), −3, +4');
    expect(summarizeDiff(semanticDiff(a, a))).toBe('no change in content');
  });
});

describe('csvField', () => {
  it('quotes per RFC 4180', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
  it('prefixes a single quote to cells a spreadsheet would run as a formula (OWASP)', () => {
    for (const c of ['=1+1', '+62', '-1', '@SUM(A1)', '\tx', '\rx']) expect(csvField(c).replace(/^"/, '')).toMatch(/^'/);
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('2024-01-01')).toBe('2024-01-01');
  });
});

describe('contentFingerprint', () => {
  it('is equal when only lifecycle records, comments and blank lines differ', async () => {
    const { contentFingerprint } = await import('../../src/lifecycle/content.js');
    const a = 'id: X-1\nstatus: approved\ndates: {created: 2024-01-01, effective: 2024-02-01}\nsteps:\n  - activity: a\n';
    const b = '# note\nid: X-1\nstatus: implemented   # now\n\ndates: {effective: 2024-02-01, created: 2024-01-01, implemented: 2024-03-01}\nsteps:\n  - activity: a\nmonitoring:\n  - {date: 2024-04-01, assessor: T, result: good}\n';
    expect(contentFingerprint(a)).toBe(contentFingerprint(b));
    expect(contentFingerprint(a)).not.toBe(contentFingerprint(a.replace('activity: a', 'activity: b')));
    expect(contentFingerprint('dates:\n  created: 2024-01-01\n')).toBeUndefined();
    expect(contentFingerprint('{id: X-1}\n')).toBeUndefined();
  });
});
