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
