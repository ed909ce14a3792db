// A full disk in the workshop: the officer types a visit, the laptop has no room left. The app must
// say so in Chinese (at the draft line and on 保存走访), store nothing half-way, keep what was typed on
// screen, and save normally once there is room again.
//
// How the disk is filled: Chromium's IndexedDB is made to refuse every write with the error it raises
// on a full disk (a QuotaExceededError DOMException from put/add). Lowering the real quota through the
// DevTools protocol (Storage.overrideQuotaForOrigin) reports the override as active but does not stop
// writes in a persistent headless profile (tried 2026-11-26), so the refusal is injected at the
// IndexedDB API instead; everything above it — Dexie, the transaction, the app — is the real one.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openApp, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await openApp();
  await app.loadDemoData('small');
});
afterAll(async () => {
  await app?.close();
});

/** Fills (or frees) the disk for this page: IndexedDB's put and add throw as on a full disk. */
async function setDiskFull(full: boolean): Promise<void> {
  await app.page.evaluate((on) => {
    type Patched = typeof IDBObjectStore.prototype & { __realPut?: IDBObjectStore['put']; __realAdd?: IDBObjectStore['add'] };
    const proto = IDBObjectStore.prototype as Patched;
    proto.__realPut ??= proto.put;
    proto.__realAdd ??= proto.add;
    const refuse = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    proto.put = on ? refuse : proto.__realPut;
    proto.add = on ? refuse : proto.__realAdd;
  }, full);
}

test('a full disk while recording a visit: a Chinese message, nothing stored half-way, the typing kept', async () => {
  const { page } = app;
  await app.goto('/enterprises');
  await page.getByRole('table', { name: '企业列表' }).getByRole('link').first().click();
  await page.getByRole('button', { name: '记录走访' }).click();
  const form = page.getByRole('form', { name: '走访记录' });
  await form.waitFor();
  const visitsBefore = await app.countRows('visits');
  const attachmentsBefore = await app.countRows('attachments');

  const officers = form.getByLabel('走访人员');
  await officers.click();
  await officers.pressSequentially('王敏');
  await officers.press('Enter');
  await setDiskFull(true);
  await form.getByLabel('走访情况').fill('磁盘已满时的走访：企业反映物流成本上升。');
  await form.getByLabel('选择附件文件').setInputFiles({ name: '现场扫描件.pdf', mimeType: 'application/pdf', buffer: randomBytes(2 * 1024 * 1024) });
  await form.getByRole('group', { name: '附件 现场扫描件.pdf' }).waitFor();
  await form.getByLabel('订单', { exact: true }).fill('订单持平');

  // The draft cannot be kept: the form says so, in place, and keeps saying it.
  await page.getByRole('alert').filter({ hasText: '草稿未能保存：本机磁盘空间不足' }).waitFor();

  await form.getByRole('button', { name: '保存走访' }).click();
  await page.getByText(/^保存失败：本机磁盘空间不足/).waitFor();
  expect(await app.countRows('visits')).toBe(visitsBefore);
  expect(await app.countRows('attachments')).toBe(attachmentsBefore);
  expect(await form.getByLabel('走访情况').inputValue()).toBe('磁盘已满时的走访：企业反映物流成本上升。');

  // Room again: the same form saves, photo and all.
  await setDiskFull(false);
  await form.getByRole('button', { name: '保存走访' }).click();
  await page.getByText('走访已保存').waitFor();
  expect(await app.countRows('visits')).toBe(visitsBefore + 1);
  expect(await app.countRows('attachments')).toBe(attachmentsBefore + 1);
  expect(app.pageErrors).toEqual([]);
});
