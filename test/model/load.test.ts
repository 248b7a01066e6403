import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/load.js';
import { buildRepository, lintFile } from '../../src/lint/engine.js';
import { loadFile, loadText, MAX_FILE_BYTES } from '../../src/model/load.js';
import { minimalSop, tempTree } from '../helpers/cli.js';

const tmp = tempTree();
afterAll(() => tmp.cleanup());

/** Write `content` to a real file, load and lint it; diagnostics as `rule line:col`. */
function lint(content: string | Uint8Array, name = 'KUL-001.yaml') {
  const abs = path.join(tmp.dir, name);
  writeFileSync(abs, content);
  const file = loadFile(name, abs);
  const diags = lintFile(file, buildRepository([file], defaultConfig(tmp.dir)));
  return { file, diags, at: diags.map((d) => `${d.ruleId} ${d.range.start.line}:${d.range.start.column}`) };
}

/** minimalSop with lines 12.. (the steps) as written; line numbers below refer to this layout. */
const sop = minimalSop('KUL-001');
const crlf = (s: string) => s.replace(/\n/g, '\r\n');

describe('exact locations of load and schema problems', () => {
  const rows: Array<{ name: string; text: string; expected: string[]; message: string }> = [
    { name: 'a YAML syntax error (tab indentation)', text: sop.replace('unit: Subbagian Umum', '\tunit: Subbagian Umum'), expected: ['yaml-syntax 4:1'], message: 'Line 4 is indented with a tab; YAML indentation must be spaces' },
    { name: 'a YAML syntax error (mapping in a plain value)', text: sop.replace('title: Contoh', 'title: Contoh: lagi'), expected: ['yaml-syntax 3:8'], message: 'Put the whole value in quotes: title: "Contoh: lagi"' },
    { name: 'an unclosed quote', text: sop.replace('title: Contoh', 'title: "Contoh'), expected: ['yaml-syntax 3:8'], message: 'The quote " opened here is never closed' },
    { name: 'a duplicate key, at the second occurrence', text: sop.replace('unit: Subbagian Umum', 'unit: Subbagian Umum\ntitle: Lagi'), expected: ['yaml-syntax 5:1'], message: 'Duplicate key `title`: it is already set on line 3' },
    { name: 'a duplicate key inside a step', text: sop.replace('    output: Arsip', '    output: Arsip\n    actor: staf'), expected: ['yaml-syntax 20:5'], message: 'Duplicate key `actor`: it is already set on line 17' },
    { name: 'a wrong type deep inside steps', text: `${sop}  - activity: Menutup\n    actor: staf\n    time: 5 menit\n    output: Selesai\n    requirements: 5\n`, expected: ['schema 24:19'], message: '`steps[2].requirements` (step 3) must be a list, not the number 5' },
    { name: 'an unknown key, at the key', text: sop.replace('    actor: staf\n    time: 15 menit\n    output: Arsip', '    actr: staf\n    time: 15 menit\n    output: Arsip'), expected: ['schema 16:5', 'schema 17:5'], message: 'Unknown key `actr` in `steps[1]` (step 2); did you mean `actor`?' },
  ];
  for (const crlfToo of [false, true]) {
    for (const bom of [false, true]) {
      it.each(rows)(`$name${crlfToo ? ' (CRLF)' : ''}${bom ? ' (BOM)' : ''}`, ({ text, expected, message }) => {
        const { diags, at } = lint(`${bom ? '\ufeff' : ''}${crlfToo ? crlf(text) : text}`);
        const main = at.filter((a) => a.startsWith(expected[0]!.split(' ')[0]!));
        if (expected[0]!.includes(' ')) expect(main).toEqual(expect.arrayContaining(expected));
        else expect(main.length).toBeGreaterThan(0);
        expect(diags.some((d) => d.message.includes(message))).toBe(true);
        // Nothing else is wrong with these files.
        expect(diags.filter((d) => d.ruleId !== 'yaml-syntax' && d.ruleId !== 'schema')).toEqual([]);
      });
    }
  }

  it('the unknown key is reported on the key itself, spanning it', () => {
    const { diags } = lint(sop.replace('  - activity: Mengarsipkan surat\n    actor: staf', '  - activity: Mengarsipkan surat\n    actr: staf'));
    const d = diags.find((x) => x.message.startsWith('Unknown key'))!;
    expect(d.range).toEqual({ start: { line: 17, column: 5 }, end: { line: 17, column: 9 } });
    expect(d.path).toEqual(['steps', 1, 'actr']);
  });
});

