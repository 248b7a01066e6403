import type { Diagnostic, LintReport } from '../../../src/lint/diagnostic.js';
import type { FormatContext } from '../../../src/lint/formatters/types.js';

const d = (file: string, ruleId: string, severity: 'error' | 'warn', at: [number, number, number, number], message: string, path: Diagnostic['path'] = [], messageId = 'invalid', data: Diagnostic['data'] = { message }): Diagnostic => ({
  ruleId,
  severity,
  file,
  path,
  range: { start: { line: at[0], column: at[1] }, end: { line: at[2], column: at[3] } },
  message,
  messageId,
  data,
  docsUrl: `file:///opt/sopkit/docs/rules/${ruleId}.md`,
});

/** A fixed report: one file with problems (two from one rule), one clean file, one with hostile characters. */
export const report: LintReport = {
  files: [
    {
      file: 'sops/kul/KUL-004.yaml',
      diagnostics: [
        d('sops/kul/KUL-004.yaml', 'schema', 'error', [3, 8, 3, 12], 'Unknown key `actr` in `steps[0]` (step 1); did you mean `actor`?', ['steps', 0, 'actr']),
        d('sops/kul/KUL-004.yaml', 'schema', 'error', [9, 11, 9, 12], '`steps[2].requirements` (step 3) must be a list, not the number 5.', ['steps', 2, 'requirements']),
        d('sops/kul/KUL-004.yaml', 'legal-basis', 'warn', [12, 1, 12, 1], 'The SOP lists no legal basis.', [], 'missing', {}),
      ],
    },
    { file: 'sops/kul/KUL-005.yaml', diagnostics: [] },
    {
      file: 'sops/odd, name:1.yaml',
      diagnostics: [d('sops/odd, name:1.yaml', 'yaml-syntax', 'error', [1, 1, 2, 4], '50% done <b>&</b> "q" \'a\'\r\nline two\u0000end', [], 'syntax')],
    },
  ],
  errorCount: 3,
  warningCount: 1,
};

/** The rules a formatter may list. */
export const ctx: FormatContext = {
  color: false,
  cwd: '/work/repo',
  root: '/work/repo',
  version: '9.8.7',
  rules: [
    { id: 'yaml-syntax', description: 'Readable YAML.', defaultSeverity: 'error', docsUrl: 'file:///opt/sopkit/docs/rules/yaml-syntax.md' },
    { id: 'schema', description: 'The SOP format.', defaultSeverity: 'error', docsUrl: 'file:///opt/sopkit/docs/rules/schema.md' },
    { id: 'legal-basis', description: 'Legal basis listed.', defaultSeverity: 'warn', docsUrl: 'file:///opt/sopkit/docs/rules/legal-basis.md' },
    { id: 'unused-rule', description: 'Never fires here.', defaultSeverity: 'warn', docsUrl: 'file:///opt/sopkit/docs/rules/unused-rule.md' },
  ],
};

/** A report without problems. */
export const clean: LintReport = { files: [{ file: 'sops/a.yaml', diagnostics: [] }], errorCount: 0, warningCount: 0 };

/** The same report as seen from a sub-folder of the repository (`sop lint` run in sops/kul). */
export const fromSubfolder = {
  report: { ...report, files: [{ file: 'KUL-004.yaml', diagnostics: report.files[0]!.diagnostics.map((x) => ({ ...x, file: 'KUL-004.yaml' })) }] },
  ctx: { ...ctx, cwd: '/work/repo/sops/kul' },
};
