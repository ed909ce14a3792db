// Files as clerks really send them, in real Chromium: a roster whose towns are written under their
// other names and whose sheet ends in a 合计 line and the sign-off, then 清除示例数据 removing the demo
// and nothing of the officer's own.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { validCreditCode } from '../shared/roster/creditCodes';
import { exceljsRoster, type FixtureCell } from '../renderer/roster/rosterFixtures';
import { openApp, openDialog, pickOption, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await openApp({ route: '/roster/import' });
});
afterAll(async () => {
  await app?.close();
});

const header = ['序号', '企业名称', '统一社会信用代码', '所属区镇', '联系人', '联系电话'];
const rows: FixtureCell[][] = [
  ['1', '苏州松陵精工有限公司', validCreditCode(301), '松陵镇', '王芳', '13812345678'],
  ['2', '吴江经开光电科技有限公司', validCreditCode(302), '吴江经济技术开发区', '刘强', '13812345679'],
  ['3', '黎里纺织（苏州）有限公司', validCreditCode(303), '黎里镇', '陈静', '13812345670'],
  ['4', '平望物流有限公司', validCreditCode(304), '吴江区平望镇', '', ''],
  ['5', '震泽丝绸有限公司', validCreditCode(305), '震泽镇', '', ''],
  ['6', '不明区镇有限公司', validCreditCode(306), '高新区', '', ''],
  ['合计', '', '', '', '', { formula: 'COUNTA(B3:B8)' }],
  ['填表人：张三', '', '审核人：李四', '', '负责人：王五', ''],
  ['制表日期：2026年11月30日', '', '', '', '', ''],
];

async function previewFigures(): Promise<Record<string, number>> {
  const text = await app.page.locator('.ant-statistic').allInnerTexts();
  return Object.fromEntries(text.map((t) => t.split('\n').map((s) => s.trim()).filter(Boolean)).map(([k, v]) => [k!, Number(v)]));
}

