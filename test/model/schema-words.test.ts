import { describe, expect, it } from 'vitest';
import { ID_MESSAGES } from '../../src/lint/messages/id.js';
import { interpolate, placeholders } from '../../src/lint/messages/template.js';
import { loadText } from '../../src/model/load.js';
import { expandShapes, SCHEMA_AXES_EN, SCHEMA_MESSAGES, SCHEMA_TEMPLATES_EN } from '../../src/model/messages.js';
import { validateAgainst, type SchemaIssue } from '../../src/model/schema/check.js';
import type { SchemaKind } from '../../src/util/paths.js';
import { sopYaml } from '../helpers/test-rule.js';

// The schema check words each problem by a message id and data (one id per shape of the sentence): every shape a
// file can reach is reached here, with its English sentence made from exactly its data, and its Indonesian too.

const step = (extra: string) => sopYaml({ steps: `  - activity: Menerima surat\n    actor: staf\n    time: 15 menit\n    output: Surat\n${extra}` });
const top = (line: string) => sopYaml({ top: line });
const replace = (from: string, to: string) => sopYaml().replace(from, to);
const map = (process: string) => `processes:\n  - {code: PB, name: Pelayanan, category: inti}\n  - ${process}\n`;

/** [message id, schema, file text]: the file yields an issue of that id. */
const CASES: Array<[string, SchemaKind, string]> = [
  ['required', 'sop', sopYaml({ actors: '  - {id: staf}' })],
  ['requiredStep', 'sop', step('  - actor: staf\n')],
  ['requiredSop', 'sop', replace('unit: Subbagian Umum\n', '')],
  ['requiredMap', 'processes', 'title: Peta\n'],
  ['unknownKey', 'sop', top('zzzzzzzzzz: 1')],
  ['unknownKeyHint', 'sop', top('titel: Surat')],
  ['unknownKeyCut', 'processes', '{processes: [], Masuk dan Keluar}\n'],
  ['unknownKeyCutFix', 'processes', '{title: Peta Proses, Kantor, processes: []}\n'],
  ['unknownKeyIn', 'sop', replace('dates: {created: 2024-03-11}', 'dates: {created: 2024-03-11, zzzzzzzzzz: 1}')],
  ['unknownKeyInStep', 'sop', step('  - {activity: A, actor: staf, zzzzzzzzzz: 1}\n')],
  ['unknownKeyInHint', 'sop', replace('dates: {created: 2024-03-11}', 'dates: {creatd: 2024-03-11}')],
  ['unknownKeyInHintStep', 'sop', step('  - {activity: A, actr: staf}\n')],
  ['unknownKeyInCut', 'sop', sopYaml({ actors: '  - {id: staf, name: [Staf], Umum dan Logistik}' })],
  ['unknownKeyInCutStep', 'sop', step('  - {activity: [A], Umum dan Logistik, actor: staf}\n')],
  ['unknownKeyInCutFix', 'sop', sopYaml({ actors: '  - {id: staf, name: Kasubbag Keuangan, Umum dan Logistik}' })],
  ['unknownKeyInCutFixStep', 'sop', step('  - {activity: Menerima, lalu mencatat surat, actor: staf}\n')],
  ['enum', 'sop', replace('status: draft', 'status: disetujui')],
  ['enumStep', 'sop', step('  - {activity: A, actor: staf, type: pilihan}\n')],
  ['enumList', 'sop', replace('status: draft', 'status: [draft]')],
  ['enumMapping', 'sop', replace('status: draft', 'status: {draft: 1}')],
  ['enumListStep', 'sop', step('  - {activity: A, actor: staf, type: [decision]}\n')],
  ['const', 'sop', replace('sop: 1', 'sop: 2')],
  ['constList', 'sop', replace('sop: 1', 'sop: [1]')],
  ['constMapping', 'sop', replace('sop: 1', 'sop: {a: 1}')],
  ['typeNumberText', 'sop', replace('title: Contoh', 'title: 2024')],
  ['typeNumberTextStep', 'sop', step('  - {activity: 12, actor: staf}\n')],
  ['typeStringBoolean', 'sop', replace('title: Contoh', 'title: true')],
  ['typeStringList', 'sop', replace('title: Contoh', 'title: [Contoh]')],
  ['typeStringNull', 'sop', replace('title: Contoh', 'title: ~')],
  ['typeStringMapping', 'sop', replace('title: Contoh', 'title: {a: b}')],
  ['typeStringMappingStep', 'sop', step('  - {activity: {a: b}, actor: staf}\n')],
  ['typeIntegerText', 'sop', replace('revision: 0', 'revision: satu')],
  ['typeIntegerNumber', 'sop', replace('revision: 0', 'revision: 1.5')],
  ['typeArrayText', 'sop', replace('legalBasis: [UU 43/2009]', 'legalBasis: UU 43/2009')],
  ['typeArrayNumberStep', 'sop', step('  - {activity: A, actor: staf, requirements: 5}\n')],
  ['typeObjectText', 'sop', replace('dates: {created: 2024-03-11}', 'dates: 2024-03-11')],
  ['typeBooleanText', 'sop', top('evaluations:\n  - {date: 2024-05-01, evaluator: Tim, criteria: {easyToApply: ya}}')],
  ['typeColon', 'sop', replace('legalBasis: [UU 43/2009]', 'legalBasis:\n  - Lihat: UU 43/2009')],
  ['typeColonStep', 'sop', step('  - {activity: A, actor: staf, requirements: [Ya: rahasia, Biasa]}\n')],
  ['patternId', 'sop', replace('id: KUL-001', 'id: kul-1')],
  ['patternSlug', 'sop', sopYaml({ actors: '  - {id: Staf, name: Staf}' })],
  ['patternSlugStep', 'sop', step('  - {id: Tutup, activity: A, actor: staf}\n')],
  ['patternDate', 'sop', replace('dates: {created: 2024-03-11}', 'dates: {created: "2024-3-11"}')],
  ['patternNip', 'sop', top('approval: {position: Sekretaris, name: Nama, nip: "1979"}')],
  ['patternProcess', 'processes', map('{code: "PB 2", name: Surat, parent: PB}')],
  ['patternUrl', 'config', 'docsBase: ftp://example.org/rules/\n'],
  ['pattern', 'config', 'pdf: {margin: 5 furlong}\n'],
  ['empty', 'sop', replace('title: Contoh', 'title: ""')],
  ['emptyStep', 'sop', step('  - {activity: "", actor: staf}\n')],
  ['minOne', 'sop', sopYaml({ actors: '  []' }).replace('actors:\n  []', 'actors: []')],
  ['minItemsStep', 'sop', step('  - {activity: A, actor: staf, type: decision, labels: [Ya]}\n')],
  ['maxItemsStep', 'sop', step('  - {activity: A, actor: staf, type: decision, labels: [Ya, Tidak, Mungkin]}\n')],
  ['minimum', 'sop', replace('revision: 0', 'revision: -1')],
  ['stepRefStep', 'sop', step('  - {activity: A, actor: staf, next: "Bad Ref"}\n')],
  ['stepRefListStep', 'sop', step('  - {activity: A, actor: staf, next: [a]}\n')],
  ['stepRefMappingStep', 'sop', step('  - {activity: A, actor: staf, next: {a: 1}}\n')],
  ['union', 'config', 'rules:\n  max-steps: sometimes\n'],
  ['unionList', 'config', 'rules:\n  max-steps: [warn]\n'],
  ['other', 'config', 'book: {units: [Umum, Umum]}\n'],
  ['otherStep', 'sop', step('  - {id: end, activity: A, actor: staf}\n')],
  ['truncated', 'sop', sopYaml({ steps: Array.from({ length: 120 }, (_, i) => `  - {activity: L${i}}`).join('\n') })],
];

