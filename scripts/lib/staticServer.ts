// Serves a built renderer folder read-only on 127.0.0.1: `npm start`/`npm run web` (scripts/start.ts)
// and the e2e tests and benchmarks (scripts/lib/renderer.ts). The same rules as Electron's app://
// handler: only GET/HEAD, nothing outside the folder, the app's CSP and a fixed MIME type on every answer.
// One exception, for 同步 in the browser version: `/__hub/api/…` is forwarded to the hub the request's
// header names (the page may reach its own origin only; in the desktop app the main process does this).
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { contentSecurityPolicy, mimeTypeFor, requestedFile } from '../../shared/appContent';
import { hubProxyHeader, hubProxyPrefix, hubRequestSchema, sendHubRequest } from '../../shared/sync/hubTransport';

/** Reads a request body up to `max` bytes (a longer one is refused). */
async function readBody(request: import('node:http').IncomingMessage, max: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > max) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export interface StaticServerOptions {
  /**
   * The port to listen on; 0 (the default) = any free port. A busy port rejects with Node's EADDRINUSE
   * error: never another port instead, because the browser's database belongs to the address
   * (scripts/lib/webPort.ts).
   */
  port?: number;
  /** The CSP header; the app's own policy unless the caller serves a build with another. */
  contentSecurityPolicy?: string;
}

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234/ (ends with a slash; append `#/route`). */
  url: string;
  /** The port actually listened on. */
  port: number;
  close(): Promise<void>;
}

/** Serves `dir` read-only on 127.0.0.1. */
export async function serveStatic(dir: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const root = path.resolve(dir);
  const headers = {
    'Content-Security-Policy': options.contentSecurityPolicy ?? contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
  const server: Server = createServer((request, response) => {
    const fail = (status: number) => {
      response.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(String(status));
    };
    void (async () => {
      if (request.url?.startsWith(`${hubProxyPrefix}/api/`)) {
        const body = request.method === 'POST' ? await readBody(request, 32 * 1024 * 1024) : undefined;
        if (body === null) return fail(413);
        const authorization = request.headers.authorization ?? '';
        const parsed = hubRequestSchema.safeParse({
          hubUrl: request.headers[hubProxyHeader],
          method: request.method,
          path: request.url.slice(hubProxyPrefix.length),
          token: authorization.startsWith('Bearer ') ? authorization.slice(7) : undefined,
          body,
        });
        if (!parsed.success) return fail(400);
        try {
          const answer = await sendHubRequest(fetch, parsed.data);
          response.writeHead(answer.status, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
          response.end(answer.body);
        } catch (error) {
          response.writeHead(502, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
          response.end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
        }
        return;
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') return fail(405);
      let pathname: string;
      try {
        pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      } catch {
        return fail(400);
      }
      const relative = requestedFile(pathname);
      const file = relative === null ? null : path.resolve(root, relative);
      if (!file?.startsWith(root + path.sep)) return fail(403);
      try {
        const info = await stat(file);
        if (!info.isFile()) return fail(404);
        const body = await readFile(file);
        response.writeHead(200, { ...headers, 'Content-Type': mimeTypeFor(file) });
        response.end(request.method === 'HEAD' ? undefined : body);
      } catch {
        // Chromium asks for /favicon.ico on its own; the app has none, and a 404 would read as a bug.
        if (pathname === '/favicon.ico') {
          response.writeHead(204, headers);
          response.end();
        } else fail(404);
      }
    })();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      resolve();
    });
    server.listen(options.port ?? 0, '127.0.0.1');
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
