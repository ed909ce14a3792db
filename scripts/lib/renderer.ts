// Builds the renderer for e2e tests and benchmarks and serves it on 127.0.0.1, the way `npm run web`
// and the Electron app:// protocol see it: static files, relative asset paths, the app's CSP as a
// response header. Each caller builds into its own temp folder, because several people build at
// once on this machine and dist/renderer must never be emptied under someone else's feet.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface RendererBuild {
  dir: string;
  /** Where the build came from, for the log line. */
  origin: 'env' | 'temp';
  /** Removes the temp folder (no-op for a build we did not make). */
  cleanup(): Promise<void>;
}

/**
 * Returns a renderer build to serve: E2E_RENDERER_DIR when set (must hold an index.html), otherwise a
 * new Vite build into a fresh temp folder. A build takes seconds, so always building is cheaper than
 * guessing whether dist/renderer is stale or being rebuilt by someone else right now.
 */
export async function prepareRenderer(log: (line: string) => void = () => {}): Promise<RendererBuild> {
  const fromEnv = process.env.E2E_RENDERER_DIR;
  if (fromEnv) {
    const dir = path.resolve(projectRoot, fromEnv);
    if (!existsSync(path.join(dir, 'index.html'))) {
      throw new Error(`E2E_RENDERER_DIR=${fromEnv} has no index.html; run \`npm run build\` first`);
    }
    log(`renderer: using E2E_RENDERER_DIR ${dir}`);
    return { dir, origin: 'env', cleanup: async () => {} };
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'visit-ledger-renderer-'));
  const started = performance.now();
  log(`renderer: building into ${dir} …`);
  const { build } = await import('vite');
  await build({
    configFile: path.join(projectRoot, 'vite.config.ts'),
    root: path.join(projectRoot, 'renderer'),
    logLevel: 'warn',
    build: { outDir: dir, emptyOutDir: true },
  });
  log(`renderer: built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { dir, origin: 'temp', cleanup: () => rm(dir, { recursive: true, force: true }) };
}

const mimeTypes: Record<string, string> = {
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
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** The CSP of the built index.html's <meta>, so the header can never drift from what the app ships. */
export function contentSecurityPolicyOf(indexHtml: string): string {
  const match = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(indexHtml);
  if (!match?.[1]) throw new Error('index.html has no Content-Security-Policy meta tag');
  return match[1];
}

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234/ (ends with a slash; append `#/route`). */
  url: string;
  close(): Promise<void>;
}

/** Serves `dir` read-only on 127.0.0.1 with a random port. */
export async function serveStatic(dir: string): Promise<StaticServer> {
  const root = path.resolve(dir);
  const csp = contentSecurityPolicyOf(readFileSync(path.join(root, 'index.html'), 'utf8'));
  const server: Server = createServer((request, response) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      const file = path.resolve(root, '.' + (pathname.endsWith('/') ? pathname + 'index.html' : pathname));
      if (file !== root && !file.startsWith(root + path.sep)) {
        response.writeHead(403).end();
        return;
      }
      try {
        const body = await readFile(file);
        response.writeHead(200, {
          'Content-Type': mimeTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
          'Content-Security-Policy': csp,
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
        });
        response.end(request.method === 'HEAD' ? undefined : body);
      } catch {
        // Chromium asks for /favicon.ico on its own; the app has none, and a 404 would read as a bug.
        if (pathname === '/favicon.ico') response.writeHead(204).end();
        else response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
