import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The renderer is built to dist/renderer with relative asset paths, so the same files load from the
// Electron app:// protocol, from `npm run web` and from the e2e tests' static server.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
  server: { host: '127.0.0.1', port: 5173 },
  test: {
    root: '.',
    include: ['test/{shared,renderer,electron,scripts}/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['test/setup.ts'],
    testTimeout: 20000,
  },
});
