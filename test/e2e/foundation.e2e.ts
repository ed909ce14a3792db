// Issue 3's loop through the UI, in real Chromium on its real IndexedDB: an officer adds an
// enterprise, records a visit with two problems and a photo, reloads, closes the app, and finds all
// of it again; a wrong credit code is refused with a message; a half-filled visit form survives a
// reload as a draft that is offered back.
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeCreditCode } from '../../shared/creditCode';
import { answerConfirm, makePng, openApp, openDialog, pickOption, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app?.close();
});

const enterpriseName = '苏州亨通测试光电有限公司';
const creditCode = makeCreditCode('91320509MA1T8K3Q0');
const photo = makePng(16, 12, [200, 40, 40]);
const problems = [
  { category: '用工', department: '区人社局', description: '二季度缺普工约80人，招工难', request: '协助对接职业院校定向招聘' },
  { category: '物流', department: '区交通运输局', description: '集装箱进港排队时间长', request: '协调开通绿色通道' },
];

/** Adds an enterprise through the form; ends on its page. */
async function addEnterprise(name: string, code: string, town: string) {
  const dialog = await openAddEnterpriseForm();
  await dialog.getByLabel('企业名称').fill(name);
  await dialog.getByLabel('统一社会信用代码').fill(code);
  await pickOption(app.page, dialog, '所属区镇', town);
  await dialog.getByLabel('服务专员').fill('王敏');
  await dialog.getByRole('button', { name: '保存企业' }).click();
  await app.page.getByRole('heading', { name, level: 4 }).waitFor();
}

async function openAddEnterpriseForm(): Promise<Locator> {
  await app.goto('/enterprises');
  await app.page.getByRole('button', { name: '新增企业' }).click();
  const dialog = await openDialog(app.page, '新增企业');
  // Opened: the cursor is in 企业名称.
  await dialog.getByLabel('企业名称').and(app.page.locator(':focus')).waitFor();
  return dialog;
}

async function openEnterpriseFromList(name: string) {
  const { page } = app;
  await app.goto('/enterprises');
  await page.getByRole('textbox', { name: '搜索企业' }).fill(name.slice(2, 6));
  await page.getByRole('table', { name: '企业列表' }).getByRole('link', { name }).click();
  await page.getByRole('heading', { name, level: 4 }).waitFor();
}

/** Everything the loop stored, read back through the enterprise page and the visit form. */
async function expectEverythingStored() {
  const { page } = app;
  await openEnterpriseFromList(enterpriseName);
  const timeline = page.getByLabel('走访与问题时间线');
  await timeline.waitFor();
  // The timeline shows as soon as the visits are read; the problems come from a query of their own.
  await page.getByText('1 次走访，2 个问题').waitFor();
  expect(await page.getByText(creditCode, { exact: true }).isVisible()).toBe(true);
  for (const p of problems) {
    expect(await timeline.getByRole('link', { name: `问题（${p.category}）：${p.description}` }).isVisible()).toBe(true);
    expect(await timeline.getByText(`责任部门：${p.department}`).isVisible()).toBe(true);
  }

  // The timeline opens the visit read-only; 编辑走访 opens the form.
  await timeline.getByRole('link', { name: /^走访：调研走访/ }).click();
  await page.getByRole('button', { name: '编辑走访' }).click();
  await page.getByRole('heading', { name: /编辑走访/ }).waitFor();
  const form = page.getByRole('form', { name: '走访记录' });
  expect(await form.getByLabel('走访情况').inputValue()).toBe('了解二季度生产经营情况，企业反映用工和物流两项困难。');
  expect(await form.getByLabel('用工', { exact: true }).inputValue()).toBe('在岗1200人，缺工80人');
  const tile = form.getByRole('group', { name: '附件 车间现场.png' });
  const image = tile.getByRole('img', { name: '车间现场.png' });
  await image.waitFor();
  // The thumbnail decodes: the Blob read back from IndexedDB is the PNG we attached.
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(16);
  for (const p of problems) {
    expect(await form.getByRole('link', { name: `${p.category}：${p.description}` }).isVisible()).toBe(true);
  }
}

