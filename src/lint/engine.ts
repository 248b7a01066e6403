import path from 'node:path';
import type { Config } from '../config/types.js';
import { ConfigError } from '../util/errors.js';
import type { RepoFile } from '../model/facts/facts.js';
import type { LoadedFile } from '../model/load.js';
import { compareDiagnostics, docsUrl, type Diagnostic, type LintReport, type Severity } from './diagnostic.js';
import type { LintRun, MessageData, Repository, Rule, RuleContext } from './rule.js';
import { rules as allRules } from './rules/index.js';
import { closest } from '../model/words.js';
import { CRASHED, CRASHED_MESSAGE, DISABLE_COMMENT_MESSAGES, YAML_SYNTAX_MESSAGES } from './messages/core.js';
import { interpolate } from './messages/template.js';

/** Rule ids reported by the loader and the engine itself. */
export const CORE_RULE_IDS = ['yaml-syntax', 'disable-comment'] as const;

/** Every known rule id (rules plus loader/engine ids). */
export function knownRuleIds(): string[] {
  return [...CORE_RULE_IDS, ...allRules.map((r) => r.id)];
}

/** Index loaded files for cross-file rules. */
export function buildRepository<F extends RepoFile>(files: F[], config: Config): Repository<F> {
  const byId = new Map<string, F[]>();
  const byNumber = new Map<string, F[]>();
  const push = (m: Map<string, F[]>, k: unknown, f: F) => {
    if (typeof k !== 'string' || !k) return;
    const list = m.get(k);
    if (list) list.push(f);
    else m.set(k, [f]);
  };
  for (const f of files) {
    const d = f.data as Record<string, unknown> | undefined;
    if (!d || typeof d !== 'object') continue;
    push(byId, d.id, f);
    push(byNumber, d.number, f);
  }
  return { files, byId, byNumber, config };
}

