import { afterEach, describe, expect, it } from 'vitest';
import type { LintReport } from '../../src/lint/diagnostic.js';
import { sop } from '../helpers/cli.js';
import { life } from '../lifecycle/life.js';
import { testRepo, type TestRepo } from '../lifecycle/repo-helper.js';

const repos: TestRepo[] = [];
afterEach(() => repos.splice(0).forEach((r) => r.cleanup()));

const withdrawn0 = life.approved0.replace('status: approved', 'status: withdrawn');
const A = 'sops/kul-001.yaml';

interface Case {
  name: string;
  base: Record<string, string>;
  /** Commits on the branch: files to write (null removes), one commit each. */
  commits: Array<Record<string, string | null>>;
  /** Uncommitted changes after the commits. */
  work?: Record<string, string | null>;
  /** Expected lifecycle-transition diagnostics: "file:line message-start". */
  expect: string[];
}

const cases: Case[] = [
  // invalid changes
  { name: 'a skipped stage', base: { [A]: life.draft0 }, commits: [{ [A]: life.implemented0 }], expect: [`${A}:5 draft r0 → implemented r0 (commit`] },
  { name: 'a stage going back', base: { [A]: life.implemented0 }, commits: [{ [A]: life.approved0 }], expect: [`${A}:5 implemented r0 → approved r0`] },
  { name: 'content changed after approval without a revision', base: { [A]: life.approved0 }, commits: [{ [A]: life.approved0.replace('title: Contoh', 'title: Contoh Lain') }], expect: [`${A}:3 The content changed after approval without a revision (approved r0, since main, merge base`] },
  { name: 'a content change hidden in an implementation', base: { [A]: life.approved0 }, commits: [{ [A]: life.implemented0.replace('time: 15 menit\n    output: Arsip', 'time: 1 jam\n    output: Arsip') }], expect: [`${A}:23 The content changed after approval without a revision`] }, // at step 2's time
  { name: 'a step added after approval', base: { [A]: life.approved0 }, commits: [], work: { [A]: `${life.approved0}  - activity: Melapor\n    actor: staf\n    time: 5 menit\n    output: Laporan\n` }, expect: [`${A}:25 The content changed after approval without a revision`] },
  { name: 'a revision going down', base: { [A]: life.revised1 }, commits: [{ [A]: life.revised1.replace('revision: 1', 'revision: 0') }], expect: [`${A}:6 draft r1 → draft r0`] },
  { name: 'a revision without returning to draft', base: { [A]: life.approved0 }, commits: [{ [A]: life.approved0.replace('revision: 0', 'revision: 1') }], expect: [`${A}:6 approved r0 → approved r1`] },
  { name: 'draft without a revision', base: { [A]: life.approved0 }, commits: [], work: { [A]: life.approved0.replace('status: approved', 'status: draft') }, expect: [`${A}:6 approved r0 → draft r0 (working tree)`] },
  { name: 'a withdrawn SOP coming back', base: { [A]: withdrawn0 }, commits: [{ [A]: life.approved0 }], expect: [`${A}:5 withdrawn r0 → approved r0`] },
  { name: 'an id that changed', base: { [A]: life.draft0 }, commits: [{ [A]: life.draft0.replace('id: KUL-001', 'id: KUL-009') }], expect: [`${A}:2 The id changed from \`KUL-001\` to \`KUL-009\``] },
  { name: 'an SOP deleted instead of withdrawn', base: { [A]: life.approved0, 'sops/b.yaml': life.draft0.replace('KUL-001', 'KUL-002') }, commits: [{ [A]: null }], expect: [`sops:1 KUL-001 (approved r0 at \`main\`, file ${A}) was deleted instead of withdrawn`] }, // on a path that exists
  { name: 'an SOP deleted, with a config', base: { [A]: life.approved0, 'sops/b.yaml': life.draft0.replace('KUL-001', 'KUL-002'), 'sop.config.yaml': 'locale: id\n' }, commits: [{ [A]: null }], expect: [`sop.config.yaml:1 KUL-001 (approved r0 at \`main\`, file ${A}) was deleted instead of withdrawn`] },
  { name: 'a skip in the middle of a branch', base: { [A]: life.draft0 }, commits: [{ [A]: life.approved0 }, { [A]: life.evaluated0.replace('implemented: 2024-05-02', '') }, { [A]: life.evaluated0 }], expect: [`${A}:5 approved r0 → evaluated r0 (commit`] },
  // valid changes
  { name: 'approval', base: { [A]: life.draft0 }, commits: [{ [A]: life.approved0 }], expect: [] },
  { name: 'implementation then evaluation in two commits', base: { [A]: life.approved0 }, commits: [{ [A]: life.implemented0 }, { [A]: life.evaluated0 }], expect: [] },
  { name: 'a whole revision in one branch', base: { [A]: life.evaluated0 }, commits: [{ [A]: life.revised1 }, { [A]: life.approved1 }], expect: [] },
  { name: 'a withdrawal with a successor', base: { [A]: life.implemented0 }, commits: [{ [A]: `${life.implemented0.replace('status: implemented', 'status: withdrawn')}supersededBy: KUL-002\n` }], expect: [] },
  { name: 'deleting a withdrawn SOP', base: { [A]: withdrawn0, 'sops/b.yaml': life.draft0.replace('KUL-001', 'KUL-002') }, commits: [{ [A]: null }], expect: [] },
  { name: 'a committed rename', base: { [A]: life.approved0 }, commits: [{ [A]: null, 'sops/umum/kul-001.yaml': life.approved0 }], expect: [] },
  { name: 'an uncommitted move', base: { [A]: life.implemented0 }, commits: [], work: { [A]: null, 'sops/umum/kul-001.yaml': life.implemented0 }, expect: [] },
  { name: 'monitoring added to an implemented SOP', base: { [A]: life.implemented0 }, commits: [{ [A]: `${life.implemented0}monitoring:\n  - {date: 2024-10-01, assessor: Tim, result: good}\n` }], expect: [] },
  { name: 'a new SOP and draft edits', base: { [A]: life.draft0 }, commits: [{ [A]: life.draft0.replace('title: Contoh', 'title: Baru'), 'sops/b.yaml': life.approved0.replace('KUL-001', 'KUL-002').replace('001/SOP', '002/SOP') }], expect: [] },
  { name: 'no change', base: { [A]: life.approved0 }, commits: [], expect: [] },
];