test('a wrong credit code is rejected with a message that says so, and nothing is saved', async () => {
  const { page } = app;
  const dialog = await openAddEnterpriseForm();
  const wrong = creditCode.slice(0, 17) + (creditCode.endsWith('0') ? '1' : '0');
  await dialog.getByLabel('企业名称').fill('苏州错码测试有限公司');
  await dialog.getByLabel('统一社会信用代码').fill(wrong);
  await pickOption(app.page, dialog, '所属区镇', '平望镇');
  await dialog.getByRole('button', { name: '保存企业' }).click();

  const error = dialog.getByText(/统一社会信用代码校验码错误/);
  await error.waitFor();
  expect(await error.textContent()).toContain(`第18位应为“${creditCode.at(-1)}”`);
  expect(await dialog.isVisible()).toBe(true);

  await dialog.getByRole('button', { name: '取消', exact: true }).click();
  // What was typed is only dropped once the officer says so.
  await answerConfirm(page, '放弃未保存的修改？', '放弃修改');
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('textbox', { name: '搜索企业' }).fill('错码测试');
  await page.getByText('没有找到匹配的企业').waitFor();
  expect(await app.countRows('enterprises')).toBe(0);
});

test('an enterprise, a visit with two problems and a photo survive a reload and closing the app', async () => {
  const { page } = app;

  // 1. Add the enterprise.
  await addEnterprise(enterpriseName, creditCode, '吴江高新区（盛泽镇）');

  // 2. Record a visit with two problems and a photo.
  await page.getByRole('button', { name: '记录走访' }).click();
  const form = page.getByRole('form', { name: '走访记录' });
  await form.waitFor();
  const officers = form.getByLabel('走访人员');
  await officers.click();
  await officers.pressSequentially('王敏');
  await officers.press('Enter');
  await form.getByLabel('接待人员').fill('行政部 李经理');
  await form.getByLabel('走访情况').fill('了解二季度生产经营情况，企业反映用工和物流两项困难。');
  await form.getByLabel('用工', { exact: true }).fill('在岗1200人，缺工80人');
  await form.getByLabel('订单', { exact: true }).fill('在手订单同比增长12%');
  await form.getByLabel('选择附件文件').setInputFiles({ name: '车间现场.png', mimeType: 'image/png', buffer: photo });
  await form.getByRole('group', { name: '附件 车间现场.png' }).waitFor();

  for (const [index, p] of problems.entries()) {
    await form.getByRole('button', { name: '添加问题' }).click();
    const section = form.getByRole('region', { name: `问题 ${index + 1}` });
    await pickOption(app.page, section, '问题类别', p.category);
    await pickOption(app.page, section, '责任部门', p.department);
    await section.getByLabel('问题描述').fill(p.description);
    await section.getByLabel('企业诉求').fill(p.request);
  }
  await form.getByRole('button', { name: '保存走访' }).click();
  await page.getByText('走访已保存，登记问题 2 个').waitFor();
  await page.getByRole('heading', { name: enterpriseName, level: 4 }).waitFor();

  // 3. Reload the page: everything is read back from IndexedDB.
  await app.reload();
  await expectEverythingStored();

  // 4. Close the app and open it again on the same profile.
  await app.restart('/');
  await expectEverythingStored();
  expect(app.pageErrors).toEqual([]);
});

test('a half-filled visit form is offered back as a draft after a reload', async () => {
  const { page } = app;
  await addEnterprise('吴江草稿测试纺织有限公司', makeCreditCode('91320509MA1D7R2F5'), '震泽镇');
  await page.getByRole('button', { name: '记录走访' }).click();
  const form = page.getByRole('form', { name: '走访记录' });
  await form.waitFor();
  const summary = '草稿：企业计划明年新增一条产线，需了解用地指标。';
  await form.getByLabel('走访情况').fill(summary);
  await form.getByLabel('新增投资', { exact: true }).fill('拟增资2000万美元');
  // The draft is written as the user types (debounced); wait until IndexedDB holds what was typed.
  await expect.poll(async () => JSON.stringify(await app.readRows('drafts'))).toContain('拟增资2000万美元');

  await app.reload();
  await page.getByText(/发现未保存的草稿/).waitFor();
  expect(await form.getByLabel('走访情况').inputValue()).toBe('');
  await page.getByRole('button', { name: '恢复草稿' }).click();
  await page.getByText('已恢复草稿').waitFor();
  expect(await form.getByLabel('走访情况').inputValue()).toBe(summary);
  expect(await form.getByLabel('新增投资', { exact: true }).inputValue()).toBe('拟增资2000万美元');
});
