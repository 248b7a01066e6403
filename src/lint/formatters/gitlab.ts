import { createHash } from 'node:crypto';
import { portablePath } from './location.js';
import { wordDiagnostic } from '../messages/word.js';
import type { Formatter } from './types.js';

/**
 * GitLab Code Quality (the Code Climate subset GitLab reads from `artifacts:reports:codequality`): a JSON
 * array of issues with description, check name, severity (`major` for errors, `minor` for warnings), file and
 * lines. The fingerprint names the file, rule, message (in English whatever `lang`) and the how-many-th such issue
 * it is, not the line, so an issue keeps its identity when lines above it move or the language changes.
 */
export const gitlab: Formatter = (report, ctx) => {
  const seen = new Map<string, number>();
  const issues = report.files.flatMap((f) =>
    f.diagnostics.map((d) => {
      const file = portablePath(ctx, d.file);
      const key = `${file}\0${d.ruleId}\0${d.message}`;
      const nth = (seen.get(key) ?? 0) + 1;
      seen.set(key, nth);
      return {
        description: wordDiagnostic(d, ctx.lang ?? 'en').message,
        check_name: d.ruleId,
        fingerprint: createHash('md5').update(`${key}\0${nth}`).digest('hex'),
        severity: d.severity === 'error' ? 'major' : 'minor',
        location: { path: file, lines: { begin: d.range.start.line, end: d.range.end.line } },
      };
    }),
  );
  return `${JSON.stringify(issues, null, 2)}\n`;
};
