import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sop } from '../helpers/cli.js';

const DIR = 'test/fixtures/rules';

/** Where each fixture folder must fail: rule id → [file (relative to the folder), line, column]. */
const EXPECTED: Record<string, Array<[string, number, number]>> = {
  'schema': [['KUL-001.yaml', 7, 1]],
  'yaml-syntax': [
    ['syntax-error.yaml', 3, 8],
    ['duplicate-key.yaml', 4, 1],
    ['several-documents.yaml', 21, 1],
    ['empty.yaml', 1, 1],
    ['not-utf8.yaml', 3, 73],
    ['comments-only.yaml', 1, 1],
    ['alias-bomb.yaml', 5, 10],
  ],
  'disable-comment': [['KUL-001.yaml', 8, 1]],
  'unique-id': [['KUL-001.yaml', 2, 5], ['KUL-001-salinan.yaml', 2, 5]],
  'unique-number': [['KUL-001.yaml', 7, 9], ['KUL-002.yaml', 7, 9]],
  'related-exists': [['KUL-001.yaml', 9, 5]],
  'actor-declared': [['KUL-001.yaml', 15, 12]],
  'actor-used': [['KUL-001.yaml', 12, 10]],
  'step-ref': [['KUL-001.yaml', 22, 11]],
  'decision-branches': [['KUL-001.yaml', 19, 11]],
  'unreachable-step': [['KUL-001.yaml', 18, 15]],
  'no-end': [['KUL-001.yaml', 13, 15], ['KUL-001.yaml', 17, 15], ['KUL-001.yaml', 22, 15]],
  'status-requirements': [['KUL-001.yaml', 5, 1]],
  'date-valid': [['KUL-001.yaml', 7, 18]],
  'date-order': [['KUL-001.yaml', 7, 41]],
  'nip': [['KUL-001.yaml', 11, 8]],
  'time-format': [['KUL-001.yaml', 15, 11]],
  'number-pattern': [['sops/KUL-001.yaml', 7, 9]],
  'legal-basis': [['KUL-001.yaml', 1, 1]],
  'quality-standard': [['KUL-001.yaml', 13, 15]],
  'max-actors': [['KUL-001.yaml', 10, 1]],
  'max-steps': [['KUL-001.yaml', 12, 1]],
  'filename-id': [['surat-masuk.yaml', 2, 5]],
  'process-schema': [['processes.yaml', 10, 9]],
  'process-unique': [['processes.yaml', 10, 15]],
  'process-parent': [['processes.yaml', 12, 13], ['processes.yaml', 15, 13]],
  'process-covered': [['processes.yaml', 10, 15]],
  'process-exists': [['sops/KUL-002.yaml', 7, 10]],
  'process-unit': [['sops/KUL-002.yaml', 4, 7]],
  'evidence-exists': [['sops/KUL-001.yaml', 24, 43]],
  'review-due': [['KUL-001.yaml', 8, 41]],
};

/** The day the fixtures are linted as of (rule `review-due` depends on it): fixtures adopted in 2024 are not due yet. */
const TODAY = '2024-06-01';

describe('failing fixtures (sop lint <folder>)', () => {
  const folders = readdirSync(path.join(ROOT, DIR)).sort();

  it('every fixture folder has expectations, and every expectation a folder', () => {
    expect(folders).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const folder of folders) {
    it(folder, async () => {
      // --max-warnings 0 so that warn-level rules fail the run too.
      const res = await sop(['lint', `${DIR}/${folder}`, '--max-warnings', '0', '--today', TODAY], ROOT);
      expect(res.code, res.stdout + res.stderr).toBe(1);
      const lines = res.stdout.split('\n');
      for (const [file, line, column] of EXPECTED[folder] ?? []) {
        const loc = `${DIR}/${folder}/${file}:${line}:${column} `;
        const hit = lines.find((l) => l.includes(loc) && l.trimEnd().endsWith(`  ${folder}`));
        expect(hit, `expected \`${loc}… ${folder}\` in:\n${res.stdout}`).toBeDefined();
      }
      // Nothing but the fixture's own rule fires (the fixtures are otherwise clean).
      const others = lines.filter((l) => /:\d+:\d+ {2}(error|warn)/.test(l) && !l.trimEnd().endsWith(`  ${folder}`));
      expect(others).toEqual(folder === 'disable-comment' ? [expect.stringContaining('legal-basis')] : []);
    });
  }
});
