/**
 * The security headers every page and script of the app is served with, by the Electron
 * `app://` protocol handler and by the web-mode server alike. Cross-origin isolation (COOP +
 * COEP) gives the page SharedArrayBuffer, which Python's input() and Stop need.
 */

/** The page: only the app's own files, no inline scripts, no plugins, no framing. */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  // Monaco and React set element styles at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * A worker that runs untrusted code: it may load its own scripts and the runtime's files
 * (under `runtimeBase`, e.g. "http://127.0.0.1:1234/pyodide/"), and reach nothing else.
 */
export function workerCsp(runtimeBase: string): string {
  return [
    "default-src 'none'",
    `script-src 'self' 'wasm-unsafe-eval'`,
    `connect-src ${runtimeBase}`,
    "object-src 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** Untrusted-code workers are the bundles whose names say so. */
export function isSandboxWorker(urlPath: string): boolean {
  return /\/(python|javascript)\.worker[-.][^/]*\.js$|\/(python|javascript)\.worker\.js$/.test(urlPath);
}

export function securityHeaders(urlPath: string, origin: string): Record<string, string> {
  const csp = isSandboxWorker(urlPath) ? workerCsp(`${origin}/pyodide/ ${origin}/runtimes/`) : PAGE_CSP;
  return {
    'Content-Security-Policy': csp,
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=()',
  };
}

export const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.tar': 'application/x-tar',
  '.whl': 'application/zip',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeType(filePath: string): string {
  const dot = filePath.lastIndexOf('.');
  return (dot >= 0 && MIME_TYPES[filePath.slice(dot).toLowerCase()]) || 'application/octet-stream';
}

/**
 * Resolves a URL path against the folder of static files. Returns null for anything that would
 * leave it (`..`, encoded separators, NUL bytes) — the caller answers 404.
 */
export function safeStaticPath(
  root: string,
  urlPath: string,
  join: (...p: string[]) => string,
): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const parts = decoded.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..')) return null;
  return join(root, ...parts);
}
