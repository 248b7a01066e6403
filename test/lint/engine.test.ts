import { afterEach, describe, expect, it } from 'vitest';
import { buildRepository, lintFile, lintRepository } from '../../src/lint/engine.js';
import type { Rule } from '../../src/lint/rule.js';
import { rules } from '../../src/lint/rules/index.js';
import { defaultConfig } from '../../src/config/load.js';
import { loadText } from '../../src/model/load.js';
import { sop, tempTree } from '../helpers/cli.js';
import { at, lintTree, sopYaml } from '../helpers/test-rule.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());
async function run(files: Record<string, string>, args: string[] = ['lint']) {
  const tree = tempTree(files);
  cleanup = tree.cleanup;
  return sop(args, tree.dir);
}

const noBasis = sopYaml({ legalBasis: '' });
const badRef = sopYaml({ steps: '  - activity: Terima\n    actor: staf\n    time: 15 menit\n    output: Surat\n    next: nowhere' });

describe('rule registry', () => {
  it('runs schema first, then every rule once, each with a description and messages', () => {
    expect(rules[0]!.id).toBe('schema');
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of rules) {
      expect(r.description.length).toBeGreaterThan(10);
      expect(Object.keys(r.messages).length).toBeGreaterThan(0);
    }
  });
});

describe('severities and options from sop.config.yaml', () => {
  it('warn by default, off when configured', async () => {
    const on = await run({ 'sops/KUL-001.yaml': noBasis });
    expect(on.code).toBe(0);
    expect(on.stdout).toContain('warn   The SOP has no `legalBasis`');
    const off = await run({ 'sop.config.yaml': 'rules:\n  legal-basis: off\n', 'sops/KUL-001.yaml': noBasis });
    expect(off.code).toBe(0);
    expect(off.stdout).not.toContain('legal-basis');
  });

  it('an error rule set to warn no longer fails the run', async () => {
    const def = await run({ 'sops/KUL-001.yaml': badRef });
    expect(def.code).toBe(1);
    expect(def.stdout).toMatch(/error {2}`steps\[0\]\.next`.*step-ref/);
    const warned = await run({ 'sop.config.yaml': 'rules:\n  step-ref: {severity: warn}\n', 'sops/KUL-001.yaml': badRef });
    expect(warned.code).toBe(0);
    expect(warned.stdout).toMatch(/warn {3}`steps\[0\]\.next`.*step-ref/);
  });

  it('options override defaults (max-steps max)', () => {
    const steps = Array.from({ length: 4 }, (_, i) => `  - {activity: Langkah ${i + 1}, actor: staf, time: 1 jam, output: Hasil}`).join('\n');
    const text = sopYaml({ steps });
    const at3 = lintTree({ 'sops/KUL-001.yaml': text }, ['sops/KUL-001.yaml'], 'rules:\n  max-steps: {options: {max: 3}}\n');
    expect(at3.filter((d) => d.ruleId === 'max-steps').map((d) => d.message)).toEqual([expect.stringContaining('4 steps, more than 3')]);
    const at4 = lintTree({ 'sops/KUL-001.yaml': text }, ['sops/KUL-001.yaml'], 'rules:\n  max-steps: {severity: error, options: {max: 4}}\n');
    expect(at4.filter((d) => d.ruleId === 'max-steps')).toEqual([]);
  });

  it('an unknown rule in the config exits 2 with a hint', async () => {
    const res = await run({ 'sop.config.yaml': 'rules:\n  max-step: off\n', 'sops/KUL-001.yaml': sopYaml() });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('unknown rule `max-step`');
    expect(res.stderr).toContain('did you mean `max-steps`?');
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('disable comments', () => {
  const withComment = (comment: string) => sopYaml({ legalBasis: `${comment}\nlegalBasis: []` });

  it('a comment with a reason silences the next line', () => {
    const diags = lintTree({ 'sops/KUL-001.yaml': withComment('# sop-disable-next-line legal-basis -- dasar hukum menyusul') }, ['sops/KUL-001.yaml']);
    expect(diags).toEqual([]);
  });

  it('several rules, only on the next line', () => {
    const text = sopYaml({ steps: '  - activity: Terima\n    actor: staff\n    # sop-disable-next-line time-format, quality-standard -- waktu belum diukur\n    time: segera\n  - activity: Arsip\n    actor: staf\n    time: 15 menit\n    output: Arsip' });
    const diags = lintTree({ 'sops/KUL-001.yaml': text }, ['sops/KUL-001.yaml']);
    expect(diags.map((d) => `${d.ruleId} ${d.range.start.line}:${d.range.start.column}`).sort()).toEqual(
      [`actor-declared ${at(text, 'staff').line}:${at(text, 'staff').column}`, `quality-standard ${at(text, 'Terima').line}:${at(text, 'Terima').column}`].sort(),
    );
  });

  it('without a reason it is reported and ignored', () => {
    const text = withComment('# sop-disable-next-line legal-basis');
    const diags = lintTree({ 'sops/KUL-001.yaml': text }, ['sops/KUL-001.yaml']);
    expect(diags.map((d) => `${d.ruleId} ${d.range.start.line}:${d.range.start.column}`)).toEqual([
      `disable-comment ${at(text, '#').line}:1`,
      `legal-basis ${at(text, '[]').line}:${at(text, '[]').column}`,
    ]);
    expect(diags[0]!.message).toContain('needs a reason after `--`');
  });

  it('an unknown rule is reported with a hint', () => {
    const text = withComment('# sop-disable-next-line legal-basic -- typo');
    const diags = lintTree({ 'sops/KUL-001.yaml': text }, ['sops/KUL-001.yaml']);
    expect(diags.find((d) => d.ruleId === 'disable-comment')?.message).toContain('Unknown rule `legal-basic` in a disable comment; did you mean `legal-basis`?');
  });

  it('no rule named', () => {
    const diags = lintTree({ 'sops/KUL-001.yaml': withComment('# sop-disable-next-line -- why') }, ['sops/KUL-001.yaml']);
    expect(diags.find((d) => d.ruleId === 'disable-comment')?.message).toContain('must name the rule it silences');
  });
});

describe('a rule that throws', () => {
  it('becomes a diagnostic, not a crash', () => {
    const boom: Rule = { id: 'boom', description: 'throws', defaultSeverity: 'error', messages: {}, check: () => { throw new Error('kaput'); } };
    const file = loadText('KUL-001.yaml', sopYaml());
    const diags = lintFile(file, buildRepository([file], defaultConfig('/tmp')), [boom]);
    expect(diags.map((d) => d.message)).toEqual([expect.stringContaining('Rule `boom` failed on this file (kaput)')]);
  });
});

describe('a repository-level rule', () => {
  const deletedSop: Rule = {
    id: 'lifecycle-transition',
    description: 'a stand-in with the real id, so the config severity applies',
    defaultSeverity: 'error',
    messages: { gone: '{{id}} is gone' },
    check: () => {},
    checkRepository(ctx) {
      for (const d of ctx.run.since?.deleted ?? []) ctx.report({ file: d.anchor!, messageId: 'gone', data: { id: String(d.data?.id) } });
    },
  };
  const since = { ref: 'main', base: 'abc', byFile: new Map(), warnings: [], deleted: [{ path: 'sops/A.yaml', abs: '/r/sops/A.yaml', data: { id: 'A' }, anchor: 'sop.config.yaml' }, { path: 'sops/B.yaml', abs: '/r/sops/B.yaml', data: { id: 'B' }, anchor: 'sop.config.yaml' }] };
  const file = loadText('KUL-001.yaml', sopYaml());

  it('runs once per run, on its anchor file, with the configured severity and counted once', () => {
    const config = defaultConfig('/tmp');
    config.rules['lifecycle-transition'] = { severity: 'warn' };
    const repo = buildRepository([file], config);
    const keys = Object.keys(repo).sort();
    const report = lintRepository([file], repo, { since }, [deletedSop]);
    expect(report.files.map((f) => [f.file, f.diagnostics.map((d) => `${d.severity} ${d.range.start.line}:${d.range.start.column} ${d.message}`)])).toEqual([
      ['KUL-001.yaml', []],
      ['sop.config.yaml', ['warn 1:1 A is gone', 'warn 1:1 B is gone']],
    ]);
    expect([report.errorCount, report.warningCount]).toEqual([0, 2]);
    expect(Object.keys(repo).sort()).toEqual(keys); // the run's past is not stored on the repository
  });

  it('is silent when the rule is off, and without a run', () => {
    const config = defaultConfig('/tmp');
    config.rules['lifecycle-transition'] = { severity: 'off' };
    expect(lintRepository([file], buildRepository([file], config), { since }, [deletedSop]).files.flatMap((f) => f.diagnostics)).toEqual([]);
    expect(lintRepository([file], buildRepository([file], defaultConfig('/tmp')), {}, [deletedSop]).files.flatMap((f) => f.diagnostics)).toEqual([]);
  });
});
