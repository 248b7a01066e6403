import type { Diagnostic } from '../diagnostic.js';
import { wordReport } from '../messages/word.js';
import type { Formatter } from './types.js';

// Characters XML 1.0 cannot hold at all (controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD.
// eslint-disable-next-line no-control-regex
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' };

/** Escape for an attribute value (whitespace kept as character references). */
const attr = (s: string) => s.replace(INVALID, '\uFFFD').replace(/[&<>"'\n\r\t]/g, (c) => ESC[c]!);
/** Escape for element text. */
const text = (s: string) => s.replace(INVALID, '\uFFFD').replace(/[&<>]/g, (c) => ESC[c]!).replace(/\r/g, '&#13;');

const line = (d: Diagnostic) => `${d.file}:${d.range.start.line}:${d.range.start.column} ${d.severity === 'error' ? 'error' : 'warning'} ${d.message}\n${d.docsUrl}`;

function failure(d: Diagnostic): string {
  return `      <failure message="${attr(d.message)}" type="error">${text(line(d))}</failure>`;
}

/**
 * JUnit XML: a testsuite per file, a testcase per rule that reported. Only errors fail (one <failure> each);
 * warnings never do: they are listed in the testcase's <system-out>, as `sop lint` exits 0 on them.
 */
export const junit: Formatter = (given, ctx) => {
  const report = wordReport(given, ctx.lang ?? 'en');
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const f of report.files) {
    const byRule = new Map<string, Diagnostic[]>();
    for (const d of f.diagnostics) byRule.set(d.ruleId, [...(byRule.get(d.ruleId) ?? []), d]);
    const cases: string[] = [];
    let failed = 0;
    if (byRule.size === 0) cases.push(`    <testcase classname="${attr(f.file)}" name="sop lint"/>`);
    for (const [ruleId, ds] of byRule) {
      const errors = ds.filter((d) => d.severity === 'error');
      const warnings = ds.filter((d) => d.severity !== 'error');
      if (errors.length) failed++;
      cases.push(
        `    <testcase classname="${attr(f.file)}" name="${attr(ruleId)}">`,
        ...errors.map(failure),
        ...(warnings.length ? [`      <system-out>${text(warnings.map(line).join('\n'))}</system-out>`] : []),
        '    </testcase>',
      );
    }
    const caseCount = Math.max(1, byRule.size);
    tests += caseCount;
    failures += failed;
    suites.push(`  <testsuite name="${attr(f.file)}" tests="${caseCount}" failures="${failed}" errors="0">`, ...cases, '  </testsuite>');
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="sopkit" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};
