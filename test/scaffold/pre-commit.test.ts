import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { ROOT } from '../helpers/cli.js';

describe('.pre-commit-hooks.yaml (the hook sopkit ships)', () => {
  const doc = parseDocument(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8'));
  const hooks = doc.toJS() as Array<Record<string, unknown>>;
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

  it('is valid YAML with one sop-lint hook running `sop lint` from the node package', () => {
    expect(doc.errors).toEqual([]);
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ id: 'sop-lint', entry: 'sop lint', language: 'node', require_serial: true });
    // `language: node` installs the package with `npm pack`: the bin must exist after prepare builds it.
    expect(pkg.bin.sop).toBe('dist/cli/bin.js');
    expect(pkg.scripts.prepare).toBe('npm run build');
  });

  it('matches SOP files and nothing else', () => {
    const files = new RegExp(hooks[0]!.files as string);
    for (const f of ['sops/kul/KUL-004-surat-masuk.yaml', 'sops/a.yml']) expect(files.test(f)).toBe(true);
    for (const f of ['sop.config.yaml', 'book/keputusan.md', '.github/workflows/sop.yml', 'sops/kul/notes.txt']) expect(files.test(f)).toBe(false);
  });
});
