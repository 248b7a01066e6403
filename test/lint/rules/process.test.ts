import { describe, expect, it } from 'vitest';
import { APPROVED_TOP, at, lintTree, sopYaml, testRule } from '../../helpers/test-rule.js';
import { SCHEMA_SHAPES } from '../../helpers/schema-shapes.js';

const UNIT = 'Subbagian Umum';
/** A map: one Level 0 support process owned by UNIT with two leaves, then `extra` lines. */
const mapYaml = (extra = '') => `processes:
  - code: PB.3.1
    name: Pengelolaan Umum
    category: pendukung
    unit: ${UNIT}
    children:
      - code: PB.3.1.1
        name: Pengelolaan Surat Masuk
      - code: PB.3.1.2
        name: Pengelolaan Surat Keluar
${extra}`;
/** An SOP naming `process`, in force unless `status` says otherwise. */
const sopOf = (id: string, process: string, status = 'approved', unit = UNIT) =>
  sopYaml({ id, status, top: `process: ${process}\n${status === 'draft' ? '' : APPROVED_TOP.replace('001/SOP', `${id}/SOP`)}`, dates: status === 'draft' ? undefined : '{created: 2024-03-11, effective: 2024-04-01}' }).replace(`unit: ${UNIT}`, `unit: ${unit}`);
const both = { 'sops/KUL-001.yaml': sopOf('KUL-001', 'PB.3.1.1'), 'sops/KUL-002.yaml': sopOf('KUL-002', 'PB.3.1.2') };

testRule('process-schema', {
  valid: [{ name: 'a well-formed map', files: { 'processes.yaml': mapYaml(), ...both } }],
  invalid: [
    {
      name: 'an unknown key, a bad code, a missing name',
      files: { 'processes.yaml': mapYaml('  - code: PB 3.2\n    categori: pendukung\n') },
      file: 'processes.yaml',
      expected: [
        { ...at(mapYaml('  - code: PB 3.2\n'), 'PB 3.2'), messageIncludes: 'must be a process code' },
        { line: 12, column: 5, messageIncludes: 'did you mean `category`?' },
        { line: 11, column: 5, messageIncludes: 'missing the required key `name`' },
      ],
    },
    {
      name: 'a map without processes',
      files: { 'processes.yaml': 'title: Peta\n' },
      file: 'processes.yaml',
      expected: [{ line: 1, column: 1, messageIncludes: 'The process map is missing the required key `processes`' }],
    },
    {
      name: 'a Level 0 process without category, a lower one contradicting its Level 0 category',
      files: { 'processes.yaml': mapYaml('  - code: PB.9\n    name: Lain\n').replace('name: Pengelolaan Surat Keluar', 'name: Pengelolaan Surat Keluar\n        category: inti') },
      file: 'processes.yaml',
      expected: [
        { line: 11, column: 19, messageIncludes: 'has category `inti`, but it lies under the Level 0 process `PB.3.1` (pendukung)' },
        { line: 12, column: 11, messageIncludes: 'Level 0 process `PB.9` needs a `category`' },
      ],
    },
  ],  unreached: SCHEMA_SHAPES,
});

