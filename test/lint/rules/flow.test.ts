import { at, sopYaml, testRule } from '../../helpers/test-rule.js';

const p = (activity: string, extra = '') => `  - activity: ${activity}\n    actor: staf\n    time: 15 menit\n    output: Hasil${extra}`;
const d = (activity: string, extra = '') => `  - activity: ${activity}\n    actor: staf\n    type: decision\n    time: 15 menit${extra}`;
const sop = (...steps: string[]) => sopYaml({ steps: steps.join('\n') });
const files = (text: string) => ({ 'sops/KUL-001.yaml': text });
const F = 'sops/KUL-001.yaml';

const sound = sop(p('Terima', '\n    id: terima'), d('Lengkap?', '\n    ifNo: terima\n    labels: [Lengkap, Tidak lengkap]'), p('Arsip', '\n    next: end'));
const badId = sop(p('Terima', '\n    id: terima'), p('Periksa', '\n    next: trima'), p('Arsip'));
const farId = sop(p('Terima', '\n    id: terima'), p('Periksa', '\n    next: arsipkan-berkas'), p('Arsip'));
const noIds = sop(p('Terima'), p('Periksa', '\n    next: arsip'), p('Arsip'));
const badNumber = sop(p('Terima'), p('Periksa', '\n    next: 7'), p('Arsip'));
const dupIds = sop(p('Terima', '\n    id: terima'), p('Periksa', '\n    id: terima'));
const misplaced = sop(p('Terima', '\n    ifNo: end'), d('Lengkap?', '\n    ifNo: 1\n    next: 3'), p('Arsip', '\n    labels: [A, B]'));
const schemaBad = sop(p('Terima', '\n    next: Selesai'), p('Arsip', '\n    next: 0'));

testRule('step-ref', {
  valid: [
    { name: 'ids, numbers and end', files: files(sound) },
    { name: 'malformed references are the schema’s', files: files(schemaBad) },
  ],
  invalid: [
    { name: 'an unknown step id with a hint', files: files(badId), file: F, expected: [{ ...at(badId, 'trima'), messageIncludes: '`steps[1].next` (step 2) names the step id "trima", but no step has that id; did you mean `terima`?' }] },
    { name: 'an unknown step id, nothing close: the ids are listed', files: files(farId), file: F, expected: [{ ...at(farId, 'arsipkan-berkas'), messageIncludes: 'but no step has that id. Step ids: terima; or use a step number or `end`.' }] },
    { name: 'an unknown step id where no step has one', files: files(noIds), file: F, expected: [{ ...at(noIds, 'next: arsip', 1), column: at(noIds, 'next: arsip').column + 6, messageIncludes: 'No step has an `id`: add `id: arsip` to the target step, or use its number or `end`.' }] },
    { name: 'a step number past the end', files: files(badNumber), file: F, expected: [{ ...at(badNumber, '7'), messageIncludes: 'names step 7, but the SOP has 3 steps' }] },
    { name: 'a duplicate step id', files: files(dupIds), file: F, expected: [{ ...at(dupIds, 'terima', 2), messageIncludes: 'repeats the step id "terima" of step 1' }] },
    {
      name: 'branch keys on a process step, next on a decision',
      files: files(misplaced),
      file: F,
      expected: [
        { ...at(misplaced, 'ifNo: end'), messageIncludes: '`ifNo` is only used on decision steps' },
        { ...at(misplaced, 'next: 3'), messageIncludes: '`next` is ignored on a decision step' },
        { ...at(misplaced, 'labels'), messageIncludes: '`labels` is only used on decision steps' },
      ],
    },
  ],
});

const noIfNo = sop(p('Terima'), d('Lengkap?'), p('Arsip'));
const sameDefault = sop(p('Terima'), d('Lengkap?', '\n    ifNo: 3'), p('Arsip'));
const sameStepExplicit = sop(p('Terima'), d('Lengkap?', '\n    ifYes: 3\n    ifNo: 3'), p('Arsip'));
const sameEndDefault = sop(p('Terima'), d('Lengkap?', '\n    ifNo: end'));
const sameExplicit = sop(p('Terima', '\n    id: terima'), d('Lengkap?', '\n    ifYes: end\n    ifNo: end'), p('Arsip'));
testRule('decision-branches', {
  valid: [
    { name: 'two different exits', files: files(sound) },
    { name: 'an unresolved branch is step-ref’s', files: files(sop(p('Terima'), d('Lengkap?', '\n    ifNo: nowhere'), p('Arsip'))) },
  ],
  invalid: [
    { name: 'no ifNo', files: files(noIfNo), file: F, expected: [{ ...at(noIfNo, 'decision'), messageIncludes: '`steps[1]` (step 2) is a decision but has no `ifNo`' }] },
    { name: 'ifNo equals the default ifYes', files: files(sameDefault), file: F, expected: [{ ...at(sameDefault, 'ifNo: 3', 1), column: at(sameDefault, 'ifNo: 3').column + 6, messageIncludes: 'both branches of this decision go to step 3 (`ifYes` defaults to the following step)' }] },
    { name: 'both branches name the same step', files: files(sameStepExplicit), file: F, expected: [{ ...at(sameStepExplicit, 'ifNo: 3'), column: at(sameStepExplicit, 'ifNo: 3').column + 6, messageIncludes: 'both branches of this decision go to step 3 (`ifYes` and `ifNo` agree)' }] },
    { name: 'the last step: ifNo end equals the default ifYes', files: files(sameEndDefault), file: F, expected: [{ ...at(sameEndDefault, 'ifNo: end'), column: at(sameEndDefault, 'ifNo: end').column + 6, messageIncludes: 'both branches of this decision go to `end` (`ifYes` defaults to the following step)' }] },
    { name: 'both branches end', files: files(sameExplicit), file: F, expected: [{ ...at(sameExplicit, 'end', 2), messageIncludes: 'go to `end`' }] },
  ],
});

