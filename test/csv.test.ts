import { describe, expect, it } from 'vitest';
import { BOM, csvField, parseDelimiter, toCsv } from '../src/util/csv.js';
import { minimalSop, ROOT, sop, tempTree } from './helpers/cli.js';
import { parseCsv } from './helpers/csv.js';

// A cell with the delimiter, a quote, a line break and a formula: it must come back as one cell, the
// formula defused with a leading single quote.
const NASTY = 'Surat; "nota", arsip\n=cmd|\' /C calc\'!A0';

describe('toCsv', () => {
  it('writes a BOM, CRLF line ends and the chosen delimiter', () => {
    const text = toCsv([['a', 'b'], ['1;2', 'x,y']], { delimiter: ';' });
    expect(text.startsWith(BOM)).toBe(true);
    expect(text).toBe(`${BOM}a;b\r\n"1;2";x,y\r\n`);
    expect(toCsv([['a', 'b']], { bom: false })).toBe('a,b\r\n');
  });

  it('round-trips a hostile cell with either delimiter, the formula guarded', () => {
    for (const d of [',', ';', '\t', '|'] as const) {
      const rows = parseCsv(toCsv([['h1', 'h2'], [NASTY, '=1+1'], ['@SUM(A1)', 'plain']], { delimiter: d }), d);
      expect(rows, JSON.stringify(d)).toEqual([['h1', 'h2'], [`Surat; "nota", arsip\n=cmd|' /C calc'!A0`, "'=1+1"], ["'@SUM(A1)", 'plain']]);
    }
    expect(csvField('a;b', ',')).toBe('a;b');
    expect(csvField('a;b', ';')).toBe('"a;b"');
  });

  it('reads the delimiter a user types', () => {
    expect([',', ';', 'tab', '\\t', '\t', '|'].map(parseDelimiter)).toEqual([',', ';', '\t', '\t', '\t', '|']);
    for (const bad of ['', ';;', '"', '\n', 'a', '.']) expect(parseDelimiter(bad)).toBeUndefined();
  });
});

describe('--format csv --delimiter', () => {
  const sopText = minimalSop('KUL-001').replace('title: Contoh', `title: ${JSON.stringify(NASTY)}`).replace('unit: Subbagian Umum', 'unit: Subbagian Keuangan, Umum dan Logistik');

  it('sop status and sop report register write BOM + semicolons, the hostile title one safe cell', async () => {
    const t = tempTree({ 'sop.config.yaml': 'organization: {name: KPU}\n', 'sops/KUL-001.yaml': sopText });
    try {
      for (const args of [['status', '--format', 'csv'], ['report', 'register', '-f', 'csv', '--today', '2026-12-10']]) {
        const r = await sop([...args, '--delimiter', ';'], t.dir);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout.startsWith('\uFEFF'), args[0]).toBe(true);
        expect(r.stdout.endsWith('\r\n')).toBe(true);
        const rows = parseCsv(r.stdout, ';');
        expect(rows.length, args[0]).toBe(2);
        expect(new Set(rows.map((x) => x.length)).size).toBe(1);
        expect(rows[1]).toContain(`Surat; "nota", arsip\n=cmd|' /C calc'!A0`);
        expect(rows[1]).toContain('Subbagian Keuangan, Umum dan Logistik');
        // A comma never splits a cell when the delimiter is `;`.
        expect(r.stdout).toContain(';Subbagian Keuangan, Umum dan Logistik;');
      }
    } finally {
      t.cleanup();
    }
  });

  it('sop map --format csv --delimiter ";" parses back to the same cells as the comma CSV', async () => {
    const comma = await sop(['map', 'examples', '-f', 'csv', '-o', '-'], ROOT);
    const semi = await sop(['map', 'examples', '-f', 'csv', '-o', '-', '--delimiter', ';'], ROOT);
    expect(semi.code, semi.stderr).toBe(0);
    expect(semi.stdout.split('\r\n')[0]).toBe('\uFEFFprocessCode;processName;level;category;owner;leaf;sopId;sopNumber;sopTitle;sopUnit;status;inForce');
    expect(parseCsv(semi.stdout, ';')).toEqual(parseCsv(comma.stdout, ','));
    expect(parseCsv(semi.stdout, ';').length).toBeGreaterThan(10);
  });

  it('refuses a bad delimiter, and --delimiter with a format that is not CSV', async () => {
    const t = tempTree({ 'sops/KUL-001.yaml': minimalSop() });
    try {
      const bad = await sop(['status', '-f', 'csv', '--delimiter', '.'], t.dir);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain("option '--delimiter <char>' argument '.' is invalid");
      const notCsv = await sop(['status', '--delimiter', ';'], t.dir);
      expect(notCsv.code).toBe(2);
      expect(notCsv.stderr).toContain('--delimiter applies to --format csv only, got --format table.');
    } finally {
      t.cleanup();
    }
  });
});
