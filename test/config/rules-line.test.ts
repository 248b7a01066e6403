import { afterAll, describe, expect, it } from 'vitest';
import { minimalSop, sop, tempTree } from '../helpers/cli.js';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

describe('an unknown rule under `rules`', () => {
  it('is reported at its config line:col (exit 2)', async () => {
    const t = tempTree({ 'sop.config.yaml': 'locale: id\nrules:\n  legal-basis: off\n  max-step: warn\n', 'sops/kul-001.yaml': minimalSop() });
    cleanups.push(t.cleanup);
    const r = await sop(['lint'], t.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('sop: sop.config.yaml:4:3 unknown rule `max-step` under `rules`; did you mean `max-steps`?\n');
  });
});

describe('core rules under `rules`', () => {
  it('refuses `yaml-syntax: off` (and `warn`) at its line, saying why (exit 2)', async () => {
    const broken = 'id: [unclosed\n';
    const t = tempTree({ 'sop.config.yaml': 'locale: id\nrules:\n  yaml-syntax: off\n', 'sops/kul-001.yaml': broken });
    cleanups.push(t.cleanup);
    const r = await sop(['lint'], t.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('sop.config.yaml:3:16 `rules.yaml-syntax` can only be `error` (got "off"): a file that does not parse cannot be checked');
    const w = tempTree({ 'sop.config.yaml': 'rules:\n  yaml-syntax: {severity: warn}\n', 'sops/kul-001.yaml': broken });
    cleanups.push(w.cleanup);
    const rw = await sop(['lint'], w.dir);
    expect(rw.code).toBe(2);
    expect(rw.stderr).toContain('sop.config.yaml:2:27 `rules.yaml-syntax` can only be `error` (got "warn")');
  });

  it('honours `disable-comment: warn` and `off`', async () => {
    const body = minimalSop('KUL-001').replace('steps:', '# sop-disable-next-line max-stepz -- too long\nsteps:');
    for (const [setting, code] of [['error', 1], ['warn', 0], ['off', 0]] as const) {
      const t = tempTree({ 'sop.config.yaml': `rules:\n  disable-comment: ${setting}\n`, 'sops/kul-001.yaml': body });
      cleanups.push(t.cleanup);
      const r = await sop(['lint', '--format', 'json'], t.dir);
      expect(r.code, setting).toBe(code);
      const diags = JSON.parse(r.stdout).files.flatMap((f: { diagnostics: Array<{ ruleId: string; severity: string }> }) => f.diagnostics).filter((d: { ruleId: string }) => d.ruleId === 'disable-comment');
      expect(diags.map((d: { severity: string }) => d.severity), setting).toEqual(setting === 'off' ? [] : [setting]);
    }
  });
});

describe('a rule option of the wrong kind', () => {
  it('is said once, from the failing keyword (no step-reference wording)', async () => {
    const t = tempTree({ 'sop.config.yaml': 'rules:\n  max-steps: {options: {max: "lots"}}\n', 'sops/kul-001.yaml': minimalSop() });
    cleanups.push(t.cleanup);
    const r = await sop(['lint'], t.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('sop: sop.config.yaml:2:30 `rules.max-steps.options.max` must be a whole number, not the text "lots".\n');
  });
});
