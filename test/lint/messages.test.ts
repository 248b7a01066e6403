import { describe, expect, it } from 'vitest';
import { minimalSop } from '../helpers/cli.js';
import { at, lintTree } from '../helpers/test-rule.js';

// YAML and schema mistakes worded for the person who wrote the SOP: one diagnostic per cause, with the fix.
const sop = minimalSop('KUL-001');
const lintText = (text: string) => lintTree({ 'sops/KUL-001.yaml': text }, ['sops/KUL-001.yaml']);
const show = (ds: ReturnType<typeof lintText>) => ds.map((d) => `${d.ruleId} ${d.range.start.line}:${d.range.start.column} ${d.message}`);

describe('YAML syntax errors a non-programmer can act on', () => {
  it('a step indented with tabs is one diagnostic, at the first tab, saying to use spaces', () => {
    const text = sop.replace('    actor: staf\n    time: 15 menit\n    output: Surat\n', '\tactor: staf\n\ttime: 15 menit\n\toutput: Surat\n');
    const ds = lintText(text);
    expect(show(ds)).toHaveLength(1);
    expect(ds[0]!.range.start).toEqual(at(text, '\tactor'));
    expect(ds[0]!.message).toContain('Line 13 is indented with a tab; YAML indentation must be spaces');
    expect(ds[0]!.message).toContain('lines 14 and 15 have tabs too');
  });

  it('a tab after spaces is named as a tab too', () => {
    const text = sop.replace('    actor: staf\n    time: 15 menit\n    output: Surat\n', '  \tactor: staf\n    time: 15 menit\n    output: Surat\n');
    const ds = lintText(text);
    expect(show(ds)).toHaveLength(1);
    expect(ds[0]!.range.start).toEqual({ line: 13, column: 3 });
    expect(ds[0]!.message).toContain('indented with a tab');
  });

  it('errors before the first tab are still reported', () => {
    const text = sop.replace('title: Contoh', 'title: Contoh: lagi').replace('    actor: staf\n    time: 15 menit\n    output: Surat\n', '\tactor: staf\n\ttime: 15 menit\n\toutput: Surat\n');
    expect(show(lintText(text)).map((s) => s.slice(0, 17))).toEqual(['yaml-syntax 3:8 T', 'yaml-syntax 13:1 ']);
  });

  it('an unquoted colon in a value says to quote that value, showing it', () => {
    const text = sop.replace('    output: Surat\n', '    output: Catatan: surat diterima\n');
    const ds = lintText(text);
    expect(show(ds)).toEqual([`yaml-syntax 15:13 The value of \`output\` has a colon followed by a space, which YAML reads as the start of another key. Put the whole value in quotes: output: "Catatan: surat diterima"`]);
  });

  it('an unclosed [ or quote is reported where it was opened', () => {
    const list = sop.replace('legalBasis: [UU 43/2009]', 'legalBasis: [UU 43/2009');
    expect(show(lintText(list))).toEqual([`yaml-syntax 8:13 This \`[\` is not closed: end the list with \`]\` on the same line, or put the whole value in quotes if the \`[\` is part of the text.`]);
    const quoted = sop.replace('title: Contoh', 'title: "Contoh');
    expect(show(lintText(quoted))).toEqual(['yaml-syntax 3:8 The quote " opened here is never closed: add the closing " at the end of the value.']);
  });

  it('a second colon inside {…} says to quote the value', () => {
    const ds = lintText(sop.replace('  - {id: staf, name: Staf}', '  - {id: staf, name: Staf: umum}'));
    expect(show(ds)).toHaveLength(1);
    expect(ds[0]!.message).toContain('Put the text in quotes: name: "Staf: umum"');
  });

  it('a colon inside […] that YAML reads as a mapping says to quote the item', () => {
    const ds = lintText(sop.replace('legalBasis: [UU 43/2009]', 'legalBasis: [UU 43/2009, Perpres: 12/2021]')).filter((d) => d.ruleId === 'schema');
    expect(show(ds)).toEqual(['schema 8:26 `legalBasis[1]` must be text, not a mapping: YAML reads the colon in `Perpres: 12/2021` as "key: value". Put the text in quotes: "Perpres: 12/2021".']);
  });

  it('a comma in an unquoted {…} value: the hint quotes the key and value actually in the file', () => {
    const ds = lintText(sop.replace('  - {id: staf, name: Staf}', '  - {id: staf, name: Kasubbag Keuangan, Umum, Logistik}')).filter((d) => d.ruleId === 'schema');
    expect(ds.length).toBeGreaterThan(0);
    for (const d of ds) expect(d.message).toContain('put the whole value in quotes: name: "Kasubbag Keuangan, Umum, Logistik"');
    expect(ds.map((d) => d.message).join('\n')).not.toContain('Kasubbag Keuangan, Umum dan Logistik');
  });

  it('an unquoted 18-digit NIP quotes the digits as written and says to put them in quotes', () => {
    const text = sop.replace('status: draft', 'status: draft\napproval: {position: Sekretaris, name: Nama, nip: 197203151998031001}');
    const ds = lintText(text).filter((d) => d.ruleId === 'schema');
    const p = at(text, '197203151998031001');
    expect(show(ds)).toEqual([`schema ${p.line}:${p.column} \`approval.nip\` must be text, not the number 197203151998031001; put it in quotes: nip: "197203151998031001".`]);
  });
});
