// Proves the harness: the built renderer opens in Chromium with its Chinese shell.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openApp, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app?.close();
});

test('the app opens with its title and the side menu', async () => {
  expect(await app.page.title()).toBe('企业走访台账');
  const menu = app.page.getByRole('menu');
  expect(await menu.getByRole('menuitem', { name: '企业名录' }).isVisible()).toBe(true);
  expect(await menu.getByRole('menuitem', { name: '设置' }).isVisible()).toBe(true);
  expect(app.pageErrors).toEqual([]);
});

test('from the first paint to the screen the menu never leaves the window (no blank moment while the database opens)', async () => {
  // Watches every change of the page from its first byte: once the menu was there, is it ever gone?
  await app.context.addInitScript(() => {
    const flags = window as unknown as { menuSeen?: boolean; menuGone?: boolean };
    new MutationObserver(() => {
      if (document.querySelector('[role="menu"]')) flags.menuSeen = true;
      else if (flags.menuSeen) flags.menuGone = true;
    }).observe(document, { childList: true, subtree: true });
  });
  await app.reload();
  await app.page.waitForFunction(() => document.querySelector('.ant-layout-content') !== null && document.querySelector('.ant-spin-spinning') === null);
  expect(await app.page.evaluate(() => (window as unknown as { menuSeen?: boolean }).menuSeen)).toBe(true);
  expect(await app.page.evaluate(() => (window as unknown as { menuGone?: boolean }).menuGone ?? false)).toBe(false);
});
