import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/load.js';
import type { BaseVersion, LintBase } from '../../src/lint/base.js';
import type { Diagnostic } from '../../src/lint/diagnostic.js';
import { buildRepository, lintFile, lintRepository } from '../../src/lint/engine.js';
import { CORE_MESSAGES } from '../../src/lint/messages/core.js';
import type { Rule } from '../../src/lint/rule.js';
import { rules } from '../../src/lint/rules/index.js';
import { loadBytes, loadFile, loadText, MAX_FILE_BYTES, MAX_ITEMS, MAX_KEYS, type LoadedFile } from '../../src/model/load.js';
import { readProcessMap } from '../../src/model/processes/build.js';
import { parseSop } from '../../src/model/stage.js';
import { ROOT } from '../helpers/cli.js';
import { lintTree, messageProblems, sopYaml } from '../helpers/test-rule.js';
import { life } from '../lifecycle/life.js';

// Every declared message is reached by a test, with its placeholders filled by exactly its data.

const big = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join('\n');
const sopText = sopYaml();
/** A file that makes the loader say each of its wordings (test/model/load.test.ts and limits.test.ts check where). */
const YAML_SYNTAX_CASES: Record<string, () => LoadedFile> = {
  tooLarge: () => withTemp((dir) => (writeFileSync(path.join(dir, 'big.yaml'), `x: "${'a'.repeat(MAX_FILE_BYTES)}"\n`), loadFile('big.yaml', path.join(dir, 'big.yaml')))),
  unreadable: () => withTemp((dir) => loadFile('gone.yaml', path.join(dir, 'gone.yaml'))),
  nulByte: () => loadBytes('x.yaml', Buffer.from('sop: 1\nid: K\u0000\n')),
  invalidUtf8: () => loadBytes('x.yaml', Buffer.concat([Buffer.from('title: Caf'), Buffer.from([0xe9]), Buffer.from('\n')])),
  tooManyValues: () => loadText('x.yaml', `${big(30, (i) => `x-${i}: [${big(800, (k) => `v${k}`).replace(/\n/g, ', ')}]`)}\n`),
  tooDeepHere: () => loadText('x.yaml', `x-deep: ${'['.repeat(150)}${']'.repeat(150)}\n`),
  tooManySteps: () => loadText('x.yaml', `steps:\n${big(MAX_ITEMS + 1, (i) => `  - activity: L${i}`)}\n`),
  tooManyItems: () => loadText('x.yaml', `x-list: [${big(MAX_ITEMS + 1, String).replace(/\n/g, ', ')}]\n`),
  tooManyTopKeys: () => loadText('x.yaml', `${big(MAX_KEYS + 1, (i) => `x-${i}: 1`)}\n`),
  tooManyKeys: () => loadText('x.yaml', `x-map:\n${big(MAX_KEYS + 1, (i) => `  k${i}: 1`)}\n`),
  tab: () => loadText('x.yaml', 'a:\n  b: 1\n\tc: 2\n'),
  tabOther: () => loadText('x.yaml', 'a:\n\tb: 1\n\tc: 2\n'),
  tabOthers: () => loadText('x.yaml', 'a:\n\tb: 1\n\tc: 2\n\td: 3\n'),
  tabMany: () => loadText('x.yaml', `a:\n${big(7, (i) => `\tk${i}: 1`)}\n`),
  colonInList: () => loadText('x.yaml', 'x: [Ya: rahasia: x, Biasa]\n'),
  colonInMapping: () => loadText('x.yaml', 'x: {:a: b: c}\n'),
  secondColonInMapping: () => loadText('x.yaml', 'x: {name: a: b}\n'),
  colonInValue: () => loadText('x.yaml', 'title: Surat: Tahap 1\n'),
  unclosedList: () => loadText('x.yaml', 'id: [KUL-001\n'),
  unclosedMapping: () => loadText('x.yaml', 'id: {a: 1\n'),
  unclosedQuote: () => loadText('x.yaml', 'title: "abc\n'),
  syntax: () => loadText('x.yaml', 'a: @x\n'),
  duplicateKey: () => loadText('x.yaml', `${sopText}title: Lagi\n`),
  tooDeepToRead: () => loadText('x.yaml', sopText.replace('title: Contoh', 'title: Contoh: lagi').replace('steps:\n', `steps:\n  - ${'- '.repeat(5000)}x\n`)),
  empty: () => loadText('x.yaml', ''),
  onlyComments: () => loadText('x.yaml', '# nothing yet\n'),
  documents: () => loadText('x.yaml', `${sopText}---\nsop: 1\n`),
  rootList: () => loadText('x.yaml', '- a\n- b\n'),
  rootScalar: () => loadText('x.yaml', 'just text\n'),
  unknownAlias: () => loadText('x.yaml', `${sopText}x-copy: *nope\n`),
  aliasBomb: () => loadText('x.yaml', `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n${big(9, (i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)}\n`),
  mapEmpty: () => asMap(loadText('processes.yaml', '')),
  mapNoData: () => asMap(loadText('processes.yaml', '# later\n')),
  mapRoot: () => asMap(loadText('processes.yaml', '- a\n')),
};
/** Wordings no file reaches, and why they are kept. */
const YAML_SYNTAX_UNREACHED: Record<string, string> = {
  duplicateKeyHere: 'the parser gives every key a range, so the first line is always known',
  parserFailed: 'the parser throws only when it runs out of stack (worded as tooDeepToRead)',
  noData: 'the parser reads an empty document as a null scalar (worded as rootScalar)',
  tooDeep: 'the quick pass refuses deeper nesting first (tooDeepHere)',
  notData: 'toJS fails only on aliases (unknownAlias, aliasBomb)',
};

function withTemp<T>(f: (dir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'sop-reach-'));
  try {
    return f(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The file as the business process map loads it. */
function asMap(file: LoadedFile): LoadedFile {
  readProcessMap(file);
  return file;
}

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

  it.each(Object.entries(YAML_SYNTAX_CASES))('yaml-syntax/%s', (id, file) => {
    const loaded = file();
    const ds = lintFile(loaded, buildRepository([loaded], defaultConfig('/tmp')));
    expect(ids(ds)).toEqual([`yaml-syntax/${id}`]);
    reach(ds);
  });
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
    for (const id of Object.keys(YAML_SYNTAX_UNREACHED)) {
      expect(Object.keys(CORE_MESSAGES['yaml-syntax']!)).toContain(id);
      reached.add(`yaml-syntax/${id}`);
    }
    const declared = [...Object.entries(CORE_MESSAGES).flatMap(([r, m]) => Object.keys(m).map((id) => `${r}/${id}`)), ...Object.keys(rules.find((r) => r.id === 'lifecycle-transition')!.messages).map((id) => `lifecycle-transition/${id}`)];
    expect(declared.filter((k) => !reached.has(k))).toEqual([]);
  });
});
