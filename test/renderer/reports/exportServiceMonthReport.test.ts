// The whole export as a user runs it in the app: records in the real Dexie (fake-indexeddb), the
// report page's export function, the main process's streaming writer behind a scripted save dialog,
// and the saved .xlsx read back by ExcelJS, openpyxl and LibreOffice.
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ExportCancelled, exportServiceMonthReport } from '../../../renderer/src/features/reports/exportServiceMonthReport';
import { computeReportFigures, loadReportBase } from '../../../renderer/src/features/reports/reportData';
import { LedgerDatabase } from '../../../renderer/src/db/schema';
import { draftNarrative, type ReportNarrative } from '../../../shared/reports/reportNarrative';
import { monthPeriod, type ReportScope } from '../../../shared/reports/reportScope';
import { LATE_FILL_ARGB } from '../../../shared/reports/sheetWriter';
import { libreOfficeConvert, libreOfficeCsvSheets, openpyxlRead } from '../../electron/ledgerExport/independentReaders';
import { attachments, enterprises, injectionTexts, policies, problems, progressEntries, projects, visits } from '../../shared/reports/reportFixture';
import { browserSink, fileSink } from '../export/exportSinks';
import { recordMetaFixture } from '../../fixtures/records';
import type { OperationReport } from '../../../shared/domain/records';

// 经营数据 for the 经营监测 sheet: 恒力 2,000 万元 in November against 2,500 in October; 友达 and
// 日新 gave nothing for November (震泽美亚 neither); the deleted enterprise's report is not counted.
const report = (enterpriseId: string, month: string, outputValue: number, employees: number): OperationReport => ({
  ...recordMetaFixture(`ops-${enterpriseId}-${month}`),
  enterpriseId,
  month,
  outputValue,
  employees,
  supplyChainIssues: '',
});
const operationReports: OperationReport[] = [
  report('ent-0001', '2026-10', 2500, 320),
  report('ent-0001', '2026-11', 2000, 300),
  report('ent-0002', '2026-10', 800, 120),
  report('ent-0005', '2026-11', 9999, 99),
];

let db: LedgerDatabase;
let dir: string;
const period = monthPeriod('2026-11');
const asOf = '2026-11-30';
const unit = '吴江开发区管委会';

beforeAll(async () => {
  db = new LedgerDatabase(`report-export-${Date.now()}`);
  await db.transaction('rw', [db.enterprises, db.visits, db.attachments, db.problems, db.policies, db.projects, db.progressEntries, db.operationReports], async () => {
    await db.enterprises.bulkPut(enterprises);
    await db.operationReports.bulkPut(operationReports);
    await db.visits.bulkPut(visits);
    await db.attachments.bulkPut(attachments);
    await db.problems.bulkPut(problems);
    await db.policies.bulkPut(policies);
    await db.projects.bulkPut(projects);
    await db.progressEntries.bulkPut(progressEntries);
  });
  dir = await mkdtemp(path.join(os.tmpdir(), 'ledger-report-'));
}, 60_000);