function build(c: Case): TestRepo {
  const r = testRepo(c.base);
  repos.push(r);
  r.commit('base', '2024-01-01');
  r.git(['checkout', '-q', '-b', 'feature']);
  const apply = (files: Record<string, string | null>) => {
    for (const [f, t] of Object.entries(files)) t === null ? r.remove(f) : r.write(f, t);
  };
  c.commits.forEach((files, i) => {
    apply(files);
    r.commit(`change ${i + 1}`, `2024-02-0${i + 1}`);
  });
  if (c.work) apply(c.work);
  return r;
}

describe('sop lint --since', () => {
  it.each(cases)('$name', async (c) => {
    const r = build(c);
    const res = await sop(['lint', '--since', 'main', '-f', 'json'], r.dir);
    const report = JSON.parse(res.stdout) as LintReport;
    const found = report.files.flatMap((f) => f.diagnostics.filter((d) => d.ruleId === 'lifecycle-transition').map((d) => `${d.file}:${d.range.start.line} ${d.message}`));
    expect(found).toHaveLength(c.expect.length);
    c.expect.forEach((e, i) => expect(found[i]).toContain(e));
    if (c.expect.length) expect(res.code).toBe(1);
    // without --since the rule has no base data and reports nothing
    const plain = JSON.parse((await sop(['lint', '-f', 'json'], r.dir)).stdout) as LintReport;
    expect(plain.files.flatMap((f) => f.diagnostics).filter((d) => d.ruleId === 'lifecycle-transition')).toEqual([]);
  });

  it('words a finding in full and refuses bad refs', async () => {
    const r = build(cases[0]!);
    const res = await sop(['lint', '--since', 'main', A, '--today', '2024-06-01'], r.dir);
    const hash = r.git(['rev-parse', '--short=7', 'HEAD']).trim();
    const base = r.git(['rev-parse', '--short=7', 'main']).trim();
    expect(res.stdout).toContain(`5:9  error  draft r0 → implemented r0 (commit ${hash} "change 1") is not a valid lifecycle change since \`main\`: a stage was skipped; the lifecycle is draft → approved → implemented → evaluated.  lifecycle-transition`);
    void base;
    expect(await sop(['lint', '--since', '--upload-pack=x'], r.dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('may not start with `-`') });
    expect(await sop(['lint', '--since', 'no-such-branch'], r.dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('Unknown git revision `no-such-branch`') });
  });
});
