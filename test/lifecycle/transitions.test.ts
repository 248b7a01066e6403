import { describe, expect, it } from 'vitest';
import { checkTransition } from '../../src/lifecycle/transitions.js';

type Row = [string, number, string, number, string];
// [from, rev, to, rev, expected kind or problem]
const rows: Row[] = [
  ['draft', 0, 'draft', 0, 'none'],
  ['approved', 2, 'approved', 2, 'none'],
  ['draft', 0, 'approved', 0, 'forward'],
  ['approved', 0, 'implemented', 0, 'forward'],
  ['implemented', 0, 'evaluated', 0, 'forward'],
  ['approved', 0, 'draft', 1, 'revision'],
  ['implemented', 3, 'draft', 4, 'revision'],
  ['evaluated', 0, 'draft', 1, 'revision'],
  ['draft', 0, 'withdrawn', 0, 'withdraw'],
  ['evaluated', 1, 'withdrawn', 1, 'withdraw'],
  ['draft', 0, 'implemented', 0, 'skipped'],
  ['draft', 0, 'evaluated', 0, 'skipped'],
  ['approved', 0, 'evaluated', 0, 'skipped'],
  ['implemented', 0, 'approved', 0, 'backward'],
  ['evaluated', 0, 'implemented', 0, 'backward'],
  ['approved', 0, 'draft', 0, 'revision-required'],
  ['evaluated', 0, 'draft', 0, 'revision-required'],
  ['approved', 1, 'approved', 0, 'revision-down'],
  ['draft', 2, 'draft', 1, 'revision-down'],
  ['approved', 0, 'draft', 2, 'revision-jump'],
  ['draft', 0, 'draft', 1, 'revision-jump'],
  ['approved', 0, 'approved', 1, 'revision-jump'],
  ['draft', 1, 'approved', 2, 'revision-jump'],
  ['implemented', 0, 'withdrawn', 1, 'revision-jump'],
  ['withdrawn', 0, 'draft', 1, 'after-withdrawal'],
  ['withdrawn', 0, 'approved', 0, 'after-withdrawal'],
  ['draft', 0, 'published', 0, 'unknown-stage'],
];

describe('checkTransition', () => {
  it.each(rows)('%s r%i → %s r%i: %s', (from, fr, to, tr, expected) => {
    const v = checkTransition({ status: from, revision: fr }, { status: to, revision: tr });
    expect(v.ok ? v.kind : v.problem).toBe(expected);
  });
});