/** Check the config's rule names and severities; unknown ids fail like any config error. */
export function checkRuleConfig(config: Config): void {
  const known = knownRuleIds();
  for (const id of Object.keys(config.rules)) {
    if (!known.includes(id)) {
      const hint = closest(id, known);
      const at = config.where ? config.where(['rules', id], { key: true }) : config.file ? path.basename(config.file) : 'config';
      throw new ConfigError(`${at} unknown rule \`${id}\` under \`rules\`${hint ? `; did you mean \`${hint}\`?` : ''}`);
    }
  }
}

function severityOf(rule: { id: string; defaultSeverity: Severity }, config: Config): Severity | 'off' {
  return config.rules[rule.id]?.severity ?? rule.defaultSeverity;
}

/** Lint one loaded file in the context of its repository. */
export function lintFile(file: LoadedFile, repo: Repository<RepoFile>, rules: readonly Rule[] = allRules, run: LintRun = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const config = repo.config;
  type Worded = { path: Diagnostic['path']; range: Diagnostic['range']; messageId: string; data?: MessageData };
  const push = (ruleId: string, severity: Severity, template: string, d: Worded) =>
    out.push({ ruleId, severity, file: file.file, docsUrl: docsUrl(ruleId, config.docsBase), path: d.path, range: d.range, message: interpolate(template, d.data), messageId: d.messageId, data: d.data ?? {} });

  // The loader's problems, with their message ids and data.
  for (const p of file.problems) push(p.ruleId, 'error', YAML_SYNTAX_MESSAGES[p.messageId as keyof typeof YAML_SYNTAX_MESSAGES] ?? p.message, { path: p.path, range: p.range, messageId: p.messageId, data: p.data });

  // `disable-comment` takes its configured severity (`yaml-syntax` is always an error: the config refuses anything else).
  const commentSeverity = severityOf({ id: 'disable-comment', defaultSeverity: 'error' }, config);
  const comment = (d: { range: Diagnostic['range'] }, messageId: keyof typeof DISABLE_COMMENT_MESSAGES, data?: MessageData) => {
    if (commentSeverity !== 'off') push('disable-comment', commentSeverity, DISABLE_COMMENT_MESSAGES[messageId], { path: [], range: d.range, messageId, ...(data ? { data } : {}) });
  };

  const known = knownRuleIds();
  const disabled = new Map<number, Set<string>>();
  for (const d of file.disables) {
    if (d.rules.length === 0) {
      comment(d, 'noRule');
      continue;
    }
    const unknown = d.rules.filter((r) => !known.includes(r));
    for (const u of unknown) {
      const hint = closest(u, known);
      comment(d, hint ? 'unknownRuleHint' : 'unknownRule', hint ? { rule: u, hint } : { rule: u });
    }
    if (!d.reason) {
      comment(d, 'noReason');
      continue;
    }
    const set = disabled.get(d.line) ?? new Set<string>();
    for (const r of d.rules) set.add(r);
    disabled.set(d.line, set);
  }

  const data = file.data;
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    // The process map is checked by the map rules; SOP files by the others.
    const onMap = repo.processMap !== undefined && repo.processMap.file === file;
    const schemaRule = rules.find((r) => r.id === (onMap ? 'process-schema' : 'schema'));
    let schemaValid = true;
    for (const rule of rules) {
      if ((rule.scope ?? 'sop') !== (onMap ? 'map' : 'sop')) continue;
      const severity = severityOf(rule, config);
      if (severity === 'off') continue;
      const options = { ...(rule.options ?? {}), ...(config.rules[rule.id]?.options ?? {}) };
      const before = out.length;
      const ctx: RuleContext = {
        file,
        sop: data as Record<string, any>,
        schemaValid,
        repo,
        options,
        run,
        report: (r) => {
          const template = rule.messages[r.messageId] ?? r.messageId;
          push(rule.id, severity, template, { path: r.path, range: file.locator.locate(r.path, { key: r.key }), messageId: r.messageId, ...(r.data ? { data: r.data } : {}) });
        },
      };
      try {
        rule.check(ctx);
      } catch (e) {
        push(rule.id, 'error', CRASHED_MESSAGE, {
          path: [],
          range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
          messageId: CRASHED,
          data: { rule: rule.id, error: (e as Error).message },
        });
      }
      if (rule === schemaRule && out.length > before) schemaValid = false;
    }
  }
  const seen = new Set<string>();
  return out
    .filter((d) => !disabled.get(d.range.start.line)?.has(d.ruleId))
    .filter((d) => {
      const k = `${d.ruleId}|${d.range.start.line}|${d.range.start.column}|${d.message}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort(compareDiagnostics);
}

/** What `sop lint` checks of an opened project: its target SOPs, and the process map when the command covers it. */
export function lintTargets(project: { targets: LoadedFile[]; mapTarget?: LoadedFile }): LoadedFile[] {
  return project.mapTarget ? [...project.targets, project.mapTarget] : project.targets;
}

/** Lint `targets` against the repository (which must include them), then run the repository-level checks. */
export function lintRepository(targets: LoadedFile[], repo: Repository<RepoFile>, run: LintRun = {}, rules: readonly Rule[] = allRules): LintReport {
  const files = targets.map((f) => ({ file: f.file, diagnostics: lintFile(f, repo, rules, run) }));
  const byFile = new Map(files.map((f) => [f.file, f]));
  for (const rule of rules) {
    if (!rule.checkRepository) continue;
    const severity = severityOf(rule, repo.config);
    if (severity === 'off') continue;
    const options = { ...(rule.options ?? {}), ...(repo.config.rules[rule.id]?.options ?? {}) };
    rule.checkRepository({
      repo,
      options,
      run,
      report: ({ file, messageId, data }) => {
        let entry = byFile.get(file);
        if (!entry) {
          entry = { file, diagnostics: [] };
          byFile.set(file, entry);
          files.push(entry);
        }
        const message = interpolate(rule.messages[messageId] ?? messageId, data);
        entry.diagnostics.push({ ruleId: rule.id, severity, file, path: [], range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }, message, messageId, data: data ?? {}, docsUrl: docsUrl(rule.id, repo.config.docsBase) });
        entry.diagnostics.sort(compareDiagnostics);
      },
    });
  }
  let errorCount = 0;
  let warningCount = 0;
  for (const f of files) for (const d of f.diagnostics) d.severity === 'error' ? errorCount++ : warningCount++;
  return { files, errorCount, warningCount };
}
