// Serves the built renderer on app://ledger/ instead of file://: a file:// page could read any file
// the user can, and every file:// page shares one origin. Takes a web Request and returns a web
// Response with no Electron import, so the rules are tested under plain Node.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { contentSecurityPolicy, mimeTypeFor, requestedFile } from '../shared/appContent';

// Re-exported: the electron tests read the policy from here.
export { contentSecurityPolicy };

export const appScheme = 'app';
export const appHost = 'ledger';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

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
  const relative = requestedFile(parsed.pathname);
  if (relative === null) return { ok: false, status: 400 };
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, relative);
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
