import path from 'node:path';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

// `defineRule` types a rule over its message ids and options: tsc rejects a report with an id the rule does
// not declare. The fixture marks each line that must not compile with `// @expect-error` on the line before.
describe('defineRule types', () => {
  it('tsc rejects exactly the marked lines of the fixture', () => {
    const file = path.join(ROOT, 'test/lint/types/rules.fixture.ts');
    const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
    const program = ts.createProgram([file], { ...config.options, noEmit: true });
    const errors = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file?.fileName === file)
      .map((d) => d.file!.getLineAndCharacterOfPosition(d.start!).line + 1);
    const lines = readFileSync(file, 'utf8').split('\n');
    const marked = lines.flatMap((l, i) => (/\/\/ @expect-error/.test(l) ? [i + 2] : []));
    expect(marked.length).toBe(4);
    expect([...new Set(errors)].sort((a, b) => a - b)).toEqual(marked);
  });
});
