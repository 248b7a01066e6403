import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SPEC_EXAMPLE as EXAMPLE } from './helpers/spec-example.js';
import { knownRuleIds } from '../src/lint/engine.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readJson = (rel: string): Record<string, any> => JSON.parse(readFileSync(path.join(root, rel), 'utf8'));

const sopSchema = readJson('schemas/sop.schema.json');
const configSchema = readJson('schemas/config.schema.json');

const compile = (schema: object) => new Ajv({ allErrors: true, strict: false }).compile(schema);
const validateSop = compile(sopSchema);
const validateConfig = compile(configSchema);

// The example of sop-format.md, with the one fix described in helpers/spec-example.ts.

const example = (): Record<string, any> => parse(EXAMPLE, { schema: 'core' });

function errorsOf(validate: ReturnType<typeof compile>, data: unknown): string {
  validate(data);
  return JSON.stringify(validate.errors ?? []);
}

/** Every schema under `properties` / `patternProperties` / `definitions` lacking a title or description, as JSON pointers. */
function undocumented(schema: unknown, at = '#'): string[] {
  const out: string[] = [];
  if (Array.isArray(schema)) {
    schema.forEach((s, i) => out.push(...undocumented(s, `${at}/${i}`)));
    return out;
  }
  if (!schema || typeof schema !== 'object') return out;
  for (const [key, value] of Object.entries(schema)) {
    const here = `${at}/${key}`;
    if (['properties', 'patternProperties', 'definitions'].includes(key) && value && typeof value === 'object') {
      for (const [name, sub] of Object.entries(value as Record<string, any>)) {
        const ok = (v: unknown) => typeof v === 'string' && v.trim().length > 0;
        if (!ok(sub?.title) || !ok(sub?.description)) out.push(`${here}/${name}`);
      }
    }
    if (key !== 'enum' && key !== 'const' && key !== 'default' && key !== 'examples') out.push(...undocumented(value, here));
  }
  return out;
}