afterAll(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

/** The Electron side, with a "dialog" that answers the given path (or cancels with null). */
const electronBridge = (answer: string | null) => fileSink(dir, answer);

async function prepare(scope: ReportScope = { kind: 'all' }) {
  const base = await loadReportBase(db);
  const figures = await computeReportFigures(db, base, period, scope, asOf, undefined);
  return { base, figures };
}

const edited: ReportNarrative = {
  results: '走访企业3家，解决用工问题1个。\n（已由科室审核）',
  issues: injectionTexts.formula,
  nextSteps: '1. 督办逾期问题。\n2. 走访未覆盖企业。',
};

async function exportTo(fileName: string, scope: ReportScope = { kind: 'all' }): Promise<string> {
  const { base, figures } = await prepare(scope);
  const target = path.join(dir, fileName);
  const outcome = await exportServiceMonthReport(db, electronBridge(target), { figures, base, unit, narrative: edited, overrides: {} });
  expect(outcome).toEqual({ status: 'saved', fileName });
  return target;
}

async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** The row whose first cell is `label` (the 汇总 sheet lists figures by label). */
function rowByLabel(ws: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  for (let r = 1; r <= ws.rowCount; r += 1) if (ws.getRow(r).getCell(1).value === label) return ws.getRow(r);
  throw new Error(`no row labelled ${label}`);
}

describe('service-month workbook through the main-process streaming writer', () => {
  let file: string;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    file = await exportTo('服务月报告-2026-11-吴江开发区管委会.xlsx');
    wb = await readBack(file);
  }, 60_000);

  test('six sheets in the bureau order, and no temp file left beside the saved one', async () => {
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['汇总', '走访台账', '问题清单', '重点项目进展', '经营监测', '集体活动']);
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  test('汇总: merged bold title, unit and date, figures as numbers matching the records', () => {
    const ws = wb.getWorksheet('汇总')!;
    expect(ws.getCell('A1').value).toBe('2026年11月“服务外企、重点项目推进月”工作情况汇总（吴江开发区管委会）');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.model.merges).toContain('A1:E1');
    expect(ws.getCell('A2').value).toBe('填报单位：吴江开发区管委会');
    expect(String(ws.getCell('A3').value)).toContain('填报日期：2026-11-30');
    expect(rowByLabel(ws, '走访次数').getCell(2).value).toBe(4);
    const coverage = rowByLabel(ws, '走访企业数（家）');
    expect([coverage.getCell(2).value, coverage.getCell(3).value, coverage.getCell(4).value]).toEqual([3, 4, 0.75]);
    expect(coverage.getCell(4).numFmt).toBe('0.0%');
    expect(rowByLabel(ws, '收集问题诉求（个）').getCell(2).value).toBe(5);
    expect(rowByLabel(ws, '按期答复').getCell(2).value).toBe(2);
    expect(rowByLabel(ws, '逾期答复').getCell(2).value).toBe(1);
    expect(rowByLabel(ws, '逾期未答复').getCell(2).value).toBe(1);
    expect(rowByLabel(ws, '未答复（含逾期）').getCell(2).value).toBe(2);
    const complaints = rowByLabel(ws, '投诉已办结（件）');
    expect([complaints.getCell(2).value, complaints.getCell(3).value, complaints.getCell(4).value]).toEqual([1, 2, 0.5]);
    expect(rowByLabel(ws, '解决或已有明确途径').getCell(4).value).toBeCloseTo(0.2);
    expect(rowByLabel(ws, '提交会商协调').getCell(2).value).toBe(1);
    expect(rowByLabel(ws, '吴江开发区').getCell(2).value).toBe(2);
    expect(rowByLabel(ws, '区交通运输局').getCell(2).value).toBe(1);
    expect(rowByLabel(ws, '3-07 研发费用加计扣除').getCell(3).value).toBe(2);
  });

  test('汇总: the three texts are written as the officer edited them, a leading = included', () => {
    const ws = wb.getWorksheet('汇总')!;
    const after = (label: string) => ws.getRow(rowByLabel(ws, label).number + 1).getCell(1);
    // 七、集体活动与全覆盖 (issue 17) comes before the texts.
    expect(rowByLabel(ws, '七、集体活动与全覆盖')).toBeDefined();
    expect(after('八、成效').value).toBe(edited.results);
    expect(after('九、存在问题').value).toBe(injectionTexts.formula);
    expect(after('九、存在问题').type).toBe(ExcelJS.ValueType.String);
    expect(after('十、下一步措施').value).toBe(edited.nextSteps);
  });

  test('every sheet prints landscape, one page wide, with its title rows repeated; 问题清单 on A3', () => {
    for (const ws of wb.worksheets) {
      const paperSize = ws.name === '问题清单' ? 8 : 9; // A3 : A4
      expect(ws.pageSetup).toMatchObject({ paperSize, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    }
    expect(wb.getWorksheet('汇总')!.pageSetup.printTitlesRow).toBe('1:3');
    expect(wb.getWorksheet('走访台账')!.pageSetup.printTitlesRow).toBe('1:2');
  });

  test('走访台账: 序号 first, header frozen and filtered, real dates, user text kept as text, 合计 row', () => {
    const ws = wb.getWorksheet('走访台账')!;
    expect(ws.getRow(2).values).toEqual([
      undefined, '序号', '走访日期', '企业名称', '所属区镇', '走访类型', '走访人员', '接待人员',
      '走访情况', '生产经营情况', '宣讲政策', '附件数', '统一社会信用代码',
    ]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toBe('A2:L2');
    expect(ws.getCell('B2').alignment?.wrapText).toBe(true);
    expect(ws.getCell('B2').border?.top?.style).toBe('thin');
    const dataRows = [3, 4, 5, 6].map((r) => ws.getRow(r));
    expect(dataRows.map((r) => r.getCell(1).value)).toEqual([1, 2, 3, 4]);
    expect(dataRows.map((r) => r.getCell(2).value)).toEqual(
      ['2026-11-03', '2026-11-15', '2026-11-20', '2026-11-30'].map((d) => new Date(`${d}T00:00:00Z`)),
    );
    expect(ws.getCell('B3').numFmt).toBe('yyyy-mm-dd');
    expect(dataRows[0]!.getCell(3).value).toBe('苏州恒力精密机械有限公司');
    // The operations snapshot prints as one column of labelled lines, the empty ones left out.
    expect(dataRows[0]!.getCell(9).value).toBe('用工：用工稳定\n订单：订单饱满\n产值：1.2亿元');
    expect(dataRows[0]!.getCell(10).value).toBe('3-01 稳岗返还');
    // The credit code stays in the file, after the printed columns.
    expect(dataRows[0]!.getCell(12).value).toBe('91320509MA1XXXXX01');
    expect(dataRows[1]!.getCell(7).value).toBe(injectionTexts.plus);
    expect(dataRows[2]!.getCell(8).value).toBe(injectionTexts.formula);
    expect(dataRows[2]!.getCell(8).type).toBe(ExcelJS.ValueType.String);
    expect(dataRows[3]!.getCell(8).value).toBe(injectionTexts.minus);
    const total = ws.getRow(7);
    expect([total.getCell(1).value, total.getCell(2).value, total.getCell(11).value]).toEqual(['合计', '共 4 条', 3]);
    expect(total.getCell(1).font?.bold).toBe(true);
  });

  test('问题清单: deadlines as dates, late rows highlighted with days late, injection strings unchanged', () => {
    const ws = wb.getWorksheet('问题清单')!;
    const rows = [3, 4, 5, 6, 7].map((r) => ws.getRow(r));
    expect(rows.map((r) => r.getCell(5).value)).toEqual([injectionTexts.at, '招工难', '招工难', '招工难', injectionTexts.tab]);
    // XML cannot carry a bare CR: it is written (and read by every reader) as a line feed, still text.
    expect(rows[4]!.getCell(6).value).toBe(injectionTexts.cr.replace('\r', '\n'));
    expect(rows[4]!.getCell(6).type).toBe(ExcelJS.ValueType.String);
    const late = rows.map((r) => [r.getCell(2).value, r.getCell(20).value, (r.getCell(1).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb]);
    expect(late).toEqual([
      ['苏州恒力精密机械有限公司', 0, undefined],
      ['苏州恒力精密机械有限公司', 2, LATE_FILL_ARGB],
      ['平望日新纺织有限公司', 17, LATE_FILL_ARGB],
      ['吴江友达光电有限公司', 0, undefined],
      ['震泽美亚丝绸有限公司', 0, undefined],
    ]);
    expect(rows[1]!.getCell(10).value).toEqual(new Date('2026-11-04T00:00:00Z'));
    expect(rows[1]!.getCell(11).value).toEqual(new Date('2026-11-11T00:00:00Z'));
    expect(rows[1]!.getCell(12).value).toEqual(new Date('2026-11-13T00:00:00Z'));
    expect(rows[0]!.getCell(10).value).toBeNull();
    expect(ws.getRow(8).getCell(20).value).toBe(19);
  });

  test('重点项目进展: projects in the library with this month’s entry, investment sums in 合计', () => {
    const ws = wb.getWorksheet('重点项目进展')!;
    // Sorted by town (平望镇 before 吴江开发区 in pinyin order); the out-of-library project is left out.
    expect(ws.getRow(3).getCell(2).value).toBe('智能工厂扩建项目');
    expect(ws.getRow(3).getCell(10).value).toBe('本期未报送进展');
    expect(ws.getRow(4).getCell(2).value).toBe('年产10万台精密减速机项目');
    expect(ws.getRow(4).getCell(8).value).toBe('2026-11');
    expect(ws.getRow(4).getCell(10).value).toBe('主体厂房封顶，设备进场');
    expect(ws.getRow(5).getCell(1).value).toBe('合计');
    expect(ws.getRow(5).getCell(5).value).toBeCloseTo(6200.5);
    expect(ws.getCell('E3').numFmt).toBe('#,##0.00');
  });

  test('经营监测: the month by town, 恒力 fell 500 万元, the enterprises with no figures this month', () => {
    const ws = wb.getWorksheet('经营监测')!;
    expect(ws.getCell('A1').value).toBe('2026年11月企业经营监测情况（吴江开发区管委会）');
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    const values = Array.from({ length: ws.rowCount }, (_, i) => (ws.getRow(i + 1).values as unknown[]).slice(1));
    expect(values.find((v) => v[0] === '吴江开发区')!.slice(0, 6)).toEqual(['吴江开发区', 2, 1, 2000, -500, -0.2]);
    expect(values.find((v) => v[0] === '合计')!.slice(0, 4)).toEqual(['合计', 4, 1, 2000]);
    expect(values.find((v) => v[0] === '苏州恒力精密机械有限公司')!.slice(3, 7)).toEqual([2500, -500, -0.2, 2000]);
    const missing = values.filter((v) => typeof v[3] === 'string' && /^上月.*填报$/.test(v[3])).map((v) => [v[0], v[3]]);
    expect(missing).toEqual([
      // By town in Chinese order: 平望 (ping), 吴江 (wu), 震泽 (zhen).
      ['平望日新纺织有限公司', '上月也未填报'],
      ['吴江友达光电有限公司', '上月已填报'],
      ['震泽美亚丝绸有限公司', '上月也未填报'],
    ]);
  });

  test('openpyxl loads it: same values, no formula cells, print titles, frozen panes, filters', async () => {
    const sheets = await openpyxlRead(file);
    expect(sheets.map((s) => s.title)).toEqual(['汇总', '走访台账', '问题清单', '重点项目进展', '经营监测', '集体活动']);
    for (const s of sheets) {
      expect(s.rows.flat().filter(([, type]) => type === 'f')).toEqual([]);
      expect([s.orientation, s.paper_size, s.fit_to_width, s.fit_to_height]).toEqual(['landscape', s.title === '问题清单' ? 8 : 9, 1, 0]);
    }
    const ledger = sheets[1]!;
    expect(ledger.freeze_panes).toBe('A3');
    expect(ledger.auto_filter).toBe('A2:L2');
    expect(ledger.print_title_rows).toBe('$1:$2');
    expect([ledger.print_area].flat()).toEqual(['$A:$K']); // 统一社会信用代码 (L) stays off paper
    expect(ledger.rows[4]![7]![0]).toBe(injectionTexts.formula);
    expect(ledger.rows[2]![1]![0]).toBe('2026-11-03');
    const list = sheets[2]!;
    expect(list.rows[6]![4]![0]).toBe(injectionTexts.tab);
    expect(list.rows[2]![4]![0]).toBe(injectionTexts.at);
    expect(sheets[0]!.merged).toContain('A1:E1');
  }, 120_000);

  test('LibreOffice converts it to PDF and to CSV whose values match', async () => {
    const pdf = await libreOfficeConvert(file, 'pdf');
    try {
      expect(pdf.files).toHaveLength(1);
      expect((await stat(path.join(pdf.dir, pdf.files[0]!))).size).toBeGreaterThan(10_000);
    } finally {
      await pdf.cleanup();
    }
    const csv = await libreOfficeCsvSheets(file);
    expect([...csv.keys()].sort()).toEqual(['问题清单', '汇总', '走访台账', '重点项目进展', '经营监测', '集体活动'].sort());
    const ledger = csv.get('走访台账')!;
    expect(ledger).toContain('1,2026-11-03,苏州恒力精密机械有限公司,吴江开发区,调研走访');
    expect(ledger).toMatch(/,91320509MA1XXXXX01\s*$/m);
    expect(ledger).toContain(`"${injectionTexts.formula}"`.replace(/^"|"$/g, ''));
    expect(ledger).toMatch(/合计,共 4 条,.*,3,?\s*$/m);
    const list = csv.get('问题清单')!;
    expect(list).toContain(injectionTexts.at);
    expect(list).toMatch(/,19\s*$/m);
    const summary = csv.get('汇总')!;
    expect(summary, summary).toMatch(/^走访次数,4,/m);
    expect(summary).toMatch(/^走访企业数（家）,3,4,75(\.0)?%,/m);
  }, 240_000); // two LibreOffice runs; slow when the machine is busy
});

describe('export edge cases', () => {
  test('a scope with nothing in the project library says 暂无数据 on sheet 4', async () => {
    const file = await exportTo('震泽镇.xlsx', { kind: 'town', town: '震泽镇' });
    const ws = (await readBack(file)).getWorksheet('重点项目进展')!;
    expect(ws.getRow(3).getCell(1).value).toBe('暂无数据');
    expect(ws.model.merges).toContain('A3:M3');
    const ledger = (await readBack(file)).getWorksheet('走访台账')!;
    expect(ledger.getRow(3).getCell(3).value).toBe('震泽美亚丝绸有限公司');
    expect(ledger.getRow(4).getCell(1).value).toBe('合计');
  });

  test('cancelling the save dialog writes nothing', async () => {
    const { base, figures } = await prepare();
    const before = await readdir(dir);
    const outcome = await exportServiceMonthReport(db, electronBridge(null), { figures, base, unit, narrative: edited, overrides: {} });
    expect(outcome).toEqual({ status: 'cancelled' });
    expect(await readdir(dir)).toEqual(before);
  });

  test('cancelling during the export removes the temp file and leaves no file under the chosen name', async () => {
    const { base, figures } = await prepare();
    const target = path.join(dir, 'cancelled.xlsx');
    const controller = new AbortController();
    const outcome = await exportServiceMonthReport(
      db,
      electronBridge(target),
      { figures, base, unit, narrative: edited, overrides: {} },
      { signal: controller.signal, onProgress: (p) => p.written >= 4 && controller.abort() },
    );
    expect(outcome).toEqual({ status: 'cancelled' });
    const names = await readdir(dir);
    expect(names).not.toContain('cancelled.xlsx');
    expect(names.filter((n) => n.includes('cancelled'))).toEqual([]);
    expect(new ExportCancelled().message).toBe('导出已取消');
  });

  test('the browser build writes the same cells as the main-process writer (one layout, two sinks)', async () => {
    const { base, figures } = await prepare();
    const { bridge: browser, saved } = browserSink();
    const outcome = await exportServiceMonthReport(db, browser, { figures, base, unit, narrative: edited, overrides: {} });
    expect(outcome).toEqual({ status: 'saved', fileName: '服务月报告-2026-11-吴江开发区管委会.xlsx' });
    const fromBrowser = new ExcelJS.Workbook();
    await fromBrowser.xlsx.load(saved[0]!.data.buffer as ArrayBuffer);
    const fromMain = await readBack(await exportTo('again.xlsx'));
    const cells = (wb: ExcelJS.Workbook) =>
      wb.worksheets.map((ws) => ({ name: ws.name, merges: [...ws.model.merges].sort(), rows: ws.getSheetValues().map((r) => JSON.stringify(r)) }));
    expect(cells(fromBrowser)).toEqual(cells(fromMain));
  });

  test('the drafted texts are what the page pre-fills', async () => {
    const { figures } = await prepare();
    expect(draftNarrative(figures).results).toContain('本期共开展走访 4 次');
  });
});
