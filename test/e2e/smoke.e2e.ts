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
