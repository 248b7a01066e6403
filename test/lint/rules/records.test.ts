import { APPROVED_TOP, at, sopYaml, testRule } from '../../helpers/test-rule.js';
import { SCHEMA_SHAPES } from '../../helpers/schema-shapes.js';

const F = 'sops/KUL-001.yaml';
const files = (text: string, extra: Record<string, string> = {}) => ({ [F]: text, ...extra });
const CRIT = '{improvesPerformance: true, easyToUnderstand: true, easyToApply: true, rolesClear: true, solvesProblems: true, meetsNeeds: true, synergy: true}';
const implemented = (tail: string, dates = '{created: 2024-03-11, effective: 2024-04-01, implemented: 2024-04-15}') => sopYaml({ status: 'implemented', top: APPROVED_TOP, dates, tail });

// --- evidence-exists ---------------------------------------------------------------------------
const EVIDENCE = { 'evidence/daftar-hadir.pdf': '%PDF-1.4 daftar hadir\n', 'evidence/notulen.pdf': '%PDF-1.4 notulen\n' };
const goodEvidence = implemented(
  'socialization:\n  - date: 2024-04-10\n    audience: Pelaksana\n    evidence: [evidence/daftar-hadir.pdf, "https://drive.example.go.id/foto"]\n' +
    `evaluations:\n  - date: 2025-04-01\n    evaluator: Tim\n    criteria: ${CRIT}\n    decision: keep\n    meeting: {date: 2025-04-02, minutes: evidence/notulen.pdf, attendance: ./evidence/daftar-hadir.pdf}`,
);
const missing = implemented('monitoring:\n  - date: 2024-10-01\n    assessor: Kasubbag\n    result: good\n    evidence:\n      - evidence/daftar-hadir.pdf\n      - evidence/foto-monitoring.jpg');
const escape = implemented('socialization:\n  - date: 2024-04-10\n    audience: Pelaksana\n    evidence: [../outside.pdf, /etc/passwd, evidence]');
const meetingBad = implemented(`evaluations:\n  - date: 2025-04-01\n    evaluator: Tim\n    criteria: ${CRIT}\n    decision: keep\n    meeting: {date: 2025-04-02, minutes: "ftp://example.org/notulen", attendance: evidence/hadir.pdf}`);

testRule('evidence-exists', {
  valid: [
    { name: 'repository files (also written ./…) and https URLs', files: files(goodEvidence, EVIDENCE) },
    { name: 'no evidence at all', files: files(implemented('monitoring:\n  - {date: 2024-10-01, assessor: Kasubbag, result: good}')) },
  ],
  invalid: [
    { name: 'a file that does not exist', files: files(missing, EVIDENCE), file: F, expected: [{ ...at(missing, 'evidence/foto-monitoring.jpg'), messageIncludes: '`monitoring[0].evidence[1]` names "evidence/foto-monitoring.jpg": no such file in the repository' }] },
    {
      name: 'outside the repository, absolute, a folder',
      files: files(escape, EVIDENCE),
      file: F,
      expected: [
        { ...at(escape, '../outside.pdf'), messageIncludes: 'leads outside the repository' },
        { ...at(escape, '/etc/passwd'), messageIncludes: 'an absolute path' },
        { ...at(escape, 'evidence]'), messageIncludes: 'it is a folder, not a file' },
      ],
    },
    {
      name: 'meeting minutes with another scheme, attendance missing',
      files: files(meetingBad, EVIDENCE),
      file: F,
      expected: [
        { ...at(meetingBad, '"ftp://'), messageIncludes: 'only http:// and https:// addresses' },
        { ...at(meetingBad, 'evidence/hadir.pdf'), messageIncludes: '`evaluations[0].meeting.attendance`' },
      ],
    },
  ],
});

