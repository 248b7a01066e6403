import { minimalSop } from '../helpers/cli.js';
import type { TestRepo } from './repo-helper.js';

/** KUL-001 at each stage of a scripted life. */
export const sopAt = {
  draft0: minimalSop('KUL-001'),
  approved0: minimalSop('KUL-001')
    .replace('status: draft', 'status: approved')
    .replace('revision: 0\n', 'revision: 0\nnumber: 001/SOP/KUL/2024\n')
    .replace('dates: {created: 2024-03-11}', 'dates: {created: 2024-03-11, effective: 2024-04-01}\napproval:\n  position: Sekretaris\n  name: Budi Santoso\n  nip: "197901012005011001"'),
};
const approved = sopAt.approved0;
const implemented0 = approved.replace('status: approved', 'status: implemented').replace('effective: 2024-04-01}', 'effective: 2024-04-01, implemented: 2024-05-02}');
const evaluated0 = `${implemented0.replace('status: implemented', 'status: evaluated')}evaluations:
  - date: 2025-04-10
    evaluator: Tim Evaluasi
    criteria: {improvesPerformance: true, easyToUnderstand: true, easyToApply: false, rolesClear: true, solvesProblems: true, meetsNeeds: true, synergy: true}
    decision: revise
`;
const revised1 = evaluated0
  .replace('status: evaluated', 'status: draft')
  .replace('revision: 0', 'revision: 1')
  .replace('implemented: 2024-05-02}', 'implemented: 2024-05-02, revised: 2025-05-01}')
  .replace('    time: 15 menit\n    output: Arsip', '    time: 10 menit\n    output: Arsip\n  - activity: Melaporkan arsip\n    actor: staf\n    time: 5 menit\n    output: Laporan');
const approved1 = revised1.replace('status: draft', 'status: approved').replace('effective: 2024-04-01', 'effective: 2025-06-02').replace('name: Budi Santoso', 'name: Siti Aminah');
export const life = { draft0: sopAt.draft0, approved0: approved, implemented0, evaluated0, revised1, approved1 };

/** Commit the scripted life of sops/kul-001.yaml; returns the commit ids in order. */
export function scriptLife(r: TestRepo): string[] {
  const steps: Array<[string, string, string]> = [
    [life.draft0, 'Draft KUL-001', '2024-03-11'],
    [life.approved0, 'sop(KUL-001): approved', '2024-04-01'],
    [life.implemented0, 'sop(KUL-001): implemented', '2024-05-02'],
    [life.evaluated0, 'sop(KUL-001): evaluated', '2025-04-10'],
    [life.revised1, 'sop(KUL-001): revise', '2025-05-01'],
    [life.approved1, 'sop(KUL-001): approved', '2025-06-02'],
  ];
  return steps.map(([text, msg, date]) => {
    r.write('sops/kul-001.yaml', text);
    return r.commit(msg, date, msg.includes('approved') ? 'Siti Aminah' : 'Admin Tester');
  });
}
