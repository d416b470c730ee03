import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { startWebServer, type WebServer } from '../../../electron/web/server.ts';
import { createBackend, type Backend } from '../../../electron/core/app-services.ts';

let server: WebServer;
let backend: Backend;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-web-'));
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Lantern</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'python.worker-abc123.js'), 'self.onmessage = () => {};');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside the renderer');
  backend = createBackend({
    dataDir: path.join(dir, 'data'),
    exercisesDir: path.join(dir, 'no-exercises'),
    mode: 'web',
    version: '0.0.0-test',
  });
  server = await startWebServer({ handlers: backend.handlers, rendererDir });
  backend.attachEmitter(server.emit);
});
afterAll(async () => {
  await server.close();
  backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A raw request, so tests can send any Host header and path. */
function request(opts: {
  path: string;
  method?: string;
  host?: string;
  token?: string | null;
  body?: string;
  origin?: string;
}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: opts.path,
          method: opts.method ?? 'GET',
          headers: {
            host: opts.host ?? `127.0.0.1:${server.port}`,
            ...(opts.token !== null ? { authorization: `Bearer ${opts.token ?? server.token}` } : {}),
            'content-type': 'application/json',
            ...(opts.origin !== undefined ? { origin: opts.origin } : {}),
          },
        },
        (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      req.end(opts.body);
    },
  );
}

describe('web mode', () => {
  test('listens on loopback only and prints a launch URL carrying the token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.launchUrl).toBe(`${server.url}/#token=${server.token}`);
    expect(server.token).toMatch(/^[0-9a-f]{64}$/);
  });

  test('an API call with the token is answered by the same handler map as the desktop app', async () => {
    const res = await request({ path: '/api/call/getSettings', method: 'POST', body: '{}' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({
      ok: true,
      value: await backend.handlers.getSettings({}, { emit: () => {} }),
    });
  });

  test('a call without the token is refused', async () => {
    const res = await request({ path: '/api/call/getSettings', method: 'POST', token: null, body: '{}' });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body).error.code).toBe('forbidden');
  });

  test('a call with a wrong token is refused', async () => {
    const res = await request({
      path: '/api/call/getSettings',
      method: 'POST',
      token: 'f'.repeat(64),
      body: '{}',
    });
    expect(res.status).toBe(401);
  });

  test('a foreign Host header is refused (no DNS rebinding), even with the token', async () => {
    const res = await request({
      path: '/api/call/getSettings',
      method: 'POST',
      host: 'evil.example:80',
      body: '{}',
    });
    expect(res.status).toBe(421);
    const page = await request({ path: '/', host: `attacker.test:${server.port}` });
    expect(page.status).toBe(421);
  });

  test('a call from another site is refused with 403 even with the token; this page’s own origin is served', async () => {
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${server.port + 1}`]) {
      const res = await request({ path: '/api/call/getSettings', method: 'POST', body: '{}', origin });
      expect(res.status).toBe(403);
      const { error } = JSON.parse(res.body) as { error: { code: string; message: string } };
      expect(error.code).toBe('forbidden');
      expect(error.message).toContain(`Calls from ${origin} are refused`);
    }
    const events = await request({ path: '/api/events', origin: 'http://evil.example' });
    expect(events.status).toBe(403);
    for (const origin of [server.url, `http://localhost:${server.port}`]) {
      const own = await request({ path: '/api/call/getSettings', method: 'POST', body: '{}', origin });
      expect(own.status).toBe(200);
    }
  });

  test('a bad payload gets 400 with the field named', async () => {
    const res = await request({
      path: '/api/call/updateSettings',
      method: 'POST',
      body: '{"editorFontSize":"big"}',
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.issues[0].field).toBe('editorFontSize');
  });

  test('a body that is not JSON gets 400 saying so', async () => {
    const res = await request({ path: '/api/call/updateSettings', method: 'POST', body: '{oops' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.message).toMatch(/not valid JSON/);
  });

  test('pages are served with CSP and the COOP/COEP headers that make them cross-origin isolated', async () => {
    const res = await request({ path: '/', token: null });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Lantern</title>');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.headers['cross-origin-embedder-policy']).toBe('require-corp');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).not.toMatch(/'unsafe-eval'|'unsafe-inline'.*script/);
  });

  test('an untrusted-code worker gets a CSP that reaches only the runtime files', async () => {
    const res = await request({ path: '/assets/python.worker-abc123.js', token: null });
    expect(res.status).toBe(200);
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`connect-src ${server.url}/pyodide/`);
  });

  test.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/%00index.html',
    '/..%5csecret.txt',
  ])('path traversal %s is refused', async (p) => {
    const res = await request({ path: p, token: null });
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('outside the renderer');
  });

  test('pushed events reach the page as a server-sent event stream', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = http.get(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/api/events',
          headers: { authorization: `Bearer ${server.token}` },
        },
        (res) => {
          expect(res.headers['content-type']).toMatch(/text\/event-stream/);
          let text = '';
          res.on('data', (c) => {
            text += c;
            if (text.includes('\n\n') && text.includes('event: settingsChanged')) {
              req.destroy();
              resolve(text);
            }
          });
          void request({ path: '/api/call/updateSettings', method: 'POST', body: '{"theme":"dark"}' });
        },
      );
      req.on('error', reject);
    });
    const text = await received;
    expect(text).toMatch(/event: settingsChanged\ndata: \{.*"theme":"dark"/);
  });
});
