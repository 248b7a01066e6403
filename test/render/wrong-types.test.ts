// Fuzz-style: every field the rendered document reads, given a value of the wrong kind, with --force. The SOP is
// refused with its file, line and column (exit 1), never an internal error; text written as a number renders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { sop, tempTree } from '../helpers/cli.js';
import { SPEC_EXAMPLE } from '../helpers/spec-example.js';

type Path = Array<string | number>;

const base = parse(SPEC_EXAMPLE) as Record<string, any>;
// A full SOP: every field the view reads is present somewhere.
base.dates.revised = '2024-05-01';
base.qualifications = ['Memahami tata naskah'];
base.equipment = ['Komputer'];
base.warnings = ['Surat rahasia tidak dipindai'];
base.records = ['Buku agenda'];
base.steps[2].labels = ['Ya', 'Tidak'];
base.steps[2].notes = 'Catatan';
base.steps[1].next = 3;

const TEXT = ['id', 'number', 'title', 'unit', 'status', ['dates', 'created'], ['dates', 'revised'], ['dates', 'effective'], ['approval', 'position'], ['approval', 'name'], ['approval', 'nip'], ['actors', 0, 'id'], ['actors', 1, 'name'], ['legalBasis', 0], ['related', 0]];
const STEP_TEXT = ['id', 'activity', 'actor', 'type', 'time', 'output', 'notes', 'next', 'ifYes', 'ifNo'];
const LISTS = ['legalBasis', 'qualifications', 'related', 'equipment', 'warnings', 'records', ['steps', 0, 'requirements'], ['steps', 2, 'labels']];
const MAPS = ['dates', 'approval'];

const paths = (xs: Array<string | Path>): Path[] => xs.map((x) => (Array.isArray(x) ? x : [x]));
const cases: Array<{ name: string; path: Path; value: unknown }> = [];
const WRONG_TEXT = [{ toString: 'x' }, ['a', 'b']];
for (const p of [...paths(TEXT), ...STEP_TEXT.flatMap((k) => [['steps', 1, k], ['steps', 2, k]])]) for (const v of WRONG_TEXT) cases.push({ name: `${p.join('.')} = ${JSON.stringify(v)}`, path: p, value: v });
for (const p of paths(LISTS)) for (const v of [{ toString: 'x' }, 'teks', [{ a: 1 }]]) cases.push({ name: `${p.join('.')} = ${JSON.stringify(v)}`, path: p, value: v });
for (const p of paths(MAPS)) for (const v of ['teks', ['a']]) cases.push({ name: `${p.join('.')} = ${JSON.stringify(v)}`, path: p, value: v });
for (const i of [0, 1]) for (const v of ['teks', ['a'], 5]) cases.push({ name: `actors.${i} = ${JSON.stringify(v)}`, path: ['actors', i], value: v });
for (const v of ['teks', null]) cases.push({ name: `steps.1 = ${JSON.stringify(v)}`, path: ['steps', 1], value: v });

function withValue(path: Path, value: unknown): string {
  const data = structuredClone(base);
  let o = data;
  for (const k of path.slice(0, -1)) o = o[k];
  o[path.at(-1)!] = value;
  return stringify(data);
}

let t: ReturnType<typeof tempTree>;
beforeAll(() => {
  t = tempTree({ 'sop.config.yaml': 'locale: id\n' });
});
afterAll(() => t.cleanup());

const write = async (text: string) => (await import('node:fs')).writeFileSync(`${t.dir}/sops.yaml`, text);

describe('render --force with a wrong kind of value in a field the document reads', () => {
  it('the full SOP renders', async () => {
    await write(stringify(base));
    const r = await sop(['render', 'sops.yaml', '--force', '--format', 'md', '--out', '-', '--no-history'], t.dir);
    expect(r.stderr).not.toContain('not rendered');
    expect(r.code).toBe(0);
  });

  it.each(cases)('$name: refused at its line, exit 1', async ({ path, value }) => {
    const text = withValue(path, value);
    await write(text);
    for (const format of ['md', 'html']) {
      const r = await sop(['render', 'sops.yaml', '--force', '--format', format, '--out', '-', '--no-history'], t.dir);
      expect(r.stderr).not.toContain('internal error');
      expect(r.code).toBe(1);
      const m = /sop: not rendered: sops\.yaml: line (\d+), column (\d+): `([^`]+)` is /.exec(r.stderr);
      expect(m, r.stderr).not.toBeNull();
      // The line named holds the field (its key, or the item).
      const line = text.split('\n')[Number(m![1]) - 1]!;
      const key = [...path].reverse().find((k) => typeof k === 'string') as string;
      expect(line.includes(`${key}:`) || /^\s*-/.test(line), `${line} (${m![0]})`).toBe(true);
      expect(r.stdout).toBe('');
    }
  });

  it('text written as a number or true/false still renders (as written)', async () => {
    const data = structuredClone(base);
    data.title = 2024;
    data.steps[0].output = true;
    data.steps[0].time = 15;
    await write(stringify(data));
    const r = await sop(['render', 'sops.yaml', '--force', '--format', 'md', '--out', '-', '--no-history'], t.dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2024');
  });
});
