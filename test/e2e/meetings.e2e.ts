// 督办会 in real Chromium (issue 16): two enterprises' problems escalated to the 督办会; a 督办会 created
// on Monday 2026-09-28 proposes both on its agenda; a decision recorded on each with the keyboard (5
// working days runs over the National Day holiday to the make-up Saturday 2026-10-10; 3 working days
// with 挂牌整改 to 2026-10-08); the 交办单 (one sheet per department) and the minutes exported and read
// back with openpyxl; then the page clock moved to 2026-10-14: the 区住建局 item, five working days
// late, is red, the 区人社局 item, three working days late, is yellow — on 会议督办, on the home page and
// in the problem list. The decided meeting cannot be deleted; one created by a slip is, and comes back
// from 回收站.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeCreditCode } from '../../shared/creditCode';
import { openpyxlRead, type OpenpyxlSheet } from '../electron/ledgerExport/independentReaders';
import { answerConfirm, fillDate, openApp, openDialog, pickOption, settle, type App } from './harness';

let app: App;
beforeAll(async () => {
  // Monday 28 September 2026, 10:00 in Shanghai: the meeting day.
  app = await openApp({ route: '/', fixedTime: '2026-09-28T02:00:00Z' });
});
afterAll(async () => {
  await app?.close();
});

const enterprises = [
  { name: '苏州督办精密机械有限公司', serial: '91320509MA1XK7N07', problem: '招工难，缺少熟练焊工' },
  { name: '吴江督办新材料有限公司', serial: '91320509MA1XK7N15', problem: '厂房消防验收迟迟未办' },
];

async function addEnterpriseWithEscalatedProblem(page: Page, e: (typeof enterprises)[number]): Promise<void> {
  await app.goto('/enterprises');
  await page.getByRole('button', { name: '新增企业' }).click();
  const form = await openDialog(page, '新增企业');
  await form.getByLabel('企业名称').fill(e.name);
  await form.getByLabel('统一社会信用代码').fill(makeCreditCode(e.serial));
  await pickOption(page, form, '所属区镇', '吴江开发区');
  await form.getByRole('button', { name: '保存企业' }).click();
  await form.waitFor({ state: 'hidden' });

  await app.goto('/problems');
  await page.getByRole('button', { name: '登记问题' }).click();
  const raise = await openDialog(page, '登记问题');
  await pickOption(page, raise, '企业', `${e.name}（吴江开发区）`, e.name.slice(0, 4));
  await fillDate(raise, '提出日期', '2026-09-21');
  await pickOption(page, raise, '问题类别', '用工');
  await raise.getByLabel('问题描述').fill(e.problem);
  await raise.getByRole('button', { name: /登\s*记/ }).click();
  await page.getByRole('heading', { name: '问题详情' }).waitFor();

  // 升级协调 to the 督办会 (the default), today.
  await page.getByRole('button', { name: '升级协调', exact: true }).click();
  const escalate = await openDialog(page, '升级协调');
  await escalate.getByRole('button', { name: /保\s*存/ }).click();
  await escalate.waitFor({ state: 'hidden' });
  await expect.poll(() => page.getByText('已升级').first().isVisible()).toBe(true);
}

/** The agenda row of an enterprise. */
function agendaRow(page: Page, enterprise: string): Locator {
  return page.getByRole('table', { name: '议程' }).getByRole('row').filter({ hasText: enterprise });
}

async function decide(page: Page, enterprise: string, decision: { department: string; task: string; days: string; owner?: string; deadline: string }) {
  // The keyboard: focus 记录决定, Enter opens the dialog with the cursor in 责任部门.
  await agendaRow(page, enterprise).getByRole('button', { name: '记录决定' }).focus();
  await page.keyboard.press('Enter');
  const dialog = await openDialog(page, '记录会议决定');
  await pickOption(page, dialog, '责任部门', decision.department, decision.department.slice(1, 3));
  const days = dialog.getByLabel('办理时限（工作日）');
  await days.fill(decision.days);
  await expect.poll(() => dialog.getByText(/^办理期限：/).innerText()).toBe(`办理期限：${decision.deadline}`);
  if (decision.owner) {
    await dialog.getByLabel('挂牌整改').check();
    await dialog.getByLabel('整改责任人').fill(decision.owner);
  }
  const task = dialog.getByLabel('交办事项');
  await task.fill(decision.task);
  await task.press('Enter');
  await dialog.waitFor({ state: 'hidden' });
  await expect.poll(() => agendaRow(page, enterprise).innerText()).toContain(`期限 ${decision.deadline}`);
}

