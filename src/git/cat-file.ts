import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawnGit } from './git.js';

interface Pending {
  resolve(b: Buffer | undefined): void;
  reject(e: Error): void;
}

/**
 * One long-lived `git cat-file --batch` process: requests are pipelined (write many, read answers
 * in order), so reading thousands of blobs costs one process. Call `close()` when done.
 */
export class CatFile {
  private child: ChildProcessWithoutNullStreams | undefined;
  private readonly queue: Pending[] = [];
  private buf: Buffer = Buffer.alloc(0);
  private failed: Error | undefined;
  private readonly cache = new Map<string, Promise<Buffer | undefined>>();

  constructor(private readonly root: string) {}

  private ensure(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const child = spawnGit(this.root, ['cat-file', '--batch']);
    child.stdout.on('data', (b: Buffer) => {
      this.buf = this.buf.length ? Buffer.concat([this.buf, b]) : b;
      this.drain();
    });
    const fail = (e: Error) => {
      this.failed = e;
      for (const p of this.queue.splice(0)) p.reject(e);
    };
    child.on('error', fail);
    child.on('close', () => {
      if (this.queue.length) fail(new Error('git cat-file exited early'));
      this.child = undefined;
    });
    child.stdin.on('error', () => undefined);
    child.stderr.resume();
    this.child = child;
    return child;
  }

  private drain(): void {
    for (;;) {
      const head = this.queue[0];
      if (!head) return;
      const nl = this.buf.indexOf(0x0a);
      if (nl < 0) return;
      const line = this.buf.subarray(0, nl).toString('utf8');
      if (/ (missing|ambiguous)$/.test(line)) {
        this.buf = this.buf.subarray(nl + 1);
        this.queue.shift();
        head.resolve(undefined);
        continue;
      }
      const size = Number(line.slice(line.lastIndexOf(' ') + 1));
      if (!Number.isFinite(size)) {
        this.queue.shift();
        head.reject(new Error(`unexpected git cat-file output: ${line}`));
        continue;
      }
      if (this.buf.length < nl + 1 + size + 1) return;
      const body = Buffer.from(this.buf.subarray(nl + 1, nl + 1 + size));
      this.buf = this.buf.subarray(nl + 1 + size + 1);
      this.queue.shift();
      head.resolve(body);
    }
  }

  /** Content of an object (`<blob id>` or `<commit>:<path>`), undefined when missing. Answers are cached. */
  read(object: string): Promise<Buffer | undefined> {
    if (/[\n\r\0]/.test(object)) return Promise.resolve(undefined);
    const hit = this.cache.get(object);
    if (hit) return hit;
    const p = new Promise<Buffer | undefined>((resolve, reject) => {
      if (this.failed) return reject(this.failed);
      const child = this.ensure();
      this.queue.push({ resolve, reject });
      child.stdin.write(`${object}\n`);
    });
    this.cache.set(object, p);
    return p;
  }

  /** Text of an object, undefined when missing. */
  async text(object: string): Promise<string | undefined> {
    const b = await this.read(object);
    if (!b) return undefined;
    const t = b.toString('utf8');
    return t.charCodeAt(0) === 0xfeff ? t.slice(1) : t;
  }

  /** End the process (pending reads finish first). */
  close(): Promise<void> {
    const child = this.child;
    if (!child) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('close', () => resolve());
      child.stdin.end();
    });
  }
}
