import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { tempTree } from '../helpers/cli.js';

/** A real git repository in a temp folder, with fixed dates and identity. */
export interface TestRepo {
  dir: string;
  git(args: string[], env?: Record<string, string>): string;
  write(rel: string, text: string): void;
  rename(from: string, to: string): void;
  remove(rel: string): void;
  commit(message: string, date: string, author?: string): string;
  cleanup(): void;
}

/** Make a repository; `date` values are YYYY-MM-DD (noon UTC+7). */
export function testRepo(files: Record<string, string> = {}, opts: { init?: boolean } = {}): TestRepo {
  const t = tempTree(files);
  const dir = t.dir;
  const git = (args: string[], env: Record<string, string> = {}) =>
    execFileSync('git', args, { cwd: dir, env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir, ...env }, encoding: 'utf8' });
  if (opts.init !== false) {
    git(['init', '-q', '-b', 'main']);
    git(['config', 'user.name', 'Admin Tester']);
    git(['config', 'user.email', 'admin@example.org']);
    git(['config', 'commit.gpgsign', 'false']);
  }
  return {
    dir,
    git,
    write(rel, text) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), text);
    },
    rename(from, to) {
      mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
      renameSync(path.join(dir, from), path.join(dir, to));
    },
    remove(rel) {
      rmSync(path.join(dir, rel));
    },
    commit(message, date, author = 'Admin Tester') {
      const when = `${date}T12:00:00+07:00`;
      git(['add', '-A']);
      git(['commit', '-q', '-m', message], {
        GIT_AUTHOR_DATE: when,
        GIT_COMMITTER_DATE: when,
        GIT_AUTHOR_NAME: author,
        GIT_AUTHOR_EMAIL: `${author.split(' ')[0]!.toLowerCase()}@example.org`,
      });
      return git(['rev-parse', 'HEAD']).trim();
    },
    cleanup: t.cleanup,
  };
}
