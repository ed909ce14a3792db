// Bundles the main process and the preload into dist/electron/*.cjs with esbuild. Electron itself is
// external (it is the runtime); everything else, zod included, is bundled, because a sandboxed preload
// cannot require() files of its own.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const defaultOutDir = path.join(root, 'dist', 'electron');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  sourcemap: true,
  legalComments: 'none',
  minify: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

/** Bundle both entry points into `outDir` (tests pass a temp folder). */
export async function buildElectron(outDir = defaultOutDir) {
  await Promise.all([
    build({ ...common, entryPoints: ['electron/main.ts'], outfile: path.join(outDir, 'main.cjs') }),
    build({ ...common, entryPoints: ['electron/preload.ts'], outfile: path.join(outDir, 'preload.cjs') }),
  ]);
  return outDir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  await buildElectron();
  console.log(`dist/electron/main.cjs, dist/electron/preload.cjs (${Date.now() - started} ms)`);
}
