/**
 * Serves the built renderer from `app://lantern/…` with path-traversal checks and the same
 * security headers as web mode (CSP, COOP/COEP for cross-origin isolation).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { mimeType, safeStaticPath, securityHeaders } from '../../shared/security/headers.ts';
import { APP_HOST, APP_ORIGIN } from './security.ts';

export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    const target = url.pathname === '/' ? '/index.html' : url.pathname;
    const file = safeStaticPath(rendererDir, target, path.join);
    const headers = securityHeaders(target, APP_ORIGIN);
    if (!file || !file.startsWith(path.resolve(rendererDir) + path.sep)) {
      return new Response('Not found', { status: 404, headers });
    }
    try {
      const body = await fs.readFile(file);
      return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': mimeType(file) } });
    } catch {
      return new Response('Not found', { status: 404, headers });
    }
  };
}