/** Base templates no file reaches in any shape, and why they are kept. */
const UNREACHED: Record<string, string> = {
  typeQuote: 'a number is quoted as written (typeNumberText) whenever the parse tree is at hand, which it always is after a parse',
  typeOther: 'for a union of types; the bundled schemas have none',
  typeOtherQuote: 'for a union of types; the bundled schemas have none',
  unionValue: 'every union in the bundled schemas has a title',
};

const issuesOf = (kind: SchemaKind, text: string): SchemaIssue[] => {
  const file = loadText(kind === 'processes' ? 'processes.yaml' : 'KUL-001.yaml', text);
  expect(file.problems.map((p) => p.message), 'the case parses').toEqual([]);
  return validateAgainst(kind, file.data, file);
};

describe('the schema check words each problem by id and data', () => {
  const reached = new Set<string>();
  it.each(CASES)('%s (%s)', (id, kind, text) => {
    const issue = issuesOf(kind, text).find((i) => i.messageId === id);
    expect(issue, `${id} among ${issuesOf(kind, text).map((i) => i.messageId).join(', ')}`).toBeDefined();
    reached.add(id);
    const english = SCHEMA_MESSAGES[id]!;
    // The English sentence is its template filled with exactly its data; the Indonesian one has the same placeholders.
    expect(Object.keys(issue!.data).sort()).toEqual(placeholders(english));
    expect(issue!.message).toBe(interpolate(english, issue!.data));
    const indonesian = interpolate(ID_MESSAGES[`schema/${id}`]!, issue!.data);
    expect(indonesian).not.toMatch(/\{\{|<where>|<got>|<want>|<not>/);
    expect(indonesian).not.toBe(issue!.message);
  });

  it('reaches every wording in some shape (or says why not)', () => {
    const missing = Object.entries(SCHEMA_TEMPLATES_EN)
      .filter(([base, text]) => !UNREACHED[base] && !Object.keys(expandShapes({ [base]: text }, SCHEMA_AXES_EN)).some((id) => reached.has(id)))
      .map(([base]) => base);
    expect(missing).toEqual([]);
    for (const base of Object.keys(UNREACHED)) expect(Object.keys(SCHEMA_TEMPLATES_EN)).toContain(base);
  });

  it('the English sentences are as they were', () => {
    const say = (kind: SchemaKind, text: string) => issuesOf(kind, text).map((i) => i.message);
    expect(say('sop', step('  - {activity: A, actor: staf, requirements: 5}\n'))).toEqual(['`steps[1].requirements` (step 2) must be a list, not the number 5.']);
    expect(say('sop', replace('status: draft', 'status: disetujui'))).toEqual(['`status` must be one of: draft, approved, implemented, evaluated, withdrawn (got "disetujui").']);
    expect(say('sop', top('titel: Surat'))).toEqual(['Unknown key `titel`; did you mean `title`?']);
    expect(say('sop', replace('title: Contoh', 'title: 2024'))).toEqual(['`title` must be text, not the number 2024; put it in quotes: title: "2024".']);
    expect(say('sop', sopYaml({ actors: '  - {id: staf, name: Kasubbag Keuangan, Umum dan Logistik}' }))).toEqual([
      'Unknown key `Umum dan Logistik` in `actors[0]`. It looks like the rest of a text value cut at a comma: put the whole value in quotes: name: "Kasubbag Keuangan, Umum dan Logistik".',
    ]);
    expect(say('sop', step('  - {activity: A, actor: staf, next: [a]}\n'))).toEqual(['`steps[1].next` (step 2) must be a step id, a step number (1, 2, …) or `end` (got a list).']);
  });
});

describe('shapes', () => {
  it('one id per variant of each marker, and no marker left', () => {
    const shapes = expandShapes({ t: '<where> is <got>' }, SCHEMA_AXES_EN);
    expect(shapes).toEqual({ t: '`{{field}}` is {{value}}', tStep: '`{{field}}` (step {{step}}) is {{value}}', tList: '`{{field}}` is a list', tListStep: '`{{field}}` (step {{step}}) is a list', tMapping: '`{{field}}` is a mapping', tMappingStep: '`{{field}}` (step {{step}}) is a mapping' });
    for (const text of Object.values(SCHEMA_MESSAGES)) expect(text).not.toMatch(/<(where|got|want|not)>/);
  });
});
