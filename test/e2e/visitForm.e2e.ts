// The visit form and deletions in real Chromium (issue 9, "Nothing typed is lost or changed
// silently"): the whole form filled with the keyboard (the month's figures included), Tab never changing a multi-select; limits and
// a future date named at the field instead of cut or reset; leaving with unsaved typing asks first
// and keeps the draft; typing under the draft banner is kept; 丢弃草稿 asks when it holds photos; a
// visit opened read-only, deleted with its problems, and brought back from 回收站; deleting an
// enterprise with open problems says how many first.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Enterprise, OperationReport, Problem, Visit } from '../../shared/domain/records';
import { defaultVisitFigureMonth } from '../../shared/operations/visitFigures';
import { makePng, openApp, openDialog, settle, type App } from './harness';

let app: App;
let enterprises: Enterprise[] = [];
beforeAll(async () => {
  app = await openApp();
  await app.loadDemoData('small');
  enterprises = ((await app.readRows('enterprises')) as Enterprise[]).filter((e) => e.deletedAt === undefined);
});
afterAll(async () => {
  await app?.close();
});

/** The label of the focused field (its <label for>), or the focused element's own name. */
async function focusedField(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    if (el instanceof HTMLInputElement && el.type === 'radio') return `radio:${el.value}`;
    const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
    return (label?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? el.tagName).trim();
  });
}

/** The tags shown in a multi-select found by its form label. */
async function tagsOf(page: Page, label: string): Promise<string[]> {
  const item = page.locator('.ant-form-item').filter({ has: page.locator(`label:text-is("${label}")`) });
  return item.locator('.ant-select-selection-item').evaluateAll((els) => els.map((e) => (e.getAttribute('title') ?? e.textContent ?? '').trim()));
}

async function liveVisits(enterpriseId: string): Promise<Visit[]> {
  return ((await app.readRows('visits')) as Visit[]).filter((v) => v.enterpriseId === enterpriseId && v.deletedAt === undefined);
}

