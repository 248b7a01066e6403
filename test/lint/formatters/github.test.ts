import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { github } from '../../../src/lint/formatters/github.js';
import { blobBase, githubSummary } from '../../../src/lint/formatters/github-summary.js';
import { stylish } from '../../../src/lint/formatters/stylish.js';
import { clean, ctx, fromSubfolder, report } from './fixture.js';

/** The annotations: every line before the stop-commands line. */
const annotations = (out: string) => out.slice(0, out.indexOf('::stop-commands::'));

describe('github formatter', () => {
  it('prints one workflow command per diagnostic, escaped as GitHub documents', () => {
    expect(annotations(github(report, ctx))).toBe(
      [
        '::error file=sops/kul/KUL-004.yaml,line=3,col=8,endLine=3,endColumn=12,title=schema::Unknown key `actr` in `steps[0]` (step 1); did you mean `actor`?',
        '::error file=sops/kul/KUL-004.yaml,line=9,col=11,endLine=9,endColumn=12,title=schema::`steps[2].requirements` (step 3) must be a list, not the number 5.',
        '::warning file=sops/kul/KUL-004.yaml,line=12,col=1,endLine=12,endColumn=1,title=legal-basis::The SOP lists no legal basis.',
        '::error file=sops/odd%2C name%3A1.yaml,line=1,col=1,endLine=2,endColumn=4,title=yaml-syntax::50%25 done <b>&</b> "q" \'a\'%0D%0Aline two\\x00end',
        '',
      ].join('\n'),
    );
  });

  it('then prints the plain text report, fenced off from the runner\'s command parser', () => {
    const text = stylish(report, { ...ctx, color: false });
    const token = `sop-lint-${createHash('sha256').update(text).digest('hex')}`;
    const out = github(report, { ...ctx, color: true });
    expect(out.slice(annotations(out).length)).toBe(`::stop-commands::${token}\n${text}::${token}::\n`);
    expect(out).toContain('  sops/kul/KUL-004.yaml:12:1  warn   The SOP lists no legal basis.  legal-basis\n');
    expect(out).not.toContain('\u001b[');
  });

  it('keeps a file named like a workflow command inside the fenced text', () => {
    const odd = { ...report, files: [{ file: '::error::pwned.yaml', diagnostics: [{ ...report.files[0]!.diagnostics[0]!, file: '::error::pwned.yaml' }] }] };
    const out = github(odd, { ...ctx, cwd: '/elsewhere' });
    const lines = out.split('\n');
    const stop = lines.findIndex((l) => l.startsWith('::stop-commands::'));
    const token = lines[stop]!.slice('::stop-commands::'.length);
    const resume = lines.indexOf(`::${token}::`);
    expect(stop).toBe(1);
    expect(resume).toBeGreaterThan(stop);
    // Every line the runner would read as a command outside the fence is an annotation of ours.
    const outside = [...lines.slice(0, stop), ...lines.slice(resume + 1)].filter((l) => l.trimStart().startsWith('::'));
    expect(outside).toEqual([expect.stringMatching(/^::error file=\/elsewhere\/%3A%3Aerror%3A%3Apwned\.yaml,line=3,/)]);
    expect(lines.slice(stop + 1, resume).join('\n')).toContain('::error::pwned.yaml:3:8');
  });

  it('prints only the text summary for a clean report', () => {
    expect(github(clean, ctx)).toMatch(/^::stop-commands::sop-lint-[0-9a-f]{64}\n✓ 1 file checked, no problems\n::sop-lint-[0-9a-f]{64}::\n$/);
  });

  it('gives paths relative to the repository root when run from a sub-folder', () => {
    expect(github(fromSubfolder.report, fromSubfolder.ctx)).toMatch(/^::error file=sops\/kul\/KUL-004\.yaml,line=3,/);
  });

  it('gives files outside cwd as absolute paths with forward slashes', () => {
    const out = github({ ...report, files: [{ file: '/elsewhere/x.yaml', diagnostics: [{ ...report.files[0]!.diagnostics[0]!, file: '/elsewhere/x.yaml' }] }] }, ctx);
    expect(out).toMatch(/^::error file=\/elsewhere\/x\.yaml,line=3,/);
  });
});