const cells = (sheet: OpenpyxlSheet) => sheet.rows.map((row) => row.map(([value]) => value));

test('a 督办会 decides two escalated problems; the 交办单 and the minutes are read back; a passed deadline turns red', async () => {
  const page = app.page;
  for (const e of enterprises) await addEnterpriseWithEscalatedProblem(page, e);

  // 新建会议: the agenda is proposed from the two problems escalated to the 督办会.
  await app.goto('/meetings');
  await page.getByRole('button', { name: '新建会议' }).click();
  const create = await openDialog(page, '新建会议');
  await create.getByLabel('会议名称').fill('9月份外资企业问题督办会');
  await create.getByLabel('主持人').fill('王局长');
  await create.getByLabel('参会人员').fill('李科长、赵主任');
  await create.getByRole('button', { name: '新建并拟定议程' }).click();
  await create.waitFor({ state: 'hidden' });
  await page.getByRole('heading', { name: '9月份外资企业问题督办会' }).waitFor();
  await expect.poll(() => page.getByRole('table', { name: '议程' }).getByRole('row').count()).toBe(3); // header + 2
  for (const e of enterprises) await agendaRow(page, e.name).waitFor();
  // Both wait for the same meeting since the same day: put the first enterprise's item first (上移).
  const firstRow = () => page.getByRole('table', { name: '议程' }).getByRole('row').nth(1).innerText();
  if (!(await firstRow()).includes(enterprises[0]!.name)) await agendaRow(page, enterprises[0]!.name).getByRole('button', { name: '上移' }).click();
  await expect.poll(firstRow).toContain(enterprises[0]!.name);

  // A decision refused at its field stores nothing: no task.
  await agendaRow(page, enterprises[0]!.name).getByRole('button', { name: '记录决定' }).click();
  const refused = await openDialog(page, '记录会议决定');
  await refused.getByRole('button', { name: '保存决定' }).click();
  await refused.getByText('请填写交办事项').waitFor();
  await refused.getByRole('button', { name: /^取\s*消$/ }).click();
  await refused.waitFor({ state: 'hidden' });

  await decide(page, enterprises[0]!.name, { department: '区人社局', task: '对接劳务基地，组织专场招聘', days: '5', deadline: '2026-10-10' });
  await decide(page, enterprises[1]!.name, { department: '区住建局', task: '会同消防部门现场指导验收', days: '3', owner: '周科长', deadline: '2026-10-08' });
  const problems = (await app.readRows('problems')) as { meetingDecision?: { deadline: string }; decisionDeadline?: string; history: { comment: string }[] }[];
  expect(problems.map((p) => p.meetingDecision?.deadline).sort()).toEqual(['2026-10-08', '2026-10-10']);
  expect(problems.map((p) => p.decisionDeadline).sort()).toEqual(['2026-10-08', '2026-10-10']);
  expect(problems.some((p) => p.history.at(-1)!.comment.includes('挂牌整改，责任人周科长'))).toBe(true);

  // The chair can still be corrected; the date, which the deadlines count from, no longer.
  await page.getByRole('button', { name: '编辑会议信息' }).click();
  const head = await openDialog(page, '编辑会议信息');
  expect(await head.getByLabel('会议日期', { exact: true }).isDisabled()).toBe(true);
  await head.getByLabel('主持人').fill('王副局长');
  await head.getByRole('button', { name: /^保\s*存$/ }).click();
  await head.waitFor({ state: 'hidden' });
  await expect.poll(() => page.getByText('王副局长', { exact: true }).count()).toBe(1);
  // Decided: the meeting stands for its decisions and cannot be deleted.
  expect(await page.getByRole('button', { name: '删除会议' }).isDisabled()).toBe(true);

  // 交办单: one A4 sheet per department, read back with openpyxl.
  const assignments = await app.download(() => page.getByRole('button', { name: '导出交办单' }).click());
  expect(assignments.suggestedFilename).toBe('9月份外资企业问题督办会-交办单.xlsx');
  const sheets = await openpyxlRead(assignments.path);
  expect(sheets.map((s) => s.title)).toEqual(['交办单-区人社局', '交办单-区住建局']);
  for (const s of sheets) expect([s.orientation, s.paper_size, s.fit_to_width]).toEqual(['landscape', 9, 1]);
  const hr = cells(sheets[0]!);
  expect(hr[0]![0]).toBe('9月份外资企业问题督办会交办单');
  expect(hr[1]![0]).toBe('承办部门：区人社局');
  expect(hr[3]).toEqual(['序号', '企业名称', '问题诉求', '交办事项', '办理期限', '挂牌整改责任人']);
  expect(hr[4]).toEqual([1, enterprises[0]!.name, enterprises[0]!.problem, '对接劳务基地，组织专场招聘', '2026-10-10', null]);
  expect(hr.some((r) => String(r[0]).startsWith('承办部门签收人'))).toBe(true);
  expect(cells(sheets[1]!)[4]).toEqual([1, enterprises[1]!.name, enterprises[1]!.problem, '会同消防部门现场指导验收', '2026-10-08', '周科长']);

  // 会议纪要: every item with its decision.
  const minutes = await app.download(() => page.getByRole('button', { name: '导出会议纪要' }).click());
  const [minutesSheet] = await openpyxlRead(minutes.path);
  expect(minutesSheet!.title).toBe('会议纪要');
  const m = cells(minutesSheet!);
  expect(m[0]![0]).toBe('9月份外资企业问题督办会会议纪要');
  expect(m[2]![0]).toBe('参会人员：李科长、赵主任');
  const header = m.findIndex((r) => r[0] === '序号');
  expect(m.slice(header + 1, header + 3)).toEqual([
    [1, enterprises[0]!.name, enterprises[0]!.problem, '对接劳务基地，组织专场招聘', '区人社局', '2026-10-10', '否'],
    [2, enterprises[1]!.name, enterprises[1]!.problem, '会同消防部门现场指导验收', '区住建局', '2026-10-08', '是（周科长）'],
  ]);

  // On the meeting day both items are green.
  await app.goto('/meetings');
  const lights = page.getByRole('table', { name: '未办结的会议交办事项' });
  await expect.poll(() => lights.locator('[data-light="green"]').count()).toBe(2);

  // Wednesday 2026-10-14: 区住建局's 10-08 is five working days past (10-09, 10-10, 10-12, 10-13, 10-14): red;
  // 区人社局's 10-10 three (10-12, 10-13, 10-14) = N: yellow.
  await app.context.clock.setFixedTime(new Date('2026-10-14T02:00:00Z'));
  await app.reload();
  await expect.poll(() => lights.getByRole('row').filter({ hasText: '区住建局' }).locator('[data-light]').getAttribute('data-light')).toBe('red');
  await expect.poll(() => lights.getByRole('row').filter({ hasText: '区人社局' }).locator('[data-light]').getAttribute('data-light')).toBe('yellow');

  await app.goto('/');
  const home = page.getByRole('region', { name: '亮灯督办' }).or(page.locator('[aria-label="亮灯督办"]')).first();
  await expect.poll(() => home.innerText()).toContain(`${enterprises[1]!.name}：区住建局，期限 2026-10-08`);

  await app.goto('/problems');
  const listRow = page.getByRole('row').filter({ hasText: enterprises[1]!.problem });
  await expect.poll(() => listRow.locator('[data-light]').getAttribute('data-light')).toBe('red');

  // A meeting created by a slip is deleted, and 回收站 brings it back.
  await app.goto('/meetings');
  await page.getByRole('button', { name: '新建会议' }).click();
  const slip = await openDialog(page, '新建会议');
  await slip.getByLabel('会议名称').fill('误建的会议');
  // Esc with a name typed asks first; 继续编辑 keeps it.
  await page.keyboard.press('Escape');
  await answerConfirm(page, '放弃未保存的修改？', '继续编辑');
  expect(await slip.getByLabel('会议名称').inputValue()).toBe('误建的会议');
  await slip.getByRole('button', { name: '新建并拟定议程' }).click();
  await slip.waitFor({ state: 'hidden' });
  await page.getByRole('heading', { name: '误建的会议' }).waitFor();
  await page.getByRole('button', { name: '删除会议' }).click();
  const confirm = await openDialog(page, '删除会议“误建的会议”？');
  await confirm.getByRole('button', { name: '删除会议' }).click();
  await page.getByText('会议已删除（30 天内可在回收站恢复）').waitFor();
  const meetingList = page.getByRole('table', { name: '会议列表' });
  await meetingList.getByRole('link', { name: '9月份外资企业问题督办会' }).waitFor();
  expect(await meetingList.getByRole('link', { name: '误建的会议' }).count()).toBe(0);
  await app.goto('/recycle-bin');
  await page.getByRole('table', { name: '已删除的记录' }).getByRole('button', { name: '恢复会议 误建的会议' }).click();
  await page.getByText('会议已恢复').waitFor();
  await app.goto('/meetings');
  await meetingList.getByRole('link', { name: '误建的会议' }).waitFor();

  await settle(page);
  expect(app.pageErrors).toEqual([]);
});
