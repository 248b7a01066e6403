import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sop, tempTree } from '../helpers/cli.js';
import { parseCsv } from '../helpers/csv.js';

const HOSTILE = `sop: 1
id: KUL-009
number: 009/SOP/KUL/2026
title: "=HYPERLINK(\\"http://x\\") <b>tebal</b>"
unit: Subbagian <i>Umum</i>
status: approved
revision: 1
dates: {created: 2025-01-06, revised: 2026-02-02, effective: 2026-03-02}
approval: {position: Sekretaris, name: Budi, nip: "197901012005011001"}
legalBasis: [UU 43/2009]
actors:
  - {id: staf, name: Staf}
steps:
  - {activity: A, actor: staf, time: 1 jam, output: X}
  - {activity: B, actor: staf, time: 1 jam, output: Y}
socialization:
  - {date: 2026-03-09, audience: "<script>alert(1)</script>", place: "Aula & Lobi"}
monitoring:
  - {date: 2026-08-03, assessor: "<b>Penilai</b>", result: poor, notes: "<img src=x onerror=alert(1)>", action: "[klik](javascript:alert(1))"}
evaluations:
  - date: 2026-01-20
    evaluator: Tim
    criteria: {improvesPerformance: true, easyToUnderstand: true, easyToApply: true, rolesClear: true, solvesProblems: true, meetsNeeds: true, synergy: false}
    decision: revise
`;

let t: { dir: string; cleanup(): void };
beforeAll(() => {
  t = tempTree({ 'sop.config.yaml': 'organization: {name: "KPU <Kota>"}\n', 'sops/KUL-009.yaml': HOSTILE });
});
afterAll(() => t.cleanup());
const run = async (args: string[]) => {
  const res = await sop([...args, '--today', '2026-12-10'], t.dir);
  expect(res.code, res.stderr).toBe(0);
  return res.stdout;
};

describe('forms and register with hostile text, outside git', () => {
  it('escape every value in HTML; the dashboard keeps no script', async () => {
    for (const args of [['report', 'monitoring', '--period', '2026-S2'], ['report', 'evaluation', '--year', '2026'], ['report', 'attendance', '--sop', 'KUL-009'], ['report', 'register']]) {
      const html = await run(args);
      expect(html, args.join(" ")).not.toMatch(/<script|<img|<b>tebal|<i>Umum|<b>Penilai|href="javascript/);
      expect(html).toContain('KPU &lt;Kota&gt;');
    }
    const mon = await run(['report', 'monitoring', '--period', '2026-S2']);
    expect(mon).toContain('<td>&lt;img src=x onerror=alert(1)&gt;</td>');
    expect(mon).toContain('<td>[klik](javascript:alert(1))</td>'); // inline Markdown, but only safe links become links
    expect(await run(['report', 'attendance', '--sop', 'KUL-009'])).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('reads the follow-up from the file without git, and keeps spreadsheet formulas out of the CSV', async () => {
    const csv = parseCsv(await run(['report', 'register', '-f', 'csv']));
    const row = csv[1]!;
    expect(row[2]).toBe('\'=HYPERLINK("http://x") <b>tebal</b>');
    expect(row[csv[0]!.indexOf('Tindak Lanjut')]).toBe('Revisi 1, 2 Februari 2026');
  });

  it('prints the register to PDF', async () => {
    const res = await sop(['report', 'register', '-f', 'pdf', '-o', 'register.pdf', '--today', '2026-12-10'], t.dir);
    expect(res).toMatchObject({ code: 0, stderr: 'sop: wrote register.pdf\n' });
    const text = execFileSync('pdftotext', [path.join(t.dir, 'register.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('REGISTER SOP');
    expect(text).toContain('009/SOP/KUL/2026');
    expect(readFileSync(path.join(t.dir, 'register.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
