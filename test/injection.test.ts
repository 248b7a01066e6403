// Values of an SOP never act in another program's format: no HTML or links in a Markdown viewer, no formula
// in a spreadsheet, no control sequence in a terminal (status table, stylish, github annotations, Markdown).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { showControls } from '../src/util/visible.js';
import { minimalSop, sop, tempTree } from './helpers/cli.js';

// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/;

const TITLE = '\\e[2J\\e]0;owned\\a <img src=x onerror=alert(1)> [klik](javascript:alert(2))'; // YAML escapes: ESC, BEL
const hostile = minimalSop('KUL-001')
  .replace('title: Contoh', `title: "${TITLE}"`)
  .replace('unit: Subbagian Umum', 'unit: "=HYPERLINK(""http://evil.example/"",""x"")"'.replace(/""/g, '\\"'))
  .replace('status: draft', 'status: draft\nx-note: "@SUM(1+1)"');
const bad = minimalSop('KUL-002').replace('status: draft', 'status: "\\e[31mdraft\\u202e\\x07"');

let t: ReturnType<typeof tempTree>;
beforeAll(() => {
  t = tempTree({ 'sop.config.yaml': 'locale: id\n', 'sops/KUL-001.yaml': hostile, 'sops/KUL-002.yaml': bad, 'sops/KUL-003.yaml': minimalSop('KUL-003').replace('unit: Subbagian Umum', 'unit: "-2+3"').replace('title: Contoh', 'title: "+62 341 123"') });
});
afterAll(() => t.cleanup());

describe('showControls', () => {
  it('shows ESC, BEL, CR, DEL, C1 and direction overrides escaped, keeps tab and line feed and all other text', () => {
    expect(showControls('a\u001b[31mb\u0007c\rd\u007fe\u009bf\u202eg\th\ni é 中')).toBe('a\\x1b[31mb\\x07c\\x0dd\\x7fe\\x9bf\\u202eg\th\ni é 中');
  });
});

describe('sop status', () => {
  it('--format md escapes titles as render --format md does: no raw HTML, no link', async () => {
    const r = await sop(['status', '--format', 'md'], t.dir);
    expect(r.code).toBe(0);
    const row = r.stdout.split('\n').find((l) => l.startsWith('| KUL-001'))!;
    expect(row).toContain('\\<img src=x onerror=alert(1)\\>');
    expect(row).toContain('\\[klik\\](javascript:alert(2))');
    expect(row).not.toMatch(/(?<!\\)<img|(?<!\\)\]\(javascript/);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(row).toContain('\\x1b\\[2J\\x1b\\]0;owned\\x07');
  });

  it('--format csv guards cells a spreadsheet would run as formulas', async () => {
    const r = await sop(['status', '--format', 'csv'], t.dir);
    const rows = r.stdout.split('\r\n');
    expect(rows.find((l) => l.startsWith('KUL-001'))).toContain(`,"'=HYPERLINK(""http://evil.example/"",""x"")",`);
    expect(rows.find((l) => l.startsWith('KUL-003'))).toContain(",'+62 341 123,'-2+3,");
  });

  it('the table shows control characters escaped', async () => {
    const r = await sop(['status'], t.dir);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(r.stdout).toContain('\\x1b[2J');
  });
});

describe('sop lint', () => {
  it('stylish and github show a value\'s control characters escaped', async () => {
    for (const format of ['stylish', 'github']) {
      const r = await sop(['lint', 'sops/KUL-002.yaml', '-f', format], t.dir);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('\\x1b[31mdraft\\u202e\\x07');
      expect(r.stdout).not.toMatch(RAW_CONTROL);
    }
  });
});

describe('sop render --format md', () => {
  it('shows control characters escaped', async () => {
    const r = await sop(['render', 'sops/KUL-001.yaml', '--format', 'md', '--out', '-', '--no-history'], t.dir);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(r.stdout).toContain('\\x1b\\[2J');
  });
});
