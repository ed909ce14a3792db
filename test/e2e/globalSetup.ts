// Runs once per e2e run, before any test file: builds (or reuses) the renderer and serves it; every
// test file then opens its own Chromium profile against this one URL (see harness.ts).
import type { TestProject } from 'vitest/node';
import { prepareRenderer, serveStatic } from '../../scripts/lib/renderer';

declare module 'vitest' {
  export interface ProvidedContext {
    /** http://127.0.0.1:PORT/ serving the built renderer. */
    rendererUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const log = (line: string) => console.log(`[e2e] ${line}`);
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's and antd's development builds;
  // the tests must drive what users run.
  process.env.NODE_ENV = 'production';
  const build = await prepareRenderer(log);
  const server = await serveStatic(build.dir);
  log(`serving ${build.dir} at ${server.url}`);
  project.provide('rendererUrl', server.url);
  return async () => {
    await server.close();
    await build.cleanup();
  };
}