/** A calendar day in Asia/Shanghai, `days` from today. */
function shanghaiDay(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

test('the whole visit form is filled with the keyboard; Tab in a multi-select never adds or removes a value', async () => {
  const { page } = app;
  const enterprise = enterprises[0]!;
  await app.goto(`/visits/new/${enterprise.id}`);
  await page.getByRole('form', { name: '走访记录' }).waitFor();
  const keys = page.keyboard;

  // 走访日期 has the focus: type yesterday over today.
  expect(await focusedField(page)).toBe('走访日期');
  await keys.press('Control+A');
  await keys.type(shanghaiDay(-1));
  await keys.press('Tab');
  // 走访类型: Enter opens it, ArrowDown and Enter pick the second type.
  expect(await focusedField(page)).toBe('走访类型');
  await keys.press('Enter');
  await keys.press('ArrowDown');
  await keys.press('Enter');
  const secondType = await page.locator('.ant-form-item').filter({ has: page.locator('label:text-is("走访类型")') }).locator('.ant-select-content, .ant-select-selection-item').first().innerText();
  await keys.press('Tab');

  // 走访人员: two names, each confirmed with Enter; Tab leaves both and moves on.
  expect(await focusedField(page)).toBe('走访人员');
  await keys.type('王敏');
  await keys.press('Enter');
  await keys.type('李强');
  await keys.press('Enter');
  const officers = await tagsOf(page, '走访人员');
  expect(officers).toEqual(expect.arrayContaining(['王敏', '李强']));
  await keys.press('Tab');
  expect(await tagsOf(page, '走访人员')).toEqual(officers);
  expect(await focusedField(page)).toBe('接待人员');

  await keys.type('总经理 陈先生');
  await keys.press('Tab');
  expect(await focusedField(page)).toBe('走访情况');
  await keys.type('全程用键盘填写的走访情况。');
  // 经营数据所属月份: the month chosen by default (yesterday's, or the one before while it is not over); then the figures.
  await keys.press('Tab');
  expect(await focusedField(page)).toBe(`radio:${defaultVisitFigureMonth(shanghaiDay(-1), shanghaiDay(0).slice(0, 7))}`);
  for (const label of ['本月产值（万元）', '本年累计产值（万元）', '用工人数（人）', '缺工人数（人）', '在手订单（个月）', '本年新增投资（万元）', '本月出口额（万元）']) {
    await keys.press('Tab');
    expect(await focusedField(page)).toBe(label);
    if (label === '用工人数（人）') await keys.type('300');
  }
  for (const [label, text] of [
    ['用工', '在岗 300 人'],
    ['订单', '排产到明年二月'],
    ['产业链配套', '本地配套率六成'],
    ['产值', '同比增长 8%'],
    ['新增投资', '拟增资 500 万美元'],
  ] as const) {
    await keys.press('Tab');
    expect(await focusedField(page)).toBe(label);
    await keys.type(text);
  }

  // 宣讲的政策措施: search, Enter picks the first match; Tab keeps it and moves on.
  await keys.press('Tab');
  expect(await focusedField(page)).toBe('宣讲的政策措施');
  await keys.type('信用体系');
  // Enter picks the active option once the list has stopped sliding open.
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option-active').first().waitFor();
  await settle(page);
  await keys.press('Enter');
  await settle(page); // the list slides shut before Tab moves on
  const policies = await tagsOf(page, '宣讲的政策措施');
  expect(policies).toHaveLength(1);
  await keys.press('Tab');
  expect(await tagsOf(page, '宣讲的政策措施')).toEqual(policies);
  expect(await focusedField(page)).toBe('添加照片或文件');

  // 添加问题 with Enter puts the focus in the new problem; its fields follow with Tab.
  await keys.press('Tab');
  expect(await focusedField(page)).toBe('添加问题');
  await keys.press('Enter');
  await expect.poll(() => focusedField(page)).toBe('问题类别');
  await keys.type('用工');
  // Enter picks the active option once the list has stopped sliding open.
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option-active').first().waitFor();
  await settle(page);
  await keys.press('Enter');
  await settle(page); // the list slides shut before Tab moves on
  await keys.press('Tab');
  expect(await focusedField(page)).toBe('radio:本部门办理');
  await keys.press('Tab');
  expect(await focusedField(page)).toBe('责任部门');
  await keys.type('区商务局');
  // Enter picks the active option once the list has stopped sliding open.
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option-active').first().waitFor();
  await settle(page);
  await keys.press('Enter');
  await settle(page); // the list slides shut before Tab moves on
  await keys.press('Tab');
  expect(await focusedField(page)).toBe('问题描述');
  await keys.type('键盘登记的问题：缺少熟练焊工');
  await keys.press('Tab');
  expect(await focusedField(page)).toBe('企业诉求');
  await keys.type('对接技工学校');

  // Ctrl+S saves; the saved visit holds everything typed.
  await keys.press('Control+S');
  await page.getByText('走访已保存，登记问题 1 个').waitFor();
  const visit = (await liveVisits(enterprise.id)).find((v) => v.summary === '全程用键盘填写的走访情况。');
  expect(visit).toMatchObject({
    date: shanghaiDay(-1),
    type: secondType,
    peopleMet: '总经理 陈先生',
    operations: { employment: '在岗 300 人', orders: '排产到明年二月', supplyChain: '本地配套率六成', outputValue: '同比增长 8%', newInvestment: '拟增资 500 万美元' },
  });
  expect(visit?.officers).toEqual(officers);
  expect(visit?.policyIds).toHaveLength(1);
  const problem = ((await app.readRows('problems')) as Problem[]).find((p) => p.visitId === visit?.id);
  expect(problem).toMatchObject({ category: '用工', department: '区商务局', description: '键盘登记的问题：缺少熟练焊工', request: '对接技工学校' });
  // The figure typed is the month's 经营数据, saved with the visit.
  const report = ((await app.readRows('operationReports')) as OperationReport[]).find((r) => r.enterpriseId === enterprise.id);
  expect(report).toMatchObject({ month: defaultVisitFigureMonth(shanghaiDay(-1), shanghaiDay(0).slice(0, 7)), employees: 300 });
  expect(app.pageErrors).toEqual([]);
});

/** The visit form, once it shows. */
async function openVisitForm(enterprise: Enterprise) {
  await app.goto(`/visits/new/${enterprise.id}`);
  const form = app.page.getByRole('form', { name: '走访记录' });
  await form.waitFor();
  return form;
}

/** Leaves the form through the menu, answering 离开 to the question that unsaved typing brings. */
async function leaveFormTo(menuItem: string) {
  const { page } = app;
  await page.getByRole('menuitem', { name: menuItem }).click();
  const ask = await openDialog(page, '离开走访表单？');
  await ask.getByRole('button', { name: '离开', exact: true }).click();
  await ask.waitFor({ state: 'hidden' });
}

const draftsText = async () => JSON.stringify(await app.readRows('drafts'));

test('a text over its limit and a future visit date are named at their fields, never cut or reset', async () => {
  const { page } = app;
  const enterprise = enterprises[1]!;
  const form = await openVisitForm(enterprise);

  // Pasted text over the limit stays whole, with the message at the field.
  const peopleMet = form.getByLabel('接待人员');
  await peopleMet.fill('陈'.repeat(501));
  expect((await peopleMet.inputValue()).length).toBe(501);
  await form.getByText('接待人员最多 500 字，现有 501 字，请删减 1 字').waitFor();

  // A typed date after today stays typed, with the message at the date.
  const date = form.getByLabel('走访日期');
  await date.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(shanghaiDay(1));
  await page.keyboard.press('Tab');
  await form.getByText(`走访日期不能晚于今天（${shanghaiDay(0)}）`, { exact: false }).waitFor();
  expect(await date.inputValue()).toBe(shanghaiDay(1));

  // The save is refused as a whole.
  await form.getByLabel('走访情况').fill('超长与未来日期');
  await page.keyboard.press('Control+S');
  await page.getByText('请先补全标红的项目').waitFor();
  expect((await liveVisits(enterprise.id)).some((v) => v.summary === '超长与未来日期')).toBe(false);
  await leaveFormTo('首页');
});

test('leaving the visit form with unsaved typing asks first, and the draft stays either way', async () => {
  const { page } = app;
  const enterprise = enterprises[2]!;
  const form = await openVisitForm(enterprise);
  await form.getByLabel('走访情况').fill('离开前未保存的走访情况');

  // Another page: asked; 留在此页 keeps the form as it was.
  await page.getByRole('menuitem', { name: '问题诉求' }).click();
  const ask = await openDialog(page, '离开走访表单？');
  expect(await ask.innerText()).toContain('已自动存为草稿');
  await ask.getByRole('button', { name: '留在此页' }).click();
  await ask.waitFor({ state: 'hidden' });
  expect(page.url()).toContain(`#/visits/new/${enterprise.id}`);
  expect(await form.getByLabel('走访情况').inputValue()).toBe('离开前未保存的走访情况');

  // A reload: the browser asks (beforeunload); leaving keeps the draft, offered back.
  let asked = '';
  page.once('dialog', (dialog) => {
    asked = dialog.type();
    void dialog.accept();
  });
  await app.reload();
  expect(asked).toBe('beforeunload');
  await page.getByText(/发现未保存的草稿/).waitFor();
  await page.getByRole('button', { name: '恢复草稿' }).click();
  expect(await form.getByLabel('走访情况').inputValue()).toBe('离开前未保存的走访情况');

  // 离开 goes; the draft is still there.
  await leaveFormTo('问题诉求');
  await page.waitForURL(/#\/problems/);
  expect(await draftsText()).toContain('离开前未保存的走访情况');
});

test('typing under the draft banner is kept, and 丢弃草稿 asks when the draft holds a photo', async () => {
  const { page } = app;
  const enterprise = enterprises[3]!;
  const form = await openVisitForm(enterprise);
  await form.getByLabel('选择附件文件').setInputFiles({ name: '车间照片.png', mimeType: 'image/png', buffer: makePng() });
  await form.getByRole('group', { name: '附件 车间照片.png' }).waitFor();
  await form.getByLabel('走访情况').fill('带照片的草稿');
  await expect.poll(draftsText, { timeout: 10_000 }).toContain('带照片的草稿');

  page.once('dialog', (dialog) => void dialog.accept());
  await app.reload();
  await page.getByText(/发现未保存的草稿/).waitFor();

  // Typed before choosing 恢复 or 丢弃: kept, and the offered draft with its photo too.
  await form.getByLabel('新增投资', { exact: true }).fill('横幅出现后填写');
  await expect.poll(draftsText, { timeout: 10_000 }).toContain('横幅出现后填写');
  expect(await draftsText()).toContain('车间照片.png');
  expect(await draftsText()).toContain('带照片的草稿');

  // 丢弃草稿 asks, naming the photo; 保留草稿 keeps the draft on offer, and it comes back whole.
  await page.getByRole('button', { name: '丢弃草稿' }).click();
  const ask = await openDialog(page, '丢弃草稿？');
  expect(await ask.innerText()).toContain('车间照片.png');
  await ask.getByRole('button', { name: '保留草稿' }).click();
  await ask.waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: '恢复草稿' }).click();
  await form.getByRole('group', { name: '附件 车间照片.png' }).waitFor();
  expect(await form.getByLabel('走访情况').inputValue()).toBe('带照片的草稿');
  await leaveFormTo('首页');
});

