// The schemas as editors use them: Markdown hover text and completion snippets (YAML language server).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';
import { AJV_OPTIONS, EDITOR_KEYWORDS } from '../src/model/schema/build.js';
import { minimalSop, ROOT, tempTree } from './helpers/cli.js';

type Json = Record<string, any>;
const schema = (kind: string): Json => JSON.parse(readFileSync(path.join(ROOT, 'schemas', `${kind}.schema.json`), 'utf8'));
const sopSchema = schema('sop');
const TODAY = '2026-12-01';

/** Every node of a schema holding `key` (snippet bodies are data, not schema: not walked). */
function nodesWith(node: unknown, key: string, at = '#'): Array<{ at: string; node: Json }> {
  if (!node || typeof node !== 'object') return [];
  const out = key in (node as Json) && !Array.isArray(node) ? [{ at, node: node as Json }] : [];
  for (const [k, v] of Object.entries(node as Json)) if (k !== 'defaultSnippets' && k !== 'enum' && k !== 'const') out.push(...nodesWith(v, key, `${at}/${k}`));
  return out;
}

/** Placeholder number → its default, across one body (linked placeholders must agree). */
type Defaults = Map<string, string>;

/** A snippet value with every placeholder replaced by its default (the first choice of a choice); `^` values are YAML. */
function instantiate(v: unknown, seen: Defaults): unknown {
  if (Array.isArray(v)) return v.map((x) => instantiate(x, seen));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, instantiate(x, seen)]));
  if (typeof v !== 'string') return v;
  const raw = v.startsWith('^');
  const agree = (n: string, d: string) => {
    expect(seen.get(n) ?? d, `placeholder ${n} has two defaults`).toBe(d);
    seen.set(n, d);
    return d;
  };
  const text = (raw ? v.slice(1) : v)
    .replace(/\$\{(\d+):([^}$]*)\}/g, (_, n: string, d: string) => agree(n, d))
    .replace(/\$\{(\d+)\|([^,|]+)(?:,[^|]*)?\|\}/g, (_, n: string, d: string) => agree(n, d));
  expect(text, `a placeholder without a default in ${JSON.stringify(v)}`).not.toContain('$');
  return raw ? parse(text) : text;
}

const snippets = (node: Json) => (node.defaultSnippets as Array<{ label: string; description: string; body: unknown }>).map((s) => ({ ...s, value: instantiate(s.body, new Map()) }));
const snippet = (node: Json, label: string) => snippets(node).find((s) => s.label === label)!.value as Json;

const temps: Array<{ cleanup(): void }> = [];
afterAll(() => temps.forEach((t) => t.cleanup()));

/** Lint one SOP file (as data) in a fresh folder as of `today`: the diagnostics as `severity rule: message` lines. */
async function lintData(data: Json, today = TODAY): Promise<string[]> {
  const t = tempTree({ [`sops/${data.id}.yaml`]: stringify(data) });
  temps.push(t);
  const report = await lint({ cwd: t.dir, paths: [], today });
  return report.files.flatMap((f) => f.diagnostics.map((d) => `${d.severity} ${d.ruleId}: ${d.message}`));
}

// An implemented SOP that lints clean, to take the monitoring and evaluation snippets.
const implemented = (): Json => ({
  ...parse(minimalSop()),
  number: '001/SOP/KUL/2026',
  status: 'implemented',
  dates: { created: '2026-01-05', effective: '2026-02-02', implemented: '2026-03-02' },
  approval: { position: 'Sekretaris', name: 'Budi', nip: '197901012005011001' },
});

