import { describe, expect, it } from 'vitest';
import { lintRepository, lintTargets } from '../../src/lint/engine.js';
import type { Diagnostic } from '../../src/lint/diagnostic.js';
import { openProject } from '../../src/app/project.js';
import { rules } from '../../src/lint/rules/index.js';
import { messageTemplate } from '../../src/lint/messages/word.js';
import { placeholders } from '../../src/lint/messages/template.js';
import { tempTree } from './cli.js';

/** A diagnostic a row expects. */
export interface Expected {
  /** Rule id; defaults to the rule under test. */
  ruleId?: string;
  /** 1-based line of the range start. */
  line: number;
  /** 1-based column of the range start. */
  column: number;
  /** A piece of text the message must contain. */
  messageIncludes?: string;
  /** Expected severity, when the row checks it. */
  severity?: 'error' | 'warn';
}

/** A row that must produce exactly the expected diagnostics of the rule. */
export interface InvalidRow {
  /** Test title. */
  name: string;
  /** Files of the temporary repository (path → YAML text). */
  files: Record<string, string | Uint8Array>;
  /** Text of sop.config.yaml (a minimal config when omitted). */
  config?: string;
  /** The file that is linted (relative path). */
  file: string;
  /** Every diagnostic of the rule in `file`, in any order. */
  expected: Expected[];
  /** Today for date-dependent rules (YYYY-MM-DD); they are silent without it. */
  today?: string;
}

/** A row that must produce no diagnostic of the rule. */
export interface ValidRow {
  /** Test title. */
  name: string;
  /** Files of the temporary repository. */
  files: Record<string, string | Uint8Array>;
  /** Text of sop.config.yaml. */
  config?: string;
  /** The file that is linted; all files of the tree when omitted. */
  file?: string;
  /** Today for date-dependent rules (YYYY-MM-DD). */
  today?: string;
}

/** Lint `paths` of a temporary tree with the real engine; every file's diagnostics. */
export function lintTree(files: Record<string, string | Uint8Array>, paths: string[], config = 'locale: id\n', today?: string): Diagnostic[] {
  const tree = tempTree({ 'sop.config.yaml': config, ...files });
  try {
    const project = openProject({ cwd: tree.dir, paths });
    if (today) project.repo.today = today;
    return lintRepository(lintTargets(project), project.repo).files.flatMap((f) => f.diagnostics);
  } finally {
    tree.cleanup();
  }
}

/**
 * What is wrong with a diagnostic's message, as ESLint's RuleTester checks it: an id its rule does not declare,
 * a `{{name}}` of the message without a value, or a value for no placeholder. Empty when it is sound.
 */
export function messageProblems(d: Diagnostic): string[] {
  const template = messageTemplate(d.ruleId, d.messageId);
  if (template === undefined) return [`${d.ruleId} reported the message id "${d.messageId}", which it does not declare`];
  const wanted = placeholders(template);
  const given = Object.keys(d.data).sort();
  const out: string[] = [];
  for (const k of wanted) if (!given.includes(k)) out.push(`${d.ruleId}/${d.messageId}: {{${k}}} left unfilled`);
  for (const k of given) if (!wanted.includes(k)) out.push(`${d.ruleId}/${d.messageId}: data "${k}" fills no placeholder`);
  return out;
}

const where = (d: Diagnostic) => `${d.ruleId} ${d.range.start.line}:${d.range.start.column} ${d.message}`;

/**
 * ESLint RuleTester-style table test of one rule: valid rows are silent, invalid rows report exactly `expected`,
 * each message with a declared id and its placeholders filled by exactly its data; the last test checks that
 * the invalid rows reach every message the rule declares, except those in `unreached` (id → why not).
 * Call it once per rule: test/lint/reach.test.ts checks that every rule has its one table.
 */
