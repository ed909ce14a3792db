// What the Chromium benchmarks (bench:load, bench:merge) share around the page: the build served on a
// fixed port (a kept profile's database belongs to its address), the loader's progress printed while
// a long load runs, and the load average printed beside every figure (the machine is shared).
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { contentSecurityPolicyOf } from './renderer';
import { serveStatic, type StaticServer } from './staticServer';

/** The 1-minute load average, as printed beside the figures. */
export const loadAverage = (): string => os.loadavg()[0]!.toFixed(1);

/** The build served on a fixed port: the browser's database belongs to the address. */
export async function serveOn(dir: string, port: number): Promise<StaticServer> {
  const csp = contentSecurityPolicyOf(readFileSync(path.join(dir, 'index.html'), 'utf8'));
  const server = await serveStatic(dir, { port, contentSecurityPolicy: csp });
  if (port !== 0 && server.port !== port) {
    await server.close();
    throw new Error(`port ${port} is taken; the kept profile's database belongs to http://127.0.0.1:${port}/`);
  }
  return server;
}

/** Prints the loader's progress (window.visitLedgerDebug.progress) every 20 s while `work` runs. */
export async function withProgress<T>(page: Page, label: string, work: Promise<T>, log: (line: string) => void): Promise<T> {
  const timer = setInterval(() => {
    void page
      .evaluate(() => (window as unknown as { visitLedgerDebug?: { progress?: unknown } }).visitLedgerDebug?.progress ?? null)
      .then((p) => log(`${label}: ${typeof p === 'number' ? `${(p * 100).toFixed(0)} %` : JSON.stringify(p)} (load ${loadAverage()})`))
      .catch(() => {});
  }, 20_000);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}
