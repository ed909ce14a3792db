// The report export as an officer does it in the browser build: demo data in the real IndexedDB,
// the 报表导出 page, an edited text, 导出 → a download, and the six sheets read back with ExcelJS
// and compared with counts taken straight from IndexedDB (not through the app's code).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openApp, openDialog, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await openApp();
  await app.loadDemoData('small');
});
afterAll(async () => {
  await app?.close();
});

/** Live visits and problems of a month, counted with raw IndexedDB cursors on the date indexes. */
async function countMonth(month: string): Promise<{ visits: number; problems: number }> {
  return app.page.evaluate(async (m) => {
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('visit-ledger');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const count = (store: string, index: string) =>
      new Promise<number>((resolve, reject) => {
        let n = 0;
        const range = IDBKeyRange.bound(`${m}-01`, `${m}-31`);
        const request = idb.transaction(store).objectStore(store).index(index).openCursor(range);
        request.onsuccess = () => {
          const cursor = request.result;
          if (!cursor) return resolve(n);
          if ((cursor.value as { deletedAt?: string }).deletedAt === undefined) n += 1;
          cursor.continue();
        };
        request.onerror = () => reject(request.error);
      });
    const result = { visits: await count('visits', 'date'), problems: await count('problems', 'raisedDate') };
    idb.close();
    return result;
  }, month);
}

test('export the service-month workbook of this month and read its six sheets back', async () => {
  const page = app.page;
  await app.goto('/reports');
  await page.getByText('主要数据').waitFor();
  const month = await page.getByLabel('统计月份').inputValue();
  expect(month).toMatch(/^\d{4}-\d{2}$/);
  const expected = await countMonth(month);
  expect(expected.visits).toBeGreaterThan(0);

  await page.getByLabel('填报单位').fill('吴江开发区');
  const results = '=HYPERLINK("http://example.com","点我")\n本月走访成效：企业反映的问题均已交办。';
  await page.getByLabel('成效').fill(results);

  const file = await app.download(() => page.getByRole('button', { name: '导出 Excel' }).click());
  expect(file.suggestedFilename).toBe(`服务月报告-${month}-吴江开发区.xlsx`);
  await page.getByText(`已导出：服务月报告-${month}-吴江开发区.xlsx`).waitFor();

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await file.read()) as unknown as ArrayBuffer);
  expect(wb.worksheets.map((ws) => ws.name)).toEqual(['汇总', '走访台账', '问题清单', '重点项目进展', '经营监测', '集体活动']);

  const summary = wb.getWorksheet('汇总')!;
  expect(String(summary.getCell('A1').value)).toContain('（吴江开发区）');
  expect(summary.getCell('A2').value).toBe('填报单位：吴江开发区');
  const labelled = (label: string) => {
    for (let r = 1; r <= summary.rowCount; r += 1) if (summary.getRow(r).getCell(1).value === label) return summary.getRow(r);
    throw new Error(`汇总 has no row ${label}`);
  };
  expect(labelled('走访次数').getCell(2).value).toBe(expected.visits);
  expect(labelled('收集问题诉求（个）').getCell(2).value).toBe(expected.problems);
  const resultsCell = summary.getRow(labelled('八、成效').number + 1).getCell(1);
  expect(resultsCell.value).toBe(results);
  expect(resultsCell.type).toBe(ExcelJS.ValueType.String);

  // Ledger sheets: title, header, one row per record, then 合计 with the count.
  const ledger = wb.getWorksheet('走访台账')!;
  expect(ledger.getCell('A2').value).toBe('序号');
  expect(ledger.getRow(2 + expected.visits + 1).getCell(1).value).toBe('合计');
  expect(ledger.getRow(2 + expected.visits + 1).getCell(2).value).toBe(`共 ${expected.visits} 条`);
  expect(ledger.getCell('B3').value).toBeInstanceOf(Date);
  expect(ledger.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  const problems = wb.getWorksheet('问题清单')!;
  expect(problems.getRow(2 + expected.problems + 1).getCell(2).value).toBe(`共 ${expected.problems} 条`);
  const projects = wb.getWorksheet('重点项目进展')!;
  expect(projects.getCell('A2').value).toBe('序号');
  expect(projects.getCell('A3').value === 1 || projects.getCell('A3').value === '暂无数据').toBe(true);
  for (const ws of wb.worksheets) expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 });

  expect(app.pageErrors).toEqual([]);
});

test('a town scope counts only that town', async () => {
  const page = app.page;
  await page.getByText('按区镇', { exact: true }).click();
  // The texts were edited in the test before: switching the scope asks first (reportScopeConfirm.e2e.ts).
  const confirm = await openDialog(page, '放弃已修改的报告文字？');
  await confirm.getByRole('button', { name: '重新生成' }).click();
  await page.getByText('请选择区镇').waitFor();
  await page.getByRole('combobox', { name: '区镇' }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: '平望镇' }).click();
  await page.getByText('主要数据').waitFor();
  const file = await app.download(() => page.getByRole('button', { name: '导出 Excel' }).click());
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await file.read()) as unknown as ArrayBuffer);
  const ledger = wb.getWorksheet('走访台账')!;
  const towns = new Set<string>();
  for (let r = 3; r <= ledger.rowCount; r += 1) {
    const row = ledger.getRow(r);
    if (row.getCell(1).value === '合计') break;
    towns.add(String(row.getCell(4).value)); // 所属区镇
  }
  expect([...towns].filter((t) => t !== '平望镇')).toEqual([]);
  expect(String(wb.getWorksheet('汇总')!.getCell('A3').value)).toContain('统计范围：平望镇');
});
