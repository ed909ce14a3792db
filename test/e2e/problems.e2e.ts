// 首问负责制 in real Chromium: an enterprise is added, a problem raised on its own (a phone call),
// transferred a day late, answered after its deadline — and the problem list counts it as answered
// late with a late transfer. Bad input is refused at the field without saving.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeCreditCode } from '../../shared/creditCode';
import { answerConfirm, fillDate, openApp, openDialog, pickOption, type App } from './harness';

let app: App;
beforeAll(async () => {
  // The home page creates the settings row (reference lists, device id) on a fresh profile.
  app = await openApp({ route: '/' });
});
afterAll(async () => {
  await app?.close();
});

const enterpriseName = '苏州测试精密机械有限公司';

async function figure(page: Page, label: string): Promise<string> {
  return (await page.getByRole('group', { name: label, exact: true }).innerText()).replace(label, '').trim();
}

test('a problem transferred late and answered after its deadline is counted as answered late', async () => {
  const page = app.page;

  // An enterprise, through the enterprise form.
  await app.goto('/enterprises');
  await page.getByRole('button', { name: '新增企业' }).click();
  const enterpriseForm = await openDialog(page, '新增企业');
  await enterpriseForm.getByLabel('企业名称').fill(enterpriseName);
  await enterpriseForm.getByLabel('统一社会信用代码').fill(makeCreditCode('91320509MA1XK7N07'));
  await pickOption(page, enterpriseForm, '所属区镇', '吴江开发区');
  await enterpriseForm.getByRole('button', { name: '保存企业' }).click();
  await enterpriseForm.waitFor({ state: 'hidden' });

  // Raise a problem on its own, as from a phone call, picking the enterprise by search.
  await app.goto('/problems');
  await page.getByRole('button', { name: '登记问题' }).click();
  const raise = await openDialog(page, '登记问题');
  await pickOption(page, raise, '企业', `${enterpriseName}（吴江开发区）`, '苏州测试');
  await fillDate(raise, '提出日期', '2026-11-02');
  await pickOption(page, raise, '问题类别', '用工');
  await raise.getByLabel('问题描述').fill('招工难，缺少熟练焊工');
  await expect.poll(() => raise.getByText('答复期限：').innerText()).toContain('2026-11-05');
  await raise.getByRole('button', { name: /登\s*记/ }).click();

  // The detail page: transfer a day late (due the same day), deadline moves to 5 working days after.
  await page.getByRole('heading', { name: '问题详情' }).waitFor();
  await page.getByRole('button', { name: /^转\s*办$/ }).click();
  const transfer = await openDialog(page, '转办');
  await pickOption(page, transfer, '责任部门', '区人社局', '人社');
  await fillDate(transfer, '转办日期', '2026-11-03');
  await expect.poll(() => transfer.getByText('新的答复期限：').innerText()).toContain('2026-11-10');
  await transfer.getByRole('button', { name: /保\s*存/ }).click();
  await transfer.waitFor({ state: 'hidden' });
  await expect.poll(() => page.getByText('转办超时').count()).toBe(1);

  // A reply dated before the problem was raised is refused at the field and nothing changes.
  await page.getByRole('button', { name: /^答\s*复$/ }).click();
  const answer = await openDialog(page, '答复');
  await fillDate(answer, '答复日期', '2026-10-30');
  await answer.getByLabel('答复内容').fill('已组织专场招聘会');
  await answer.getByLabel('解决或已有明确途径').check();
  await answer.getByRole('button', { name: /保\s*存/ }).click();
  await answer.getByText('答复日期不能早于提出日期（2026-11-02）').waitFor();

  // The officer gives up this reply (asked first) and answers afresh: on 11-12, two days after the
  // 11-10 deadline.
  await answer.getByRole('button', { name: '取消', exact: true }).click();
  const discard = await openDialog(page, '放弃未保存的修改？');
  await discard.getByRole('button', { name: '放弃修改' }).click();
  await answer.waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: /^答\s*复$/ }).click();
  const again = await openDialog(page, '答复');
  await fillDate(again, '答复日期', '2026-11-12');
  await again.getByLabel('答复内容').fill('已组织专场招聘会');
  await again.getByLabel('解决或已有明确途径').check();
  await again.getByRole('button', { name: /保\s*存/ }).click();
  await again.waitFor({ state: 'hidden' });
  await page.getByText('逾期答复 2 天').waitFor();
  const history = await page.getByText('处理记录').locator('xpath=following-sibling::*[1]').innerText();
  expect(history).toContain('待处理 → 已转办');
  expect(history).toContain('已转办 → 已答复');

  // The list counts it.
  await app.goto('/problems');
  await expect.poll(() => figure(page, '逾期答复')).toBe('1');
  expect(await figure(page, '问题总数')).toBe('1');
  expect(await figure(page, '按期答复')).toBe('0');
  expect(await figure(page, '已逾期')).toBe('0');
  expect(await figure(page, '转办超时')).toBe('1');
  expect(await page.getByRole('row').filter({ hasText: enterpriseName }).innerText()).toContain('逾期答复 2 天');

  // Still there after the app is closed and opened again (real IndexedDB on disk).
  await app.restart('/problems');
  await expect.poll(() => figure(app.page, '逾期答复')).toBe('1');
  expect(app.pageErrors).toEqual([]);
});

test('an unsatisfied answer is reopened with the first answer kept; a 2027 deadline is flagged', async () => {
  const page = app.page;
  await page.getByRole('row').filter({ hasText: enterpriseName }).getByRole('link').click();
  await page.getByRole('heading', { name: '问题详情' }).waitFor();

  await page.getByRole('button', { name: '企业满意度' }).click();
  const rate = await openDialog(page, '企业满意度');
  await rate.getByLabel('不满意').check();
  await rate.getByLabel('不满意原因').fill('招聘会岗位与需求不对口');
  await rate.getByRole('button', { name: /保\s*存/ }).click();
  await rate.waitFor({ state: 'hidden' });

  await page.getByRole('button', { name: '重新办理' }).click();
  const reopen = await openDialog(page, '重新办理');
  await reopen.getByRole('button', { name: /保\s*存/ }).click();
  await reopen.getByText('请填写重新办理的原因').waitFor();
  await reopen.getByLabel('重新办理原因').fill('企业不满意，要求再协调');
  await reopen.getByRole('button', { name: /保\s*存/ }).click();
  await reopen.waitFor({ state: 'hidden' });

  const history = page.getByText('处理记录').locator('xpath=following-sibling::*[1]');
  await expect.poll(() => history.innerText()).toContain('已答复 → 已转办');
  const text = await history.innerText();
  expect(text).toContain('原答复（2026-11-12）');
  expect(text).toContain('已组织专场招聘会');
  expect(text).toContain('企业评价：不满意');
  expect(await page.getByRole('button', { name: /^答\s*复$/ }).isVisible()).toBe(true);

  // Raised at the year end, the deadline runs into 2027, which the calendar does not know yet.
  await app.goto('/problems');
  await page.getByRole('button', { name: '登记问题' }).click();
  const raise = await openDialog(page, '登记问题');
  await fillDate(raise, '提出日期', '2026-12-30');
  await raise.getByText('工作日历尚无 2027 年节假日安排').waitFor();
  await raise.getByRole('button', { name: /取\s*消/ }).click();
  // A date was typed: dropping it is asked first.
  await answerConfirm(page, '放弃未保存的修改？', '放弃修改');
  await raise.waitFor({ state: 'hidden' });
  expect(app.pageErrors).toEqual([]);
});
