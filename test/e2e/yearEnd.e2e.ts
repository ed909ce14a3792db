// The year end in real Chromium, with the page's clock fixed at 30 December 2026: a visit with a
// problem whose deadline runs into 2027 (a year the calendar package does not know) is saved, its
// deadline shown as 待确认; the officer enters the 2027 notice in 设置, and the deadline becomes firm
// with a history entry. Settings save as they are typed: Enter never claims a save that did not happen.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeCreditCode } from '../../shared/creditCode';
import { openApp, openDialog, pickOption, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await openApp({ route: '/', fixedTime: '2026-12-30T02:00:00Z' });
});
afterAll(async () => {
  await app?.close();
});

const enterpriseName = '苏州年末测试电子有限公司';

// As an officer pastes it from the government website (2027's dates, as the notice would print them).
const notice2027 = `一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月6日（周六）至13日（周六）放假调休，共8天。2月14日（周日）、2月20日（周六）上班。`;

test('settings save as they are typed; Enter says nothing that did not happen', async () => {
  const { page } = app;
  await app.goto('/settings');
  const name = page.getByLabel('姓名', { exact: true });
  await name.fill('王敏');
  await name.press('Enter');
  await page.getByRole('status', { name: '保存状态' }).getByText(/已自动保存/).waitFor();
  expect(await page.getByText('设置已保存').count()).toBe(0);

  // An empty name breaks its rule: it is said at the field and in the status, and nothing is stored.
  await name.fill('');
  await page.getByRole('status', { name: '保存状态' }).getByText('未保存：请填写姓名').waitFor();
  await app.goto('/problems'); // leave at once: no button to press
  await app.goto('/settings');
  expect(await page.getByLabel('姓名', { exact: true }).inputValue()).toBe('王敏');

  await page.getByLabel('单位', { exact: true }).fill('吴江区商务局');
  await app.goto('/'); // within the typing delay: leaving the page saves what was waiting
  await app.goto('/settings');
  expect(await page.getByLabel('单位', { exact: true }).inputValue()).toBe('吴江区商务局');
});

