import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/load.js';
import type { BaseVersion, LintBase } from '../../src/lint/base.js';
import type { Diagnostic } from '../../src/lint/diagnostic.js';
import { buildRepository, lintFile, lintRepository } from '../../src/lint/engine.js';
import { CORE_MESSAGES } from '../../src/lint/messages/core.js';
import type { Rule } from '../../src/lint/rule.js';
import { rules } from '../../src/lint/rules/index.js';
import { loadText } from '../../src/model/load.js';
import { parseSop } from '../../src/model/stage.js';
import { ROOT } from '../helpers/cli.js';
import { lintTree, messageProblems, sopYaml } from '../helpers/test-rule.js';
import { life } from '../lifecycle/life.js';

// Every declared message is reached by a test, with its placeholders filled by exactly its data.

const RULE_TESTS = path.join(ROOT, 'test/lint/rules');
/** Rules without a `testRule` table, and where their messages are reached instead. */
const ELSEWHERE: Record<string, string> = {
  'lifecycle-transition': 'needs the past of a file: reached below with an in-memory merge base (and end to end in test/cli/lifecycle-lint.test.ts)',
};

describe('every rule has one table test', () => {
  const calls = readdirSync(RULE_TESTS)
    .filter((f) => f.endsWith('.test.ts'))
    .flatMap((f) => [...readFileSync(path.join(RULE_TESTS, f), 'utf8').matchAll(/\btestRule\('([a-z-]+)'/g)].map((m) => m[1]!));
  it.each(rules.map((r) => r.id))('%s', (id) => {
    // testRule's last test checks that the table reaches every message the rule declares, so each rule needs exactly one table.
    expect(calls.filter((c) => c === id).length + (ELSEWHERE[id] ? 1 : 0)).toBe(1);
  });
});

describe('the RuleTester checks of a message', () => {
  const d = (ruleId: string, messageId: string, data: Diagnostic['data']): Diagnostic => ({
    ruleId,
    severity: 'error',
    file: 'a.yaml',
    path: [],
    range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
    message: '',
    messageId,
    data,
    docsUrl: '',
  });
  it('a sound message has none', () => expect(messageProblems(d('max-steps', 'tooMany', { count: 30, max: 25 }))).toEqual([]));
  it('an id the rule does not declare', () => expect(messageProblems(d('max-steps', 'tooFew', {}))).toEqual(['max-steps reported the message id "tooFew", which it does not declare']));
  it('a placeholder left unfilled', () => expect(messageProblems(d('max-steps', 'tooMany', { count: 30 }))).toEqual(['max-steps/tooMany: {{max}} left unfilled']));
  it('data for no placeholder', () => expect(messageProblems(d('max-steps', 'tooMany', { count: 30, max: 25, min: 1 }))).toEqual(['max-steps/tooMany: data "min" fills no placeholder']));
});

/** What `sop lint --since main` knows: `past` as the merge-base version of sops/kul-001.yaml, and SOPs deleted since. */
function since(past: string | undefined, deleted: LintBase['deleted'] = []): LintBase {
  const base: BaseVersion = { ref: 'main', base: 'abcdef0123456789', path: 'sops/kul-001.yaml', data: past === undefined ? undefined : parseSop(past), commits: [] };
  return { ref: 'main', base: base.base, byFile: new Map(past === undefined ? [] : [['sops/kul-001.yaml', base]]), deleted, warnings: [] };
}

/** Lint one SOP text in memory against its version at the merge base (in memory too). */
function lintOne(text: string, past: string): Diagnostic[] {
  const file = loadText('sops/kul-001.yaml', text);
  return lintFile(file, buildRepository([file], defaultConfig('/tmp')), undefined, { since: since(past) });
}

/** The `ruleId/messageId` of diagnostics whose messages are sound (the unsound ones fail the test). */
function ids(ds: Diagnostic[]): string[] {
  for (const x of ds) expect(messageProblems(x), x.message).toEqual([]);
  return ds.map((x) => `${x.ruleId}/${x.messageId}`);
}

describe('messages of the loader, the engine and the lifecycle rule', () => {
  const reached = new Set<string>();
  const reach = (ds: Diagnostic[]) => ids(ds).forEach((k) => reached.add(k));
  const withComment = (comment: string) => sopYaml({ legalBasis: '' }).replace('sop: 1\n', `sop: 1\n${comment}\n`);

  it('yaml-syntax', () => reach(lintTree({ 'sops/KUL-001.yaml': 'id: [KUL-001\n' }, ['sops/KUL-001.yaml'])));
  it('disable-comment', () => {
    for (const c of ['# sop-disable-next-line -- why', '# sop-disable-next-line legal-basis', '# sop-disable-next-line legal-basi -- why', '# sop-disable-next-line zzzzzzzz -- why']) {
      reach(lintTree({ 'sops/KUL-001.yaml': withComment(c) }, ['sops/KUL-001.yaml']).filter((x) => x.ruleId === 'disable-comment'));
    }
  });
  it('a rule that throws', () => {
    const boom: Rule = { id: 'boom', description: 'throws', defaultSeverity: 'error', messages: {}, check: () => { throw new Error('kaput'); } };
    const file = loadText('KUL-001.yaml', sopYaml());
    const ds = lintFile(file, buildRepository([file], defaultConfig('/tmp')), [boom]);
    expect(ds.map((x) => [x.messageId, x.data])).toEqual([['crashed', { rule: 'boom', error: 'kaput' }]]);
  });
  it('lifecycle-transition', () => {
    const only = (ds: Diagnostic[]) => ds.filter((x) => x.ruleId === 'lifecycle-transition');
    const seen = (ds: Diagnostic[]) => (reach(ds), ids(ds));
    const withdrawn0 = life.approved0.replace('status: approved', 'status: withdrawn');
    const invalid: Array<[string, string, string]> = [
      [life.draft0, life.implemented0, 'skipped'],
      [life.implemented0, life.approved0, 'backward'],
      [life.approved0, life.approved0.replace('status: approved', 'status: draft'), 'revisionRequired'],
      [life.revised1, life.revised1.replace('revision: 1', 'revision: 0'), 'revisionDown'],
      [life.approved0, life.approved0.replace('revision: 0', 'revision: 1'), 'revisionJump'],
      [withdrawn0, life.approved0, 'afterWithdrawal'],
      [life.draft0, life.draft0.replace('status: draft', 'status: disetujui'), 'unknownStage'],
    ];
    for (const [past, now, id] of invalid) expect(seen(only(lintOne(now, past))), id).toEqual([`lifecycle-transition/${id}`]);
    const skipped = only(lintOne(life.implemented0, life.draft0))[0]!;
    expect(skipped.message).toBe('draft r0 → implemented r0 (working tree) is not a valid lifecycle change since `main`: a stage was skipped; the lifecycle is draft → approved → implemented → evaluated.');
    expect(seen(only(lintOne(life.approved0.replace('title: Contoh', 'title: Contoh Lain'), life.approved0)))).toEqual(['lifecycle-transition/contentChanged']);
    expect(seen(only(lintOne(life.draft0.replace('id: KUL-001', 'id: KUL-009'), life.draft0)))).toEqual(['lifecycle-transition/idChanged']);
    const other = loadText('sops/kul-002.yaml', life.draft0.replace('KUL-001', 'KUL-002'));
    const gone = { path: 'sops/kul-001.yaml', abs: '/r/sops/kul-001.yaml', data: parseSop(life.approved0), shown: 'sops/kul-001.yaml', anchor: 'sop.config.yaml' };
    const report = lintRepository([other], buildRepository([other], defaultConfig('/r')), { since: since(undefined, [gone]) });
    const d = report.files.find((f) => f.file === 'sop.config.yaml')!.diagnostics[0]!;
    expect(seen([d])).toEqual(['lifecycle-transition/deleted']);
    expect(d.message).toBe('KUL-001 (approved r0 at `main`, file sops/kul-001.yaml) was deleted instead of withdrawn. Restore the file and set `status: withdrawn` (`sop withdraw KUL-001`), so the record of the SOP stays.');
  });
  it('reaches every message of theirs', () => {
    const declared = [...Object.entries(CORE_MESSAGES).flatMap(([r, m]) => Object.keys(m).map((id) => `${r}/${id}`)), ...Object.keys(rules.find((r) => r.id === 'lifecycle-transition')!.messages).map((id) => `lifecycle-transition/${id}`)];
    expect(declared.filter((k) => !reached.has(k))).toEqual([]);
  });
});
