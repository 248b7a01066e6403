import { APPROVED_TOP, at, sopYaml, testRule } from '../../helpers/test-rule.js';

const a = sopYaml({ id: 'KUL-001' });
const dupA = sopYaml({ id: 'KUL-001' });

testRule('unique-id', {
  valid: [{ name: 'two different ids', files: { 'sops/KUL-001.yaml': a, 'sops/KUL-002.yaml': sopYaml({ id: 'KUL-002' }) } }],
  invalid: [
    {
      name: 'the same id in two files, reported in the first',
      files: { 'sops/KUL-001.yaml': a, 'sops/KUL-001-copy.yaml': dupA },
      file: 'sops/KUL-001.yaml',
      expected: [{ ...at(a, 'KUL-001'), messageIncludes: 'sops/KUL-001-copy.yaml' }],
    },
    {
      name: 'the same id in two files, reported in the second as well',
      files: { 'sops/KUL-001.yaml': a, 'sops/KUL-001-copy.yaml': dupA },
      file: 'sops/KUL-001-copy.yaml',
      expected: [{ ...at(dupA, 'KUL-001'), messageIncludes: 'sops/KUL-001.yaml' }],
    },
    {
      name: 'three files name all the others',
      files: { 'sops/a/KUL-001.yaml': a, 'sops/b/KUL-001.yaml': a, 'sops/c/KUL-001.yaml': a },
      file: 'sops/b/KUL-001.yaml',
      expected: [{ ...at(a, 'KUL-001'), messageIncludes: 'sops/a/KUL-001.yaml, sops/c/KUL-001.yaml' }],
    },
  ],
});

const numbered = (id: string, number: string) => sopYaml({ id, top: `number: ${number}` });
testRule('unique-number', {
  valid: [
    { name: 'different numbers', files: { 'sops/KUL-001.yaml': numbered('KUL-001', '001/SOP'), 'sops/KUL-002.yaml': numbered('KUL-002', '002/SOP') } },
    { name: 'no numbers at all (drafts)', files: { 'sops/KUL-001.yaml': sopYaml({ id: 'KUL-001' }), 'sops/KUL-002.yaml': sopYaml({ id: 'KUL-002' }) } },
  ],
  invalid: [
    {
      name: 'the same number in two files',
      files: { 'sops/KUL-001.yaml': numbered('KUL-001', '001/SOP'), 'sops/KUL-002.yaml': numbered('KUL-002', '001/SOP') },
      file: 'sops/KUL-002.yaml',
      expected: [{ ...at(numbered('KUL-002', '001/SOP'), '001/SOP'), messageIncludes: 'also the number of sops/KUL-001.yaml' }],
    },
  ],
});

const withRelated = sopYaml({ id: 'KUL-001', top: 'related: [KUL-002, KUL-009, SOP Pengelolaan Arsip (Setjen KPU)]' });
const withdrawn = (status: string, by: string) => sopYaml({ id: 'KUL-001', status, tail: `supersededBy: ${by}` });
const other = sopYaml({ id: 'KUL-002' });
testRule('related-exists', {
  valid: [
    { name: 'related ids exist, free text is free', files: { 'sops/KUL-001.yaml': sopYaml({ id: 'KUL-001', top: 'related: [KUL-002, Peraturan KPU 1/2024]' }), 'sops/KUL-002.yaml': other }, file: 'sops/KUL-001.yaml' },
    { name: 'withdrawn and superseded by an existing SOP', files: { 'sops/KUL-001.yaml': withdrawn('withdrawn', 'KUL-002'), 'sops/KUL-002.yaml': other }, file: 'sops/KUL-001.yaml' },
    { name: 'malformed related entries are left to the schema', files: { 'sops/KUL-001.yaml': sopYaml({ top: 'related: [42, {a: 1}]' }) } },
  ],
  invalid: [
    {
      name: 'an id-shaped entry naming no SOP, with a hint',
      files: { 'sops/KUL-001.yaml': withRelated, 'sops/KUL-002.yaml': other },
      file: 'sops/KUL-001.yaml',
      expected: [{ ...at(withRelated, 'KUL-009'), messageIncludes: 'did you mean `KUL-002`?' }],
    },
    {
      name: 'supersededBy on an approved SOP, naming a missing SOP',
      files: { 'sops/KUL-001.yaml': withdrawn('draft', 'KUL-003'), 'sops/KUL-002.yaml': other },
      file: 'sops/KUL-001.yaml',
      expected: [
        { ...at(withdrawn('draft', 'KUL-003'), 'supersededBy'), messageIncludes: 'only allowed with status `withdrawn` (got status "draft")' },
        { ...at(withdrawn('draft', 'KUL-003'), 'KUL-003'), messageIncludes: '`supersededBy` names "KUL-003"' },
      ],
    },
    {
      name: 'an id-shaped entry naming no SOP, nothing close',
      files: { 'sops/KUL-001.yaml': sopYaml({ top: 'related: [PPID-900]' }) },
      file: 'sops/KUL-001.yaml',
      expected: [{ ...at(sopYaml({ top: 'related: [PPID-900]' }), 'PPID-900'), messageIncludes: '`related[0]` names "PPID-900", but no SOP of the repository has that id. An entry shaped like an id' }],
    },
    {
      name: 'an SOP relating to itself',
      files: { 'sops/KUL-001.yaml': sopYaml({ top: 'related: [KUL-001]' }) },
      file: 'sops/KUL-001.yaml',
      expected: [{ ...at(sopYaml({ top: 'related: [KUL-001]' }), 'KUL-001]'), messageIncludes: 'this SOP itself' }],
    },
  ],
});

