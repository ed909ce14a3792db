// What the built app is served with, wherever it is served from: Electron's app:// protocol
// (electron/appProtocol.ts), `npm start`/`npm run web` and the e2e/bench server (scripts/lib/staticServer.ts).
// Pure string work so one list serves all three.

/**
 * The page's Content-Security-Policy, sent on every response (renderer/index.html carries the same,
 * minus frame-ancestors which a meta tag cannot set, for the browser build). style-src needs
 * 'unsafe-inline' because antd's CSS-in-JS injects <style> elements at run time; scripts stay 'self'
 * only. img-src allows blob: for photo previews from IndexedDB Blobs and data: for antd's inline images.
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

/**
 * The Content-Type for a file name or path (either separator); unknown kinds are served as opaque
 * bytes, never sniffed. Like path.extname, a leading dot alone (".env") is no extension.
 */
export function mimeTypeFor(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return 'application/octet-stream';
  return mimeTypes[base.slice(dot).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file a request's URL pathname asks for, relative to the build folder ("/" means index.html,
 * a trailing slash means that folder's index.html, backslashes count as slashes), or null when the
 * pathname is not valid percent-encoding or holds a NUL. The caller still checks that the resolved
 * file stays inside the folder: "..", encoded or not, is only resolved there.
 */
export function requestedFile(pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  decoded = decoded.replaceAll('\\', '/');
  if (decoded === '' || decoded.endsWith('/')) decoded += 'index.html';
  return decoded.startsWith('/') ? `.${decoded}` : `./${decoded}`;
}
