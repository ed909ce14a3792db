// 集体活动 in real Chromium: a 政策宣讲 recorded for three enterprises of the demo ledger from a
// sign-in sheet made here with ExcelJS (one enterprise by its credit code with two people, one by its
// name only, one by code; a company not on the roster listed, not added; the 填表人 line skipped); the
// activity saved and opened; a problem raised at it by one enterprise, with the deadline of any
// problem; the activity on each enterprise's timeline; then the service-month report exported and its
// 汇总 and 集体活动 sheets read back with openpyxl: the three enterprises covered by the activity, the
// measure presented reaching them.
import ExcelJS from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Activity } from '../../shared/domain/activityRecords';
import type { Enterprise, Problem } from '../../shared/domain/records';
import { openpyxlRead } from '../electron/ledgerExport/independentReaders';
import { openApp, openDialog, pickOption, settle, typeIntoPicker, type App } from './harness';

let app: App;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'activities-e2e-'));
  // Friday 2026-11-20: the activity was on Wednesday the 18th.
  app = await openApp({ route: '/', fixedTime: '2026-11-20T02:00:00Z' });
});
afterAll(async () => {
  await app?.close();
  await rm(dir, { recursive: true, force: true });
});

async function signInSheet(rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('签到表');
  ws.addRow(['2026年11月“开放再出发”政策集中宣讲会签到表']);
  ws.mergeCells('A1:E1');
  ws.addRow(['序号', '单位名称', '统一社会信用代码', '参会人员', '职务']);
  for (const row of rows) ws.addRow(row);
  ws.addRow(['填表人：王敏']);
  const file = path.join(dir, '签到表.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

test('an activity for three enterprises from an imported sign-in sheet: covered, on their pages, in the report', async () => {
  await app.loadDemoData('small');
  const page = app.page;
  const live = ((await app.readRows('enterprises')) as Enterprise[]).filter((e) => e.deletedAt === undefined);
  const [a, b, c] = live;
  const file = await signInSheet([
    [1, a!.name, a!.creditCode, '张伟', '总经理'],
    [2, b!.name, '', '李娜', '人事经理'],
    [3, c!.name, c!.creditCode, '王芳', ''],
    [4, a!.name, a!.creditCode, '刘洋', '财务'],
    [5, '苏州不存在科技有限公司', '', '赵磊', ''],
  ]);

  await page.getByRole('menuitem', { name: '集体活动' }).click();
  await page.getByRole('heading', { name: '集体活动' }).waitFor();
  await page.getByText('还没有登记活动').waitFor();
  await page.getByRole('button', { name: '登记活动' }).click();
  await page.getByRole('heading', { name: '登记活动' }).waitFor();
  const form = page.locator('form#activity');
  await form.getByLabel('活动主题', { exact: true }).fill('开放再出发政策集中宣讲会');
  await form.getByLabel('活动地点', { exact: true }).fill('区行政服务中心三楼会议室');
  const date = form.getByLabel('活动日期', { exact: true });
  await typeIntoPicker(page, date, '2026-11-18');
  await pickOption(page, form, '宣讲的政策措施', '01 做好产业规划，激发一体化活力', '01');
  await page.keyboard.press('Escape');

  // Saving with no enterprise is refused at the list.
  await page.getByRole('button', { name: '保存活动' }).click();
  await page.getByText('请至少选择一家参加活动的企业').waitFor();
  expect(await app.countRows('activities')).toBe(0);

  // Odd files are refused with a Chinese message naming the file, and the list stays empty.
  const fileInput = page.locator('input[type=file]');
  await fileInput.setInputFiles({ name: '签到表.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('这不是表格') });
  await page.getByText('文件「签到表.xlsx」已损坏或不是有效的 Excel 工作簿').waitFor();
  await fileInput.setInputFiles({ name: '名单.csv', mimeType: 'text/csv', buffer: Buffer.from('姓名,职务\n张伟,总经理\n', 'utf8') });
  await page.getByText('文件「名单.csv」前 10 行中没有找到表头').waitFor();
  await page.getByText('还没有参加企业：从上方搜索添加，或导入签到表').waitFor();

  await fileInput.setInputFiles(file);
  const preview = await openDialog(page, '签到表预览：签到表.xlsx');
  await preview.getByText('表头在第 2 行').waitFor();
  const matched = preview.getByRole('table', { name: '识别到的企业' });
  expect(await matched.getByRole('row').count()).toBe(4); // header + 3
  await matched.getByRole('row').filter({ hasText: a!.name }).getByText('张伟（总经理）、刘洋（财务）').waitFor();
  await matched.getByRole('row').filter({ hasText: b!.name }).getByText('企业名称').waitFor();
  const unknown = preview.getByRole('list', { name: '不在名录中的企业' });
  expect(await unknown.innerText()).toContain('第 7 行「苏州不存在科技有限公司」：名录中没有该企业');
  await preview.getByText('1 行表尾（合计、填表人等）已跳过').waitFor();
  await preview.getByRole('button', { name: '加入 3 家企业' }).click();
  await preview.waitFor({ state: 'hidden' });
  expect(await app.countRows('activities')).toBe(0); // nothing stored until saved

  // What is typed (the imported enterprises too) is kept as a draft: a reload offers it back.
  await expect.poll(async () => JSON.stringify(await app.readRows('drafts'))).toContain('刘洋（财务）');
  await app.reload();
  await page.getByText(/有一份未保存的活动草稿/).waitFor();
  await page.getByRole('button', { name: '恢复草稿' }).click();
  await page.getByText('已恢复草稿').waitFor();
  expect(await form.getByLabel('活动主题', { exact: true }).inputValue()).toBe('开放再出发政策集中宣讲会');

  const attendees = page.getByRole('table', { name: '参加企业' });
  expect(await attendees.getByLabel(`${b!.name} 参加人员`).inputValue()).toBe('李娜（人事经理）');
  await attendees.getByLabel(`${c!.name} 参加人员`).fill('王芳（财务总监）');
  await page.getByRole('button', { name: '保存活动' }).click();

  // The activity's page: who came, and 登记问题 for one of them.
  await page.getByRole('heading', { name: /开放再出发政策集中宣讲会/ }).waitFor();
  await page.getByText('参加企业（3 家）').waitFor();
  expect(await app.countRows('drafts')).toBe(0); // the saved form's draft is gone
  const [stored] = (await app.readRows('activities')) as Activity[];
  expect(stored!.attendeeEnterpriseIds).toEqual([a!.id, b!.id, c!.id]);
  expect(stored!.attendeePeople[c!.id]).toBe('王芳（财务总监）');
  expect(stored!.policyIds).toEqual(['policy-01']);

  await page.getByRole('button', { name: `为 ${b!.name} 登记问题` }).click();
  const raise = await openDialog(page, '登记问题');
  expect(await raise.getByLabel('提出日期', { exact: true }).inputValue()).toBe('2026-11-18');
  await pickOption(page, raise, '问题类别', '用工', '用工');
  await raise.getByLabel('问题描述', { exact: true }).fill('普工招聘难，希望组织专场招聘');
  await raise.getByRole('button', { name: '登 记' }).or(raise.getByRole('button', { name: '登记' })).click();
  await raise.waitFor({ state: 'hidden' });
  const raised = page.getByRole('region', { name: '活动中提出的问题' });
  await raised.getByText(`${b!.name}：用工——普工招聘难，希望组织专场招聘`).waitFor();
  const problem = ((await app.readRows('problems')) as Problem[]).find((p) => p.activityId === stored!.id)!;
  // Wednesday 2026-11-18, handled in-house: three working days → Monday 2026-11-23, as any problem.
  expect([problem.enterpriseId, problem.raisedDate, problem.replyDeadline]).toEqual([b!.id, '2026-11-18', '2026-11-23']);
  // The problem's page names the activity as its source and leads back to it.
  await raised.getByRole('link').first().click();
  await page.getByRole('link', { name: '政策宣讲（2026-11-18）：开放再出发政策集中宣讲会' }).click();
  await page.getByText('参加企业（3 家）').waitFor();

  // On each enterprise's timeline.
  await page.getByRole('link', { name: c!.name }).click();
  await page.getByRole('heading', { name: c!.name }).first().waitFor();
  await page.getByLabel('走访与问题时间线').getByRole('link', { name: '集体活动：政策宣讲「开放再出发政策集中宣讲会」' }).waitFor();
  await page.getByText('参加：王芳（财务总监）；共 3 家企业参加').waitFor();
  await page.getByText(/个问题，参加集体活动 1 次）$/).waitFor();

  // The list shows it for November.
  await app.goto('/activities');
  await page.getByRole('table', { name: '活动列表' }).getByText('开放再出发政策集中宣讲会').waitFor();

  // The service-month report of November: 汇总 and 集体活动, read back with openpyxl.
  await app.goto('/reports');
  await page.getByText('主要数据').waitFor();
  const report = await app.download(() => page.getByRole('button', { name: '导出 Excel' }).click());
  const sheets = await openpyxlRead(report.path);
  expect(sheets.map((s) => s.title)).toEqual(['汇总', '走访台账', '问题清单', '重点项目进展', '经营监测', '集体活动']);
  const values = (title: string) => sheets.find((s) => s.title === title)!.rows.map((r) => r.map(([v]) => v));
  const row = (title: string, label: string) => values(title).find((r) => r[0] === label)!;

  const activity = values('集体活动');
  expect(row('集体活动', '活动覆盖').slice(0, 3)).toEqual(['活动覆盖', 3, live.length]);
  expect(row('集体活动', '政策宣讲').slice(0, 4)).toEqual(['政策宣讲', 1, 3, 3]);
  const reach = row('集体活动', '01 做好产业规划，激发一体化活力');
  expect(reach[2]).toBe(1); // one activity presented it
  expect(reach[4]).toBe(3); // to three enterprises
  expect(Number(reach[5])).toBeGreaterThanOrEqual(3); // with those a visit reached
  expect(activity.filter((r) => /^\d\d /.test(String(r[0])))).toHaveLength(30); // every measure listed
  const listed = activity.find((r) => String(r[0]).startsWith('2026-11-18'))!;
  expect(listed[1]).toBe('政策宣讲');
  expect(listed[2]).toBe(3);
  expect(String(listed[7])).toContain(`参加企业：${a!.name}、${b!.name}、${c!.name}`);

  expect(row('汇总', '集体活动（场）').slice(0, 2)).toEqual(['集体活动（场）', 1]);
  expect(row('汇总', '活动覆盖（家）').slice(0, 3)).toEqual(['活动覆盖（家）', 3, live.length]);
  const reachedRow = row('汇总', '走访或活动覆盖（家）');
  const visitedRow = row('汇总', '走访覆盖（家）');
  // Either covers at least what visits covered, at most three more.
  expect(Number(reachedRow[1])).toBeGreaterThanOrEqual(Number(visitedRow[1]));
  expect(Number(reachedRow[1]) - Number(visitedRow[1])).toBeLessThanOrEqual(3);

  await settle(page);
  expect(app.pageErrors).toEqual([]);
});