const island = sop(p('Terima', '\n    next: end'), p('Periksa'), p('Arsip'));
const skipBack = sop(p('Terima', '\n    next: 3'), p('Tidak terpakai', '\n    next: end'), p('Arsip'));
testRule('unreachable-step', {
  valid: [
    { name: 'a sound flow', files: files(sound) },
    { name: 'with a bad reference the graph is not judged', files: files(sop(p('Terima', '\n    next: nowhere'), p('Arsip'))) },
  ],
  invalid: [
    {
      name: 'steps after an early end',
      files: files(island),
      file: F,
      expected: [
        { ...at(island, 'Periksa'), messageIncludes: 'Step 2 cannot be reached from step 1' },
        { ...at(island, 'Arsip'), messageIncludes: 'Step 3 cannot be reached' },
      ],
    },
    { name: 'a step jumped over', files: files(skipBack), file: F, expected: [at(skipBack, 'Tidak terpakai')] },
  ],
});

const loop = sop(p('Terima'), p('Periksa', '\n    id: periksa'), p('Perbaiki', '\n    next: periksa'));
const selfLoop = sop(p('Terima'), p('Tunggu', '\n    next: 2'));
testRule('no-end', {
  valid: [
    { name: 'a loop with an exit', files: files(sound) },
    { name: 'a decision without ifNo is decision-branches’ (no noise here)', files: files(sop(p('Terima', '\n    id: t'), d('Lagi?', ''))) },
  ],
  invalid: [
    {
      name: 'a loop with no exit',
      files: files(loop),
      file: F,
      expected: [
        { ...at(loop, 'Terima'), messageIncludes: 'Step 1 can never reach an end' },
        { ...at(loop, 'Periksa'), messageIncludes: 'Step 2' },
        { ...at(loop, 'Perbaiki'), messageIncludes: 'Step 3' },
      ],
    },
    { name: 'a step pointing at itself', files: files(selfLoop), file: F, expected: [at(selfLoop, 'Terima'), at(selfLoop, 'Tunggu')] },
  ],
});

const many = sop(...Array.from({ length: 26 }, (_, i) => p(`Langkah ${i + 1}`)));
testRule('max-steps', {
  valid: [
    { name: '25 steps', files: files(sop(...Array.from({ length: 25 }, (_, i) => p(`Langkah ${i + 1}`)))) },
    { name: '26 steps with max 30', files: files(many), config: 'rules:\n  max-steps: {severity: warn, options: {max: 30}}\n' },
  ],
  invalid: [{ name: '26 steps', files: files(many), file: F, expected: [{ ...at(many, 'steps:'), messageIncludes: '26 steps, more than 25', severity: 'warn' }] }],
});

const bare = sop('  - activity: Terima\n    actor: staf', '  - activity: Periksa\n    actor: staf\n    time: 1 jam', '  - activity: Lengkap?\n    actor: staf\n    type: decision\n    ifNo: 1', '  - activity: Arsip\n    actor: staf\n    output: Arsip');
testRule('quality-standard', {
  valid: [{ name: 'complete steps; a decision needs no output', files: files(sound) }],
  invalid: [
    {
      name: 'one diagnostic per incomplete step',
      files: files(bare),
      file: F,
      expected: [
        { ...at(bare, 'Terima'), messageIncludes: 'Step 1 has no `time` and `output`', severity: 'warn' },
        { ...at(bare, 'Periksa'), messageIncludes: 'Step 2 has no `output`' },
        { ...at(bare, 'Lengkap?'), messageIncludes: 'Step 3 has no `time`' },
        { ...at(bare, 'Arsip'), messageIncludes: 'Step 4 has no `time`' },
      ],
    },
  ],
});

const times = (t: string) => sop(p('Terima').replace('15 menit', t), p('Arsip'));
testRule('time-format', {
  valid: ['15 menit', '2 jam', '1 hari', '3 hari kerja', '1-2 minggu', '1 s.d. 2 hari', '0,5 jam', '1 bulan', '30 minutes', '2 working days', '1 jam 30 menit', 'hk'.replace('hk', '2 hk')].map((t) => ({
    name: `"${t}"`,
    files: files(times(t)),
  })).concat([{ name: 'a number is the schema’s', files: files(times('15')) }]),
  invalid: ['segera', '"15"', 'dua jam', '1 jam 30', '3 harian', '2-1 hari'].map((t) => ({
    name: `"${t}"`,
    files: files(times(t)),
    file: F,
    expected: [{ ...at(times(t), t), messageIncludes: `(got "${t.replace(/"/g, '')}"). Units: menit, jam, hari, hari kerja` }],
  })),
});
