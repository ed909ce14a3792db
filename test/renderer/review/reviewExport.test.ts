// The 联系企业 export goes through the reports' SheetSpec → SheetWriter pipeline: it prints like them
// (A4 landscape, one page wide, title and header repeated on every page) and its dates are dates.
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import type { ReviewRow } from '../../../renderer/src/features/review/reviewData';
import { buildReviewWorkbook } from '../../../renderer/src/features/review/reviewExport';

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

async function exported(rows: ReviewRow[]): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildReviewWorkbook(rows, '2026-11-18', '服务专员：张三')).buffer as ArrayBuffer);
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
