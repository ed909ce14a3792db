// The 联系企业 list exported as an officer does it in the browser build, through the same workbook
// export helper as the reports: demo data, 我的联系企业 filtered by a town, 导出 Excel → a download named
// 联系企业-<day>.xlsx holding exactly the enterprises the list shows, and the success message.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openApp, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await openApp();
  await app.loadDemoData('small');
});
afterAll(async () => {
  await app?.close();
});

test('export the filtered 联系企业 list and read it back', async () => {
  const page = app.page;
  await app.goto('/review?scope=all&town=平望镇');
  const table = page.getByRole('table', { name: '联系企业列表' });
  await table.getByRole('row').locator('a').first().waitFor();
  const shownText = await page.getByText(/当前显示 \d+ 家/).innerText();
  const shown = Number(/当前显示 (\d+) 家/.exec(shownText)![1]);
  expect(shown).toBeGreaterThan(0);

  const file = await app.download(() => page.getByRole('button', { name: '导出 Excel' }).click());
  expect(file.suggestedFilename).toMatch(/^联系企业-\d{4}-\d{2}-\d{2}\.xlsx$/);
  await page.getByText(`已导出 ${shown} 家企业`).waitFor();

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await file.read()) as unknown as ArrayBuffer);
  expect(wb.worksheets.map((ws) => ws.name)).toEqual(['联系企业']);
  const ws = wb.getWorksheet('联系企业')!;
  expect(ws.getCell('A1').value).toBe('联系企业服务情况表');
  expect(String(ws.getCell('A2').value)).toContain('区镇：平望镇');
  expect(String(ws.getCell('A2').value)).toContain(`共 ${shown} 家`);
  expect(ws.getCell('B3').value).toBe('企业名称');
  const towns = new Set<string>();
  for (let r = 4; r < 4 + shown; r += 1) towns.add(String(ws.getRow(r).getCell(4).value));
  expect([...towns]).toEqual(['平望镇']);
  expect(ws.getRow(4 + shown - 1).getCell(1).value).toBe(shown);
  expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 });
  expect(app.pageErrors).toEqual([]);
});
