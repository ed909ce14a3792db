/*
 * E2E harness: real Chromium (Debian's /usr/bin/chromium via playwright-core) driving the built
 * renderer, with IndexedDB on disk in a persistent profile.
 *
 * Usage (one fresh profile per test file):
 *
 *   import { afterAll, beforeAll, expect, test } from 'vitest';
 *   import { openApp, type App } from './harness';
 *
 *   let app: App;
 *   beforeAll(async () => { app = await openApp(); });      // fresh profile, app shell visible
 *   afterAll(async () => { await app?.close(); });          // closes Chromium, deletes the profile
 *
 *   test('…', async () => {
 *     await app.goto('/enterprises');                       // hash route
 *     await app.page.getByRole('button', { name: '新增企业' }).click();
 *     await app.reload();                                   // same profile, page reloaded
 *     await app.restart();                                  // close Chromium, reopen the same profile
 *     const file = await app.download(() => app.page.getByRole('button', { name: '导出' }).click());
 *     await app.chooseFile(() => button.click(), { name: 'x.xlsx', buffer });  // bridge.openFile
 *     await app.loadDemoData('small');                      // window.visitLedgerDebug (debugHooks.ts)
 *     await expect.poll(() => app.countRows('drafts')).toBe(1); // bare IndexedDB read (readRows too)
 *     await input.setInputFiles({ name: '照片.png', mimeType: 'image/png', buffer: makePng() });
 *   });
 *
 * `app.page` / `app.context` change after restart(): always read them from `app`, don't cache them.
 * Buttons carry their exact label ("取消", never "取 消": autoInsertSpace is off in main.tsx): match with exact: true.
 * antd Select dropdowns are virtual lists (~10 options in the DOM): type into a searchable Select
 * before clicking the option (see pickOption in foundation.e2e.ts).
 * Use accessible locators (getByRole / getByLabel / getByText) and expect.poll or locator.waitFor
 * for waiting; never sleep. Assertions: plain vitest `expect` on values read from the page.
 *
 * Which renderer is served (scripts/lib/renderer.ts, once per run in globalSetup.ts): the build in
 * E2E_RENDERER_DIR when that is set (a build made with the debug hooks, VITE_DEBUG_HOOKS=1: a production
 * `npm run build` leaves them out and is refused),
 * otherwise a fresh Vite build into a temp folder — never dist/, since several people build at once.
 * Decision: `npm test` (and so .ci/run) does NOT set it. The temp build takes 5–40 s here, and it always
 * tests the current sources, whatever state dist/renderer is in. CHROMIUM_PATH overrides the browser.
 *
 * Run: npx vitest run --config test/e2e/vitest.config.ts [test/e2e/some.e2e.ts]
 */
import { mkdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterEach, expect, inject } from 'vitest';
import { freshTempDir, launchChromium, removeTempDir } from '../../scripts/lib/chromium';

/** What renderer/src/debugHooks.ts puts on window (kept here as a type: test/ does not compile renderer/). */
export interface VisitLedgerDebugApi {
  loadDemoData(scale: string): Promise<Record<string, number>>;
  counts(): Promise<Record<string, number>>;
}

export interface FileToChoose {
  name: string;
  mimeType?: string;
  buffer: Buffer;
}

export interface DownloadedFile {
  /** Where the file was saved, inside app.downloadDir. */
  path: string;
  suggestedFilename: string;
  read(): Promise<Buffer>;
}

