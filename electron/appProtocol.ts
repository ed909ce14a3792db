// Serves the built renderer on app://ledger/ instead of file://: a file:// page could read any file
// the user can, and every file:// page shares one origin. Takes a web Request and returns a web
// Response with no Electron import, so the rules are tested under plain Node.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export const appScheme = 'app';
export const appHost = 'ledger';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/**
 * The page's Content-Security-Policy, sent on every app:// response (renderer/index.html carries the
 * same as a meta tag for the browser build). style-src needs 'unsafe-inline' because antd's CSS-in-JS
 * injects <style> elements at run time; scripts stay 'self' only. img-src allows blob: for photo
 * previews from IndexedDB Blobs and data: for antd's inline images.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const mimeTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** The Content-Type for a file name; unknown kinds are served as opaque bytes, never sniffed. */
export function mimeTypeFor(fileName: string): string {
  return mimeTypes[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

export type AppFileLookup = { ok: true; filePath: string } | { ok: false; status: 400 | 403 | 404 | 405 };

/**
 * Where a request for `url` may be answered from inside `rootDir`, or why it may not. Only GET on our
 * own host; the decoded path must resolve inside rootDir ("/" means index.html).
 */
export function resolveAppFile(rootDir: string, method: string, url: unknown): AppFileLookup {
  if (method !== 'GET') return { ok: false, status: 405 };
  if (typeof url !== 'string') return { ok: false, status: 400 };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400 };
  }
  if (parsed.protocol !== `${appScheme}:` || parsed.host.toLowerCase() !== appHost) return { ok: false, status: 404 };
  let relative: string;
  try {
    relative = decodeURIComponent(parsed.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (relative.includes('\0')) return { ok: false, status: 400 };
  if (relative === '/' || relative === '') relative = '/index.html';
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, `.${relative.replaceAll('\\', '/')}`);
  if (!filePath.startsWith(root + path.sep)) return { ok: false, status: 403 };
  return { ok: true, filePath };
}

function plainResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': contentSecurityPolicy },
  });
}

/** Answer one app:// request from the build folder, with the CSP header on every response. */
export async function serveAppRequest(rootDir: string, request: Request): Promise<Response> {
  const lookup = resolveAppFile(rootDir, request.method, request.url);
  if (!lookup.ok) return plainResponse(lookup.status, String(lookup.status));
  try {
    const info = await stat(lookup.filePath);
    if (!info.isFile()) return plainResponse(404, '404');
    const body = await readFile(lookup.filePath);
    return new Response(new Uint8Array(body.buffer, body.byteOffset, body.byteLength), {
      status: 200,
      headers: {
        'Content-Type': mimeTypeFor(lookup.filePath),
        'Content-Security-Policy': contentSecurityPolicy,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  } catch {
    return plainResponse(404, '404');
  }
}
