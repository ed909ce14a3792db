// 经营监测 in real Chromium: two enterprises' 经营数据 for October and November entered through
// 填报经营数据 on their pages, then the 经营监测 screen for November (the default, this month): the
// totals and their change against October, the enterprise whose output fell, the enterprises with no
// figures this month (every other enterprise of the demo ledger), one of them opened from the list
// with the keyboard; then the service-month report exported and its 经营监测 sheet read back with
// ExcelJS and with openpyxl.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Enterprise } from '../../shared/domain/records';
import { openpyxlRead } from '../electron/ledgerExport/independentReaders';
import { openApp, openDialog, settle, typeIntoPicker, type App } from './harness';

let app: App;
beforeAll(async () => {
  // Mid-November: this month is 2026-11, last month 2026-10.
  app = await openApp({ route: '/', fixedTime: '2026-11-20T02:00:00Z' });
});
afterAll(async () => {
  await app?.close();
});

async function enter(enterprise: Enterprise, month: string, figures: Record<string, string>): Promise<void> {
  const page = app.page;
  await app.goto(`/enterprises/${enterprise.id}`);
  await page.getByRole('region', { name: '经营数据' }).getByRole('button', { name: '填报经营数据' }).click();
  const dialog = await openDialog(page, `填报经营数据：${enterprise.name}`);
  const monthInput = dialog.getByLabel('填报月份', { exact: true });
  await typeIntoPicker(page, monthInput, month);
  for (const [label, value] of Object.entries(figures)) await dialog.getByLabel(label, { exact: true }).fill(value);
  await dialog.getByRole('button', { name: '保存经营数据', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  // The notices stay (the clock is fixed): the latest one says this save.
  await page.getByText(`${month} 经营数据已保存`).last().waitFor();
}

test('two enterprises, two months: the totals, the fall, the missing list, and the report sheet', async () => {
  await app.loadDemoData('small');
  expect(await app.countRows('operationReports')).toBe(0);
  const live = ((await app.readRows('enterprises')) as Enterprise[]).filter((e) => e.deletedAt === undefined);
  // Two enterprises of different towns.
  const a = live[0]!;
  const b = live.find((e) => e.town !== a.town)!;
  const others = live.length - 2;

  // A: 1,200 → 1,300 万元, 320 → 322 人. B: 600 → 500 万元 (−100, −16.7%), 200 → 190 人.
  await enter(a, '2026-10', { '本月产值（万元）': '1200', '本年累计产值（万元）': '11000', '用工人数（人）': '320' });
  await enter(a, '2026-11', { '本月产值（万元）': '1300', '本年累计产值（万元）': '12300', '用工人数（人）': '322' });
  await enter(b, '2026-10', { '本月产值（万元）': '600', '用工人数（人）': '200' });
  await enter(b, '2026-11', { '本月产值（万元）': '500', '用工人数（人）': '190' });
  expect(await app.countRows('operationReports')).toBe(4);

  // The menu leads to 经营监测; no officer name is set, so it counts every enterprise.
  const page = app.page;
  await page.getByRole('menuitem', { name: '经营监测' }).click();
  await page.getByRole('heading', { name: '经营监测' }).waitFor();
  expect(await page.getByLabel('监测月份').inputValue()).toBe('2026-11');
  await page.getByText('设置中还没有填写您的姓名，下面统计全部企业。').waitFor();
  await page.getByText(`填报率 ${Math.round((2 / live.length) * 100)}%；未填报 ${others} 家`).waitFor();
  // 本月产值 1,300 + 500 = 1,800, against 1,200 + 600 = 1,800: 持平 (+0). 用工 322 + 190 = 512, −8 on 520.
  const towns = page.getByRole('table', { name: '按区镇' });
  const total = towns.locator('.ant-table-summary tr');
  await total.waitFor();
  expect((await total.locator('td').allInnerTexts()).slice(0, 5)).toEqual(['合计', String(live.length), '2', '1,800', '0（0%）']);
  const townB = towns.getByRole('row').filter({ has: page.getByRole('cell', { name: b.town, exact: true }) });
  expect((await townB.getByRole('cell').allInnerTexts()).slice(3, 5)).toEqual(['500', '-100（-16.7%）']);

  await page.getByRole('tab', { name: '产值减少（1）' }).click();
  const fallers = page.getByRole('table', { name: '本月产值减少的企业' });
  expect(await fallers.getByRole('row').nth(1).getByRole('cell').allInnerTexts()).toEqual(['1', b.name, b.town, b.industry || '—', '600', '500', '-100', '-16.7%']);

  // 应统尽统: every other enterprise, none of the two; a name opens its page from the keyboard.
  await page.getByRole('tab', { name: `本月未填报（${others}）` }).click();
  const missing = page.getByRole('table', { name: '本月未填报经营数据的企业' });
  await missing.getByRole('row').nth(1).waitFor();
  expect(await missing.getByRole('link', { name: a.name, exact: true }).count()).toBe(0);
  const first = missing.getByRole('row').nth(1).getByRole('link');
  const firstName = await first.innerText();
  await first.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: firstName }).first().waitFor();
  expect(page.url()).toMatch(/#\/enterprises\/[^/]+$/);

  // The service-month report of November: its 经营监测 sheet.
  await app.goto('/reports');
  await page.getByText('主要数据').waitFor();
  expect(await page.getByLabel('统计月份').inputValue()).toBe('2026-11');
  const file = await app.download(() => page.getByRole('button', { name: '导出 Excel' }).click());
  const buffer = await file.read();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('经营监测')!;
  expect(ws.getCell('A1').value).toBe('2026年11月企业经营监测情况');
  const rows = Array.from({ length: ws.rowCount }, (_, i) => (ws.getRow(i + 1).values as unknown[]).slice(1));
  const totals = rows.filter((r) => r[0] === '合计');
  // Once under the towns, once under the industries.
  expect(totals.map((r) => r.slice(0, 5))).toEqual([
    ['合计', live.length, 2, 1800, 0],
    ['合计', live.length, 2, 1800, 0],
  ]);
  expect(rows.find((r) => r[0] === b.name)!.slice(3, 7)).toEqual([600, -100, -100 / 600, 500]);
  const missingRows = rows.filter((r) => typeof r[3] === 'string' && /^上月.*填报$/.test(r[3]));
  expect(missingRows).toHaveLength(others);
  expect(rows.some((r) => r[0] === `七、本月未填报经营数据的企业（应统尽统，共 ${others} 家）`)).toBe(true);

  // openpyxl, which shares no code with ExcelJS, reads the same sheet.
  const sheet = (await openpyxlRead(file.path)).find((s) => s.title === '经营监测')!;
  expect([sheet.orientation, sheet.paper_size, sheet.fit_to_width]).toEqual(['landscape', 9, 1]);
  const pyTotals = sheet.rows.filter((r) => r[0]![0] === '合计').map((r) => r.slice(0, 4).map(([v]) => v));
  expect(pyTotals[0]).toEqual(['合计', live.length, 2, 1800]);

  await settle(page);
  expect(app.pageErrors).toEqual([]);
});
