// 同步 in real Chromium through a running hub: the hub (server/, on PGlite in a temp folder) listens
// on a port; two browser profiles are two laptops — officer 张敏 and the bureau. Each reads its 设备编号
// on 数据交换 → 同步, the administrator registers it, and the officer types the hub address and the
// one-time 登记码. 张敏 records an enterprise and a visit through the forms and syncs; the bureau's
// laptop syncs and holds them. The bureau corrects the enterprise's address; 张敏's laptop gets it.
// A wrong 登记码 is refused with the hub's Chinese message and links nothing.
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeCreditCode } from '../../shared/creditCode';
import type { Enterprise, Visit } from '../../shared/domain/records';
import { createHubApp } from '../../server/src/hubApp';
import { migrate, openPglite, type HubDatabase } from '../../server/src/hubDatabase';
import { freshTempDir, removeTempDir } from '../../scripts/lib/chromium';
import { addEnterpriseThroughForm, openApp, openDialog, type App } from './harness';

const adminToken = 'e2e-admin-token';
let hubDb: HubDatabase;
let hubServer: ServerType;
let hubUrl: string;
let hubDir: string;
let officer: App;
let bureau: App;

beforeAll(async () => {
  hubDir = await freshTempDir('hub');
  hubDb = await openPglite(hubDir);
  await migrate(hubDb);
  const app = createHubApp({ db: hubDb, adminToken });
  await new Promise<void>((resolve) => {
    hubServer = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      hubUrl = `http://127.0.0.1:${info.port}`;
      resolve();
    });
  });
  [officer, bureau] = await Promise.all([openApp(), openApp()]);
}, 180_000);
afterAll(async () => {
  await Promise.all([officer?.close(), bureau?.close()]);
  await new Promise<void>((resolve) => (hubServer ? hubServer.close(() => resolve()) : resolve()));
  await hubDb?.close();
  if (hubDir) await removeTempDir(hubDir);
});

async function register(deviceId: string, officerName: string, unit: string, scope: 'officer' | 'district'): Promise<string> {
  const response = await fetch(`${hubUrl}/api/admin/devices`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ deviceId, officer: officerName, unit, district: '吴江区', scope }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { enrolmentCode: string }).enrolmentCode;
}

async function setOfficer(app: App, name: string): Promise<void> {
  await app.goto('/settings');
  const field = app.page.getByLabel('姓名', { exact: true });
  await field.fill(name);
  await field.press('Enter');
  await app.page.getByRole('status', { name: '保存状态' }).getByText(/已自动保存/).waitFor();
}

/** 数据交换 → 同步: the device id shown, registered by the administrator, the code typed in; the first sync runs. */
async function link(app: App, officerName: string, unit: string, scope: 'officer' | 'district'): Promise<void> {
  const { page } = app;
  await app.goto('/exchange?tab=sync');
  const deviceId = (await page.locator('.ant-descriptions-item').filter({ hasText: '本机设备编号' }).locator('.ant-typography').first().innerText()).trim();
  expect(deviceId.length).toBeGreaterThan(8);
  const code = await register(deviceId, officerName, unit, scope);
  await page.getByLabel('同步服务器地址').fill(hubUrl);
  await page.getByLabel('登记码').fill(code);
  await page.getByRole('button', { name: '登记本机' }).click();
  await page.getByText(/同步完成：上传 \d+ 条，下载 \d+ 条/).first().waitFor();
  await page.getByRole('row', { name: /同步服务器/ }).getByText(hubUrl, { exact: true }).waitFor();
}

async function syncNow(app: App): Promise<string> {
  await app.goto('/exchange?tab=sync');
  const done = app.page.getByText(/同步完成：上传 \d+ 条，下载 \d+ 条/);
  // The message of this laptop's sync before can still be showing: let it go, so the one read is this sync's.
  await expect.poll(() => done.count()).toBe(0);
  await app.page.getByRole('button', { name: '立即同步' }).click();
  await done.first().waitFor();
  return done.first().innerText();
}

const enterprise = { name: '苏州同步测试电子有限公司', code: makeCreditCode('91320509MA1TB0A12'), town: '平望镇' };

test('an officer’s enterprise and visit reach the bureau through the hub, and the bureau’s correction comes back', async () => {
  // A wrong code first: refused with the hub's message, nothing linked.
  await bureau.goto('/exchange?tab=sync');
  await bureau.page.getByLabel('同步服务器地址').fill(hubUrl);
  await bureau.page.getByLabel('登记码').fill('AAAA-BBBB-CCCC');
  await bureau.page.getByRole('button', { name: '登记本机' }).click();
  await bureau.page.getByText(/登记码不正确、已使用或设备已停用/).waitFor();
  await expect.poll(() => bureau.countRows('syncState').then(async () => ((await bureau.readRows('syncState')) as { key: string }[]).some((r) => r.key === 'hub'))).toBe(false);

  await setOfficer(officer, '张敏');
  await setOfficer(bureau, '赵局');
  await link(officer, '张敏', '平望镇', 'officer');
  await link(bureau, '赵局', '区商务局', 'district');

  // 张敏 records an enterprise assigned to her and a visit, through the forms.
  const { page } = officer;
  await addEnterpriseThroughForm(officer, { ...enterprise, officer: '张敏' });
  await page.getByRole('button', { name: '记录走访' }).click();
  const form = page.getByRole('form', { name: '走访记录' });
  await form.waitFor();
  await form.getByLabel('走访情况').fill('了解年底订单和用工情况。');
  await form.getByRole('button', { name: '保存走访' }).click();
  await page.getByText('走访已保存').waitFor();

  await officer.goto('/exchange?tab=sync');
  await page.getByRole('row', { name: /待上传/ }).getByText(/^[1-9]\d* 条记录$/).waitFor();
  expect(await syncNow(officer)).toMatch(/上传 [1-9]\d* 条/);
  await page.getByRole('row', { name: /待上传/ }).getByText('0 条记录').waitFor();
  expect(await syncNow(bureau)).toMatch(/下载 [1-9]\d* 条/);
  const onBureau = ((await bureau.readRows('enterprises')) as Enterprise[]).filter((e) => e.name === enterprise.name);
  expect(onBureau).toHaveLength(1);
  expect(((await bureau.readRows('visits')) as Visit[]).map((v) => v.summary)).toEqual(['了解年底订单和用工情况。']);

  // The bureau corrects the address on its laptop; 张敏's laptop receives the correction.
  await bureau.goto(`/enterprises/${onBureau[0]!.id}`);
  await bureau.page.getByRole('button', { name: '编辑企业' }).click();
  const edit = await openDialog(bureau.page, '编辑企业');
  await edit.getByLabel('地址').fill('平望镇中鲈路 8 号');
  await edit.getByRole('button', { name: '保存企业' }).click();
  await edit.waitFor({ state: 'hidden' });
  await syncNow(bureau);
  await syncNow(officer);
  await expect
    .poll(async () => ((await officer.readRows('enterprises')) as Enterprise[]).find((e) => e.name === enterprise.name)?.address)
    .toBe('平望镇中鲈路 8 号');
  expect(officer.pageErrors).toEqual([]);
  expect(bureau.pageErrors).toEqual([]);
});
