// Launches Debian's Chromium through playwright-core with a persistent profile on a fresh folder:
// a persistent context keeps IndexedDB on disk like a real user profile (an incognito context keeps
// it in memory, which flatters benchmarks and could hide persistence bugs from the e2e tests).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A fresh empty folder under the OS temp dir, e.g. for a profile or downloads. */
export function freshTempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `visit-ledger-${prefix}-`));
}

export interface LaunchOptions {
  /** Profile folder; reuse one to "reopen the app" on the same IndexedDB. */
  profileDir: string;
  /** Where Chromium writes downloads (playwright also hands them out via the download event). */
  downloadsPath?: string;
}

/** Opens Chromium on `profileDir`. Close the returned context to close the browser. */
export function launchChromium({ profileDir, downloadsPath }: LaunchOptions): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    acceptDownloads: true,
    ...(downloadsPath ? { downloadsPath } : {}),
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1400, height: 900 },
  });
}

/** Removes a temp folder; never throws (Chromium may still hold a lock file for a moment). */
export async function removeTempDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 200 }).catch(() => {});
}