describe('github step summary', () => {
  const base = 'https://github.com/kpu/sop/blob/0123456789abcdef0123456789abcdef01234567/';
  // Rule pages on the web (the fixture's are file:// pages in the package, which are not linked).
  const DOCS = 'https://sop.example.go.id/docs/rules/';
  const web = { ...report, files: report.files.map((f) => ({ ...f, diagnostics: f.diagnostics.map((d) => ({ ...d, docsUrl: `${DOCS}${d.ruleId}.md` })) })) };

  it('gives the counts, the problems per rule and a table of every diagnostic', () => {
    const md = githubSummary(web, ctx, base);
    expect(md).toContain('## sop lint\n\n❌ **4 problems** (3 errors, 1 warning) in 2 files of 3 files checked.\n');
    expect(md).toContain('| [legal-basis](https://sop.example.go.id/docs/rules/legal-basis.md) | 0 | 1 |');
    expect(md).toContain('| [schema](https://sop.example.go.id/docs/rules/schema.md) | 2 | 0 |');
    const rows = md.split('\n').filter((l) => l.startsWith('| ['));
    expect(rows.filter((l) => l.includes('#L'))).toHaveLength(4);
    expect(md).toContain(`| [sops/kul/KUL-004.yaml:3:8](${base}sops/kul/KUL-004.yaml#L3) | error | [schema](https://sop.example.go.id/docs/rules/schema.md) | Unknown key \\\`actr\\\` in \\\`steps\\[0\\]\\\` (step 1); did you mean \\\`actor\\\`? |`);
  });

  it('escapes messages and paths as `status --format md` does, control characters shown', () => {
    const md = githubSummary(web, ctx);
    const row = md.split('\n').find((l) => l.startsWith('| sops/odd'))!;
    expect(row).toBe('| sops/odd, name:1.yaml:1:1 | error | [yaml-syntax](https://sop.example.go.id/docs/rules/yaml-syntax.md) | 50% done \\<b\\>&\\</b\\> "q" \'a\'<br>line two\\x00end |');
    // The only links are ours: the rule pages.
    expect(md.match(/\]\(/g)).toHaveLength(md.match(/\]\(https:\/\/sop\.example\.go\.id\/docs\/rules\//g)!.length);
    // eslint-disable-next-line no-control-regex
    expect(md).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  });

  it("names a rule without a link when its page is a file:// page in the package (nothing a reader on GitHub could open)", () => {
    const md = githubSummary(report, ctx, base);
    expect(md).toContain('| schema | 2 | 0 |');
    expect(md).toContain(`| [sops/kul/KUL-004.yaml:3:8](${base}sops/kul/KUL-004.yaml#L3) | error | schema | `);
    expect(md).not.toContain('file:');
  });

  it('links only with a well-formed GitHub context', () => {
    expect(blobBase({ GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'kpu/sop', GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567' })).toBe(base);
    expect(blobBase({ GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'kpu/sop' })).toBeUndefined();
    expect(blobBase({ GITHUB_SERVER_URL: 'javascript:alert(1)', GITHUB_REPOSITORY: 'kpu/sop', GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567' })).toBeUndefined();
    expect(blobBase({ GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'kpu/sop) [x](y', GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567' })).toBeUndefined();
  });

  it('says a clean run plainly, and the warnings --quiet hid', () => {
    expect(githubSummary(clean, ctx)).toBe('## sop lint\n\n✅ 1 file checked, no problems.\n\n');
    expect(githubSummary(clean, { ...ctx, hiddenWarnings: 2 })).toBe('## sop lint\n\n✅ 1 file checked, no errors (2 warnings hidden by --quiet).\n\n');
  });
});
