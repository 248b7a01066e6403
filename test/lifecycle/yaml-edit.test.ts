import { describe, expect, it } from 'vitest';
import { editYaml, scalarSource } from '../../src/model/yaml-edit.js';

describe('scalarSource', () => {
  it.each([
    ['approved', 'approved'],
    ['2024-04-01', '2024-04-01'],
    ['197901012005011001', '"197901012005011001"'],
    ['004/SOP/KUL/IV/2024', '004/SOP/KUL/IV/2024'],
    ['Sekretaris KPU Kota Malang', 'Sekretaris KPU Kota Malang'],
    ['true', '"true"'],
    ['null', '"null"'],
    ['a: b', '"a: b"'],
    ['x # y', '"x # y"'],
    ['Kasubbag "Umum"', '"Kasubbag \\"Umum\\""'],
    ['- dash', '"- dash"'],
  ])('%s → %s', (v, out) => expect(scalarSource(v)).toBe(out));
  it('writes numbers plain', () => expect(scalarSource(3)).toBe('3'));
});

describe('editYaml', () => {
  it('inserts into and removes from block mappings, keeping every other line', () => {
    const src = 'id: X-1\ndates:\n    created: 2024-01-01   # c\n    implemented: 2024-02-01\n# tail comment\nsteps: []\n';
    expect(editYaml(src, [{ path: ['dates', 'revised'], value: '2024-03-01' }])).toBe('id: X-1\ndates:\n    created: 2024-01-01   # c\n    implemented: 2024-02-01\n    revised: 2024-03-01\n# tail comment\nsteps: []\n');
    expect(editYaml(src, [{ path: ['dates', 'implemented'], value: '', remove: true }])).toBe('id: X-1\ndates:\n    created: 2024-01-01   # c\n# tail comment\nsteps: []\n');
  });
  it('removes the first, middle and only items of a flow mapping', () => {
    expect(editYaml('d: {implemented: 1, created: 2}\n', [{ path: ['d', 'implemented'], value: '', remove: true }])).toBe('d: {created: 2}\n');
    expect(editYaml('d: {a: 1, implemented: 3, b: 2}\n', [{ path: ['d', 'implemented'], value: '', remove: true }])).toBe('d: {a: 1, b: 2}\n');
    expect(editYaml('d: {implemented: 3}\n', [{ path: ['d', 'implemented'], value: '', remove: true }])).toBe('d: {}\n');
    expect(editYaml('d: {a: 1}\n', [{ path: ['d', 'x'], value: '', remove: true }])).toBe('d: {a: 1}\n');
  });
  it('adds nested keys to a flow mapping as nested flow mappings (a whole SOP written as one flow mapping)', () => {
    expect(editYaml('d: {a: 1}\n', [{ path: ['d', 'x', 'y'], value: 'z' }])).toBe('d: {a: 1, x: {y: z}}\n');
    const whole = '{id: X-1, status: draft,\n dates: {created: 2024-01-01}}\n';
    const edits = [
      { path: ['status'], value: 'approved' },
      { path: ['approval', 'position'], value: 'Sekretaris', after: 'dates' },
      { path: ['approval', 'nip'], value: '197901012005011001', after: 'dates' },
      { path: ['dates', 'effective'], value: '2024-04-01' },
    ];
    expect(editYaml(whole, edits)).toBe('{id: X-1, status: approved,\n dates: {created: 2024-01-01, effective: 2024-04-01}, approval: {position: Sekretaris, nip: "197901012005011001"}}\n');
  });
  it('keeps CRLF line ends and a missing final newline', () => {
    expect(editYaml('a: 1\r\nb: 2', [{ path: ['c', 'd'], value: 'x' }])).toBe('a: 1\r\nb: 2\r\nc:\r\n  d: x\r\n');
    expect(editYaml('status: draft\r\nrevision: 0\r\n', [{ path: ['status'], value: 'approved' }])).toBe('status: approved\r\nrevision: 0\r\n');
  });
  it('replaces a quoted scalar and refuses what it cannot edit safely', () => {
    expect(editYaml("status: 'draft'  # s\n", [{ path: ['status'], value: 'approved' }])).toBe('status: approved  # s\n');
    expect(() => editYaml('steps:\n  - a\n', [{ path: ['steps'], value: 'x' }])).toThrow(/not a single value/);
    expect(() => editYaml('a: [\n', [{ path: ['a'], value: 'z' }])).toThrow(/YAML with errors/);
  });
});
