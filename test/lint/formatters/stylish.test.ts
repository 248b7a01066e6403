import { describe, expect, it } from 'vitest';
import { stylish } from '../../../src/lint/formatters/stylish.js';
import { json } from '../../../src/lint/formatters/json.js';
import { clean, ctx, fromSubfolder, report } from './fixture.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[\d+m/;

describe('stylish formatter', () => {
  it('groups by file with aligned `file:line:col  severity  message  rule-id` and a summary', () => {
    expect(stylish(report, ctx)).toBe(
      [
        'sops/kul/KUL-004.yaml',
        '  sops/kul/KUL-004.yaml:3:8   error  Unknown key `actr` in `steps[0]` (step 1); did you mean `actor`?  schema',
        '  sops/kul/KUL-004.yaml:9:11  error  `steps[2].requirements` (step 3) must be a list, not the number 5.  schema',
        '  sops/kul/KUL-004.yaml:12:1  warn   The SOP lists no legal basis.  legal-basis',
        '',
        'sops/odd, name:1.yaml',
        '  sops/odd, name:1.yaml:1:1  error  50% done <b>&</b> "q" \'a\' line two\\x00end  yaml-syntax',
        '',
        '✖ 4 problems (3 errors, 1 warning) in 3 files checked',
        '',
      ].join('\n'),
    );
  });

  it('says so when there is nothing to report', () => {
    expect(stylish(clean, ctx)).toBe('✓ 1 file checked, no problems\n');
  });

  it('says how many warnings --quiet hid instead of "no problems"', () => {
    expect(stylish(clean, { ...ctx, hiddenWarnings: 2 })).toBe('✓ 1 file checked, no errors (2 warnings hidden by --quiet)\n');
    const errorsOnly = { ...report, warningCount: 0, files: report.files.map((f) => ({ ...f, diagnostics: f.diagnostics.filter((d) => d.severity === 'error') })) };
    expect(stylish(errorsOnly, { ...ctx, hiddenWarnings: 1 })).toContain('✖ 3 problems (3 errors, 0 warnings; 1 warning hidden by --quiet) in 3 files checked');
  });

  it('colours only when asked', () => {
    expect(stylish(report, ctx)).not.toMatch(ANSI);
    const coloured = stylish(report, { ...ctx, color: true });
    expect(coloured).toMatch(ANSI);
    expect(coloured).toContain('\u001b[31merror\u001b[39m');
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(stylish(report, ctx));
  });
});

describe('json formatter', () => {
  it('is the report itself', () => {
    expect(JSON.parse(json(report, ctx))).toEqual(report);
  });

  it('gives paths relative to the repository root when run from a sub-folder', () => {
    const out = JSON.parse(json(fromSubfolder.report, fromSubfolder.ctx));
    expect(out.files[0].file).toBe('sops/kul/KUL-004.yaml');
    expect(out.files[0].diagnostics.map((d: { file: string }) => d.file)).toEqual(['sops/kul/KUL-004.yaml', 'sops/kul/KUL-004.yaml', 'sops/kul/KUL-004.yaml']);
  });
});