test('a visit opens read-only from the timeline, is deleted with its problems, and comes back from 回收站', async () => {
  const { page } = app;
  const problems = ((await app.readRows('problems')) as Problem[]).filter((p) => p.deletedAt === undefined && p.visitId);
  const visits = (await app.readRows('visits')) as Visit[];
  const visit = visits.find((v) => v.deletedAt === undefined && problems.some((p) => p.visitId === v.id))!;
  const raised = problems.filter((p) => p.visitId === visit.id);

  await app.goto(`/enterprises/${visit.enterpriseId}`);
  await page.locator(`a[href="#/visits/${visit.id}"]`).click();
  await page.getByRole('heading', { name: /^走访记录：/ }).waitFor();
  expect(await page.getByRole('textbox').count()).toBe(0);
  expect(await page.getByText(raised[0]!.description).first().isVisible()).toBe(true);

  // The confirm lists the visit's problems and asks what becomes of them.
  await page.getByRole('button', { name: '删除走访' }).click();
  const ask = await openDialog(page, `删除 ${visit.date} 的走访？`);
  expect(await ask.getByRole('list', { name: '本次走访登记的问题' }).getByRole('listitem').count()).toBe(raised.length);
  await ask.getByRole('radio', { name: '连同这些问题一起删除' }).check();
  await ask.getByRole('button', { name: '删除走访' }).click();
  await page.getByText(`走访已删除，随之删除问题 ${raised.length} 个`, { exact: false }).waitFor();
  const storedVisit = ((await app.readRows('visits')) as Visit[]).find((v) => v.id === visit.id);
  expect(storedVisit?.deletedAt).toBeDefined();
  const storedProblems = ((await app.readRows('problems')) as Problem[]).filter((p) => p.visitId === visit.id);
  expect(storedProblems.every((p) => p.deletedAt !== undefined)).toBe(true);

  // 回收站 lists it with who and when; 恢复 brings back the visit and its problems.
  await page.getByRole('menuitem', { name: '回收站' }).click();
  const table = page.getByRole('table', { name: '已删除的记录' });
  const row = table.getByRole('row').filter({ hasText: `${visit.date} ${visit.type}` });
  await row.waitFor();
  await row.getByRole('button', { name: /^恢复走访/ }).click();
  await page.getByText(`走访已恢复，随之删除的 ${raised.length} 个问题也已恢复`).waitFor();
  expect(((await app.readRows('visits')) as Visit[]).find((v) => v.id === visit.id)?.deletedAt).toBeUndefined();
  const back = ((await app.readRows('problems')) as Problem[]).filter((p) => p.visitId === visit.id);
  expect(back.filter((p) => p.deletedAt === undefined)).toHaveLength(raised.length);
});

test('deleting an enterprise with open problems says how many first', async () => {
  const { page } = app;
  const open = ((await app.readRows('problems')) as Problem[]).filter(
    (p) => p.deletedAt === undefined && ['待处理', '已转办', '已升级'].includes(p.status),
  );
  const enterprise = enterprises.find((e) => open.some((p) => p.enterpriseId === e.id))!;
  const count = open.filter((p) => p.enterpriseId === enterprise.id).length;

  await app.goto(`/enterprises/${enterprise.id}`);
  await page.getByRole('button', { name: '删除企业' }).click();
  const ask = await openDialog(page, `删除企业“${enterprise.name}”？`);
  expect(await ask.innerText()).toContain(`该企业还有 ${count} 个未办结的问题`);
  await ask.getByRole('button', { name: '取消', exact: true }).click();
  await ask.waitFor({ state: 'hidden' });
  expect(((await app.readRows('enterprises')) as Enterprise[]).find((e) => e.id === enterprise.id)?.deletedAt).toBeUndefined();
  expect(app.pageErrors).toEqual([]);
});
