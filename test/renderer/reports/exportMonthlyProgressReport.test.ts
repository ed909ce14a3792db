// The monthly workbook (月度进展表) as the app exports it: the library fixture in the real Dexie
// (fake-indexeddb), main's streaming writer behind a scripted save dialog, the file read back with
// ExcelJS. Its 在库项目进展 rows are the service-month workbook's 重点项目进展 rows for the same month.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { LedgerDatabase } from '../../../renderer/src/db/schema';
import { exportMonthlyProgressReport, monthlyProgressFileName } from '../../../renderer/src/features/reports/exportMonthlyProgressReport';
import { exportServiceMonthReport } from '../../../renderer/src/features/reports/exportServiceMonthReport';
import { computeReportFigures, loadReportBase } from '../../../renderer/src/features/reports/reportData';
import { draftNarrative } from '../../../shared/reports/reportNarrative';
import { monthPeriod } from '../../../shared/reports/reportScope';
import { makeEnterprise } from '../../fixtures/records';
import { libraryEntries, libraryProjects, libraryRequests } from '../../shared/projects/libraryFixture';
import { fileSink } from '../export/exportSinks';

let db: LedgerDatabase;
let dir: string;

beforeAll(async () => {
  db = new LedgerDatabase(`monthly-progress-${Date.now()}`);
  await db.enterprises.put(makeEnterprise({ id: 'ent-0', name: '苏州恒力精密机械有限公司', town: '平望镇' }));
  await db.projects.bulkPut(libraryProjects);
  await db.progressEntries.bulkPut(libraryEntries);
  await db.problems.bulkPut(libraryRequests);
  dir = await mkdtemp(path.join(os.tmpdir(), 'ledger-monthly-'));
});

afterAll(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

async function read(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** The cells of a ledger sheet's data rows (under the title and the header, down to 合计). */
function ledgerRows(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = 3; r <= ws.rowCount; r += 1) {
    const values = (ws.getRow(r).values as unknown[]).slice(1);
    if (values[0] === '合计') break;
    rows.push(values.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v)));
  }
  return rows;
}

test('exports 概况, 在库项目进展, 入库出库 and 项目诉求 for a month, printable, with the hand-checked figures', async () => {
  const name = monthlyProgressFileName('2026-11', '吴江开发区');
  expect(name).toBe('月度进展表-2026-11-吴江开发区.xlsx');
  const outcome = await exportMonthlyProgressReport(db, fileSink(dir, name), { month: '2026-11', unit: '吴江开发区', asOf: '2026-11-30', overrides: {} });
  expect(outcome).toEqual({ status: 'saved', fileName: name });
  const wb = await read(path.join(dir, name));
  expect(wb.worksheets.map((ws) => ws.name)).toEqual(['概况', '在库项目进展', '入库出库', '项目诉求']);
  for (const ws of wb.worksheets) {
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBeTruthy();
  }

  const summary = wb.getWorksheet('概况')!;
  const row = (label: string) => {
    for (let r = 1; r <= summary.rowCount; r += 1) if (summary.getRow(r).getCell(1).value === label) return (summary.getRow(r).values as unknown[]).slice(1, 6);
    throw new Error(`概况 has no row ${label}`);
  };
  expect(summary.getCell('A1').value).toBe('2026年11月重点外资项目库概况（吴江开发区）');
  expect(row('本月末在库项目')).toEqual(['本月末在库项目', 4, 29_999.5, 8_000.5, undefined]);
  expect(row('较上月增减')).toEqual(['较上月增减', 0, -12_000, -6_999.5, undefined]);
  expect(row('总投资1亿美元及以上')).toEqual(['总投资1亿美元及以上', 1, 12_000, undefined, 0.25]);
  expect(row('在建')).toEqual(['在建', 2, 21_999.5, undefined, 0.5]);
  expect(row('港澳台')).toEqual(['港澳台', 2, 21_999.5, undefined, 0.5]);
  expect(row('提交会商协调')).toEqual(['提交会商协调', 1, undefined, undefined, 0.25]);

  const progress = ledgerRows(wb.getWorksheet('在库项目进展')!);
  expect(progress.map((r) => [r[1], r[8], r[9]])).toEqual([
    ['甲精密减速机项目', '在建', '主体厂房封顶'],
    ['辛汽车零部件项目', '在建', '本期未报送进展'],
    ['乙新能源电池项目', '已设立·前期手续', '完成工商登记'],
    ['丁纺织面料项目', '签约未设立', '本期未报送进展'],
  ]);
  const moves = ledgerRows(wb.getWorksheet('入库出库')!);
  expect(moves.map((r) => [r[1], r[2], r[8], r[9]])).toEqual([
    ['入库', '乙新能源电池项目', '2026-11-05', undefined],
    ['出库', '丙半导体封测项目', '2026-11-20', '项目终止：投资方撤回'],
  ]);
  const requests = ledgerRows(wb.getWorksheet('项目诉求')!);
  expect(requests.map((r) => [r[1], r[8], r[13]])).toEqual([
    ['甲精密减速机项目\n（苏州恒力精密机械有限公司）', '2026-04-01', '已办结'],
    ['丁纺织面料项目\n（苏州恒力精密机械有限公司）', '2026-10-20', '待处理'],
    ['甲精密减速机项目\n（苏州恒力精密机械有限公司）', '2026-11-03', '待处理'],
    ['乙新能源电池项目\n（苏州恒力精密机械有限公司）', '2026-11-08', '待处理'],
  ]);

  // The service-month workbook of the same month lists the same projects, the same way.
  const base = await loadReportBase(db);
  const figures = await computeReportFigures(db, base, monthPeriod('2026-11'), { kind: 'all' }, '2026-11-30', undefined);
  await exportServiceMonthReport(db, fileSink(dir, 'service.xlsx'), { figures, base, unit: '吴江开发区', narrative: draftNarrative(figures), overrides: {} });
  const service = await read(path.join(dir, 'service.xlsx'));
  expect(ledgerRows(service.getWorksheet('重点项目进展')!)).toEqual(progress);
});

test('one town’s workbook holds only that town’s projects and says so', async () => {
  await exportMonthlyProgressReport(db, fileSink(dir, 'town.xlsx'), { month: '2026-11', town: '盛泽镇', unit: '盛泽镇', asOf: '2026-11-30', overrides: {} });
  const wb = await read(path.join(dir, 'town.xlsx'));
  expect(String(wb.getWorksheet('概况')!.getCell('A3').value)).toContain('统计范围：盛泽镇');
  expect(ledgerRows(wb.getWorksheet('在库项目进展')!).map((r) => r[1])).toEqual(['丁纺织面料项目']);
  expect(ledgerRows(wb.getWorksheet('入库出库')!).map((r) => r[2])).toEqual(['丙半导体封测项目']);
});
