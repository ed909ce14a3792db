// The 经营监测 sheet of the service-month report from a small hand-checked monitor: a figures sheet like
// 汇总 (titled tables, headings kept per page, A4 landscape), its tables in order, and the written
// workbook read back with ExcelJS and with openpyxl (which shares no code with ExcelJS).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { operationsMonitor, type MonitorEnterprise } from '../../../shared/operations/operationsMonitor';
import { monitorMonthOf, operationsMonitorSheetRows, operationsMonitorSheetSpec } from '../../../shared/reports/operationsMonitorSheet';
import { monthPeriod } from '../../../shared/reports/reportScope';
import { sheetSpecSchema } from '../../../shared/reports/sheetSpec';
import { SheetWriter } from '../../../shared/reports/sheetWriter';
import { summarySheetSpec } from '../../../shared/reports/summarySheet';
import { openpyxlRead } from '../../electron/ledgerExport/independentReaders';

const e = (id: string, name: string, town: string, industry: string): MonitorEnterprise => ({ id, name, town, industry });

// November: 甲 1000 (October 1200), 乙 500 (October 400), 丙 no figures. 松陵 1500, change −100 on 1600;
// 盛泽 nothing reported. 甲 fell 200 (−16.7%).
const m = operationsMonitor({
  month: '2026-11',
  enterprises: [e('a', '甲精密', '松陵', '机械'), e('b', '乙电子', '松陵', '电子'), e('c', '丙纺织', '盛泽', '纺织')],
  current: [
    { enterpriseId: 'a', month: '2026-11', outputValue: 1000, employees: 300 },
    { enterpriseId: 'b', month: '2026-11', outputValue: 500, employees: 200 },
  ],
  previous: [
    { enterpriseId: 'a', month: '2026-10', outputValue: 1200, employees: 300 },
    { enterpriseId: 'b', month: '2026-10', outputValue: 400 },
  ],
  lastYear: [],
});
const period = monthPeriod('2026-11');
const spec = operationsMonitorSheetSpec(m, { unit: '吴江开发区', filedOn: '2026-11-30' }, period, { kind: 'all' });
const rows = operationsMonitorSheetRows(m);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'operations-monitor-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('经营监测 sheet', () => {
  test('monitors the last month of the period', () => {
    expect(monitorMonthOf(period)).toBe('2026-11');
    expect(monitorMonthOf({ from: '2026-10-15', to: '2026-11-14' })).toBe('2026-11');
  });

  test('is a figures sheet like 汇总, as wide as a district’s totals need and no wider than 重点项目进展 (8 pt on A4)', () => {
    expect(sheetSpecSchema.parse(spec)).toEqual(spec);
    expect(spec.name).toBe('经营监测');
    expect(spec.title).toBe('2026年11月企业经营监测情况（吴江开发区）');
    const summary = summarySheetSpec({ period, scope: { kind: 'all' } } as Parameters<typeof summarySheetSpec>[0], { unit: '', filedOn: '' });
    expect({ columnHeader: spec.columnHeader, rowHeight: spec.rowHeight, pageTables: spec.pageTables }).toEqual({
      columnHeader: summary.columnHeader,
      rowHeight: summary.rowHeight,
      pageTables: summary.pageTables,
    });
    expect(spec.columns.reduce((sum, c) => sum + c.width, 0)).toBeLessThanOrEqual(140);
  });

  test('the tables in order; the town rows and 合计; the fallers; the missing', () => {
    expect(rows.filter((r) => r.kind === 'section').map((r) => r.cells[0])).toEqual([
      '一、按区镇',
      '二、按行业',
      '三、本月产值减少最多的企业（按减少额）',
      '四、本月产值减少最多的企业（按降幅）',
      '五、用工人数减少最多的企业（按减少人数）',
      '六、用工人数减少最多的企业（按降幅）',
      '七、本月未填报经营数据的企业（应统尽统，共 1 家）',
    ]);
    expect(rows[2]!.cells).toEqual(['盛泽', 1, 0, null, null, null, null, null, null, null, null]);
    expect(rows[3]!.cells).toEqual(['松陵', 2, 2, 1500, -100, -100 / 1600, null, null, 500, 0, null]);
    expect(rows[4]).toEqual({ kind: 'total', cells: ['合计', 3, 2, 1500, -100, -100 / 1600, null, null, 500, 0, null] });
    const fallers = rows.findIndex((r) => r.cells[0] === '三、本月产值减少最多的企业（按减少额）');
    expect(rows[fallers + 2]!.cells).toEqual(['甲精密', '松陵', '机械', 1200, -200, -200 / 1200, 1000]);
    // Nobody's jobs fell: the table says so.
    const jobs = rows.findIndex((r) => r.cells[0] === '五、用工人数减少最多的企业（按减少人数）');
    expect(rows[jobs + 2]!.cells).toEqual(['暂无']);
    expect(rows.at(-1)!.cells).toEqual(['丙纺织', '盛泽', '纺织', '上月也未填报']);
  });

  test('written and read back with ExcelJS and openpyxl: A4 landscape, the title, the figures', async () => {
    const wb = new ExcelJS.Workbook();
    const writer = new SheetWriter(wb, spec);
    writer.appendRows(rows);
    writer.commit();
    const file = path.join(dir, 'monitor.xlsx');
    await wb.xlsx.writeFile(file);

    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(file);
    const ws = back.getWorksheet('经营监测')!;
    expect(ws.getCell('A1').value).toBe('2026年11月企业经营监测情况（吴江开发区）');
    const values = Array.from({ length: ws.rowCount }, (_, i) => (ws.getRow(i + 1).values as unknown[]).slice(1));
    const town = values.find((v) => v[0] === '松陵')!;
    expect(town.slice(0, 6)).toEqual(['松陵', 2, 2, 1500, -100, -0.0625]);
    expect(ws.getCell(`F${values.indexOf(town) + 1}`).numFmt).toBe('0.0%');
    expect(values.some((v) => v[0] === '丙纺织' && v[3] === '上月也未填报')).toBe(true);

    const [py] = await openpyxlRead(file);
    expect(py!.title).toBe('经营监测');
    expect(py!.orientation).toBe('landscape');
    expect(py!.paper_size).toBe(9); // A4
    expect(py!.fit_to_width).toBe(1);
    expect(py!.rows[0]![0]![0]).toBe('2026年11月企业经营监测情况（吴江开发区）');
    expect(py!.rows.some((row) => row[0]![0] === '甲精密' && row[4]![0] === -200)).toBe(true);
  });
});