test('a visit with a problem is saved on 30 December; entering the 2027 notice makes its deadline firm', async () => {
  const { page } = app;
  await app.goto('/enterprises');
  await page.getByRole('button', { name: '新增企业' }).click();
  const enterpriseForm = await openDialog(page, '新增企业');
  await enterpriseForm.getByLabel('企业名称').fill(enterpriseName);
  await enterpriseForm.getByLabel('统一社会信用代码').fill(makeCreditCode('91320509MA1YE2N07'));
  await pickOption(page, enterpriseForm, '所属区镇', '吴江开发区');
  await enterpriseForm.getByRole('button', { name: '保存企业' }).click();
  await enterpriseForm.waitFor({ state: 'hidden' });

  await page.getByRole('heading', { name: enterpriseName, level: 4 }).waitFor();
  await page.getByRole('button', { name: '记录走访' }).click();
  const form = page.getByRole('form', { name: '走访记录' });
  await form.waitFor();
  // 走访人员 starts with the officer named in 设置 by the test above.
  await form.getByLabel('走访情况').fill('年末走访，了解明年用工计划。');
  await form.getByRole('button', { name: '添加问题' }).click();
  const section = form.getByRole('region', { name: '问题 1' });
  await pickOption(page, section, '问题类别', '用工');
  await pickOption(page, section, '责任部门', '区商务局');
  await section.getByLabel('问题描述').fill('春节后返岗率低，需要招工对接');
  // The deadline (3 working days after 30 December) falls in 2027: said, not refused.
  await form.getByText(/暂按周一至周五推算/).first().waitFor();
  await form.getByRole('button', { name: '保存走访' }).click();
  await page.getByText('走访已保存，登记问题 1 个').waitFor();

  const [stored] = (await app.readRows('problems')) as { replyDeadline: string; replyDeadlineProvisional?: boolean; id: string }[];
  expect(stored).toMatchObject({ replyDeadline: '2027-01-04', replyDeadlineProvisional: true });

  // The list marks it 待确认.
  await app.goto('/problems');
  const row = page.getByRole('row').filter({ hasText: '春节后返岗率低' });
  await row.getByText('待确认').waitFor();

  // 设置 warns about 2027 and takes its notice in one step.
  await app.goto('/settings');
  await page.getByText('尚未录入 2027 年节假日安排').waitFor();
  await page.getByRole('button', { name: '录入 2027 年安排' }).first().click();
  const dialog = await openDialog(page, '录入 2027 年节假日安排');
  await dialog.getByLabel('通知原文').fill(notice2027);
  await dialog.getByRole('button', { name: '识别', exact: true }).click();
  await dialog.getByText('已识别 2 个节日、2 个调休上班日，请对照下方月历核对').waitFor();
  expect(await dialog.getByLabel('2027-02-14 调休上班').count()).toBe(1);
  expect(await dialog.getByLabel('2027-01-01 放假').count()).toBe(1);
  // Only two holidays were pasted: the form says which of the seven are missing before anyone confirms.
  await dialog.getByText('尚未填写：清明节、劳动节、端午节、中秋节、国庆节').waitFor();
  // Not saved before the officer confirms the schedule complete.
  await dialog.getByRole('button', { name: '保存安排' }).click();
  await dialog.getByText('请核对月历后勾选确认').waitFor();
  await dialog.getByLabel(/已对照通知核对/).check();
  await dialog.getByRole('button', { name: '保存安排' }).click();
  const toast = page.getByText('已保存 2027 年节假日安排；1 个问题的答复期限已按新安排重新计算');
  await toast.waitFor();
  // The toast floats over the page for a while: a click meant for what lies beneath goes through.
  expect(await toast.evaluate((el) => getComputedStyle(el.closest('.ant-message-notice') ?? el).pointerEvents)).toBe('none');
  // Polled: the warning follows the stored settings, read again after the toast is shown.
  await expect.poll(() => page.getByText('尚未录入 2027 年节假日安排').count()).toBe(0);
  // The notice's own days are the notice's: the single-day list holds only days set on their own.
  await page.getByText('逐日调整（0 天）').waitFor();

  // The deadline is firm now, and the history says how it moved.
  await app.goto(`/problems/${stored!.id}`);
  await page.getByText('按 2027 年节假日安排重新计算答复期限：2027-01-04（待确认） → 2027-01-05').waitFor();
  expect(await page.getByText('待确认', { exact: true }).count()).toBe(0);
  const [firm] = (await app.readRows('problems')) as { replyDeadline: string; replyDeadlineProvisional?: boolean }[];
  expect(firm?.replyDeadline).toBe('2027-01-05');
  expect(firm?.replyDeadlineProvisional).toBeUndefined();

  // A visit recorded now counts its problem's deadline on the entered 2027 notice: firm at once.
  await app.goto('/enterprises');
  await page.getByRole('link', { name: enterpriseName }).first().click();
  await page.getByRole('button', { name: '记录走访' }).click();
  const next = page.getByRole('form', { name: '走访记录' });
  await next.waitFor();
  await next.getByLabel('走访情况').fill('年末再访。');
  await next.getByRole('button', { name: '添加问题' }).click();
  const again = next.getByRole('region', { name: '问题 1' });
  await pickOption(page, again, '问题类别', '物流');
  await pickOption(page, again, '责任部门', '区商务局');
  await again.getByLabel('问题描述').fill('年后物流运力不足');
  await again.getByText('答复期限：2027-01-05').waitFor();
  await next.getByRole('button', { name: '保存走访' }).click();
  await page.getByText('走访已保存，登记问题 1 个').waitFor();
  // Polled: the same message of the first visit's save can still be on screen.
  const stored2 = async () =>
    ((await app.readRows('problems')) as { description: string; replyDeadline: string; replyDeadlineProvisional?: boolean }[]).find(
      (p) => p.description === '年后物流运力不足',
    );
  await expect.poll(stored2).toMatchObject({ replyDeadline: '2027-01-05' });
  expect((await stored2())?.replyDeadlineProvisional).toBeUndefined();
  expect(app.pageErrors).toEqual([]);
});