// --- review-due --------------------------------------------------------------------------------
const fresh = implemented(`monitoring:\n  - {date: 2025-01-10, assessor: Kasubbag, result: good}\nevaluations:\n  - date: 2025-03-01\n    evaluator: Tim\n    criteria: ${CRIT}\n    decision: keep`);
const neverReviewed = implemented('');
const stale = implemented(`monitoring:\n  - {date: 2024-10-01, assessor: Kasubbag, result: good}\n  - {date: 2024-09-01, assessor: Kasubbag, result: poor}\nevaluations:\n  - date: 2024-06-01\n    evaluator: Tim\n    criteria: ${CRIT}\n    decision: keep`);
testRule('review-due', {
  valid: [
    { name: 'monitoring and evaluation within their intervals', files: files(fresh), today: '2025-06-01' },
    { name: 'due today is not overdue', files: files(fresh), today: '2025-07-10' },
    { name: 'a draft is never due', files: files(sopYaml()), today: '2030-01-01' },
    { name: 'a withdrawn SOP is never due', files: files(sopYaml({ status: 'withdrawn', top: APPROVED_TOP, dates: '{created: 2020-01-01, effective: 2020-02-01}' })), today: '2030-01-01' },
    { name: 'longer intervals in the config', files: files(stale), config: 'review: {monitoringMonths: 12, evaluationMonths: 24}\n', today: '2025-06-01' },
    { name: 'silent without a today (library use)', files: files(neverReviewed) },
  ],
  invalid: [
    {
      name: 'never monitored nor evaluated: reported at dates.effective',
      files: files(neverReviewed),
      file: F,
      today: '2025-04-02',
      expected: [
        { ...at(neverReviewed, '2024-04-01'), severity: 'warn', messageIncludes: 'Evaluation is overdue: it was due on 2025-04-01 (12 months after dates.effective 2024-04-01)' },
        { ...at(neverReviewed, '2024-04-01'), severity: 'warn', messageIncludes: 'Monitoring is overdue: it was due on 2024-10-01 (6 months after dates.effective 2024-04-01), as of 2025-04-02. Record one with `sop monitor KUL-001`.' },
      ],
    },
    {
      name: 'overdue after the latest record: reported at its date',
      files: files(stale),
      file: F,
      today: '2025-06-02',
      expected: [
        { ...at(stale, '2024-10-01'), messageIncludes: 'due on 2025-04-01 (6 months after the last monitoring on 2024-10-01), as of 2025-06-02' },
        { ...at(stale, '2024-06-01'), messageIncludes: 'Evaluation is overdue: it was due on 2025-06-01' },
      ],
    },
  ],
});

// --- schema: the new fields --------------------------------------------------------------------
const badMethod = implemented('monitoring:\n  - {date: 2024-10-01, assessor: Kasubbag, result: good, method: survei}');
const badAttendees = implemented('socialization:\n  - {date: 2024-04-10, audience: Pelaksana, attendees: -3}');
const noAudience = implemented('socialization:\n  - {date: 2024-04-10, place: Aula}');
testRule('schema', {
  valid: [
    {
      name: 'every new field',
      files: files(
        implemented(
          'socialization:\n  - {date: 2024-04-10, place: Aula, audience: Pelaksana, attendees: 12, notes: Lancar, x-undangan: U-1}\n' +
            'monitoring:\n  - {date: 2024-10-01, assessor: Kasubbag, method: interview pelaksana, result: poor, notes: N, action: A, evidence: ["https://example.org/f"]}\n' +
            `evaluations:\n  - {date: 2025-04-01, evaluator: Tim, criteria: ${CRIT}, decision: revise, meeting: {date: 2025-04-02, place: Aula, minutes: "https://example.org/n"}, evidence: []}`,
        ),
      ),
    },
  ],
  invalid: [
    { name: 'a method the guideline does not name', files: files(badMethod), file: F, expected: [{ ...at(badMethod, 'survei') }] },
    { name: 'a negative attendance', files: files(badAttendees), file: F, expected: [{ ...at(badAttendees, '-3') }] },
    { name: 'a socialisation without audience', files: files(noAudience), file: F, expected: [{ ...at(noAudience, '{date: 2024-04-10, place') }] },
  ],  unreached: SCHEMA_SHAPES,
});