export interface App {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Served renderer root, e.g. http://127.0.0.1:41234/ */
  readonly url: string;
  readonly profileDir: string;
  readonly downloadDir: string;
  /** Uncaught exceptions in the page so far (assert it stays empty). */
  readonly pageErrors: string[];
  /** console.error messages and failed requests so far (handy in failure messages). */
  readonly consoleErrors: string[];
  /** Navigates to a hash route ('/enterprises' or '#/enterprises') and waits for the app shell. */
  goto(route: string): Promise<void>;
  /** Reloads the page (same profile, same IndexedDB) and waits for the app shell. */
  reload(): Promise<void>;
  /** Closes Chromium and reopens the same profile folder — "the officer closed the app". */
  restart(route?: string): Promise<void>;
  /** Runs `trigger`, waits for the download it causes, saves it into downloadDir. */
  download(trigger: () => Promise<unknown>): Promise<DownloadedFile>;
  /** Runs `trigger`, answers the file chooser it opens (bridge.openFile or an <input type=file>). */
  chooseFile(trigger: () => Promise<unknown>, file: FileToChoose | FileToChoose[]): Promise<void>;
  /** Loads seeded demo data through window.visitLedgerDebug; returns table counts. */
  loadDemoData(scale: string): Promise<Record<string, number>>;
  /** Row counts per table (live records) via window.visitLedgerDebug. */
  counts(): Promise<Record<string, number>>;
  /** Rows in one table of the app's IndexedDB ('visit-ledger'), read with the bare IndexedDB API. */
  countRows(table: string): Promise<number>;
  /** All rows of one table (JSON-serialisable parts: Blobs arrive as {}); for small tables only. */
  readRows(table: string): Promise<unknown[]>;
  /**
   * Holds one table of the app's IndexedDB in a readwrite transaction of the bare API until the
   * returned release is called: the app's reads of that table wait behind it (IndexedDB runs
   * overlapping transactions in order), which makes "a read that answers late" happen on purpose.
   */
  holdTable(table: string): Promise<() => Promise<void>>;
  /** Closes Chromium and deletes the profile and download folders. */
  close(): Promise<void>;
}

export interface OpenAppOptions {
  /** First route to open; default the home page. */
  route?: string;
  /**
   * The page's clock, fixed at this instant (ISO), e.g. the year end: `Date.now()` and `new Date()`
   * answer it while timers and animations keep running (Playwright's clock.setFixedTime).
   */
  fixedTime?: string;
}

function routeUrl(base: string, route: string): string {
  const hash = route.startsWith('#') ? route : `#${route.startsWith('/') ? route : `/${route}`}`;
  return base + hash;
}

/** The app shell is up when the side menu is rendered — or the app lock (设置 → 启动密码) stands before it. */
async function waitForShell(page: Page): Promise<void> {
  const lock = page.getByRole('dialog', { name: '走访台账已锁定' });
  await page.getByRole('menu').first().or(lock).first().waitFor({ state: 'visible', timeout: 60_000 });
  // The menu first paints in the opening frame (components/OpeningFrame.tsx), before the database is
  // open; the app replaces it once it is. Drive the app, not the frame.
  await page.locator('[data-app-opening]').waitFor({ state: 'detached', timeout: 60_000 });
}

/** count() or getAll() of one object store of the app's database, with the bare IndexedDB API. */
async function readStore(page: Page, table: string, how: 'count' | 'getAll'): Promise<unknown> {
  return page.evaluate(
    async ([name, method]) => {
      // Opening a database that does not exist would create it: check first, leave that to Dexie.
      if (!(await indexedDB.databases()).some((d) => d.name === 'visit-ledger')) return method === 'count' ? 0 : [];
      return new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('visit-ledger');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const idb = open.result;
          if (!idb.objectStoreNames.contains(name)) {
            idb.close();
            resolve(method === 'count' ? 0 : []);
            return;
          }
          const store = idb.transaction(name, 'readonly').objectStore(name);
          const request = method === 'count' ? store.count() : store.getAll();
          request.onsuccess = () => {
            idb.close();
            resolve(request.result);
          };
          request.onerror = () => reject(request.error);
        };
      });
    },
    [table, how] as const,
  );
}

/** Apps open in the current test file, for the failure screenshot below. */
const openApps = new Set<App>();

// A failed test leaves a screenshot of every open app in the OS temp dir and prints its path, and
// prints what the page offers to roles and names: a locator that waits for an element the screenshot
// shows (hidden from the accessibility tree, or named differently) is read off this at once in CI.
afterEach(async (context) => {
  if (context.task.result?.state !== 'fail') return;
  for (const app of openApps) {
    const file = path.join(tmpdir(), `visit-ledger-e2e-failure-${Date.now()}.png`);
    await app.page.screenshot({ path: file, fullPage: true }).then(
      () => console.error(`[e2e] screenshot of the failed test "${context.task.name}": ${file} (at ${app.page.url()})`),
      () => {},
    );
    await app.page
      .locator('body')
      .ariaSnapshot({ timeout: 5_000 })
      .then(
        (tree) => console.error(`[e2e] accessibility tree at the failure (dialogs and overlays last):\n${tree.split('\n').slice(-120).join('\n')}`),
        () => {},
      );
  }
});

