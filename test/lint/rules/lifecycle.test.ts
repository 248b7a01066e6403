import { APPROVED_TOP, at, sopYaml, testRule } from '../../helpers/test-rule.js';

const files = (text: string) => ({ 'sops/KUL-001.yaml': text });
const F = 'sops/KUL-001.yaml';
const EVAL = (date: string) => `evaluations:\n  - date: ${date}\n    evaluator: Tim\n    decision: keep\n    criteria: {improvesPerformance: true, easyToUnderstand: true, easyToApply: true, rolesClear: true, solvesProblems: true, meetsNeeds: true, synergy: true}`;
const full = (status: string, dates: string, tail?: string) => sopYaml({ status, top: APPROVED_TOP, dates, tail });

const bareApproved = sopYaml({ status: 'approved' });
const noNip = sopYaml({ status: 'approved', top: 'number: 001/SOP/KUL/2024\napproval: {position: Sekretaris, name: Nama}', dates: '{created: 2024-03-11, effective: 2024-04-01}' });
const implementedNoDate = full('implemented', '{created: 2024-03-11, effective: 2024-04-01}');
const evaluatedOld = full('evaluated', '{created: 2024-03-11, effective: 2024-04-01, implemented: 2024-04-02}', EVAL('2024-03-20'));
const evaluatedNone = full('evaluated', '{created: 2024-03-11, effective: 2024-04-01, implemented: 2024-04-02}');
const evaluatedNoImpl = full('evaluated', '{created: 2024-03-11, effective: 2024-04-01}');
const evaluatedBadEffective = full('evaluated', '{created: 2024-03-11, effective: 2024-02-30, implemented: 2024-04-02}');
const evaluatedBadEffectiveNoImpl = full('evaluated', '{created: 2024-03-11, effective: 2024-02-30}');

testRule('status-requirements', {
  valid: [
    { name: 'a draft needs nothing', files: files(sopYaml()) },
    { name: 'withdrawn needs nothing', files: files(sopYaml({ status: 'withdrawn' })) },
    { name: 'approved with everything', files: files(full('approved', '{created: 2024-03-11, effective: 2024-04-01}')) },
    { name: 'evaluated with an evaluation on the effective day', files: files(full('evaluated', '{created: 2024-03-11, effective: 2024-04-01, implemented: 2024-04-02}', EVAL('2024-04-01'))) },
    { name: 'an unknown status is the schema’s', files: files(sopYaml({ status: 'disetujui' })) },
  ],
  invalid: [
    { name: 'approved with nothing', files: files(bareApproved), file: F, expected: [{ ...at(bareApproved, 'status'), messageIncludes: 'Status `approved` requires `number`, `approval` (position, name, nip) and `dates.effective`, which are missing' }] },
    { name: 'approval without nip (position and name are the schema’s)', files: files(noNip), file: F, expected: [{ ...at(noNip, 'status'), messageIncludes: 'requires `approval.nip`, which is missing' }] },
    { name: 'implemented without the date', files: files(implementedNoDate), file: F, expected: [{ ...at(implementedNoDate, 'status'), messageIncludes: '`dates.implemented`' }] },
    { name: 'evaluated with an evaluation before the effective date', files: files(evaluatedOld), file: F, expected: [{ ...at(evaluatedOld, 'status'), messageIncludes: 'an `evaluations` entry dated on or after `dates.effective` (2024-04-01)' }] },
    { name: 'evaluated without evaluations', files: files(evaluatedNone), file: F, expected: [{ ...at(evaluatedNone, 'status'), messageIncludes: 'evaluations' }] },
    {
      name: 'evaluated without the implementation date and evaluations',
      files: files(evaluatedNoImpl),
      file: F,
      expected: [{ ...at(evaluatedNoImpl, 'status'), messageIncludes: 'Status `evaluated` requires `dates.implemented` and an `evaluations` entry dated on or after `dates.effective` (2024-04-01), which are missing. Add them' }],
    },
    { name: 'evaluated, an unusable effective date: any evaluation', files: files(evaluatedBadEffective), file: F, expected: [{ ...at(evaluatedBadEffective, 'status'), messageIncludes: 'Status `evaluated` requires an `evaluations` entry, which is missing. Add it' }] },
    {
      name: 'evaluated, an unusable effective date, no implementation date',
      files: files(evaluatedBadEffectiveNoImpl),
      file: F,
      expected: [{ ...at(evaluatedBadEffectiveNoImpl, 'status'), messageIncludes: 'Status `evaluated` requires `dates.implemented` and an `evaluations` entry, which are missing.' }],
    },
  ],
});

