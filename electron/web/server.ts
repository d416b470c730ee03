/**
 * Web mode: the same handler map as the desktop app, over loopback HTTP, plus the built
 * renderer. Listens on 127.0.0.1 only; every API request must carry the per-launch token
 * (`Authorization: Bearer …`) and a Host header naming this server (no DNS rebinding). An API
 * request whose Origin header names another site is refused even with the token: a browser adds
 * Origin to every cross-site fetch, so a page elsewhere that learned the token still cannot call.
 *
 *   POST /api/call/<name>   JSON body = the call's input; answers the call's Envelope
 *   GET  /api/events        the pushed events, as a server-sent event stream
 *   GET  /*                 the renderer's files, with the same security headers as app://
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { dispatch, type Handlers } from '../../shared/api/dispatch.ts';
import { MAX_IMPORT_BATCH_BYTES, type EventName, type EventPayload } from '../../shared/api/contract.ts';
import { mimeType, safeStaticPath, securityHeaders } from '../../shared/security/headers.ts';
import type { Logger } from '../core/logger.ts';

export interface WebServerOptions {
  handlers: Handlers;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  token?: string;
  log?: Logger;
}

export interface WebServer {
  url: string;
  /** The URL to open: carries the token once; the page moves it out of the address bar. */
  launchUrl: string;
  port: number;
  token: string;
  emit<K extends EventName>(event: K, payload: EventPayload<K>): void;
  close(): Promise<void>;
}

/** The largest call is a batch of report files (shared/api/calls/teacher.ts), and its envelope. */
const MAX_BODY_BYTES = MAX_IMPORT_BATCH_BYTES + 1024 * 1024;

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? crypto.randomBytes(32).toString('hex');
  const streams = new Set<http.ServerResponse>();
  let port = 0;

  const emit = <K extends EventName>(event: K, payload: EventPayload<K>) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of streams) res.write(frame);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      options.log?.error({ err }, 'web request failed');
      if (!res.headersSent)
        send(res, 500, { ok: false, error: { code: 'failed', message: 'Internal error' } });
      else res.end();
    });
  });

  const origin = () => `http://127.0.0.1:${port}`;

  function hostAllowed(host: string | undefined): boolean {
    return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
  }

  /** No Origin (curl, the CLI, a same-origin GET) is fine; a present one must be this server. */
  function originAllowed(value: string | undefined): boolean {
    return value === undefined || value === origin() || value === `http://localhost:${port}`;
  }

  function authorized(req: http.IncomingMessage): boolean {
    const header = req.headers.authorization ?? '';
    const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
    const expected = Buffer.from(token);
    return given.length === expected.length && crypto.timingSafeEqual(given, expected);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!hostAllowed(req.headers.host)) {
      send(res, 421, { ok: false, error: { code: 'forbidden', message: 'Unknown Host header.' } });
      return;
    }
    const url = new URL(req.url ?? '/', origin());
    if (url.pathname.startsWith('/api/')) {
      if (!originAllowed(req.headers.origin)) {
        send(res, 403, {
          ok: false,
          error: {
            code: 'forbidden',
            message: `Calls from ${req.headers.origin} are refused: only this Lantern page (${origin()}) may use the API.`,
          },
        });
        return;
      }
      if (!authorized(req)) {
        send(res, 401, { ok: false, error: { code: 'forbidden', message: 'Missing or wrong token.' } });
        return;
      }
      if (url.pathname === '/api/events' && req.method === 'GET') return openEventStream(res);
      const match = /^\/api\/call\/([A-Za-z]+)$/.exec(url.pathname);
      if (match && req.method === 'POST') {
        const body = await readJson(req);
        if (!body.ok) {
          send(res, 400, { ok: false, error: { code: 'bad-input', message: body.message } });
          return;
        }
        const envelope = await dispatch(options.handlers, match[1], body.value, { emit }, (name, err) =>
          options.log?.error({ err, call: name }, 'API call failed'),
        );
        send(
          res,
          envelope.ok
            ? 200
            : envelope.error.code === 'unknown-call'
              ? 404
              : envelope.error.code === 'bad-input'
                ? 400
                : 500,
          envelope,
        );
        return;
      }
      send(res, 404, {
        ok: false,
        error: { code: 'unknown-call', message: `No API route ${req.method} ${url.pathname}` },
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    serveStatic(url.pathname, req, res);
  }

  function openEventStream(res: http.ServerResponse) {
    res.writeHead(200, {
      ...securityHeaders('/api/events', origin()),
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    streams.add(res);
    const keepAlive = setInterval(() => res.write(': ping\n\n'), 15_000);
    res.on('close', () => {
      clearInterval(keepAlive);
      streams.delete(res);
    });
  }

  function serveStatic(urlPath: string, req: http.IncomingMessage, res: http.ServerResponse) {
    const target = urlPath === '/' ? '/index.html' : urlPath;
    const file = safeStaticPath(options.rendererDir, target, path.join);
    const headers = securityHeaders(target, origin());
    let stat: fs.Stats | undefined;
    try {
      stat = file ? fs.statSync(file) : undefined;
    } catch {
      stat = undefined;
    }
    if (!file || !stat?.isFile()) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const immutable = target.startsWith('/assets/') || target.startsWith('/pyodide/');
    res.writeHead(200, {
      ...headers,
      'Content-Type': mimeType(file),
      'Content-Length': String(stat.size),
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = origin();
  return {
    url,
    launchUrl: `${url}/#token=${token}`,
    port,
    token,
    emit,
    async close() {
      for (const res of streams) res.end();
      // close() waits for every connection to end; end them now, or a page still open (an
      // event stream, a keep-alive socket mid-request) keeps the server up forever.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

function readJson(
  req: http.IncomingMessage,
): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve({ ok: false, message: `Request body is larger than ${MAX_BODY_BYTES} bytes.` });
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (!text.trim()) return resolve({ ok: true, value: {} });
      try {
        resolve({ ok: true, value: JSON.parse(text) });
      } catch (err) {
        resolve({ ok: false, message: `Request body is not valid JSON: ${(err as Error).message}` });
      }
    });
    req.on('error', () => resolve({ ok: false, message: 'Request body could not be read.' }));
  });
}
