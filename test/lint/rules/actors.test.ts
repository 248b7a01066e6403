import { at, sopYaml, testRule } from '../../helpers/test-rule.js';

const twoActors = '  - {id: staf, name: Staf}\n  - {id: kasubbag, name: Kasubbag}';
const steps = (a1: string, a2: string) =>
  `  - activity: Menerima surat\n    actor: ${a1}\n    time: 15 menit\n    output: Surat\n  - activity: Memeriksa surat\n    actor: ${a2}\n    time: 15 menit\n    output: Surat diperiksa`;
const typo = sopYaml({ actors: twoActors, steps: steps('staff', 'kasubbag') });
const unknown = sopYaml({ actors: twoActors, steps: steps('staf', 'bendahara') });
const dupActors = sopYaml({ actors: '  - {id: staf, name: Staf}\n  - {id: staf, name: Staf Lain}' });

testRule('actor-declared', {
  valid: [
    { name: 'every actor declared', files: { 'sops/KUL-001.yaml': sopYaml({ actors: twoActors, steps: steps('staf', 'kasubbag') }) } },
    { name: 'actors not a list: left to the schema', files: { 'sops/KUL-001.yaml': sopYaml({ actors: '  staf: Staf' }) } },
    { name: 'a step actor that is not text: left to the schema', files: { 'sops/KUL-001.yaml': sopYaml({ actors: twoActors, steps: steps('[staf]', 'kasubbag') }) } },
  ],
  invalid: [
    {
      name: 'a typo, with the message of the brief',
      files: { 'sops/KUL-001.yaml': typo },
      file: 'sops/KUL-001.yaml',
      expected: [{ ...at(typo, 'staff'), messageIncludes: '`steps[0].actor` (step 1) must be one of the declared actors: staf, kasubbag (got "staff"); did you mean `staf`?' }],
    },
    { name: 'an unknown actor, no hint', files: { 'sops/KUL-001.yaml': unknown }, file: 'sops/KUL-001.yaml', expected: [{ ...at(unknown, 'bendahara'), messageIncludes: '(got "bendahara").' }] },
    { name: 'a duplicate actor id', files: { 'sops/KUL-001.yaml': dupActors }, file: 'sops/KUL-001.yaml', expected: [{ ...at(dupActors, 'staf', 2), messageIncludes: 'already declared at `actors[0]`' }] },
  ],
});

const unused = sopYaml({ actors: twoActors });
testRule('actor-used', {
  valid: [{ name: 'both actors used', files: { 'sops/KUL-001.yaml': sopYaml({ actors: twoActors, steps: steps('staf', 'kasubbag') }) } }],
  invalid: [{ name: 'kasubbag has no step', files: { 'sops/KUL-001.yaml': unused }, file: 'sops/KUL-001.yaml', expected: [{ ...at(unused, 'kasubbag'), messageIncludes: 'Actor "kasubbag" (`actors[1]`) has no step', severity: 'warn' }] }],
});

const seven = Array.from({ length: 7 }, (_, i) => `  - {id: a${i}, name: A${i}}`).join('\n');
const sevenSteps = Array.from({ length: 7 }, (_, i) => `  - {activity: Langkah ${i}, actor: a${i}, time: 1 jam, output: Hasil}`).join('\n');
const many = sopYaml({ actors: seven, steps: sevenSteps });
testRule('max-actors', {
  valid: [{ name: 'six actors allowed by default, seven with max 7', files: { 'sops/KUL-001.yaml': many }, config: 'rules:\n  max-actors: {options: {max: 7}}\n' }],
  invalid: [{ name: 'seven actors', files: { 'sops/KUL-001.yaml': many }, file: 'sops/KUL-001.yaml', expected: [{ ...at(many, 'actors:'), messageIncludes: '7 actors, more than 6', severity: 'warn' }] }],
});