const feb29 = sopYaml({ dates: '{created: 2023-02-29}' });
const month13 = sopYaml({ dates: '{created: 2024-03-11, revised: 2024-13-01}', revision: 1 });
const monitoring = sopYaml({ tail: 'monitoring:\n  - {date: 2024-04-31, assessor: Kasubbag, result: good}' });
const evalDay0 = sopYaml({ tail: EVAL('2024-05-00') });
// Records (socialisation, monitoring, evaluations) of an implemented SOP.
const CRIT = '{improvesPerformance: true, easyToUnderstand: true, easyToApply: true, rolesClear: true, solvesProblems: true, meetsNeeds: true, synergy: true}';
const implemented = (tail: string, dates = '{created: 2024-03-11, effective: 2024-04-01, implemented: 2024-04-15}') => full('implemented', dates, tail);
const socialEarly = implemented('socialization:\n  - {date: 2024-03-20, audience: Pelaksana}');
const monitorBeforeImpl = implemented('monitoring:\n  - {date: 2024-04-10, assessor: Kasubbag, result: good}');
const meetingEarly = implemented(`evaluations:\n  - date: 2025-04-01\n    evaluator: Tim\n    criteria: ${CRIT}\n    decision: keep\n    meeting: {date: 2025-03-30}`);
const socialBad = implemented('socialization:\n  - {date: 2024-04-31, audience: Pelaksana}');
const meetingBadDay = implemented(`evaluations:\n  - date: 2025-04-01\n    evaluator: Tim\n    criteria: ${CRIT}\n    decision: keep\n    meeting: {date: 2025-02-30}`);

testRule('date-valid', {
  valid: [
    { name: 'a leap day', files: files(sopYaml({ dates: '{created: 2024-02-29}' })) },
    { name: '2000 was a leap year', files: files(sopYaml({ dates: '{created: 2000-02-29}' })) },
    { name: 'a wrong shape is the schema’s', files: files(sopYaml({ dates: '{created: 11-03-2024}' })) },
  ],
  invalid: [
    { name: '29 February 2023', files: files(feb29), file: F, expected: [{ ...at(feb29, '2023-02-29'), messageIncludes: '`dates.created` is not a real calendar day: 2023-02 has no day 29 (got "2023-02-29")' }] },
    { name: 'month 13', files: files(month13), file: F, expected: [{ ...at(month13, '2024-13-01'), messageIncludes: 'month 13 does not exist' }] },
    { name: 'a monitoring date', files: files(monitoring), file: F, expected: [{ ...at(monitoring, '2024-04-31'), messageIncludes: '`monitoring[0].date`' }] },
    { name: 'an evaluation date with day 00', files: files(evalDay0), file: F, expected: [{ ...at(evalDay0, '2024-05-00'), messageIncludes: 'day 00' }] },
    { name: 'a socialisation date', files: files(socialBad), file: F, expected: [{ ...at(socialBad, '2024-04-31'), messageIncludes: '`socialization[0].date` is not a real calendar day' }] },
    { name: 'a meeting date', files: files(meetingBadDay), file: F, expected: [{ ...at(meetingBadDay, '2025-02-30'), messageIncludes: '`evaluations[0].meeting.date`' }] },
  ],
});

