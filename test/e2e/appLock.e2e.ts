// The optional app lock in real Chromium: set in 设置, asked after a restart before anything shows,
// a wrong passcode refused, and after the idle time the screens are covered — not unmounted, so what
// was typed is still there after unlocking.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openApp, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await openApp({ route: '/settings' });
});
afterAll(async () => {
  await app?.close();
});

const lockScreen = (a: App) => a.page.getByRole('dialog', { name: '走访台账已锁定' });

test('a passcode set in 设置 is asked before anything shows, and a wrong one is refused', async () => {
  const { page } = app;
  const card = page.locator('.ant-card').filter({ hasText: '启动密码' });
  await card.getByLabel('新密码', { exact: true }).fill('wj-2026-zm');
  await card.getByLabel('再次输入新密码').fill('wj-2026-zm');
  await card.getByRole('button', { name: '设置启动密码' }).click();
  await page.getByText('已设置启动密码：下次启动时需要输入').waitFor();
  expect(JSON.stringify(await app.readRows('settings'))).not.toContain('wj-2026-zm');

  await app.restart('/enterprises');
  await lockScreen(app).waitFor();
  expect(await app.page.getByRole('heading', { name: '企业名录' }).count()).toBe(0);
  await app.page.getByLabel('启动密码').fill('wrong-pass');
  await app.page.getByRole('button', { name: '解锁' }).click();
  await app.page.getByText('密码不正确').waitFor();
  expect(await lockScreen(app).count()).toBe(1);

  await app.page.getByLabel('启动密码').fill('wj-2026-zm');
  await app.page.getByRole('button', { name: '解锁' }).click();
  await lockScreen(app).waitFor({ state: 'hidden' });
  await app.page.getByRole('heading', { name: '企业名录' }).waitFor();
});

test('after the idle time the screens are covered, and what was typed is there after unlocking', async () => {
  const { page } = app;
  await page.clock.install();
  await app.goto('/settings');
  await app.reload();
  await page.getByLabel('启动密码').fill('wj-2026-zm');
  await page.getByRole('button', { name: '解锁' }).click();
  await lockScreen(app).waitFor({ state: 'hidden' });
  const unit = page.getByLabel('单位', { exact: true });
  const card = page.locator('.ant-card').filter({ hasText: '启动密码' });
  await card.getByLabel('新密码（不改则留空）').fill('half-typed');

  await page.clock.fastForward('10:30'); // the default: lock after 10 idle minutes
  await lockScreen(app).waitFor();
  expect(await unit.isVisible()).toBe(false);

  await page.getByLabel('启动密码').fill('wj-2026-zm');
  await page.getByRole('button', { name: '解锁' }).click();
  await lockScreen(app).waitFor({ state: 'hidden' });
  expect(await card.getByLabel('新密码（不改则留空）').inputValue()).toBe('half-typed');
});
