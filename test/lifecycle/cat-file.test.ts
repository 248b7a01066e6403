import { afterEach, describe, expect, it } from 'vitest';
import { CatFile } from '../../src/git/cat-file.js';
import { gitProcessCount } from '../../src/git/git.js';
import { testRepo, type TestRepo } from './repo-helper.js';

const repos: TestRepo[] = [];
afterEach(() => repos.splice(0).forEach((r) => r.cleanup()));

describe('CatFile', () => {
  it('pipelines many reads through one process, answers missing objects, and closes', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++) files[`f${i}.txt`] = `file ${i}\n${'x'.repeat(i * 97)}\nline with no end`;
    files['empty.txt'] = '';
    const r = testRepo(files);
    repos.push(r);
    const head = r.commit('files', '2024-01-01');
    const before = gitProcessCount();
    const cat = new CatFile(r.dir);
    const texts = await Promise.all(Object.keys(files).map((f) => cat.text(`${head}:${f}`)));
    expect(texts).toEqual(Object.values(files));
    expect(await cat.text(`${head}:nope.txt`)).toBeUndefined();
    expect(await cat.text('0123456789012345678901234567890123456789')).toBeUndefined();
    expect(await cat.text('bad\nname')).toBeUndefined();
    await cat.close();
    expect(gitProcessCount() - before).toBe(1);
  });
});