describe('loading odd files', () => {
  it('a clean file loads with no problem, and dates stay strings', () => {
    const { file, diags } = lint(sop);
    expect(diags).toEqual([]);
    expect((file.data as any).dates).toEqual({ created: '2024-03-11' });
    const withTimes = loadText('x.yaml', sop.replace('dates: {created: 2024-03-11}', 'dates: {created: 2024-03-11, x-at: 2024-03-11T10:00:00+07:00}'));
    expect((withTimes.data as any).dates['x-at']).toBe('2024-03-11T10:00:00+07:00');
  });

  it('a BOM is dropped and positions on line 1 stay right', () => {
    const { file, at } = lint(`\ufeff${sop.replace('sop: 1', 'sop: 2')}`);
    expect(file.text.startsWith('sop: 2')).toBe(true);
    expect(at).toContain('schema 1:6');
  });

  it('an empty file', () => {
    for (const text of ['', '\n\n', '   \n']) {
      const { diags } = lint(text);
      expect(diags.map((d) => [d.ruleId, d.range.start.line, d.range.start.column])).toEqual([['yaml-syntax', 1, 1]]);
      expect(diags[0]!.message).toContain('The file is empty');
    }
  });

  it('a file of comments only', () => {
    const { diags } = lint('# nothing yet\n# really\n');
    expect(diags.map((d) => d.ruleId)).toEqual(['yaml-syntax']);
    expect(diags[0]!.message).toContain('holds no data');
  });

  it('several documents', () => {
    const { diags, at } = lint(`${sop}---\nsop: 1\n`);
    expect(at).toEqual(['yaml-syntax 20:1']);
    expect(diags[0]!.message).toContain('holds 2 YAML documents');
  });

  it('a root that is a list, a scalar or null', () => {
    expect(lint('- a\n- b\n').diags[0]!.message).toContain('must be a mapping (key: value pairs), not a list');
    expect(lint('just text\n').diags[0]!.message).toContain('not a scalar');
    expect(lint('~\n').diags.map((d) => d.ruleId)).toEqual(['yaml-syntax']);
  });

  it('non-UTF-8 bytes: line and column of the bad byte', () => {
    const bytes = Buffer.concat([Buffer.from('sop: 1\nid: KUL-001\ntitle: Café '), Buffer.from([0xe9, 0x74, 0xe9]), Buffer.from('\n')]);
    const { diags } = lint(bytes);
    expect(diags).toHaveLength(1);
    // "title: Café " is 12 characters (é is two bytes but one column): the bad byte is column 13.
    expect(diags[0]!.range.start).toEqual({ line: 3, column: 13 });
    expect(diags[0]!.message).toBe('The file is not valid UTF-8: byte 0xe9 at line 3, column 13. Save it as UTF-8.');
  });

  it('a NUL byte', () => {
    const { diags } = lint(Buffer.from('sop: 1\nid: K\u0000\n'));
    expect(diags.map((d) => [d.range.start.line, d.range.start.column])).toEqual([[2, 6]]);
    expect(diags[0]!.message).toContain('NUL byte');
  });

  it('a file over 5 MB is refused without being parsed', () => {
    const { diags } = lint(`x-big: "${'a'.repeat(MAX_FILE_BYTES)}"\n`);
    expect(diags).toHaveLength(1);
    expect(diags[0]!.message).toMatch(/^The file is 5\.0 MB; SOP files over 5 MB are refused\.$/);
  });

  it('an unreadable path becomes a problem, not a crash', () => {
    const f = loadFile('missing.yaml', path.join(tmp.dir, 'missing.yaml'));
    expect(f.problems[0]!.message).toBe('The file could not be read: ENOENT');
  });

  it('an alias bomb fails fast with a clear message', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const [p, c] = [String.fromCharCode(96 + i), String.fromCharCode(97 + i)];
      levels.push(`${c}: &${c} [${Array(9).fill(`*${p}`).join(',')}]`);
    }
    const t0 = performance.now();
    const { diags, file } = lint(`${levels.join('\n')}\n`);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(file.data).toBeUndefined();
    expect(diags).toHaveLength(1);
    expect(diags[0]!.message).toContain('alias bomb');
    expect(diags[0]!.range.start.line).toBe(2);
  });

  it('a few aliases are fine; an unknown alias is located', () => {
    expect(lint(`${sop.replace('title: Contoh', 'title: &t Contoh')}x-copy: *t\n`).diags).toEqual([]);
    const { diags, at } = lint(`${sop}x-copy: *nope\n`);
    expect(at).toEqual(['yaml-syntax 20:9']);
    expect(diags[0]!.message).toBe('Unknown alias `*nope`: no anchor `&nope` is set before it.');
  });

  it('deep nesting is refused with one message', () => {
    for (const depth of [150, 5000]) {
      const { diags } = lint(`${sop}x-deep: ${'['.repeat(depth)}${']'.repeat(depth)}\n`);
      expect(diags).toHaveLength(1);
      expect(diags[0]!.ruleId).toBe('yaml-syntax');
      expect(diags[0]!.message).toMatch(/nested (too deeply|more than 100 levels)/);
    }
  });
});