export function testRule(ruleId: string, rows: { valid: ValidRow[]; invalid: InvalidRow[]; unreached?: Record<string, string> }): void {
  // Message ids of the rule per invalid row, as linted (the last test lints any row not run, e.g. under `-t`).
  const reached = new Map<InvalidRow, string[]>();
  const lintRow = (row: InvalidRow) => lintTree(row.files, [row.file], row.config, row.today);
  describe(ruleId, () => {
    for (const row of rows.valid) {
      it(`valid: ${row.name}`, () => {
        const paths = row.file ? [row.file] : Object.keys(row.files);
        const found = lintTree(row.files, paths, row.config, row.today).filter((d) => d.ruleId === ruleId);
        expect(found.map(where)).toEqual([]);
      });
    }
    for (const row of rows.invalid) {
      it(`invalid: ${row.name}`, () => {
        const all = lintRow(row);
        reached.set(row, all.filter((d) => d.ruleId === ruleId).map((d) => d.messageId));
        const ids = new Set(row.expected.map((e) => e.ruleId ?? ruleId));
        const found = all.filter((d) => ids.has(d.ruleId)).sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column || a.ruleId.localeCompare(b.ruleId));
        const want = [...row.expected].map((e) => ({ ...e, ruleId: e.ruleId ?? ruleId })).sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
        expect(found.map((d) => `${d.ruleId} ${d.range.start.line}:${d.range.start.column}`), found.map(where).join('\n')).toEqual(
          want.map((e) => `${e.ruleId} ${e.line}:${e.column}`),
        );
        want.forEach((e, i) => {
          const d = found[i]!;
          expect(messageProblems(d), where(d)).toEqual([]);
          expect(d.file.endsWith(row.file.replace(/^\.\//, ''))).toBe(true);
          if (e.messageIncludes) expect(d.message).toContain(e.messageIncludes);
          if (e.severity) expect(d.severity).toBe(e.severity);
          expect(d.docsUrl).toMatch(new RegExp(`/docs/rules/${e.ruleId}\\.md$`));
        });
      });
    }
    it('reaches every declared message', () => {
      const rule = rules.find((r) => r.id === ruleId);
      expect(rule, `no rule ${ruleId}`).toBeDefined();
      for (const id of Object.keys(rows.unreached ?? {})) expect(Object.keys(rule!.messages), `unreached lists an unknown message`).toContain(id);
      const ids = new Set(rows.invalid.flatMap((row) => reached.get(row) ?? lintRow(row).filter((d) => d.ruleId === ruleId).map((d) => d.messageId)));
      const missing = Object.keys(rule!.messages).filter((id) => !ids.has(id) && !rows.unreached?.[id]);
      expect(missing, 'declared messages that no invalid row reaches').toEqual([]);
    });
  });
}

/** 1-based line and column where `needle` starts in `text` (its `nth` occurrence, from 1); throws when absent. */
export function at(text: string, needle: string, nth = 1): { line: number; column: number } {
  let idx = -1;
  for (let k = 0; k < nth; k++) {
    idx = text.indexOf(needle, idx + 1);
    if (idx < 0) throw new Error(`test data: "${needle}" (occurrence ${nth}) not found`);
  }
  const before = text.slice(0, idx);
  const line = before.split('\n').length;
  return { line, column: idx - before.lastIndexOf('\n') };
}

/** Parts of an SOP text for tests; anything not given is a minimal valid draft. */
export interface SopParts {
  /** `id` value. */
  id?: string;
  /** `status` value. */
  status?: string;
  /** `revision` value. */
  revision?: number;
  /** Extra top-level lines after `revision` (e.g. number, approval). */
  top?: string;
  /** The `dates` value (flow mapping or block). */
  dates?: string;
  /** The `legalBasis` line; empty string leaves it out. */
  legalBasis?: string;
  /** Lines under `actors:`. */
  actors?: string;
  /** Lines under `steps:`. */
  steps?: string;
  /** Lines appended at the end. */
  tail?: string;
}

/** A whole SOP text from parts (defaults: one actor `staf`, two complete process steps). */
export function sopYaml(p: SopParts = {}): string {
  const lines = [
    'sop: 1',
    `id: ${p.id ?? 'KUL-001'}`,
    'title: Contoh',
    'unit: Subbagian Umum',
    `status: ${p.status ?? 'draft'}`,
    `revision: ${p.revision ?? 0}`,
    ...(p.top ? [p.top.replace(/\n$/, '')] : []),
    `dates: ${p.dates ?? '{created: 2024-03-11}'}`,
    ...(p.legalBasis === '' ? [] : [p.legalBasis ?? 'legalBasis: [UU 43/2009]']),
    'actors:',
    (p.actors ?? '  - {id: staf, name: Staf}').replace(/\n$/, ''),
    'steps:',
    (p.steps ?? '  - activity: Menerima surat\n    actor: staf\n    time: 15 menit\n    output: Surat\n  - activity: Mengarsipkan surat\n    actor: staf\n    time: 15 menit\n    output: Arsip').replace(/\n$/, ''),
    ...(p.tail ? [p.tail.replace(/\n$/, '')] : []),
  ];
  return `${lines.join('\n')}\n`;
}

/** An approved SOP's extra top-level lines (number and approval with a valid NIP). */
export const APPROVED_TOP = 'number: 001/SOP/KUL/2024\napproval:\n  position: Sekretaris\n  name: Nama Pejabat\n  nip: "197901012005011001"';
