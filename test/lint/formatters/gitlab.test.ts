import { describe, expect, it } from 'vitest';
import { gitlab } from '../../../src/lint/formatters/gitlab.js';
import { clean, ctx, report } from './fixture.js';

describe('gitlab formatter (Code Quality)', () => {
  const issues = JSON.parse(gitlab(report, ctx)) as Array<Record<string, any>>;

  it('writes one Code Quality issue per diagnostic: description, check name, severity, path and lines', () => {
    expect(issues.map(({ fingerprint, ...rest }) => rest)).toEqual([
      { description: 'Unknown key `actr` in `steps[0]` (step 1); did you mean `actor`?', check_name: 'schema', severity: 'major', location: { path: 'sops/kul/KUL-004.yaml', lines: { begin: 3, end: 3 } } },
      { description: '`steps[2].requirements` (step 3) must be a list, not the number 5.', check_name: 'schema', severity: 'major', location: { path: 'sops/kul/KUL-004.yaml', lines: { begin: 9, end: 9 } } },
      { description: 'The SOP lists no legal basis.', check_name: 'legal-basis', severity: 'minor', location: { path: 'sops/kul/KUL-004.yaml', lines: { begin: 12, end: 12 } } },
      { description: '50% done <b>&</b> "q" \'a\'\r\nline two\u0000end', check_name: 'yaml-syntax', severity: 'major', location: { path: 'sops/odd, name:1.yaml', lines: { begin: 1, end: 2 } } },
    ]);
  });

  it('gives every issue its own fingerprint, the same when lines move, different for a repeated issue', () => {
    const prints = issues.map((i) => i.fingerprint as string);
    for (const p of prints) expect(p).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(prints).size).toBe(prints.length);
    const d = report.files[0]!.diagnostics[2]!;
    const moved = { ...report, files: [{ file: d.file, diagnostics: [{ ...d, range: { start: { line: 40, column: 1 }, end: { line: 40, column: 1 } } }] }] };
    expect(JSON.parse(gitlab(moved, ctx))[0].fingerprint).toBe(prints[2]);
    const twice = { ...report, files: [{ file: d.file, diagnostics: [d, { ...d, range: { start: { line: 20, column: 1 }, end: { line: 20, column: 1 } } }] }] };
    const [a, b] = JSON.parse(gitlab(twice, ctx)) as Array<{ fingerprint: string }>;
    expect(a!.fingerprint).not.toBe(b!.fingerprint);
  });

  it('is an empty array for a clean report', () => {
    expect(gitlab(clean, ctx)).toBe('[]\n');
  });
});
