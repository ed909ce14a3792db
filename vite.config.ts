import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The renderer is built to dist/renderer with relative asset paths, so the same files load from the
// Electron app:// protocol, from `npm run web` and from the e2e tests' static server.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  // The debug and benchmark hooks (renderer/src/debugHooks.ts, window.visitLedgerDebug) go only into
  // builds made with VITE_DEBUG_HOOKS=1: the e2e tests, the benchmarks and the screenshots
  // (scripts/lib/renderer.ts). A constant, so a production build folds the check in main.tsx away and
  // emits no hooks chunk at all.
  define: { 'import.meta.env.VITE_DEBUG_HOOKS': JSON.stringify(process.env.VITE_DEBUG_HOOKS === '1' ? '1' : '0') },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
  server: { host: '127.0.0.1', port: 5173 },
  test: {
    root: '.',
    include: ['test/{shared,renderer,electron,scripts,server}/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['test/setup.ts'],
    testTimeout: 20000,
  },
});
