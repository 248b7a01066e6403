import { afterAll, describe, expect, it } from 'vitest';
import { minimalSop, sop, tempTree } from '../helpers/cli.js';

// The messages a new office meets first, YAML syntax and the SOP format, in Indonesian with `--lang id`.

const one = minimalSop('KUL-001').replace(/\n  - activity: Mengarsipkan surat[^]*$/, '\n');
const tree = tempTree({
  // A tab in the indentation of the first step (line 14).
  'sops/KUL-001.yaml': one.replace('    time: 15 menit', '\ttime: 15 menit'),
  // An unclosed `[` (line 8, column 13).
  'sops/KUL-002.yaml': one.replace('id: KUL-001', 'id: KUL-002').replace('legalBasis: [UU 43/2009]', 'legalBasis: [UU 43/2009'),
  // No `unit`, a status the format does not know, and a misspelt key in step 1.
  'sops/KUL-003.yaml': one.replace('id: KUL-001', 'id: KUL-003').replace('unit: Subbagian Umum\n', '').replace('status: draft', 'status: disetujui').replace('    output: Surat', '    outptu: Surat'),
});
afterAll(() => tree.cleanup());

const lines = (out: string) => out.split('\n').filter((l) => /^\s+sops\//.test(l) && !/quality-standard$/.test(l)).map((l) => l.trim().replace(/\s{2,}/g, ' | '));

describe('sop lint --lang id: YAML syntax and schema messages', () => {
  it('words them in Indonesian at the same line:col; English stays as it was', async () => {
    const id = await sop(['lint', '--lang', 'id', '--no-color'], tree.dir);
    const en = await sop(['lint', '--no-color'], tree.dir);
    expect([id.code, en.code]).toEqual([1, 1]);
    expect(lines(id.stdout)).toEqual([
      'sops/KUL-001.yaml:14:1 | error | Baris 14 diindentasi dengan tab, padahal indentasi YAML wajib menggunakan spasi. Ganti tab tersebut dengan spasi, sejajar dengan baris-baris di sekitarnya. Sebagian besar editor dapat diatur agar menyisipkan spasi ketika tombol Tab ditekan. | yaml-syntax',
      'sops/KUL-002.yaml:8:13 | error | Tanda `[` ini tidak ditutup: akhiri daftar dengan `]` pada baris yang sama, atau apit seluruh nilai dengan tanda petik apabila `[` merupakan bagian dari teks. | yaml-syntax',
      'sops/KUL-003.yaml:1:1 | error | SOP belum memuat kunci wajib `unit`. | schema',
      'sops/KUL-003.yaml:4:9 | error | `status` wajib berisi salah satu dari: draft, approved, implemented, evaluated, withdrawn (tertulis "disetujui"). | schema',
      'sops/KUL-003.yaml:14:5 | error | Kunci `outptu` pada `steps[0]` (langkah 1) tidak dikenal; apakah yang dimaksud `output`? | schema',
    ]);
    expect(lines(en.stdout)).toEqual([
      'sops/KUL-001.yaml:14:1 | error | Line 14 is indented with a tab; YAML indentation must be spaces. Replace the tab with spaces, lined up with the lines around it. Most editors can be set to insert spaces when Tab is pressed. | yaml-syntax',
      'sops/KUL-002.yaml:8:13 | error | This `[` is not closed: end the list with `]` on the same line, or put the whole value in quotes if the `[` is part of the text. | yaml-syntax',
      'sops/KUL-003.yaml:1:1 | error | The SOP is missing the required key `unit`. | schema',
      'sops/KUL-003.yaml:4:9 | error | `status` must be one of: draft, approved, implemented, evaluated, withdrawn (got "disetujui"). | schema',
      'sops/KUL-003.yaml:14:5 | error | Unknown key `outptu` in `steps[0]` (step 1); did you mean `output`? | schema',
    ]);
  });

  it('the JSON keeps each message id and its data, the same in both languages', async () => {
    type Json = { files: Array<{ diagnostics: Array<{ ruleId: string; messageId: string; data: Record<string, unknown>; message: string }> }> };
    const read = async (args: string[]) => (JSON.parse((await sop(['lint', '-f', 'json', ...args], tree.dir)).stdout) as Json).files.flatMap((f) => f.diagnostics);
    const [id, en] = [await read(['--lang', 'id']), await read([])];
    const ids = (ds: typeof id) => ds.map((d) => [d.ruleId, d.messageId, d.data]);
    expect(ids(id)).toEqual(ids(en));
    expect(ids(en).filter(([rule]) => rule !== 'quality-standard')).toEqual([
      ['yaml-syntax', 'tab', { line: 14 }],
      ['yaml-syntax', 'unclosedList', {}],
      ['schema', 'requiredSop', { key: 'unit' }],
      ['schema', 'enum', { field: 'status', allowed: 'draft, approved, implemented, evaluated, withdrawn', value: '"disetujui"' }],
      ['schema', 'unknownKeyInHintStep', { field: 'steps[0]', step: 1, key: 'outptu', hint: 'output' }],
    ]);
  });
});
