import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { isUserError, UsageError, type ConfigError, type IoError } from '../../util/errors.js';
import { forgetTemplates } from '../../render/handlebars.js';
import { PREVIEW_CSS, PREVIEW_JS } from './client.js';
import { indexPage, notice, sopPage, sopState } from './pages.js';
import { renderEntry, RouteKeys, takeSnapshot, type PreviewOptions, type PreviewSnapshot } from './snapshot.js';
import { startWatcher, watchedPaths, type Watcher } from './watch.js';

/** Options of a preview server. */
export interface PreviewServerOptions extends PreviewOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** The clock. */
  now?: () => Date;
  /** Called after each re-lint caused by a change. */
  onUpdate?: (snap: PreviewSnapshot) => void;
  /** Called with a problem the server survives (a watcher error, a render that failed); `cause`: a user error while rendering `file`. */
  onError?: (message: string, cause?: { file: string; error: UsageError | ConfigError | IoError }) => void;
}

/** A running preview. */
export interface PreviewServer {
  /** `http://127.0.0.1:<port>/`. */
  url: string;
  /** The port. */
  port: number;
  /** The current snapshot. */
  snapshot(): PreviewSnapshot;
  /** Stop watching and serving. */
  close(): Promise<void>;
}

/** The shell pages run only their own script; a document runs none, even when opened outside its frame. */
const SHELL_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; frame-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const DOC_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox allow-same-origin";
const KEYED = /^\/(sop|doc|api\/sop)\/([A-Za-z0-9._-]+)$/;

function send(req: IncomingMessage, res: ServerResponse, status: number, type: string, body: string, csp = DOC_CSP): void {
  res.writeHead(status, {
    'Content-Type': `${type}; charset=utf-8`,
    'Content-Length': Buffer.byteLength(body),
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'Cross-Origin-Resource-Policy': 'same-origin',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Start the preview: lint the repository, serve it on 127.0.0.1, re-lint on every change of its files. */
export async function startPreview(opts: PreviewServerOptions): Promise<PreviewServer> {
  const now = opts.now ?? (() => new Date());
  const keys = new RouteKeys();
  const session = randomBytes(4).toString('hex');
  let n = 0;
  let snap = takeSnapshot(opts, keys, `${session}.${n}`, now());
  if (snap.fatal) throw new UsageError(snap.fatal, snap.fatalRef);
  const rendered = new Map<string, { version: string; html: string | undefined }>();
  let watcher: Watcher | undefined;
  let port = 0;
  const report = (m: string, cause?: { file: string; error: UsageError | ConfigError | IoError }) => opts.onError?.(m, cause);

  const refresh = () => {
    try {
      snap = takeSnapshot(opts, keys, `${session}.${++n}`, now());
    } catch (e) {
      snap = { version: `${session}.${n}`, fatal: `internal error: ${(e as Error).message}`, entries: [], others: [], index: new Map() };
    }
    rendered.clear();
    forgetTemplates(); // a template or sop.css may be what changed
    watcher?.add(watchedPaths(snap.config, opts));
    opts.onUpdate?.(snap);
  };

  const doc = async (req: IncomingMessage, res: ServerResponse, key: string) => {
    const s = snap;
    const entry = s.entries.find((e) => e.key === key);
    if (!entry) return send(req, res, 404, 'text/html', notice('Not found', `No SOP ${key} in this preview.`));
    let hit = rendered.get(key);
    if (hit?.version !== s.version) {
      try {
        hit = { version: s.version, html: await renderEntry(s, entry, opts, now()) };
      } catch (e) {
        const message = isUserError(e) ? e.message : `internal error: ${(e as Error).message}`;
        report(`${entry.file}: ${message}`, isUserError(e) ? { file: entry.file, error: e } : undefined);
        return send(req, res, 500, 'text/html', notice('Not rendered', message));
      }
      if (s === snap) rendered.set(key, hit);
    }
    if (hit.html === undefined) return send(req, res, 200, 'text/html', notice('Not rendered', `Not rendered: ${entry.unrenderable ?? s.fatal ?? ''}`));
    return send(req, res, 200, 'text/html', hit.html);
  };

  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(req, res, 405, 'text/plain', 'Only GET and HEAD.\n');
    }
    // A page of another site that rebinds its name to 127.0.0.1 still sends its own Host: refused.
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(req, res, 403, 'text/plain', 'Forbidden host.\n');
    const url = req.url ?? '';
    const route = url.split('?', 1)[0] ?? '';
    if (route === '/') return send(req, res, 200, 'text/html', indexPage(snap), SHELL_CSP);
    if (route === '/preview.js') return send(req, res, 200, 'text/javascript', PREVIEW_JS, SHELL_CSP);
    if (route === '/preview.css') return send(req, res, 200, 'text/css', PREVIEW_CSS, SHELL_CSP);
    if (route === '/favicon.ico') return send(req, res, 204, 'text/plain', '', SHELL_CSP);
    if (route === '/api/version') return send(req, res, 200, 'application/json', JSON.stringify({ version: snap.version }), SHELL_CSP);
    const m = KEYED.exec(route);
    const entry = m ? snap.entries.find((e) => e.key === m[2]) : undefined;
    if (m?.[1] === 'api/sop') return send(req, res, entry ? 200 : 404, 'application/json', JSON.stringify(sopState(snap, entry)), SHELL_CSP);
    if (m?.[1] === 'sop' && entry) return send(req, res, 200, 'text/html', sopPage(snap, entry), SHELL_CSP);
    if (m?.[1] === 'doc') {
      doc(req, res, m[2]!).catch((e: Error) => {
        report(`internal error: ${e.message}`);
        if (!res.headersSent) send(req, res, 500, 'text/plain', 'Internal error.\n');
      });
      return;
    }
    // Nothing is ever served by path: every other request (`/../etc/passwd`, `/%2e%2e/`, `/sops/x.yaml`) is unknown.
    return send(req, res, 404, 'text/plain', 'Not found.\n');
  });

  port = await new Promise<number>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => reject(e.code === 'EADDRINUSE' ? new UsageError(`--port ${opts.port}: the port is in use`, { id: 'preview.portInUse', data: { port: String(opts.port) } }) : e.code === 'EACCES' ? new UsageError(`--port ${opts.port}: not allowed to listen on it`, { id: 'preview.portDenied', data: { port: String(opts.port) } }) : e));
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
  try {
    watcher = await startWatcher(watchedPaths(snap.config, opts), refresh, (e) => report(`watching: ${e.message}`));
  } catch (e) {
    server.close();
    throw e;
  }
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    snapshot: () => snap,
    async close() {
      await watcher?.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