test('a clerk’s roster: towns matched through their aliases, the rows under the table skipped', async () => {
  const page = app.page;
  const file = Buffer.from(await exceljsRoster(header, rows));
  await page.locator('input[type=file]').setInputFiles({ name: '走访企业名单（区镇报送）.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
  await page.getByText('导入预览（尚未写入）').waitFor();
  // The 合计 line and the sign-off are neither enterprises nor bad rows; only 「高新区」 (two zones) is unexplained.
  await expect.poll(previewFigures).toEqual({ 数据行: 6, 新增: 5, 更新: 0, 无变化: 0, 有问题: 1, '已跳过（非企业行）': 3 });
  await page.getByRole('tabpanel').getByText('「高新区」不在区镇列表中，也不是已知的别名').waitFor();

  await page.getByRole('tab', { name: /新增/ }).click();
  const adds = page.getByRole('tabpanel');
  const rowOf = (name: string) => adds.getByRole('row').filter({ hasText: name });
  expect(await rowOf('苏州松陵精工有限公司').innerText()).toContain('东太湖度假区（太湖新城）');
  expect(await rowOf('苏州松陵精工有限公司').innerText()).toContain('按别名「松陵镇」');
  expect(await rowOf('吴江经开光电科技有限公司').innerText()).toContain('按别名「吴江经济技术开发区」');
  expect(await rowOf('平望物流有限公司').innerText()).toContain('按别名「吴江区平望镇」');
  expect(await rowOf('震泽丝绸有限公司').innerText()).not.toContain('按别名');

  await page.getByRole('tab', { name: /已跳过/ }).click();
  const skipped = page.getByRole('table', { name: '已跳过的行' });
  await skipped.getByText('填表人：张三', { exact: false }).waitFor();
  await skipped.getByText('制表日期：2026年11月30日', { exact: false }).waitFor();
  expect(await skipped.getByText('合计', { exact: false }).count()).toBe(1);

  await page.getByRole('button', { name: '导入 5 家企业' }).click();
  await page.getByText('导入完成：新增 5 家，更新 0 家').first().waitFor();
  const stored = (await app.readRows('enterprises')) as { name: string; town: string }[];
  expect(Object.fromEntries(stored.map((e) => [e.name, e.town]))).toEqual({
    苏州松陵精工有限公司: '东太湖度假区（太湖新城）',
    吴江经开光电科技有限公司: '吴江开发区',
    '黎里纺织（苏州）有限公司': '汾湖高新区（黎里镇）',
    平望物流有限公司: '平望镇',
    震泽丝绸有限公司: '震泽镇',
  });
  expect(app.pageErrors).toEqual([]);
});

test('清除示例数据 removes the demo as a whole and keeps the officer’s own enterprises', async () => {
  const page = app.page;
  const own = await app.countRows('enterprises'); // the ones imported above, if any
  await app.loadDemoData('small');
  const demoEnterprises = (await app.countRows('enterprises')) - own;
  expect(demoEnterprises).toBeGreaterThan(0);
  await app.goto('/settings');
  const local = page.locator('.ant-card').filter({ hasText: '本机数据' });
  await local.getByRole('button', { name: '清除示例数据' }).click();
  const confirm = await openDialog(page, '清除示例数据？');
  await confirm.getByText(`将删除示例企业 ${demoEnterprises} 家`, { exact: false }).waitFor();
  // Two-character buttons carry no inserted space.
  expect(await confirm.getByRole('button', { name: '取消', exact: true }).innerText()).toBe('取消');
  await confirm.getByRole('button', { name: '清除示例数据' }).click();
  await page.getByText(`已清除示例数据：企业 ${demoEnterprises} 家`, { exact: false }).waitFor();
  await local.getByText('没有示例数据').waitFor();

  await expect.poll(() => app.countRows('enterprises')).toBe(own);
  expect(await app.countRows('visits')).toBe(0);
  expect(await app.countRows('problems')).toBe(0);
  expect(await app.countRows('projects')).toBe(0);
  expect(await app.countRows('policies')).toBe(30);

  // The officer's own enterprises are what the list shows now; 登记问题 marks its required fields, 可选 once.
  await app.goto('/problems');
  await page.getByRole('button', { name: '登记问题' }).click();
  const raise = await openDialog(page, '登记问题');
  expect(await raise.getByText('（可选）', { exact: false }).count()).toBe(1);
  expect(await raise.locator('.ant-form-item-required').allInnerTexts()).toEqual(expect.arrayContaining(['企业', '提出日期', '问题类别', '问题描述']));
  expect(app.pageErrors).toEqual([]);
});

test('an alias added in 设置 explains a town the import rejected before', async () => {
  const page = app.page;
  await app.goto('/settings');
  const aliases = page.getByRole('group', { name: '区镇别名' });
  await aliases.getByRole('group', { name: '吴江高新区（盛泽镇）的别名' }).getByLabel('删除别名 盛泽镇').waitFor();
  await pickOption(page, aliases, '别名对应的区镇', '吴江高新区（盛泽镇）');
  await aliases.getByLabel('新增区镇别名').fill('盛泽高新区');
  await aliases.getByRole('button', { name: '添加别名' }).click();
  await aliases.getByRole('group', { name: '吴江高新区（盛泽镇）的别名' }).getByLabel('删除别名 盛泽高新区').waitFor();
  // Saved as changed: the stored settings carry the alias.
  await expect
    .poll(async () => ((await app.readRows('settings')) as { value: { townAliases?: Record<string, string> } }[])[0]?.value.townAliases?.['盛泽高新区'])
    .toBe('吴江高新区（盛泽镇）');

  await app.goto('/roster/import');
  const file = Buffer.from(await exceljsRoster(header, [['1', '盛泽新材料有限公司', validCreditCode(310), '盛泽高新区', '', '']]));
  await page.locator('input[type=file]').setInputFiles({ name: '盛泽名单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
  await page.getByText('导入预览（尚未写入）').waitFor();
  await expect.poll(previewFigures).toMatchObject({ 新增: 1, 有问题: 0 });
  await page.getByRole('tab', { name: /新增/ }).click();
  expect(await page.getByRole('tabpanel').getByRole('row').filter({ hasText: '盛泽新材料有限公司' }).innerText()).toContain('按别名「盛泽高新区」');
  expect(app.pageErrors).toEqual([]);
});
