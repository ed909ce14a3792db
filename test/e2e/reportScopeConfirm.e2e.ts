// 报表导出: the three texts are drafted from the figures, and a change of period or scope drafts them
// again. Once the officer has edited them, switching the scope asks first; 保留修改 keeps both the
// texts and the scope, 重新生成 switches and drafts anew. Untouched texts switch without a question.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openApp, openDialog, settle, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await openApp();
  await app.loadDemoData('small');
});
afterAll(async () => {
  await app?.close();
});

const confirmTitle = '放弃已修改的报告文字？';

test('switching the scope asks before discarding edited texts', async () => {
  const page = app.page;
  await app.goto('/reports');
  await page.getByText('主要数据').waitFor();
  const results = page.getByLabel('成效');
  await expect.poll(() => results.inputValue()).toContain('本期共开展走访');
  const scope = page.getByRole('radiogroup', { name: '统计范围' });

  // Untouched texts: the scope switches at once, nothing asked.
  await scope.getByText('按区镇', { exact: true }).click();
  await page.getByText('请选择区镇').waitFor();
  await scope.getByText('全部', { exact: true }).click();
  await page.getByLabel('成效').waitFor();
  expect(await page.getByText(confirmTitle).count()).toBe(0);

  // Edited: 保留修改 keeps the texts and the scope.
  const typed = '本月走访成效：企业反映的问题均已交办。（科室已审核）';
  await results.fill(typed);
  await page.getByLabel('下一步措施').fill('1. 督办逾期问题。');
  await scope.getByText('按服务专员', { exact: true }).click();
  let dialog = await openDialog(page, confirmTitle);
  await dialog.getByRole('button', { name: '保留修改' }).click();
  await dialog.waitFor({ state: 'hidden' });
  expect(await scope.getByRole('radio', { name: '全部' }).isChecked()).toBe(true);
  expect(await results.inputValue()).toBe(typed);
  expect(await page.getByLabel('下一步措施').inputValue()).toBe('1. 督办逾期问题。');

  // The period asks too.
  await page.getByRole('radiogroup', { name: '期间方式' }).getByText('按日期区间', { exact: true }).click();
  dialog = await openDialog(page, confirmTitle);
  await dialog.getByRole('button', { name: '保留修改' }).click();
  await dialog.waitFor({ state: 'hidden' });
  expect(await page.getByLabel('统计月份').count()).toBe(1);

  // 重新生成: the scope switches and, once a town is picked, the texts are drafted for it.
  await scope.getByText('按区镇', { exact: true }).click();
  dialog = await openDialog(page, confirmTitle);
  await dialog.getByRole('button', { name: '重新生成' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText('请选择区镇').waitFor();
  await settle(page);
  await page.getByRole('combobox', { name: '区镇' }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: '平望镇' }).click();
  await page.getByText('主要数据').waitFor();
  await expect.poll(() => page.getByLabel('成效').inputValue()).toContain('本期共开展走访');
  expect(await page.getByLabel('成效').inputValue()).not.toBe(typed);
  expect(await page.getByText(confirmTitle).count()).toBe(0);
  expect(app.pageErrors).toEqual([]);
});