testRule('filename-id', {
  valid: [
    { name: 'exactly the id', files: { 'sops/KUL-001.yaml': a } },
    { name: 'id then a slug', files: { 'sops/KUL-001-surat-masuk.yml': a } },
    { name: 'lower-case file name', files: { 'sops/kul-001_surat.yaml': a } },
    { name: 'an invalid id is the schema’s business', files: { 'sops/x.yaml': sopYaml({ id: 'kul 1' }) } },
  ],
  invalid: [
    { name: 'another id', files: { 'sops/KUL-002.yaml': a }, file: 'sops/KUL-002.yaml', expected: [{ ...at(a, 'KUL-001'), messageIncludes: 'name it `KUL-001.yaml`', severity: 'warn' }] },
    { name: 'a longer id that starts with it', files: { 'sops/KUL-0012.yaml': a }, file: 'sops/KUL-0012.yaml', expected: [at(a, 'KUL-001')] },
    { name: 'a title only', files: { 'sops/surat-masuk.yaml': a }, file: 'sops/surat-masuk.yaml', expected: [at(a, 'KUL-001')] },
  ],
});

const pattern = "numbering:\n  pattern: '^\\d{3}/SOP/KUL/\\d{4}$'\n";
const approved = (number: string) => sopYaml({ status: 'approved', top: APPROVED_TOP.replace('001/SOP/KUL/2024', number), dates: '{created: 2024-03-11, effective: 2024-04-01}' });
testRule('number-pattern', {
  valid: [
    { name: 'matches', config: pattern, files: { 'sops/KUL-001.yaml': approved('001/SOP/KUL/2024') } },
    { name: 'no pattern configured', files: { 'sops/KUL-001.yaml': approved('anything') } },
  ],
  invalid: [
    {
      name: 'does not match',
      config: pattern,
      files: { 'sops/KUL-001.yaml': approved('1/SOP/KUL/2024') },
      file: 'sops/KUL-001.yaml',
      expected: [{ ...at(approved('1/SOP/KUL/2024'), '1/SOP/KUL/2024'), messageIncludes: '^\\d{3}/SOP/KUL/\\d{4}$' }],
    },
  ],
});

const noBasis = sopYaml({ legalBasis: '' });
const emptyBasis = sopYaml({ legalBasis: 'legalBasis: []' });
testRule('legal-basis', {
  valid: [{ name: 'one regulation', files: { 'sops/KUL-001.yaml': a } }],
  invalid: [
    { name: 'missing', files: { 'sops/KUL-001.yaml': noBasis }, file: 'sops/KUL-001.yaml', expected: [{ line: 1, column: 1, messageIncludes: 'no `legalBasis`', severity: 'warn' }] },
    { name: 'empty list', files: { 'sops/KUL-001.yaml': emptyBasis }, file: 'sops/KUL-001.yaml', expected: [{ ...at(emptyBasis, '[]'), messageIncludes: 'is empty' }] },
  ],
});