describe('the schemas for editors', () => {
  it('compile with ajv in strict mode, the editor keywords declared; an unknown keyword still fails', () => {
    for (const kind of ['sop', 'config', 'processes']) expect(() => new Ajv({ ...AJV_OPTIONS }).compile(schema(kind)), kind).not.toThrow();
    expect(EDITOR_KEYWORDS).toEqual(['markdownDescription', 'defaultSnippets']);
    expect(() => new Ajv({ ...AJV_OPTIONS, keywords: [] }).compile(sopSchema)).toThrow(/unknown keyword: "(markdownDescription|defaultSnippets)"/);
    expect(() => new Ajv({ ...AJV_OPTIONS }).compile({ type: 'object', requird: ['a'] })).toThrow(/unknown keyword: "requird"/);
  });

  it('give Markdown hover text only next to a plain description', () => {
    const md = ['sop', 'config'].flatMap((kind) => nodesWith(schema(kind), 'markdownDescription').map((n) => ({ ...n, at: `${kind}${n.at}` })));
    expect(md.filter((n) => n.at.startsWith('sop#')).length).toBeGreaterThanOrEqual(10);
    expect(md.filter((n) => n.at.startsWith('config#/properties/rules/properties/')).length).toBe(Object.keys(schema('config').properties.rules.properties).length);
    for (const { at, node } of md) {
      expect(typeof node.description, at).toBe('string');
      expect(node.markdownDescription.trim().length, at).toBeGreaterThan(40);
      // No raw HTML outside code.
      expect(node.markdownDescription.replace(/```[\s\S]*?```|`[^`]*`/g, ''), at).not.toMatch(/<[a-z/]/i);
    }
  });

  it('show YAML examples in the hover text that are right', () => {
    const yamlBlocks = (t: string) => [...t.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const config = schema('config');
    const [numbering] = yamlBlocks(config.properties.numbering.properties.pattern.markdownDescription).map((b) => parse(b));
    expect(new RegExp(numbering.numbering.pattern).test('004/SOP/KUL/KPU-Kot/IX/2026')).toBe(true);
    const [rules] = yamlBlocks(config.properties.rules.properties['max-steps'].markdownDescription).map((b) => parse(b));
    expect(new Ajv({ ...AJV_OPTIONS }).compile(config)(rules)).toBe(true);
    const [nip] = yamlBlocks(sopSchema.properties.approval.properties.nip.markdownDescription).map((b) => parse(b));
    expect(nip.nip).toBe('197901012005011001');
  });

  it('offer the snippets named in the README, each labelled and described', () => {
    const all = nodesWith(sopSchema, 'defaultSnippets').flatMap(({ node }) => (node.defaultSnippets as Json[]).map((s) => s.label));
    expect(all.sort()).toEqual(['Actor', 'Decision step', 'Evaluation record', 'Monitoring record', 'New SOP', 'Step']);
    for (const { at, node } of nodesWith(sopSchema, 'defaultSnippets')) for (const s of snippets(node)) expect(s.description.length, `${at} ${s.label}`).toBeGreaterThan(20);
  });

  it('New SOP: the skeleton, placeholders at their defaults, lints clean as a whole file and validates', async () => {
    const data = snippet(sopSchema, 'New SOP');
    expect(Object.keys(data)).toEqual(expect.arrayContaining(['sop', 'id', 'title', 'unit', 'status', 'revision', 'dates', 'legalBasis', 'actors', 'steps']));
    expect(await lintData(data)).toEqual([]);
    expect(new Ajv({ ...AJV_OPTIONS }).compile(sopSchema)(data)).toBe(true);
  });

  it('Step and Decision step: inserted into a valid SOP, it lints clean', async () => {
    const items = sopSchema.properties.steps.items;
    const host = parse(minimalSop());
    expect(await lintData(host)).toEqual([]);
    const step = snippet(items, 'Step');
    const decision = snippet(items, 'Decision step');
    expect(decision).toMatchObject({ type: 'decision', labels: [expect.any(String), expect.any(String)], ifNo: 1 });
    expect(await lintData({ ...host, steps: [host.steps[0], { ...step, actor: 'staf' }, host.steps[1]] })).toEqual([]);
    expect(await lintData({ ...host, steps: [host.steps[0], { ...decision, actor: 'staf' }, host.steps[1]] })).toEqual([]);
    // The actor placeholder's default is the one minimalSop declares.
    expect([step.actor, decision.actor]).toEqual(['staf', 'staf']);
  });

  it('Actor: inserted with a step in its column, it lints clean', async () => {
    const host = parse(minimalSop());
    const actor = snippet(sopSchema.properties.actors.items, 'Actor');
    expect(await lintData({ ...host, actors: [...host.actors, actor], steps: [host.steps[0], { ...host.steps[1], actor: actor.id }] })).toEqual([]);
  });

  it('Monitoring record and Evaluation record: added to an implemented SOP, it lints clean', async () => {
    const host = implemented();
    expect(await lintData(host, '2026-07-01')).toEqual([]);
    const mon = snippet(sopSchema.properties.monitoring.items, 'Monitoring record');
    const ev = snippet(sopSchema.properties.evaluations.items, 'Evaluation record');
    expect(mon).toMatchObject({ method: 'observasi supervisor', result: 'good' });
    expect(Object.values(ev.criteria)).toEqual([true, true, true, true, true, true, true]);
    expect(await lintData({ ...host, monitoring: [mon] })).toEqual([]);
    expect(await lintData({ ...host, status: 'evaluated', monitoring: [mon], evaluations: [ev] })).toEqual([]);
  });
});
