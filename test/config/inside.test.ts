import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { globFolder, isInside, realPath, resolveInside } from '../../src/util/inside.js';
import { ConfigError } from '../../src/util/errors.js';
import { tempTree } from '../helpers/cli.js';

const trees: Array<{ cleanup(): void }> = [];
afterEach(() => trees.splice(0).forEach((t) => t.cleanup()));

/** A repository folder and an outside folder, each with a file. */
function setup() {
  const repo = tempTree({ 'a/real.md': 'inside\n' });
  const outside = tempTree({ 'secret.txt': 'outside\n', 'd/x.md': 'outside\n' });
  trees.push(repo, outside);
  return { root: realPath(repo.dir), out: realPath(outside.dir) };
}
const at = { where: 'sop.config.yaml:3:5', what: 'book.pages[0]' };

describe('resolveInside', () => {
  it('returns the real path of a file inside, through a symlink inside and a chain of links inside', () => {
    const { root } = setup();
    symlinkSync('a/real.md', path.join(root, 'link.md'));
    symlinkSync('link.md', path.join(root, 'chain.md'));
    symlinkSync('a', path.join(root, 'dirlink'));
    expect(resolveInside(root, 'a/real.md', at)).toBe(path.join(root, 'a/real.md'));
    expect(resolveInside(root, 'link.md', at)).toBe(path.join(root, 'a/real.md'));
    expect(resolveInside(root, 'chain.md', at)).toBe(path.join(root, 'a/real.md'));
    expect(resolveInside(root, 'dirlink/real.md', at)).toBe(path.join(root, 'a/real.md'));
    expect(resolveInside(root, 'a/missing.md', at)).toBe(path.join(root, 'a/missing.md'));
  });

  it('refuses a link to a file outside, to a folder outside, a chain that ends outside, `..` and an absolute path, naming the line and the real target', () => {
    const { root, out } = setup();
    symlinkSync(path.join(out, 'secret.txt'), path.join(root, 'file-out.md'));
    symlinkSync(out, path.join(root, 'dir-out'));
    symlinkSync('file-out.md', path.join(root, 'chain-out.md'));
    mkdirSync(path.join(root, 'b'));
    symlinkSync('../dir-out/d', path.join(root, 'b/hop'));
    const cases: Array<[string, string]> = [
      ['file-out.md', path.join(out, 'secret.txt')],
      ['dir-out/d/x.md', path.join(out, 'd/x.md')],
      ['dir-out', out],
      ['chain-out.md', path.join(out, 'secret.txt')],
      ['b/hop/x.md', path.join(out, 'd/x.md')],
      ['../elsewhere.md', path.join(path.dirname(root), 'elsewhere.md')],
    ];
    for (const [p, real] of cases) {
      let err: unknown;
      try {
        resolveInside(root, p, at);
      } catch (e) {
        err = e;
      }
      expect(err, p).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toBe(`sop.config.yaml:3:5 book.pages[0] must stay inside the repository (${root}): ${p} (it resolves to ${real}) is outside it.`);
    }
    expect(() => resolveInside(root, '/etc/passwd', at)).toThrow(`sop.config.yaml:3:5 book.pages[0] must stay inside the repository (${root}): /etc/passwd is outside it.`);
  });

  it('isInside and globFolder', () => {
    expect(isInside('/r', '/r')).toBe(true);
    expect(isInside('/r', '/r/a')).toBe(true);
    expect(isInside('/r', '/ra')).toBe(false);
    expect(isInside('/r', '/')).toBe(false);
    expect(globFolder('sops/**/*.yaml')).toBe('sops');
    expect(globFolder('*.yaml')).toBe('');
    expect(globFolder('a/b/{x,y}/*.yaml')).toBe('a/b');
  });
});

