// The 联系企业 export goes through the reports' SheetSpec → SheetWriter pipeline and the one workbook
// export helper: it prints like them (A4 landscape, one page wide, title and header repeated on every
// page), its dates are dates, and a long list shows progress and can be cancelled like a report.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import type { ExportProgress } from '../../../renderer/src/export/workbookExport';
import type { ReviewRow } from '../../../renderer/src/features/review/reviewData';
import { exportContactList } from '../../../renderer/src/features/review/reviewExport';
import { browserSink, fileSink } from '../export/exportSinks';

const row = (over: Partial<ReviewRow>): ReviewRow => ({
  id: 'e1',
  name: '苏州恒力精密机械有限公司',
  creditCode: '91320509MA1XXXXX01',
  town: '吴江开发区',
  assignedOfficer: '张三',
  linkedLeader: '李副区长',
  serviceTier: 'A',
  lastVisitDate: '2026-11-05',
  daysSince: 13,
  dueThisMonth: false,
  openProblems: 2,
  overdueProblems: 1,
  keyProject: '年产10万台精密减速机项目（在建）',
  planDue: 1,
  planLate: 0,
  ...over,
});

/** The list exported as the browser build does it (the bridge's in-page sink), read back. */
async function exported(rows: ReviewRow[]): Promise<ExcelJS.Worksheet> {
  const { bridge, saved } = browserSink();
  const outcome = await exportContactList(bridge, rows, { today: '2026-11-18', scope: '服务专员：张三' });
  expect(outcome).toEqual({ status: 'saved', fileName: '联系企业-2026-11-18.xlsx' });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(saved[0]!.data.buffer as ArrayBuffer);
  return wb.getWorksheet('联系企业')!;
}

describe('联系企业 export', () => {
  test('prints like the reports: A4 landscape, one page wide, title, export line and header repeated on every page', async () => {
    const ws = await exported([row({})]);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:3' });
    expect(ws.getCell('A1').value).toBe('联系企业服务情况表');
    expect(ws.getCell('A2').value).toBe('服务专员：张三\u3000\u3000导出日期：2026-11-18\u3000\u3000共 1 家');
    expect(ws.getRow(3).values).toEqual([
      undefined, '序号', '企业名称', '统一社会信用代码', '所属区镇', '服务专员', '挂钩领导', '分级', '最近走访', '距今天数',
      '本月走访', '未办结问题', '逾期问题', '重点项目', '逾期措施', '近期到期措施',
    ]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.getCell('B3').font?.bold).toBe(true);
  });

  test('最近走访 is a real date cell; never visited says 未走访; counts are numbers', async () => {
    const ws = await exported([row({}), row({ id: 'e2', name: '丙电子', lastVisitDate: '', daysSince: null, dueThisMonth: true })]);
    expect(ws.getCell('H4').value).toEqual(new Date(Date.UTC(2026, 10, 5)));
    expect(ws.getCell('H4').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('H5').value).toBe('未走访');
    expect(ws.getCell('I5').value).toBeNull();
    expect([ws.getCell('A5').value, ws.getCell('J5').value, ws.getCell('K4').value]).toEqual([2, '待走访', 2]);
  });

  test('a name that looks like a formula stays text', async () => {
    const ws = await exported([row({ name: '=HYPERLINK("http://x")' })]);
    expect(ws.getCell('B4').value).toBe('=HYPERLINK("http://x")');
    expect(ws.getCell('B4').type).toBe(ExcelJS.ValueType.String);
  });
});

describe('联系企业 export of a long list', () => {
  const many = Array.from({ length: 2500 }, (_, i) => row({ id: `e${i}`, name: `企业${i + 1}` }));

  test('streams in chunks, reporting enterprises written of the list, and saves every row', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ledger-contacts-'));
    try {
      const seen: ExportProgress[] = [];
      const outcome = await exportContactList(fileSink(dir, '联系企业.xlsx'), many, { today: '2026-11-18', scope: '' }, { onProgress: (p) => seen.push(p) });
      expect(outcome).toEqual({ status: 'saved', fileName: '联系企业.xlsx' });
      expect(seen.map((p) => `${p.sheet} ${p.written}/${p.total}`)).toEqual(['联系企业 0/2500', '联系企业 1000/2500', '联系企业 2000/2500', '联系企业 2500/2500']);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(dir, '联系企业.xlsx'));
      const ws = wb.getWorksheet('联系企业')!;
      expect([ws.getCell('A2503').value, ws.getCell('B2503').value]).toEqual([2500, '企业2500']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('cancelling mid-way leaves nothing under the chosen name and no temp file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ledger-contacts-'));
    try {
      const controller = new AbortController();
      const outcome = await exportContactList(
        fileSink(dir, '联系企业.xlsx'),
        many,
        { today: '2026-11-18', scope: '' },
        { signal: controller.signal, onProgress: (p) => p.written >= 1000 && controller.abort() },
      );
      expect(outcome).toEqual({ status: 'cancelled' });
      expect(await readdir(dir)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
