import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArtifactLocation, Log, Region, Result } from 'sarif';
import type { Diagnostic } from '../diagnostic.js';
import { relativeTo } from './location.js';
import { wordDiagnostic } from '../messages/word.js';
import type { FormatContext, Formatter } from './types.js';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const level = (s: 'error' | 'warn'): Result.level => (s === 'error' ? 'error' : 'warning');
const encodePath = (rel: string) => rel.split('/').map(encodeURIComponent).join('/');

function artifact(ctx: FormatContext, file: string): ArtifactLocation {
  const rel = relativeTo(ctx.root, ctx.cwd, file);
  return rel === null ? { uri: pathToFileURL(path.resolve(ctx.cwd, file)).href } : { uri: encodePath(rel), uriBaseId: '%SRCROOT%' };
}

function region(d: Diagnostic): Region {
  const { start, end } = d.range;
  const after = end.line > start.line || (end.line === start.line && end.column > start.column);
  return {
    startLine: start.line,
    startColumn: start.column,
    endLine: after ? end.line : start.line,
    endColumn: after ? end.column : start.column + 1,
  };
}

/** SARIF 2.1.0 (GitHub code scanning): one run, every known rule (with its page when the context has it), one result per diagnostic. */
export const sarif: Formatter = (report, ctx) => {
  const index = new Map(ctx.rules.map((r, i) => [r.id, i]));
  const results = report.files.flatMap((f) =>
    f.diagnostics.map((d): Result => {
      const ruleIndex = index.get(d.ruleId);
      return {
        ruleId: d.ruleId,
        ...(ruleIndex === undefined ? {} : { ruleIndex }),
        level: level(d.severity),
        message: { text: wordDiagnostic(d, ctx.lang ?? 'en').message },
        locations: [{ physicalLocation: { artifactLocation: artifact(ctx, d.file), region: region(d) } }],
        properties: { messageId: d.messageId, data: d.data },
      };
    }),
  );
  const log: Log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'sopkit',
            version: ctx.version,
            // The rule's page travels inside the log (`help`, shown with each alert); `helpUri` only for a web page:
            // the file:// page in the package on the machine that ran sop means nothing to whoever reads the log.
            rules: ctx.rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description },
              ...(r.help ? { help: { text: r.help, markdown: r.help } } : {}),
              ...(/^https?:\/\//.test(r.docsUrl) ? { helpUri: r.docsUrl } : {}),
              defaultConfiguration: { level: level(r.defaultSeverity) },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(ctx.root).href.replace(/\/?$/, '/')}` } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
