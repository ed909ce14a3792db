// A roster with good and bad rows goes through the import page in real Chromium: the preview shows
// the counts and the reasons per row and column, the import writes the good rows, and the officer
// finds the due enterprises on 我的联系企业. Then the workbench draws its charts (screenshot).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { shanghaiDate } from '../../shared/calendar/shanghaiDate';
import { badCheckDigit, validCreditCode } from '../shared/roster/creditCodes';
import { exceljsRoster, type FixtureCell } from '../renderer/roster/rosterFixtures';
import { unterminatedQuoteCsv, zipBombXlsx } from '../shared/roster/hostileFiles';
import { openApp, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await openApp({ route: '/settings' });
});
afterAll(async () => {
  await app?.close();
});

const header = ['序号', '企业名称', '统一社会信用代码', '所属区镇', '联系人', '联系电话', '服务专员', '挂钩领导'];
const rows: FixtureCell[][] = [
  ['1', '苏州华能精密机械有限公司', validCreditCode(201), '平望镇', '王芳', '13812345678', '张三', '李局'],
  ['2', '吴江盛虹纺织有限公司', validCreditCode(202), '盛泽镇', '刘强', '0512-63001234', '张三', ''],
  ['3', '震泽丝绸科技有限公司', validCreditCode(203), '震泽镇', '陈静', '13900001111', '李四', ''],
  ['4', '校验位错误有限公司', badCheckDigit(validCreditCode(204)), '平望镇', '', '', '张三', ''],
  ['5', '重复代码有限公司', validCreditCode(201), '平望镇', '', '', '张三', ''],
  ['6', '未知区镇有限公司', validCreditCode(206), '火星镇', '', '', '张三', ''],
  ['7', '电话丢位有限公司', validCreditCode(207), '七都镇', '', '1.38E+10', '张三', ''],
];

/** Rows in a store of the app's IndexedDB, read with the raw API (no app hook needed). */
function storeCount(store: string): Promise<number> {
  return app.page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('visit-ledger');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).count();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
        };
      }),
    store,
  );
}

/** Writes records straight into the app's IndexedDB (the demo generator's output), then reloads. */
async function seedStores(records: Record<string, unknown[]>): Promise<void> {
  await app.page.evaluate(
    (data) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('visit-ledger');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(Object.keys(data), 'readwrite');
          for (const [store, rows] of Object.entries(data)) for (const row of rows) tx.objectStore(store).put(row);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    records,
  );
  await app.reload();
}

async function previewFigures(): Promise<Record<string, number>> {
  const text = await app.page.locator('.ant-statistic').allInnerTexts();
  return Object.fromEntries(text.map((t) => t.split('\n').map((s) => s.trim()).filter(Boolean)).map(([k, v]) => [k!, Number(v)]));
}

