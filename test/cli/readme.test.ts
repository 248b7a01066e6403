import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, sop, tempTree } from '../helpers/cli.js';

// What the README tells a new user must be true.
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const blocks = (lang: string) => [...README.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) => m[1]!);
const cleanups: Array<{ cleanup(): void }> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c.cleanup()));

describe('README', () => {
  const sample = blocks('yaml').find((b) => /^sop: 1$/m.test(b))!;

  it('its sample SOP lints clean on its own, in a repository of its own', async () => {
    expect(sample).toBeDefined();
    const id = /^id: (\S+)$/m.exec(sample)![1]!;
    const t = tempTree({ [`sops/${id}-contoh.yaml`]: sample });
    cleanups.push(t);
    // As of a month after it took effect: later, rule review-due rightly asks for its monitoring and evaluation.
    const effective = /effective: (\d{4}-\d{2})-\d{2}/.exec(sample)![1]!;
    expect(await sop(['lint', '--today', `${effective}-28`], t.dir)).toEqual({ code: 0, stdout: '✓ 1 file checked, no problems\n', stderr: '' });
  });

  it('its $schema line points at the schema inside the installed package, which the package ships', () => {
    const rel = /^# yaml-language-server: \$schema=(\S+)$/m.exec(sample)![1]!;
    // the sample is a file directly under sops/
    expect(path.posix.join('sops', rel)).toBe('node_modules/sopkit/schemas/sop.schema.json');
    const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' })) as Array<{ files: Array<{ path: string }> }>;
    const files = packed[0]!.files.map((f) => f.path);
    expect(files).toContain('schemas/sop.schema.json');
    expect(files).toContain('dist/cli/bin.js');
  });

  it('runs sop only through the installed package, and its CI can upload SARIF for the pull request', () => {
    const commands = [...blocks('sh'), ...blocks('yaml')].join('\n');
    expect(commands).toMatch(/npx --no-install sop lint/);
    // npx only with --no-install, or with a package file's path (-p ./sopkit-0.1.0.tgz): never a name the registry resolves.
    expect(commands).not.toMatch(/npx (?!--no-install |-p \.{0,2}\/\S+\.tgz )[^\n]*\bsop\b/);
    expect(commands).toMatch(/npx -p \.\/sopkit-\d+\.\d+\.\d+\.tgz sop /);
    const ci = blocks('yaml').filter((b) => b.includes('sop lint')).join('\n');
    expect(ci).toMatch(/^permissions:\n(?: {2}.*\n)* {2}security-events: write/m);
    expect(ci).toMatch(/- run: npm ci/);
    const sarif = ci.split('\n').find((l) => l.includes('--format sarif'))!;
    expect(sarif).toContain('--since origin/${{ github.base_ref }}');
  });
});