describe('sop.schema.json', () => {
  it('is a draft-07 schema with the agreed $id', () => {
    expect(sopSchema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(sopSchema.$id).toBe('https://sopkit.dev/schemas/sop.schema.json');
  });

  it('accepts the example of sop-format.md (dates stay strings)', () => {
    const data = example();
    expect(data.dates.created).toBe('2024-03-11');
    expect(errorsOf(validateSop, data)).toBe('[]');
  });

  it('rejects the unquoted comma of the doc example as an unknown key', () => {
    const data = parse(EXAMPLE.replace('"Kasubbag Keuangan, Umum dan Logistik"', 'Kasubbag Keuangan, Umum dan Logistik'), { schema: 'core' });
    expect(validateSop(data)).toBe(false);
    expect(validateSop.errors?.map((e) => [e.instancePath, e.params])).toEqual([['/actors/1', { additionalProperty: 'Umum dan Logistik' }]]);
  });

  it('accepts x- keys at the top level and in nested entries', () => {
    const data = example();
    data['x-foo'] = { anything: [1, 2] };
    data.dates['x-planned'] = 'soon';
    data.approval['x-sk'] = 1;
    data.actors[0]['x-color'] = 'red';
    data.steps[0]['x-ref'] = true;
    data.monitoring = [{ date: '2024-10-01', assessor: 'Kasubbag', result: 'good', 'x-form': 'M1' }];
    expect(errorsOf(validateSop, data)).toBe('[]');
  });

  const invalid: Array<[string, (d: Record<string, any>) => void, string]> = [
    ['an unknown top-level key', (d) => (d.titel = 'typo'), 'additionalProperties'],
    ['an unknown step key', (d) => (d.steps[0].acter = 'agendaris'), 'additionalProperties'],
    ['a numeric nip', (d) => (d.approval.nip = 197901012005011001), '/approval/nip'],
    ['a nip of 17 digits', (d) => (d.approval.nip = '19790101200501100'), '/approval/nip'],
    ['a lowercase id', (d) => (d.id = 'kul-004'), '/id'],
    ['an id without a dash', (d) => (d.id = 'KUL004'), '/id'],
    ['a step without activity', (d) => delete d.steps[1].activity, 'activity'],
    ['an empty activity', (d) => (d.steps[1].activity = ''), '/steps/1/activity'],
    ['a stepRef of 0', (d) => (d.steps[2].ifNo = 0), '/steps/2/ifNo'],
    ['a stepRef that is not a slug', (d) => (d.steps[2].ifNo = 'Arsip'), '/steps/2/ifNo'],
    ['a step id "end"', (d) => (d.steps[4].id = 'end'), '/steps/4/id'],
    ['an unknown status', (d) => (d.status = 'signed'), '/status'],
    ['a date not written YYYY-MM-DD', (d) => (d.dates.created = '2024-3-11'), '/dates/created'],
    ['a missing dates.created', (d) => delete d.dates.created, 'created'],
    ['no actors', (d) => (d.actors = []), '/actors'],
    ['one label', (d) => (d.steps[2].labels = ['Ya']), '/steps/2/labels'],
    ['sop version 2', (d) => (d.sop = 2), '/sop'],
    ['an incomplete evaluation', (d) => (d.evaluations = [{ date: '2025-04-01', evaluator: 'Tim', decision: 'keep', criteria: { synergy: true } }]), 'improvesPerformance'],
  ];
  it.each(invalid)('rejects %s', (_name, mutate, expected) => {
    const data = example();
    mutate(data);
    expect(validateSop(data)).toBe(false);
    expect(errorsOf(validateSop, data)).toContain(expected);
  });

  it('accepts step refs as id, number and end', () => {
    const data = example();
    data.steps[0].next = 2;
    data.steps[1].next = 'end';
    data.steps[2].ifYes = 'disposisi';
    expect(errorsOf(validateSop, data)).toBe('[]');
  });

  it('documents every property with a title and a description', () => {
    expect(undocumented(sopSchema)).toEqual([]);
  });
});

describe('config.schema.json', () => {
  it('is a draft-07 schema with its $id', () => {
    expect(configSchema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(configSchema.$id).toBe('https://sopkit.dev/schemas/config.schema.json');
  });

  it('accepts a full config and an empty one', () => {
    const config = parse(
      `organization:
  name: KOMISI PEMILIHAN UMUM KOTA MALANG
  unitLines: [SEKRETARIAT]
  logo: assets/logo.png
  address: Jl. Bandung No. 1, Malang
  x-phone: "0341"
locale: id
paper: F4
orientation: landscape
sops: sops/**/*.{yaml,yml}
numbering: {pattern: '^\\d{3}/SOP/'}
review: {monitoringMonths: 6, evaluationMonths: 12}
rules:
  legal-basis: off
  max-actors: {severity: warn, options: {max: 7}}
  my-plugin-rule: error
templates: templates
book: {title: Standar Operasional Prosedur, subtitle: "2024", pages: [book/keputusan.md]}
browser: {executablePath: /usr/bin/chromium}
pdf: {margin: 12mm}
history: false
x-owner: subbag-kul
`,
      { schema: 'core' },
    );
    expect(errorsOf(validateConfig, config)).toBe('[]');
    expect(errorsOf(validateConfig, {})).toBe('[]');
  });

  const invalid: Array<[string, unknown, string]> = [
    ['an unknown key', { papr: 'A4' }, 'additionalProperties'],
    ['an unknown paper', { paper: 'A5' }, '/paper'],
    ['a bad severity', { rules: { nip: 'warning' } }, '/rules/nip'],
    ['a rule id that is not a slug', { rules: { NIP: 'off' } }, 'propertyNames'],
    ['max below 1', { rules: { 'max-steps': { options: { max: 0 } } } }, 'max'],
    ['monitoringMonths of 0', { review: { monitoringMonths: 0 } }, '/review/monitoringMonths'],
    ['a margin without unit', { pdf: { margin: '10' } }, '/pdf/margin'],
  ];
  it.each(invalid)('rejects %s', (_name, data, expected) => {
    expect(validateConfig(data)).toBe(false);
    expect(errorsOf(validateConfig, data)).toContain(expected);
  });

  it('documents every property with a title and a description', () => {
    expect(undocumented(configSchema)).toEqual([]);
  });

  it('lists every known rule id in the rules description', () => {
    const ids = Object.keys(configSchema.properties.rules.properties);
    expect([...ids].sort()).toEqual(knownRuleIds().sort());
    for (const id of ids) expect(configSchema.properties.rules.description).toContain(`\`${id}\``);
  });
});

describe('the documentation walker', () => {
  it('finds a nested property without a description', () => {
    const broken = structuredClone(sopSchema);
    delete broken.properties.steps.items.properties.time.description;
    delete broken.properties.evaluations.items.properties.criteria.properties.synergy.title;
    expect(undocumented(broken)).toEqual([
      '#/properties/steps/items/properties/time',
      '#/properties/evaluations/items/properties/criteria/properties/synergy',
    ]);
  });
});

describe('processes.schema.json', () => {
  const processesSchema = readJson('schemas/processes.schema.json');
  const validateMap = compile(processesSchema);
  const examplesMap = parse(readFileSync(path.join(root, 'examples/processes.yaml'), 'utf8'), { schema: 'core' });

  it('is a draft-07 schema with the agreed $id, every property titled and described', () => {
    expect(processesSchema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(processesSchema.$id).toBe('https://sopkit.dev/schemas/processes.schema.json');
    expect(undocumented(processesSchema)).toEqual([]);
  });

  it('accepts the examples map (nested children, inputs, outputs) and a flat map with parent', () => {
    expect(errorsOf(validateMap, examplesMap)).toBe('[]');
    const flat = { processes: [{ code: 'PB.1', name: 'A', category: 'inti' }, { code: 'PB.1.1', name: 'B', parent: 'PB.1', 'x-note': 1 }] };
    expect(errorsOf(validateMap, flat)).toBe('[]');
  });

  const invalid: Array<[string, unknown, string]> = [
    ['no processes', { title: 'Peta' }, 'required'],
    ['an empty list', { processes: [] }, 'minItems'],
    ['a code with a space', { processes: [{ code: 'PB 1', name: 'A', category: 'inti' }] }, 'pattern'],
    ['an unknown category', { processes: [{ code: 'PB.1', name: 'A', category: 'utama' }] }, 'enum'],
    ['an unknown key in a child', { processes: [{ code: 'PB.1', name: 'A', category: 'inti', children: [{ code: 'PB.1.1', name: 'B', owner: 'X' }] }] }, 'additionalProperties'],
  ];
  for (const [name, data, keyword] of invalid) {
    it(`rejects ${name}`, () => {
      expect(validateMap(data)).toBe(false);
      expect(validateMap.errors?.map((e) => e.keyword)).toContain(keyword);
    });
  }
});
