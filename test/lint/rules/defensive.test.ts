import { describe, expect, it } from 'vitest';
import { lintTree, sopYaml } from '../../helpers/test-rule.js';

/** Schema-invalid shapes: the schema reports them; no other rule may throw or add noise. */
const cases: Array<[string, string]> = [
  ['steps is text', sopYaml({ steps: '  Menerima surat' }).replace('steps:\n  Menerima surat', 'steps: Menerima surat')],
  ['steps hold nulls and numbers', sopYaml({ steps: '  - null\n  - 42\n  - activity: Arsip\n    actor: staf\n    time: 15 menit\n    output: Arsip' })],
  ['actors is a number', sopYaml().replace('actors:\n  - {id: staf, name: Staf}', 'actors: 5')],
  ['dates is a list', sopYaml({ dates: '[2024-03-11]' })],
  ['approval is text on an approved SOP with a number', sopYaml({ status: 'approved', top: 'number: 001/SOP\napproval: Sekretaris', dates: '{created: 2024-03-11, effective: 2024-04-01}' })],
  ['evaluations and monitoring are mappings', sopYaml({ tail: 'evaluations: {date: 2024-01-01}\nmonitoring: 3' })],
  ['related is text, supersededBy a number', sopYaml({ status: 'withdrawn', top: 'related: KUL-009', tail: 'supersededBy: 7' })],
  ['a step of an unknown type with next and ifNo', sopYaml({ steps: '  - activity: Terima\n    actor: staf\n    type: terminator\n    time: 15 menit\n    output: Surat\n    ifNo: 1\n  - activity: Arsip\n    actor: staf\n    time: 15 menit\n    output: Arsip' })],
  ['time, output and actor of the wrong type', sopYaml({ steps: '  - activity: Terima\n    actor: 3\n    time: 15\n    output: [a]\n  - activity: Arsip\n    actor: staf\n    time: 15 menit\n    output: Arsip' })],
  ['revision is text, number is a number', sopYaml({ top: 'number: 12' }).replace('revision: 0', 'revision: satu')],
  ['malformed step references', sopYaml({ steps: '  - activity: Terima\n    actor: staf\n    time: 15 menit\n    output: Surat\n    next: {a: 1}\n  - activity: Arsip\n    actor: staf\n    time: 15 menit\n    output: Arsip\n    next: -1' })],
  ['keys left empty (null)', sopYaml({ legalBasis: 'legalBasis:', steps: '  - activity: Terima\n    actor: staf\n    time:\n    output:\n  - activity: Cek?\n    actor: staf\n    type: decision\n    time: 5 menit\n    ifNo:\n  - activity: Arsip\n    actor: staf\n    time: 15 menit\n    output: Arsip' })],
];

describe('rules on schema-invalid data', () => {
  for (const [name, text] of cases) {
    it(name, () => {
      const diags = lintTree({ 'sops/KUL-001.yaml': text }, ['sops/KUL-001.yaml']);
      expect(diags.some((d) => d.ruleId === 'schema'), 'the schema reports it').toBe(true);
      expect(diags.filter((d) => d.ruleId !== 'schema').map((d) => `${d.ruleId}: ${d.message}`)).toEqual([]);
    });
  }

  it('a root that is a list is the loader’s alone', () => {
    const diags = lintTree({ 'sops/KUL-001.yaml': '- a\n- b\n' }, ['sops/KUL-001.yaml']);
    expect(diags.map((d) => d.ruleId)).toEqual(['yaml-syntax']);
  });
});
