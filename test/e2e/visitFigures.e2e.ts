// 经营数据 from the visit form, and numbers offered from old free-text visits, in real Chromium (issue
// 15). Early December, an enterprise entered through the form. An old visit of 12 November holds only
// words: the enterprise page offers 用工人数 320 人 and 本年累计产值 12,000 万元 read from them (never
// 排产到 3 月); 采用 opens 填报经营数据 on November with 320 filled in, saved by the officer; 忽略 hides
// the other. A new visit then records figures: December is not over, so they are November's; the
// stored November figures are shown and filled in; a word for a number is refused at its field and
// nothing is saved; a reload brings the typed figures back from the draft; the save asks before it
// updates November; the card shows the figures and their trend.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeCreditCode } from '../../shared/creditCode';
import type { Enterprise, OperationReport, Visit } from '../../shared/domain/records';
import { answerConfirm, openApp, openDialog, pickOption, settle, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await openApp({ route: '/', fixedTime: '2026-12-04T02:00:00Z' });
});
afterAll(async () => {
  await app?.close();
});

const name = '苏州平望测试纺织有限公司';
const liveVisits = async () => ((await app.readRows('visits')) as Visit[]).filter((v) => v.deletedAt === undefined);
const reports = async () => (await app.readRows('operationReports')) as OperationReport[];

async function addEnterprise(): Promise<string> {
  const { page } = app;
  await app.goto('/enterprises');
  await page.getByRole('button', { name: '新增企业' }).click();
  const dialog = await openDialog(page, '新增企业');
  await dialog.getByLabel('企业名称').and(page.locator(':focus')).waitFor();
  await dialog.getByLabel('企业名称').fill(name);
  await dialog.getByLabel('统一社会信用代码').fill(makeCreditCode('91320509MA1W5P7X0'));
  await pickOption(page, dialog, '所属区镇', '平望镇');
  await dialog.getByRole('button', { name: '保存企业' }).click();
  await page.getByRole('heading', { name, level: 4 }).waitFor();
  return ((await app.readRows('enterprises')) as Enterprise[]).find((e) => e.name === name)!.id;
}