const effBefore = sopYaml({ dates: '{created: 2024-03-11, effective: 2024-03-01}' });
const implBefore = sopYaml({ dates: '{created: 2024-03-11, effective: 2024-04-01, implemented: 2024-03-31}' });
const noRevised = sopYaml({ revision: 2 });
const revisedEarly = sopYaml({ revision: 1, dates: '{created: 2024-03-11, revised: 2025-05-01, effective: 2025-06-01}', tail: EVAL('2024-01-05') });
const revisedBefore = sopYaml({ revision: 1, dates: '{created: 2024-03-11, revised: 2024-01-01}' });
const monitorEarly = sopYaml({ dates: '{created: 2024-03-11, effective: 2024-04-01}', tail: `monitoring:\n  - {date: 2024-03-15, assessor: Kasubbag, result: good}\n${EVAL('2024-03-16')}` });
testRule('date-order', {
  valid: [
    { name: 'same-day dates', files: files(sopYaml({ dates: '{created: 2024-03-11, effective: 2024-03-11, implemented: 2024-03-11}' })) },
    { name: 'revision with a date', files: files(sopYaml({ revision: 1, dates: '{created: 2024-03-11, revised: 2025-01-02}' })) },
    { name: 'an impossible date is date-valid’s', files: files(sopYaml({ dates: '{created: 2024-03-11, effective: 2023-02-29}' })) },
    {
      name: 'a revised SOP keeps the evaluation of its previous revision',
      files: files(sopYaml({ revision: 1, dates: '{created: 2024-03-11, revised: 2025-05-01, effective: 2025-06-01}', tail: EVAL('2025-04-01') })),
    },
    { name: 'monitoring on the day implementation began; meeting on the evaluation day', files: files(implemented(`monitoring:\n  - {date: 2024-04-15, assessor: Kasubbag, result: good}\nevaluations:\n  - date: 2025-04-01\n    evaluator: Tim\n    criteria: ${CRIT}\n    decision: keep\n    meeting: {date: 2025-04-01}`)) },
    { name: 'socialisation on the effective day', files: files(implemented('socialization:\n  - {date: 2024-04-01, audience: Pelaksana}')) },
  ],
  invalid: [
    { name: 'effective before created', files: files(effBefore), file: F, expected: [{ ...at(effBefore, '2024-03-01'), messageIncludes: '`dates.effective` (2024-03-01) is before `dates.created` (2024-03-11)' }] },
    { name: 'implemented before effective', files: files(implBefore), file: F, expected: [{ ...at(implBefore, '2024-03-31'), messageIncludes: '`dates.implemented`' }] },
    { name: 'revision without revised', files: files(noRevised), file: F, expected: [{ ...at(noRevised, 'dates'), messageIncludes: '`dates.revised` is required when `revision` is 2' }] },
    { name: 'revised before created', files: files(revisedBefore), file: F, expected: [{ ...at(revisedBefore, '2024-01-01'), messageIncludes: 'a revision cannot predate the SOP' }] },
    {
      name: 'a revised SOP: a record before the first draft',
      files: files(revisedEarly),
      file: F,
      expected: [{ ...at(revisedEarly, '2024-01-05'), messageIncludes: '`evaluations[0].date` (2024-01-05) is before `dates.created` (2024-03-11); a record cannot predate the SOP' }],
    },
    {
      name: 'monitoring and evaluation before the effective date',
      files: files(monitorEarly),
      file: F,
      expected: [
        { ...at(monitorEarly, '2024-03-15'), messageIncludes: '`monitoring[0].date` (2024-03-15) is before `dates.effective`' },
        { ...at(monitorEarly, '2024-03-16'), messageIncludes: '`evaluations[0].date`' },
      ],
    },
    { name: 'socialisation before the effective date', files: files(socialEarly), file: F, expected: [{ ...at(socialEarly, '2024-03-20'), messageIncludes: '`socialization[0].date` (2024-03-20) is before `dates.effective` (2024-04-01); an SOP is socialised once it is adopted' }] },
    { name: 'monitoring before implementation began', files: files(monitorBeforeImpl), file: F, expected: [{ ...at(monitorBeforeImpl, '2024-04-10'), messageIncludes: '`monitoring[0].date` (2024-04-10) is before `dates.implemented` (2024-04-15)' }] },
    { name: 'a meeting before its evaluation', files: files(meetingEarly), file: F, expected: [{ ...at(meetingEarly, '2025-03-30'), messageIncludes: '`evaluations[0].meeting.date` (2025-03-30) is before `evaluations[0].date` (2025-04-01)' }] },
  ],
});

const withNip = (nip: string) => sopYaml({ status: 'approved', top: APPROVED_TOP.replace('197901012005011001', nip), dates: '{created: 2024-03-11, effective: 2024-04-01}' });
const nipRow = (nip: string, part: string) => ({ name: `${nip}: ${part}`, files: files(withNip(nip)), file: F, expected: [{ ...at(withNip(nip), `"${nip}"`), messageIncludes: part }] });
testRule('nip', {
  valid: [
    { name: 'a plausible NIP', files: files(withNip('197901012005011001')) },
    { name: 'sex digit 2', files: files(withNip('198512312010122001')) },
    { name: 'not 18 digits is the schema’s', files: files(withNip('19790101')) },
  ],
  invalid: [
    nipRow('197902302005011001', 'digits 1–8 (birth date, YYYYMMDD) "19790230" are not a real day'),
    nipRow('193001012005011001', 'birth year) 1930 are outside 1940–'),
    nipRow('197901012005131001', 'digits 13–14 (appointment month) "13"'),
    nipRow('197901011990011001', 'appointment year) 1990 are less than 17 years after the birth year 1979'),
    nipRow('197901012005013001', 'digit 15 (sex) "3" must be 1 (male) or 2 (female)'),
    nipRow('197901012999011001', 'appointment year) 2999 are in the future'),
  ],
});