describe('the map file', () => {
  it('reports YAML syntax errors on processes.yaml, and SOP codes are then not checked', () => {
    const found = lintTree({ 'processes.yaml': 'processes:\n  - code: [PB\n', 'sops/KUL-001.yaml': sopOf('KUL-001', 'PB.3.1.1') }, []);
    expect(found.map((d) => `${d.file} ${d.ruleId}`)).toEqual(['processes.yaml yaml-syntax']);
  });

  it('words an empty map as a map', () => {
    const found = lintTree({ 'processes.yaml': '# nothing yet\n', 'sops/KUL-001.yaml': sopOf('KUL-001', 'PB.3.1.1') }, []);
    expect(found.map((d) => `${d.file} ${d.ruleId} ${d.message}`)).toEqual([expect.stringContaining('processes.yaml yaml-syntax The process map holds no data')]);
  });

  it('is checked with the whole repository but not when one SOP is named', () => {
    const files = { 'processes.yaml': mapYaml(), 'sops/KUL-001.yaml': sopOf('KUL-001', 'PB.3.1.1') };
    expect(lintTree(files, []).map((d) => `${d.file} ${d.ruleId}`)).toEqual(['processes.yaml process-covered']);
    expect(lintTree(files, ['sops/KUL-001.yaml'])).toEqual([]);
  });

  it('is read from the path named by `processes` in the config, and is never linted as an SOP', () => {
    const files = { 'peta/proses.yaml': mapYaml(), 'sops/KUL-001.yaml': sopOf('KUL-001', 'PB.3.1.9') };
    const found = lintTree(files, [], 'processes: peta/proses.yaml\nsops: "**/*.yaml"\n');
    expect(found.map((d) => `${d.file} ${d.ruleId} ${d.range.start.line}:${d.range.start.column}`).sort()).toEqual([
      'peta/proses.yaml process-covered 7:15',
      'peta/proses.yaml process-covered 9:15',
      'sops/KUL-001.yaml process-exists 7:10',
    ]);
  });

  it('refuses a configured map outside the repository, and a missing one, with the config line', () => {
    expect(() => lintTree({}, [], 'locale: id\nprocesses: ../proses.yaml\n')).toThrow(/sop\.config\.yaml:2:12 processes must stay inside the repository/);
    expect(() => lintTree({}, [], 'processes: proses.yaml\n')).toThrow(/sop\.config\.yaml:1:12 processes: the business process map proses\.yaml does not exist/);
  });

  it('without a map the process rules are silent', () => {
    expect(lintTree({ 'sops/KUL-001.yaml': sopOf('KUL-001', 'NOWHERE.1', 'draft', 'Subbagian Lain') }, [])).toEqual([]);
  });

  it('takes disable comments', () => {
    const map = mapYaml().replace('      - code: PB.3.1.2', '      # sop-disable-next-line process-covered -- SOP dalam penyusunan\n      - code: PB.3.1.2');
    expect(lintTree({ 'processes.yaml': map, 'sops/KUL-001.yaml': sopOf('KUL-001', 'PB.3.1.1') }, [])).toEqual([]);
  });
});

testRule('process-unique', {
  valid: [{ name: 'distinct codes', files: { 'processes.yaml': mapYaml(), ...both }, file: 'processes.yaml' }],
  invalid: [
    {
      name: 'a code used twice, at the second, naming the first line',
      files: { 'processes.yaml': mapYaml('  - code: PB.3.1.2\n    name: Lain\n    category: inti\n'), ...both },
      file: 'processes.yaml',
      expected: [{ line: 11, column: 11, messageIncludes: 'already used by the process on line 9 (Pengelolaan Surat Keluar)' }],
    },
  ],
});

const flat = (parent2: string, parent3 = 'PB.3.1') => `processes:
  - code: PB.3.1
    name: Pengelolaan Umum
    category: pendukung
    unit: ${UNIT}
  - code: PB.3.1.1
    name: Pengelolaan Surat Masuk
    parent: ${parent2}
  - code: PB.3.1.2
    name: Pengelolaan Surat Keluar
    parent: ${parent3}
`;
testRule('process-parent', {
  valid: [{ name: 'a flat map with parents', files: { 'processes.yaml': flat('PB.3.1'), ...both }, file: 'processes.yaml' }],
  invalid: [
    {
      name: 'an unknown parent, with a hint',
      files: { 'processes.yaml': flat('PB.3.11') },
      file: 'processes.yaml',
      expected: [{ line: 8, column: 13, messageIncludes: '`parent` names "PB.3.11", but no process of the map has that code; did you mean `PB.3.1`?' }],
    },
    {
      name: 'an unknown parent with nothing close',
      files: { 'processes.yaml': flat('PK.9.9.9.9') },
      file: 'processes.yaml',
      expected: [{ line: 8, column: 13, messageIncludes: '`parent` names "PK.9.9.9.9", but no process of the map has that code.' }],
    },
    {
      name: 'a cycle, at each process in it',
      files: { 'processes.yaml': flat('PB.3.1.2', 'PB.3.1.1') },
      file: 'processes.yaml',
      expected: [
        { line: 8, column: 13, messageIncludes: 'PB.3.1.1 → PB.3.1.2 → PB.3.1.1' },
        { line: 11, column: 13, messageIncludes: 'PB.3.1.2 → PB.3.1.1 → PB.3.1.2' },
      ],
    },
    {
      name: 'a process that is its own parent',
      files: { 'processes.yaml': flat('PB.3.1.1') },
      file: 'processes.yaml',
      expected: [{ line: 8, column: 13, messageIncludes: 'PB.3.1.1 → PB.3.1.1' }],
    },
    {
      name: 'a parent that contradicts the nesting',
      files: { 'processes.yaml': mapYaml().replace('name: Pengelolaan Surat Masuk', 'name: Pengelolaan Surat Masuk\n        parent: PB.3.1.2') },
      file: 'processes.yaml',
      expected: [{ line: 9, column: 17, messageIncludes: 'nested under `PB.3.1`' }],
    },
  ],
});

