// Renderer builds bench:load needs besides the usual test build (scripts/lib/renderer.ts):
//   - the production build (`npm run build:renderer`, no debug hooks), only to weigh its JavaScript:
//     the entry chunk and what index.html makes the first screen load;
//   - an unminified build with the debug hooks, for the performance profile: function names stay
//     readable, and the `// <source file>` comment Vite (Rolldown) puts at the start of every module
//     in unminified output maps any line of a chunk back to its source module (moduleMap).
// Each goes into its own temp folder (other people build on this machine at the same time).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { projectRoot } from './renderer';

export interface VariantBuild {
  dir: string;
  cleanup(): Promise<void>;
}

/** Builds the renderer with the project's Vite config into a fresh temp folder. */
export async function buildRendererVariant(options: { debugHooks: boolean; minify: boolean; label: string }): Promise<VariantBuild> {
  const dir = await mkdtemp(path.join(tmpdir(), `visit-ledger-renderer-${options.label}-`));
  const { build } = await import('vite');
  await build({
    configFile: path.join(projectRoot, 'vite.config.ts'),
    root: path.join(projectRoot, 'renderer'),
    logLevel: 'warn',
    // The flag vite.config.ts and main.tsx read: '1' puts window.visitLedgerDebug in, '0' is `npm run build`.
    define: { 'import.meta.env.VITE_DEBUG_HOOKS': JSON.stringify(options.debugHooks ? '1' : '0') },
    build: { outDir: dir, emptyOutDir: true, minify: options.minify, reportCompressedSize: false },
  });
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export interface ChunkInfo {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface BuildWeight {
  /** The <script type="module"> of index.html. */
  entry: ChunkInfo;
  /** What index.html loads before the first screen: entry, modulepreloads and stylesheets. */
  firstLoad: { files: number; bytes: number; gzipBytes: number };
  /** Every JavaScript chunk of the build. */
  allJs: { files: number; bytes: number; gzipBytes: number };
  largest: ChunkInfo[];
}

function chunk(dir: string, relative: string): ChunkInfo {
  const body = readFileSync(path.join(dir, relative));
  return { file: relative, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
}

const sum = (list: ChunkInfo[]) => ({
  files: list.length,
  bytes: list.reduce((n, c) => n + c.bytes, 0),
  gzipBytes: list.reduce((n, c) => n + c.gzipBytes, 0),
});

/** Sizes of a build's JavaScript, read from its index.html and assets folder. */
export function buildWeight(dir: string): BuildWeight {
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  const local = (ref: string) => ref.replace(/^\.?\//, '');
  const entryRef = /<script[^>]*type="module"[^>]*src="([^"]+)"/.exec(html)?.[1];
  if (!entryRef) throw new Error('index.html has no module script');
  const preloads = [...html.matchAll(/<link[^>]*rel="(?:modulepreload|stylesheet)"[^>]*href="([^"]+)"/g)].map((m) => local(m[1]!));
  const entry = chunk(dir, local(entryRef));
  const firstLoad = sum([entry, ...preloads.filter((p) => existsSync(path.join(dir, p))).map((p) => chunk(dir, p))]);
  const js = readdirSync(path.join(dir, 'assets'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => chunk(dir, `assets/${name}`));
  return { entry, firstLoad, allJs: sum(js), largest: [...js].sort((a, b) => b.bytes - a.bytes).slice(0, 5) };
}

/** Line (0-based) → source module of an unminified chunk, from the `// <module path>` line starting each module. */
export function moduleMap(chunkText: string): (line: number) => string | undefined {
  const starts: { line: number; module: string | undefined }[] = [];
  chunkText.split('\n').forEach((text, i) => {
    // e.g. "// renderer/src/db/db.ts", "// node_modules/dexie/import-wrapper.mjs", or with a node_modules
    // reached through a symlink "// ../../work/main/node_modules/react/index.js".
    const marker = /^\/\/ (\S+\.[cm]?[jt]sx?)$/.exec(text);
    if (!marker) return;
    const file = marker[1]!;
    const inModules = file.indexOf('node_modules/');
    starts.push({ line: i, module: inModules >= 0 ? file.slice(inModules) : file.replace(/^(\.\.\/)+/, '') });
  });
  return (line) => {
    // Last marker at or before `line` (0-based), by binary search.
    let lo = 0;
    let hi = starts.length - 1;
    let found: string | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]!.line <= line) {
        found = starts[mid]!.module;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
}
