import { describe, expect, it } from 'vitest';
import { lint } from '../../src/app/lint/run.js';
import { formatters } from '../../src/lint/formatters/index.js';
import { githubSummary } from '../../src/lint/formatters/github-summary.js';
import { ID_MESSAGES } from '../../src/lint/messages/id.js';
import { placeholders } from '../../src/lint/messages/template.js';
import { englishMessages, wordDiagnostic, wordReport } from '../../src/lint/messages/word.js';
import { tempTree } from '../helpers/cli.js';
import { lintTree, sopYaml } from '../helpers/test-rule.js';
import { clean, ctx, report as fixed } from './formatters/fixture.js';

// Indonesian wordings: one per English message, with the same placeholders; chosen by `lang`.

describe('the Indonesian catalogue', () => {
  const english = englishMessages();
  it('words every English message, and nothing else', () => {
    expect(Object.keys(ID_MESSAGES).sort()).toEqual([...english.keys()].sort());
  });
  it.each([...english])('%s has the same placeholders', (key, text) => {
    expect(placeholders(ID_MESSAGES[key] ?? '')).toEqual(placeholders(text));
  });
});

describe('wording a diagnostic in Indonesian', () => {
  const sop = (id: string, number: string) => sopYaml({ id, top: `number: ${number}` });
  const files = { 'sops/KUL-001.yaml': sop('KUL-001', '001/SOP/KUL/2024'), 'sops/KUL-002.yaml': sop('KUL-002', '001/SOP/KUL/2024') };

  it('rewords from messageId and data; English stays as the engine worded it', () => {
    const d = lintTree(files, ['sops/KUL-001.yaml']).find((x) => x.ruleId === 'unique-number')!;
    expect(d.message).toBe('`number` "001/SOP/KUL/2024" is not unique: it is also the number of sops/KUL-002.yaml. Each SOP needs its own Nomor SOP.');
    expect([d.messageId, d.data]).toEqual(['duplicate', { value: '001/SOP/KUL/2024', others: 'sops/KUL-002.yaml' }]);
    const id = wordDiagnostic(d, 'id');
    expect(id.message).toBe('Nomor SOP (`number`) "001/SOP/KUL/2024" sudah dipakai oleh sops/KUL-002.yaml. Setiap SOP wajib memiliki Nomor SOP sendiri.');
    expect({ ...id, message: d.message }).toEqual(d);
    expect(wordDiagnostic(d, 'en')).toBe(d);
  });

  it('the library lint() takes `lang`', async () => {
    const tree = tempTree({ 'sop.config.yaml': 'locale: id\n', ...files });
    try {
      const en = await lint({ cwd: tree.dir, paths: [] });
      const id = await lint({ cwd: tree.dir, paths: [], lang: 'id' });
      const messages = (r: typeof en) => r.files.flatMap((f) => f.diagnostics.map((d) => `${d.ruleId}/${d.messageId} ${d.message}`));
      expect(messages(id)).toEqual(messages(wordReport(en, 'id')));
      expect(messages(id)).toContain('unique-number/duplicate Nomor SOP (`number`) "001/SOP/KUL/2024" sudah dipakai oleh sops/KUL-002.yaml. Setiap SOP wajib memiliki Nomor SOP sendiri.');
      expect(id.errorCount).toBe(en.errorCount);
    } finally {
      tree.cleanup();
    }
  });

  it('every formatter takes `lang` in its options', () => {
    const report = { files: [{ file: 'sops/KUL-001.yaml', diagnostics: lintTree(files, ['sops/KUL-001.yaml']).filter((d) => d.ruleId === 'unique-number') }], errorCount: 1, warningCount: 0 };
    const wanted = 'sudah dipakai oleh sops/KUL-002.yaml';
    for (const [name, format] of Object.entries(formatters)) {
      expect(format(report, { ...ctx, lang: 'id' }), name).toContain(wanted);
      expect(format(report, ctx), name).not.toContain(wanted);
    }
  });

  it('the GitLab fingerprint does not change with the language', () => {
    const report = { files: [{ file: 'sops/KUL-001.yaml', diagnostics: lintTree(files, ['sops/KUL-001.yaml']) }], errorCount: 1, warningCount: 0 };
    const prints = (lang: 'en' | 'id') => (JSON.parse(formatters.gitlab(report, { ...ctx, lang })) as Array<{ fingerprint: string }>).map((i) => i.fingerprint);
    expect(prints('id')).toEqual(prints('en'));
  });

  it('the summary lines of stylish and of the GitHub step summary', () => {
    const id = { ...ctx, lang: 'id' as const };
    expect(formatters.stylish(fixed, id).split('\n').at(-2)).toBe('✖ 4 masalah (3 kesalahan, 1 peringatan) pada 3 berkas diperiksa');
    expect(formatters.stylish(clean, id)).toBe('✓ 1 berkas diperiksa, tidak ada masalah\n');
    expect(formatters.stylish(clean, { ...id, hiddenWarnings: 2 })).toBe('✓ 1 berkas diperiksa, tidak ada kesalahan (2 peringatan disembunyikan oleh --quiet)\n');
    const md = githubSummary(fixed, id);
    expect(md).toContain('❌ **4 masalah** (3 kesalahan, 1 peringatan) pada 2 berkas dari 3 berkas diperiksa.');
    expect(md).toContain('| Aturan | Kesalahan | Peringatan |');
    expect(md).toContain('| Lokasi | Tingkat | Aturan | Pesan |');
    expect(md).toMatch(/\| peringatan \| \[?legal-basis/);
    expect(githubSummary(clean, id)).toBe('## sop lint\n\n✅ 1 berkas diperiksa, tidak ada masalah.\n\n');
  });
});