testRule('process-covered', {
  valid: [
    { name: 'every leaf has an SOP in force', files: { 'processes.yaml': mapYaml(), ...both }, file: 'processes.yaml' },
    {
      name: 'statuses option: drafts count when configured',
      files: { 'processes.yaml': mapYaml(), 'sops/KUL-001.yaml': sopOf('KUL-001', 'PB.3.1.1', 'draft'), 'sops/KUL-002.yaml': sopOf('KUL-002', 'PB.3.1.2') },
      config: 'rules:\n  process-covered: {options: {statuses: [draft, approved]}}\n',
      file: 'processes.yaml',
    },
  ],
  invalid: [
    {
      name: 'a leaf with only a draft, one with nothing; the inner process is not a leaf',
      files: { 'processes.yaml': mapYaml(), 'sops/KUL-001.yaml': sopOf('KUL-001', 'PB.3.1.1', 'draft'), 'sops/KUL-003.yaml': sopOf('KUL-003', 'PB.3.1', 'approved') },
      file: 'processes.yaml',
      expected: [
        { line: 7, column: 15, severity: 'warn', messageIncludes: 'Process `PB.3.1.1` (Pengelolaan Surat Masuk) has no SOP in force (only KUL-001 (draft))' },
        { line: 9, column: 15, severity: 'warn', messageIncludes: 'Process `PB.3.1.2` (Pengelolaan Surat Keluar) has no SOP in force;' },
      ],
    },
    {
      name: 'a withdrawn SOP covers nothing',
      files: { 'processes.yaml': mapYaml(), 'sops/KUL-001.yaml': sopOf('KUL-001', 'PB.3.1.1', 'withdrawn'), 'sops/KUL-002.yaml': sopOf('KUL-002', 'PB.3.1.2') },
      file: 'processes.yaml',
      expected: [{ line: 7, column: 15, messageIncludes: 'has no SOP in force;' }],
    },
  ],
});

const typo = sopOf('KUL-001', 'PB.3.1.3');
testRule('process-exists', {
  valid: [{ name: 'a code of the map', files: { 'processes.yaml': mapYaml(), ...both }, file: 'sops/KUL-001.yaml' }],
  invalid: [
    {
      name: 'an unknown code, with the closest one',
      files: { 'processes.yaml': mapYaml(), 'sops/KUL-001.yaml': typo },
      file: 'sops/KUL-001.yaml',
      expected: [{ ...at(typo, 'PB.3.1.3'), messageIncludes: 'the business process map (processes.yaml) has no process with that code; did you mean `PB.3.1.1`?' }],
    },
    {
      name: 'an unknown code with nothing close',
      files: { 'processes.yaml': mapYaml(), 'sops/KUL-001.yaml': sopOf('KUL-001', 'PK.9.9.9.9') },
      file: 'sops/KUL-001.yaml',
      expected: [{ ...at(sopOf('KUL-001', 'PK.9.9.9.9'), 'PK.9.9.9.9'), messageIncludes: 'has no process with that code.' }],
    },
  ],
});

const elsewhere = sopOf('KUL-001', 'PB.3.1.1', 'approved', 'Subbagian Lain');
testRule('process-unit', {
  valid: [
    { name: 'the owner, inherited from Level 0', files: { 'processes.yaml': mapYaml(), ...both }, file: 'sops/KUL-001.yaml' },
    { name: 'the same unit written with other case and spaces', files: { 'processes.yaml': mapYaml(), 'sops/KUL-001.yaml': sopOf('KUL-001', 'PB.3.1.1', 'approved', 'subbagian  umum') }, file: 'sops/KUL-001.yaml' },
  ],
  invalid: [
    {
      name: 'another unit, pointing at the owner written on the Level 0 process',
      files: { 'processes.yaml': mapYaml(), 'sops/KUL-001.yaml': elsewhere },
      file: 'sops/KUL-001.yaml',
      expected: [{ ...at(elsewhere, 'Subbagian Lain'), severity: 'warn', messageIncludes: 'process `PB.3.1.1` is owned by "Subbagian Umum" (processes.yaml:5:11)' }],
    },
  ],
});
