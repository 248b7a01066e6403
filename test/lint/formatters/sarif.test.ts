import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { sarif } from '../../../src/lint/formatters/sarif.js';
import { clean, ctx, fromSubfolder, report } from './fixture.js';

// The official SARIF 2.1.0 schema (OASIS rtm.5), shipped by @microsoft/jest-sarif. It is written in
// draft-04, which ajv 8 reads once its draft-04 `$schema`/`id` markers are removed (it uses no
// keyword whose meaning changed after draft-04; one of its patterns is not valid with the /u flag,
// hence unicodeRegExp: false). No ajv-formats here: formats are not validated.
const require = createRequire(import.meta.url);
const schemaFile = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const { $schema: _meta, id: _id, ...sarifSchema } = JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;
const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false }).compile(sarifSchema);

const parse = (s: string) => JSON.parse(s) as any;

describe('sarif formatter', () => {
  it('validates against the SARIF 2.1.0 schema, with problems and without', () => {
    for (const r of [report, clean]) {
      const log = parse(sarif(r, ctx));
      const ok = validate(log);
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it('rejects what the schema forbids (the validator really checks)', () => {
    const log = parse(sarif(report, ctx));
    log.runs[0].results[0].level = 'warn';
    expect(validate(log)).toBe(false);
  });

  it('lists every known rule with description and default level, and no web address of its own', () => {
    const { driver } = parse(sarif(report, ctx)).runs[0].tool;
    // The rule pages are file:// URLs into the package on the machine that ran sop: no helpUri for those.
    expect(driver).toEqual({
      name: 'sopkit',
      version: '9.8.7',
      rules: ctx.rules.map((r) => ({
        id: r.id,
        shortDescription: { text: r.description },
        defaultConfiguration: { level: r.defaultSeverity === 'error' ? 'error' : 'warning' },
      })),
    });
  });

  it("carries a rule's page as help, and a web page as helpUri", () => {
    const rules = [
      { ...ctx.rules[0]!, help: '# `yaml-syntax`\n\nReadable YAML.' },
      { ...ctx.rules[1]!, docsUrl: 'https://sop.example.go.id/docs/rules/schema.md' },
    ];
    const log = parse(sarif(report, { ...ctx, rules }));
    expect(validate(log)).toBe(true);
    expect(log.runs[0].tool.driver.rules).toEqual([
      { id: 'yaml-syntax', shortDescription: { text: 'Readable YAML.' }, help: { text: rules[0]!.help, markdown: rules[0]!.help }, defaultConfiguration: { level: 'error' } },
      { id: 'schema', shortDescription: { text: 'The SOP format.' }, helpUri: 'https://sop.example.go.id/docs/rules/schema.md', defaultConfiguration: { level: 'error' } },
    ]);
  });

  it('gives each result its rule index, level, message and relative location', () => {
    const run = parse(sarif(report, ctx)).runs[0];
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///work/repo/' } });
    expect(run.results).toHaveLength(4);
    expect(run.results[1]).toEqual({
      ruleId: 'schema',
      ruleIndex: 1,
      level: 'error',
      message: { text: '`steps[2].requirements` (step 3) must be a list, not the number 5.' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'sops/kul/KUL-004.yaml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 9, startColumn: 11, endLine: 9, endColumn: 12 },
          },
        },
      ],
      properties: { messageId: 'invalid', data: { message: '`steps[2].requirements` (step 3) must be a list, not the number 5.' } },
    });
    expect(run.results[2]).toMatchObject({ ruleId: 'legal-basis', ruleIndex: 2, level: 'warning' });
    // An empty range becomes a one-character region.
    expect(run.results[2].locations[0].physicalLocation.region).toEqual({ startLine: 12, startColumn: 1, endLine: 12, endColumn: 2 });
    // URIs are percent-encoded.
    expect(run.results[3].locations[0].physicalLocation.artifactLocation.uri).toBe('sops/odd%2C%20name%3A1.yaml');
  });

  it('keeps %SRCROOT% at the repository root when run from a sub-folder', () => {
    const run = parse(sarif(fromSubfolder.report, fromSubfolder.ctx)).runs[0];
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///work/repo/' } });
    expect(run.results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'sops/kul/KUL-004.yaml', uriBaseId: '%SRCROOT%' });
  });

  it('uses an absolute file URI for a file outside cwd', () => {
    const outside = { ...report, files: [{ file: '/elsewhere/x.yaml', diagnostics: [{ ...report.files[0]!.diagnostics[0]!, file: '/elsewhere/x.yaml' }] }] };
    const log = parse(sarif(outside, ctx));
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///elsewhere/x.yaml' });
    expect(validate(log)).toBe(true);
  });

  it('matches the snapshot of a small report', () => {
    const one = { files: [{ file: 'sops/kul/KUL-004.yaml', diagnostics: [report.files[0]!.diagnostics[2]!] }], errorCount: 0, warningCount: 1 };
    expect(sarif(one, { ...ctx, rules: ctx.rules.slice(2, 3) })).toBe(`{
  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
  "version": "2.1.0",
  "runs": [
    {
      "tool": {
        "driver": {
          "name": "sopkit",
          "version": "9.8.7",
          "rules": [
            {
              "id": "legal-basis",
              "shortDescription": {
                "text": "Legal basis listed."
              },
              "defaultConfiguration": {
                "level": "warning"
              }
            }
          ]
        }
      },
      "originalUriBaseIds": {
        "%SRCROOT%": {
          "uri": "file:///work/repo/"
        }
      },
      "columnKind": "utf16CodeUnits",
      "results": [
        {
          "ruleId": "legal-basis",
          "ruleIndex": 0,
          "level": "warning",
          "message": {
            "text": "The SOP lists no legal basis."
          },
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "sops/kul/KUL-004.yaml",
                  "uriBaseId": "%SRCROOT%"
                },
                "region": {
                  "startLine": 12,
                  "startColumn": 1,
                  "endLine": 12,
                  "endColumn": 2
                }
              }
            }
          ],
          "properties": {
            "messageId": "missing",
            "data": {}
          }
        }
      ]
    }
  ]
}
`);
  });
});