test('imports a roster with good and bad rows and lists the officer’s due enterprises', async () => {
  const page = app.page;
  await page.getByLabel('姓名').fill('张三');
  // Settings save as they are typed (no 保存 button).
  await page.getByRole('status', { name: '保存状态' }).getByText(/已自动保存/).waitFor();

  await app.goto('/roster/import');
  // Not a spreadsheet: a clear message, nothing stored.
  await page.locator('input[type=file]').setInputFiles({ name: '说明.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('这不是表格') });
  await page.getByText('已损坏或不是有效的 Excel 工作簿').waitFor();

  const file = Buffer.from(await exceljsRoster(header, rows));
  await page.locator('input[type=file]').setInputFiles({ name: '联系企业名单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
  await page.getByText('导入预览（尚未写入）').waitFor();
  await expect.poll(previewFigures).toEqual({ 数据行: 7, 新增: 3, 更新: 0, 无变化: 0, 有问题: 4, '已跳过（非企业行）': 0 });
  const rejects = page.getByRole('tabpanel');
  for (const reason of ['校验', '与第 3 行的统一社会信用代码重复', '「火星镇」不在区镇列表中', '科学计数法']) {
    await rejects.getByText(reason, { exact: false }).first().waitFor();
  }
  expect(await rejects.getByText('C列「统一社会信用代码」').count()).toBe(2);
  expect(await rejects.getByText('F列「联系电话」').count()).toBe(1);
  expect(await storeCount('enterprises')).toBe(0);

  await page.getByRole('button', { name: '导入 3 家企业' }).click();
  await page.getByText('导入完成：新增 3 家，更新 0 家').first().waitFor();
  expect(await storeCount('enterprises')).toBe(3);

  await app.goto('/review?due=1');
  const table = page.getByRole('table', { name: '联系企业列表' });
  const names = () => table.getByRole('row').locator('a').allInnerTexts();
  await expect.poll(async () => (await names()).sort()).toEqual(['吴江盛虹纺织有限公司', '苏州华能精密机械有限公司']);
  expect(await table.getByText('待走访').count()).toBe(2);
  await page.getByText('共 2 家，本月待走访 2 家').waitFor();

  // Batch assignment from the list: hand one enterprise over to another officer.
  await page.getByRole('checkbox', { name: '选择 吴江盛虹纺织有限公司' }).check();
  await page.getByRole('button', { name: /批量指定专员\/领导（1）/ }).click();
  await page.getByLabel('新的服务专员').fill('王五');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText('已更新 1 家企业').waitFor();
  await expect.poll(names).toEqual(['苏州华能精密机械有限公司']);

  // 一企一策: an action agreed with the enterprise, due today, appears with the due list on the
  // first screen, and leaves it once marked done.
  await table.getByRole('link', { name: '苏州华能精密机械有限公司' }).click();
  await page.getByRole('button', { name: '新增措施' }).click();
  await page.getByLabel('企业需求').fill('缺少数控技工约20人');
  await page.getByLabel('商定措施').fill('对接区人社局专场招聘会');
  const due = page.getByLabel('完成时限');
  await due.fill(shanghaiDate());
  await due.press('Enter'); // Enter in the last field saves the form, as in the other forms
  await page.getByText('已添加服务措施').waitFor();

  await app.goto('/');
  const duePlans = page.getByRole('table', { name: '到期的服务措施' });
  await duePlans.getByText('对接区人社局专场招聘会').waitFor();
  expect(await duePlans.getByRole('link', { name: '苏州华能精密机械有限公司' }).count()).toBe(1);
  await duePlans.getByRole('button', { name: /完\s*成/ }).click();
  await page.getByText('已标记完成').waitFor();
  await duePlans.waitFor({ state: 'detached' });
  expect(app.pageErrors).toEqual([]);
});

test('the workbench draws every chart over demo data and its cards click through', async () => {
  // The demo data as the app loads it (through the write path, which keeps the counts the 工作台
  // reads); the plan actions, which no count follows, straight into the store.
  await app.loadDemoData('small');
  const enterprises = (await app.readRows('enterprises')) as { id: string }[];
  const at = new Date().toISOString();
  const planActions = enterprises.slice(0, 12).map((e, i) => ({
    id: `plan-e2e-${i}`,
    createdAt: at,
    updatedAt: at,
    updatedBy: '张三',
    deviceId: 'e2e',
    enterpriseId: e.id,
    need: '用工缺口',
    action: '对接专场招聘会',
    owner: '张三',
    dueDate: i % 2 ? '2026-01-15' : '2099-01-01',
    note: '',
  }));
  await seedStores({ planActions });
  await app.goto('/workbench?scope=all');
  const page = app.page;
  await page.getByRole('img', { name: '每周走访次数' }).locator('canvas').waitFor();
  await page.getByRole('img', { name: '问题诉求按类别' }).locator('canvas').waitFor();
  await page.setViewportSize({ width: 1400, height: 1240 }); // the whole workbench in one picture
  // ECharts animates in; each chart marks itself drawn when its animation has finished.
  await page.waitForFunction(() => document.querySelectorAll('[data-chart-drawn="true"]').length === 6);

  await page.getByText('本月走访覆盖（已走访 / 联系企业）').click();
  await expect.poll(() => page.url()).toContain('#/review?');
  expect(page.url()).toContain('due=1');
  expect(app.pageErrors).toEqual([]);
});

test('hostile files are refused with the limit they hit, leaving the page and the database as they were', async () => {
  const page = app.page;
  await app.goto('/roster/import');
  await page.getByLabel('文件限制').getByText('单个文件不超过 20 MB，最多 50000 行、200 列，每个单元格不超过 1000 个字符').waitFor();
  const before = await storeCount('enterprises');
  // Handed to the browser by path (in the system's temp folder), as a user picks them.
  const folder = mkdtempSync(path.join(tmpdir(), 'roster-e2e-hostile-'));
  try {
    const files = { bomb: path.join(folder, '炸弹.xlsx'), quote: path.join(folder, '引号.csv'), big: path.join(folder, '大名单.xlsx') };
    writeFileSync(files.bomb, zipBombXlsx());
    writeFileSync(files.quote, unterminatedQuoteCsv());
    writeFileSync(files.big, new Uint8Array(24 * 1024 * 1024));
    const input = page.locator('input[type=file]');
    const alert = page.getByRole('alert');

    await input.setInputFiles(files.bomb);
    await alert.getByText('文件「炸弹.xlsx」中的「xl/worksheets/sheet1.xml」压缩了 129:1', { exact: false }).waitFor();
    await input.setInputFiles(files.quote);
    await alert.getByText('文件「引号.csv」第 2 行 B 列以引号（"）开头的单元格', { exact: false }).waitFor();
    await input.setInputFiles(files.big);
    await alert.getByText('文件「大名单.xlsx」有 24 MB，超过名单文件 20 MB 的上限，没有读取', { exact: false }).waitFor();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  // The page still works: a good file after them reads as before.
  await page.locator('input[type=file]').setInputFiles({
    name: '名单.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await exceljsRoster(header, rows.slice(0, 1))),
  });
  await page.getByText('导入预览（尚未写入）').waitFor();
  expect(await storeCount('enterprises')).toBe(before);
  expect(app.pageErrors).toEqual([]);
});