test('an old visit\'s words offered as figures, and a new visit recording the month\'s figures', async () => {
  const { page } = app;
  const enterpriseId = await addEnterprise();

  // An old visit, words only (as before figures were on the form).
  await app.goto(`/visits/new/${enterpriseId}`);
  let form = page.getByRole('form', { name: '走访记录' });
  await form.waitFor();
  const date = form.getByLabel('走访日期');
  await date.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2026-11-12');
  await page.keyboard.press('Tab');
  await form.getByLabel('走访人员').fill('王敏');
  await page.keyboard.press('Enter');
  await form.getByLabel('走访情况').fill('了解生产经营情况');
  await form.getByLabel('用工', { exact: true }).fill('用工 320 人');
  await form.getByLabel('订单', { exact: true }).fill('订单饱满，排产到 3 月');
  await form.getByLabel('产值', { exact: true }).fill('产值 1.2 亿元');
  await page.keyboard.press('Control+S');
  await page.getByText('走访已保存', { exact: true }).waitFor();
  expect(await reports()).toEqual([]);

  // The enterprise page offers what the words say, for November; nothing is stored until the officer saves.
  const card = page.getByRole('region', { name: '经营数据' });
  const offers = card.getByRole('region', { name: '从走访记录中识别到的数据' });
  await offers.waitFor();
  expect((await offers.getByRole('listitem').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([
    '2026-11：用工人数 320 人（2026-11-12 走访：「用工 320 人」） 采用 忽略',
    '2026-11：本年累计产值 12,000 万元（2026-11-12 走访：「产值 1.2 亿元」） 采用 忽略',
  ]);
  await offers.getByRole('listitem').filter({ hasText: '用工人数' }).getByRole('button', { name: '采用' }).click();
  const dialog = await openDialog(page, `填报经营数据：${name}`);
  expect(await dialog.getByLabel('填报月份', { exact: true }).inputValue()).toBe('2026-11');
  // Polled: the adopted figure is filled in once the month's stored figures are read, after the dialog opens.
  await expect.poll(() => dialog.getByLabel('用工人数（人）', { exact: true }).inputValue()).toBe('320');
  // The month's other offer waits under its field.
  await dialog.getByText('走访记录中识别到：本年累计产值 12,000 万元（2026-11-12 走访：「产值 1.2 亿元」）').waitFor();
  expect(await dialog.getByLabel('本年累计产值（万元）', { exact: true }).inputValue()).toBe('');
  // Tab from that field goes to the next field, not to its 采用 (typing on would shift every figure).
  await dialog.getByLabel('本年累计产值（万元）', { exact: true }).focus();
  await page.keyboard.press('Tab');
  expect(await dialog.getByLabel('用工人数（人）', { exact: true }).evaluate((el) => el === document.activeElement)).toBe(true);
  expect(await reports()).toEqual([]);
  await dialog.getByRole('button', { name: '保存经营数据', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText('2026-11 经营数据已保存').waitFor();
  expect(await reports()).toMatchObject([{ month: '2026-11', employees: 320 }]);
  expect((await reports())[0]!.outputValueYtd).toBeUndefined();

  // Adopted: no longer offered. 忽略 hides the other; the visit's words stay as they were.
  await offers.getByRole('listitem').filter({ hasText: '用工人数' }).waitFor({ state: 'detached' });
  await offers.getByRole('listitem').filter({ hasText: '本年累计产值' }).getByRole('button', { name: '忽略' }).click();
  await offers.waitFor({ state: 'detached' });
  expect((await liveVisits())[0]!.operations).toMatchObject({ employment: '用工 320 人', outputValue: '产值 1.2 亿元' });

  // A new visit, today (4 December): December is not over, so its figures are November's, stored ones filled in.
  await app.goto(`/visits/new/${enterpriseId}`);
  form = page.getByRole('form', { name: '走访记录' });
  const figures = form.getByRole('group', { name: '本月经营数据' });
  await figures.getByText('2026-11 已有经营数据').waitFor();
  expect(await figures.getByRole('radio', { name: '2026-11（上月）' }).isChecked()).toBe(true);
  await figures.getByText(/走访当月（2026-12）尚未结束，默认填报上月/).waitFor();
  expect(await figures.getByLabel('用工人数（人）', { exact: true }).inputValue()).toBe('320');
  await form.getByLabel('走访人员').fill('王敏');
  await page.keyboard.press('Enter');
  await form.getByLabel('走访情况').fill('带经营数据的走访');
  await figures.getByLabel('本月产值（万元）', { exact: true }).fill('一千三百');
  await figures.getByLabel('本年累计产值（万元）', { exact: true }).fill('14,300');
  await figures.getByLabel('用工人数（人）', { exact: true }).fill('330');

  // The draft keeps the figures: a reload offers it back.
  await expect.poll(async () => JSON.stringify(await app.readRows('drafts'))).toContain('一千三百');
  await app.reload();
  await form.waitFor();
  await page.getByRole('button', { name: '恢复草稿' }).click();
  expect(await figures.getByLabel('本月产值（万元）', { exact: true }).inputValue()).toBe('一千三百');
  expect(await figures.getByLabel('用工人数（人）', { exact: true }).inputValue()).toBe('330');

  // A word for a number: said at the field, nothing saved.
  await page.keyboard.press('Control+S');
  await figures.getByText('经营数据：本月产值应为数字（万元），如 1200 或 1200.5').waitFor();
  expect(await liveVisits()).toHaveLength(1);
  expect(await reports()).toMatchObject([{ employees: 320, rev: 1 }]);

  // Corrected: the save lists what it changes in November's figures and asks first.
  await figures.getByLabel('本月产值（万元）', { exact: true }).fill('1300');
  await page.keyboard.press('Control+S');
  const confirm = await openDialog(page, '更新 2026-11 的经营数据？');
  expect(await confirm.getByRole('list', { name: '将更新的经营数据' }).innerText()).toBe(
    ['本月产值 未填 → 1,300 万元', '本年累计产值 未填 → 14,300 万元', '用工人数 320 人 → 330 人'].join('\n'),
  );
  await answerConfirm(page, '更新 2026-11 的经营数据？', '更新并保存走访');
  await page.getByText('走访已保存，2026-11 经营数据已更新').waitFor();
  expect(await liveVisits()).toHaveLength(2);
  expect(await reports()).toMatchObject([{ month: '2026-11', outputValue: 1300, outputValueYtd: 14300, employees: 330, rev: 2 }]);
  expect(await app.countRows('drafts')).toBe(1); // the ignored offer, kept on this laptop; the visit's draft is gone

  // The enterprise page: November's figures and their trend.
  await card.getByText(/2026-11：本月产值 1,300 万元，本年累计产值 14,300 万元，用工人数 330 人/).waitFor();
  await card.getByRole('img', { name: '用工人数走势' }).and(page.locator('[data-chart-drawn="true"]')).waitFor();
  await settle(page);
  expect(app.pageErrors).toEqual([]);
});