/** Opens the served app in Chromium on a fresh profile. */
export async function openApp(options: OpenAppOptions = {}): Promise<App> {
  const url = inject('rendererUrl');
  const profileDir = await freshTempDir('profile');
  const downloadDir = await freshTempDir('downloads');
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  let context: BrowserContext;
  let page: Page;

  async function launch(route: string): Promise<void> {
    context = await launchChromium({ profileDir, downloadsPath: downloadDir });
    page = context.pages()[0] ?? (await context.newPage());
    if (options.fixedTime) await context.clock.setFixedTime(new Date(options.fixedTime));
    page.setDefaultTimeout(30_000);
    // A slow laptop on purpose, to hunt races between the app's reads and the test's typing:
    // E2E_CPU_THROTTLE=4 runs the page four times slower (never set in CI).
    const throttle = Number(process.env.E2E_CPU_THROTTLE ?? 1);
    if (throttle > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: throttle });
    page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('response', (response) => {
      if (response.status() >= 400) consoleErrors.push(`HTTP ${response.status()} ${response.url()}`);
    });
    await page.goto(routeUrl(url, route));
    await waitForShell(page);
  }

  await launch(options.route ?? '/');

  const app: App = {
    get page() {
      return page;
    },
    get context() {
      return context;
    },
    url,
    profileDir,
    downloadDir,
    pageErrors,
    consoleErrors,
    async goto(route) {
      await page.goto(routeUrl(url, route));
      await waitForShell(page);
    },
    async reload() {
      await page.reload();
      await waitForShell(page);
    },
    async restart(route) {
      const current = new URL(page.url()).hash.replace(/^#/, '') || '/';
      await context.close();
      await launch(route ?? current);
    },
    async download(trigger) {
      const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
      const suggestedFilename = download.suggestedFilename();
      await mkdir(downloadDir, { recursive: true });
      const target = path.join(downloadDir, suggestedFilename);
      await download.saveAs(target);
      return { path: target, suggestedFilename, read: () => readFile(target) };
    },
    async chooseFile(trigger, file) {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), trigger()]);
      const files = (Array.isArray(file) ? file : [file]).map((f) => ({
        name: f.name,
        mimeType: f.mimeType ?? 'application/octet-stream',
        buffer: f.buffer,
      }));
      await chooser.setFiles(files);
    },
    async loadDemoData(scale) {
      await page.waitForFunction(() => 'visitLedgerDebug' in window);
      return page.evaluate(
        (s) => (window as unknown as { visitLedgerDebug: VisitLedgerDebugApi }).visitLedgerDebug.loadDemoData(s),
        scale,
      );
    },
    async counts() {
      await page.waitForFunction(() => 'visitLedgerDebug' in window);
      return page.evaluate(() => (window as unknown as { visitLedgerDebug: VisitLedgerDebugApi }).visitLedgerDebug.counts());
    },
    async countRows(table) {
      return (await readStore(page, table, 'count')) as number;
    },
    async readRows(table) {
      return (await readStore(page, table, 'getAll')) as unknown[];
    },
    async holdTable(table) {
      await page.evaluate(
        (name) =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('visit-ledger');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const idb = open.result;
              const store = idb.transaction(name, 'readwrite').objectStore(name);
              const hold = window as unknown as { visitLedgerHeld?: boolean };
              hold.visitLedgerHeld = true;
              // A transaction ends when it has no request left: keep one pending until released.
              const keep = () => {
                if (!hold.visitLedgerHeld) return idb.close();
                store.count().onsuccess = keep;
              };
              keep();
              resolve();
            };
          }),
        table,
      );
      return async () => {
        await page.evaluate(() => {
          (window as unknown as { visitLedgerHeld?: boolean }).visitLedgerHeld = false;
        });
      };
    },
    async close() {
      openApps.delete(app);
      await context.close().catch(() => {});
      await removeTempDir(profileDir);
      await removeTempDir(downloadDir);
    },
  };
  openApps.add(app);
  return app;
}

/** Resolves once no CSS animation or transition is running (a modal zooming in, a dropdown sliding). */
export async function settle(page: Page): Promise<void> {
  // A spinner or a blinking mark loops for ever and is no movement to wait for.
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
  );
}

