// Builds the renderer for e2e tests and benchmarks and serves it on 127.0.0.1, the way `npm run web`
// and the Electron app:// protocol see it: static files, relative asset paths, the app's CSP as a
// response header. Each caller builds into its own temp folder, because several people build at
// once on this machine and dist/renderer must never be emptied under someone else's feet.
// These builds carry the debug and benchmark hooks (window.visitLedgerDebug, VITE_DEBUG_HOOKS=1); the
// shipped renderer (`npm run build`) never does.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic as serveFolder, type StaticServer } from './staticServer';

export type { StaticServer };

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface RendererBuild {
  dir: string;
  /** Where the build came from, for the log line. */
  origin: 'env' | 'temp';
  /** Removes the temp folder (no-op for a build we did not make). */
  cleanup(): Promise<void>;
}

/** The Vite settings that put the debug hooks into a build (vite.config.ts reads the same flag). */
export const debugHooksDefine = { 'import.meta.env.VITE_DEBUG_HOOKS': JSON.stringify('1') };

/** True when the build in `dir` carries the debug hooks (its scripts name window.visitLedgerDebug). */
export function buildHasDebugHooks(dir: string): boolean {
  const assets = path.join(dir, 'assets');
  if (!existsSync(assets)) return false;
  return readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .some((name) => readFileSync(path.join(assets, name), 'utf8').includes('visitLedgerDebug'));
}

/**
 * Returns a renderer build to serve: E2E_RENDERER_DIR when set (must hold an index.html and the debug
 * hooks), otherwise a new Vite build with the hooks into a fresh temp folder. A build takes seconds, so
 * always building is cheaper than guessing whether dist/renderer is stale or being rebuilt by someone
 * else right now.
 */
export async function prepareRenderer(log: (line: string) => void = () => {}): Promise<RendererBuild> {
  const fromEnv = process.env.E2E_RENDERER_DIR;
  if (fromEnv) {
    const dir = path.resolve(projectRoot, fromEnv);
    if (!existsSync(path.join(dir, 'index.html'))) {
      throw new Error(`E2E_RENDERER_DIR=${fromEnv} has no index.html; run \`npm run build\` first`);
    }
    if (!buildHasDebugHooks(dir)) {
      throw new Error(
        `E2E_RENDERER_DIR=${fromEnv} is a production build without the test hooks (window.visitLedgerDebug); ` +
          'build one with `VITE_DEBUG_HOOKS=1 npx vite build --outDir …`, or leave E2E_RENDERER_DIR unset',
      );
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
    define: debugHooksDefine,
    build: { outDir: dir, emptyOutDir: true },
  });
  log(`renderer: built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { dir, origin: 'temp', cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** The CSP of the built index.html's <meta>, so the header can never drift from what the app ships. */
export function contentSecurityPolicyOf(indexHtml: string): string {
  const match = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(indexHtml);
  if (!match?.[1]) throw new Error('index.html has no Content-Security-Policy meta tag');
  return match[1];
}

/**
 * Serves a build read-only on 127.0.0.1 with a random port, with the CSP its own index.html carries
 * (the e2e tests see the build exactly as it ships).
 */
export function serveStatic(dir: string): Promise<StaticServer> {
  const csp = contentSecurityPolicyOf(readFileSync(path.join(path.resolve(dir), 'index.html'), 'utf8'));
  return serveFolder(dir, { contentSecurityPolicy: csp });
}
