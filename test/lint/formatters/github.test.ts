import { describe, expect, it } from 'vitest';
import { github } from '../../../src/lint/formatters/github.js';
import { clean, ctx, fromSubfolder, report } from './fixture.js';

describe('github formatter', () => {
  it('prints one workflow command per diagnostic, escaped as GitHub documents', () => {
    expect(github(report, ctx)).toBe(
      [
        '::error file=sops/kul/KUL-004.yaml,line=3,col=8,endLine=3,endColumn=12,title=schema::Unknown key `actr` in `steps[0]` (step 1); did you mean `actor`?',
        '::error file=sops/kul/KUL-004.yaml,line=9,col=11,endLine=9,endColumn=12,title=schema::`steps[2].requirements` (step 3) must be a list, not the number 5.',
        '::warning file=sops/kul/KUL-004.yaml,line=12,col=1,endLine=12,endColumn=1,title=legal-basis::The SOP lists no legal basis.',
        '::error file=sops/odd%2C name%3A1.yaml,line=1,col=1,endLine=2,endColumn=4,title=yaml-syntax::50%25 done <b>&</b> "q" \'a\'%0D%0Aline two\\x00end',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing for a clean report', () => {
    expect(github(clean, ctx)).toBe('');
  });

  it('gives paths relative to the repository root when run from a sub-folder', () => {
    expect(github(fromSubfolder.report, fromSubfolder.ctx)).toMatch(/^::error file=sops\/kul\/KUL-004\.yaml,line=3,/);
  });

  it('gives files outside cwd as absolute paths with forward slashes', () => {
    const out = github({ ...report, files: [{ file: '/elsewhere/x.yaml', diagnostics: [{ ...report.files[0]!.diagnostics[0]!, file: '/elsewhere/x.yaml' }] }] }, ctx);
    expect(out).toMatch(/^::error file=\/elsewhere\/x\.yaml,line=3,/);
  });
});