/**
 * The open antd dialog with this title, once it has stopped zooming in: a click on a button, a radio
 * or an option of a dialog still moving can land beside it and change nothing (a confirm's OK clicked
 * so on a loaded machine left 清除示例数据 asking for 30 s). Only the dialog's own movement is
 * waited for, so a spinner elsewhere on the page does not hold it up. Found by the title's text, not
 * by accessible name: a build made under NODE_ENV=test gives every rc-component the same generated
 * id ("test-id"), so aria-labelledby can point at the wrong title.
 */
export async function openDialog(page: Page, title: string): Promise<Locator> {
  const dialog = page.getByRole('dialog').filter({ has: page.getByText(title, { exact: true }) });
  await dialog.waitFor();
  // Still opening while rc-motion's appear/enter classes are on it, or while an animation of it is
  // running or waiting to run (the zoom sits paused under `-appear` for a frame before it starts).
  await page.waitForFunction(
    (element) =>
      element !== null &&
      !/-(appear|enter)(-|\b)/.test(element.className) &&
      element
        .getAnimations({ subtree: true })
        .every((a) => a.playState === 'finished' || a.playState === 'idle' || a.effect?.getComputedTiming().iterations === Infinity),
    await dialog.elementHandle(),
  );
  return dialog;
}

/** Answers the confirm with this title by one of its buttons, and waits for it to go. */
export async function answerConfirm(page: Page, title: string, button: string): Promise<void> {
  const confirm = await openDialog(page, title);
  await confirm.getByRole('button', { name: button, exact: true }).click();
  await confirm.waitFor({ state: 'hidden' });
}

/**
 * Picks an option of an antd Select found by its form label inside `scope`. The dropdown is a
 * virtual list (only ~10 options rendered), so a searchable Select gets `typed` (default: the option)
 * typed first; a read-only one has few enough options to show them all. It waits for the opening
 * modal to stop moving first: a dropdown placed while its modal still zooms in ends up under a form
 * label, and the click lands there and closes it.
 */
export async function pickOption(page: Page, scope: Locator, label: string, option: string, typed = option): Promise<void> {
  const select = scope.getByLabel(label, { exact: true });
  await settle(page);
  await select.click();
  if ((await select.getAttribute('readonly')) === null) await select.fill(typed);
  await settle(page);
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

/**
 * Types a date (YYYY-MM-DD) or a month (YYYY-MM) into an antd picker and takes it with Enter, as an
 * officer does. The text is typed only once the picker's panel is open (opening it writes the current
 * value into the box, over typing that came first), and Enter is pressed only once the panel shows
 * the typed month or year (an Enter before that confirmed the previous value on a busy machine).
 * Resolves once the box shows what was typed.
 */
export async function typeIntoPicker(page: Page, input: Locator, text: string): Promise<void> {
  const panel = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
  await input.click();
  await panel.waitFor();
  await input.fill(text);
  const shown = text.length > 7 ? `${Number(text.slice(0, 4))}年${Number(text.slice(5, 7))}月` : `${Number(text.slice(0, 4))}年`;
  await expect.poll(async () => (await panel.locator('.ant-picker-header-view').first().innerText()).replace(/\s+/g, '')).toBe(shown);
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(text);
}

/** typeIntoPicker for the picker labelled `label` inside `scope`. */
export async function fillDate(scope: Page | Locator, label: string, date: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await typeIntoPicker(input.page(), input, date);
}

/** 企业名录 → 新增企业, filled and saved through the dialog; waits for the new enterprise's page. */
export async function addEnterpriseThroughForm(app: App, enterprise: { name: string; code: string; town: string; officer?: string }): Promise<void> {
  const { page } = app;
  await app.goto('/enterprises');
  await page.getByRole('button', { name: '新增企业' }).click();
  const dialog = await openDialog(page, '新增企业');
  await dialog.getByLabel('企业名称').fill(enterprise.name);
  await dialog.getByLabel('统一社会信用代码').fill(enterprise.code);
  await pickOption(page, dialog, '所属区镇', enterprise.town);
  if (enterprise.officer !== undefined) await dialog.getByLabel('服务专员').fill(enterprise.officer);
  await dialog.getByRole('button', { name: '保存企业' }).click();
  await page.getByRole('heading', { name: enterprise.name, level: 4 }).waitFor();
}

// ---- small fixtures -------------------------------------------------------------------------------

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid solid-colour RGB PNG, e.g. a "photo" to attach to a visit. */
export function makePng(width = 8, height = 8, rgb: [number, number, number] = [31, 95, 168]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
