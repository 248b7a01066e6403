import { describe, expect, it } from 'vitest';
import { junit } from '../../../src/lint/formatters/junit.js';
import { clean, ctx, report } from './fixture.js';

describe('junit formatter', () => {
  it('writes a testsuite per file, a testcase per rule, a failure per error and warnings as output only', () => {
    expect(junit(report, ctx)).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="sopkit" tests="4" failures="2" errors="0">
  <testsuite name="sops/kul/KUL-004.yaml" tests="2" failures="1" errors="0">
    <testcase classname="sops/kul/KUL-004.yaml" name="schema">
      <failure message="Unknown key \`actr\` in \`steps[0]\` (step 1); did you mean \`actor\`?" type="error">sops/kul/KUL-004.yaml:3:8 error Unknown key \`actr\` in \`steps[0]\` (step 1); did you mean \`actor\`?
file:///opt/sopkit/docs/rules/schema.md</failure>
      <failure message="\`steps[2].requirements\` (step 3) must be a list, not the number 5." type="error">sops/kul/KUL-004.yaml:9:11 error \`steps[2].requirements\` (step 3) must be a list, not the number 5.
file:///opt/sopkit/docs/rules/schema.md</failure>
    </testcase>
    <testcase classname="sops/kul/KUL-004.yaml" name="legal-basis">
      <system-out>sops/kul/KUL-004.yaml:12:1 warning The SOP lists no legal basis.
file:///opt/sopkit/docs/rules/legal-basis.md</system-out>
    </testcase>
  </testsuite>
  <testsuite name="sops/kul/KUL-005.yaml" tests="1" failures="0" errors="0">
    <testcase classname="sops/kul/KUL-005.yaml" name="sop lint"/>
  </testsuite>
  <testsuite name="sops/odd, name:1.yaml" tests="1" failures="1" errors="0">
    <testcase classname="sops/odd, name:1.yaml" name="yaml-syntax">
      <failure message="50% done &lt;b&gt;&amp;&lt;/b&gt; &quot;q&quot; &apos;a&apos;&#13;&#10;line two\uFFFDend" type="error">sops/odd, name:1.yaml:1:1 error 50% done &lt;b&gt;&amp;&lt;/b&gt; "q" 'a'&#13;
line two\uFFFDend
file:///opt/sopkit/docs/rules/yaml-syntax.md</failure>
    </testcase>
  </testsuite>
</testsuites>
`);
  });

  it('passes a clean file with one testcase', () => {
    expect(junit(clean, ctx)).toContain('<testsuites name="sopkit" tests="1" failures="0" errors="0">\n  <testsuite name="sops/a.yaml" tests="1" failures="0" errors="0">\n    <testcase classname="sops/a.yaml" name="sop lint"/>');
  });

  it('never fails on warnings alone (sop lint exits 0 on them)', () => {
    const warnOnly = { files: [report.files[0]!].map((f) => ({ ...f, diagnostics: f.diagnostics.map((d) => ({ ...d, severity: 'warn' as const })) })), errorCount: 0, warningCount: 3 };
    const out = junit(warnOnly, ctx);
    expect(out).toContain('<testsuites name="sopkit" tests="2" failures="0" errors="0">');
    expect(out).not.toContain('<failure');
    expect(out.match(/<system-out>/g)).toHaveLength(2);
  });

  it('never emits characters XML 1.0 forbids', () => {
    const out = junit(report, ctx);
    // eslint-disable-next-line no-control-regex
    expect(out).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });
});
