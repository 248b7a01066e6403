import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { appendToList } from '../../src/model/yaml-edit.js';

const ENTRY = { date: '2026-07-15', assessor: 'Kasubbag Keuangan, Umum dan Logistik', result: 'good', evidence: ['evidence/a.pdf', 'https://x.org/b'], notes: undefined };

describe('appendToList', () => {
  it('creates a missing list at the end, indented like the file\'s lists, keeping every byte before it', () => {
    const text = '# kepala\nsop: 1   # versi\nsteps:\n    - activity: A   # langkah\n      actor: s\n';
    const out = appendToList(text, 'monitoring', ENTRY);
    expect(out).toBe(`${text}monitoring:\n    - date: 2026-07-15\n      assessor: "Kasubbag Keuangan, Umum dan Logistik"\n      result: good\n      evidence:\n        - evidence/a.pdf\n        - "https://x.org/b"\n`);
  });

  it('appends after the last item of a block list, before a comment that follows it', () => {
    const text = 'monitoring:\n- date: 2024-10-01\n  notes: |\n    baris\n  result: good  # ok\n# berikutnya\nsteps: []\n';
    const out = appendToList(text, 'monitoring', { date: '2025-04-01', result: 'poor' });
    expect(out).toBe('monitoring:\n- date: 2024-10-01\n  notes: |\n    baris\n  result: good  # ok\n- date: 2025-04-01\n  result: poor\n# berikutnya\nsteps: []\n');
  });

  it('puts a new list before the first of the given keys that the file has', () => {
    const text = 'sop: 1\n# pemantauan\nmonitoring:\n  - date: 2024-10-01\nevaluations: []\n';
    expect(appendToList(text, 'socialization', { date: '2024-04-10' }, ['monitoring', 'evaluations'])).toBe('sop: 1\n# pemantauan\nsocialization:\n  - date: 2024-04-10\nmonitoring:\n  - date: 2024-10-01\nevaluations: []\n');
    expect(appendToList('sop: 1\n', 'socialization', { date: '2024-04-10' }, ['monitoring'])).toBe('sop: 1\nsocialization:\n  - date: 2024-04-10\n');
  });

  it('keeps CRLF line ends and a file without a final newline', () => {
    const text = 'sop: 1\r\nsteps:\r\n  - a: 1';
    expect(appendToList(text, 'socialization', { date: '2026-01-05', attendees: 12 })).toBe('sop: 1\r\nsteps:\r\n  - a: 1\r\nsocialization:\r\n  - date: 2026-01-05\r\n    attendees: 12\r\n');
  });

  it('writes nested mappings and booleans; flow lists and flow documents get a flow entry', () => {
    const evaluation = { date: '2026-11-20', criteria: { easyToApply: false, synergy: true }, decision: 'revise', meeting: { date: '2026-11-21', minutes: 'evidence/n.pdf' } };
    const block = appendToList('sop: 1\n', 'evaluations', evaluation);
    expect(block).toBe('sop: 1\nevaluations:\n  - date: 2026-11-20\n    criteria:\n      easyToApply: false\n      synergy: true\n    decision: revise\n    meeting:\n      date: 2026-11-21\n      minutes: evidence/n.pdf\n');
    expect(parse(block).evaluations).toEqual([evaluation]);
    expect(appendToList('sop: 1\nmonitoring: []  # kosong\n', 'monitoring', { date: '2026-01-02', result: 'good' })).toBe('sop: 1\nmonitoring: [{date: 2026-01-02, result: good}]  # kosong\n');
    expect(appendToList('monitoring: [{date: 2025-01-02}]\n', 'monitoring', { date: '2026-01-02', notes: 'a, b' })).toBe('monitoring: [{date: 2025-01-02}, {date: 2026-01-02, notes: "a, b"}]\n');
    expect(appendToList('{sop: 1, id: KUL-001}\n', 'monitoring', { date: '2026-01-02', evidence: ['e/a.pdf'] })).toBe('{sop: 1, id: KUL-001, monitoring: [{date: 2026-01-02, evidence: [e/a.pdf]}]}\n');
    expect(appendToList('sop: 1\nmonitoring:   # belum ada\nid: X\n', 'monitoring', { date: '2026-01-02' })).toBe('sop: 1\nmonitoring:   # belum ada\n  - date: 2026-01-02\nid: X\n');
  });

  it('quotes values YAML would read as something else, and refuses what it cannot edit', () => {
    const out = appendToList('sop: 1\n', 'monitoring', { assessor: 'yes', notes: 'baris 1\nbaris 2', action: 'Cek # nomor', result: '123' });
    expect(parse(out).monitoring[0]).toEqual({ assessor: 'yes', notes: 'baris 1\nbaris 2', action: 'Cek # nomor', result: '123' });
    expect(() => appendToList('monitoring: 3\n', 'monitoring', { a: 1 })).toThrow('`monitoring` is not a list');
    expect(() => appendToList('- a\n', 'monitoring', { a: 1 })).toThrow('not a mapping');
    expect(() => appendToList('a: [\n', 'monitoring', { a: 1 })).toThrow('cannot edit YAML with errors');
  });
});
