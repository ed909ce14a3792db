// The review list as the user filtered it, as an .xlsx built in memory (at most the officer's
// enterprises, 20,000 rows at the very most — small enough not to need the streaming writer).
import type { ReviewRow } from './reviewData';

const columns: { header: string; width: number; value: (r: ReviewRow) => string | number }[] = [
  { header: '企业名称', width: 36, value: (r) => r.name },
  { header: '统一社会信用代码', width: 22, value: (r) => r.creditCode },
  { header: '所属区镇', width: 20, value: (r) => r.town },
  { header: '服务专员', width: 10, value: (r) => r.assignedOfficer },
  { header: '挂钩领导', width: 10, value: (r) => r.linkedLeader },
  { header: '分级', width: 6, value: (r) => r.serviceTier },
  { header: '最近走访', width: 12, value: (r) => r.lastVisitDate || '未走访' },
  { header: '距今天数', width: 9, value: (r) => r.daysSince ?? '' },
  { header: '本月走访', width: 9, value: (r) => (r.dueThisMonth ? '待走访' : '已走访') },
  { header: '未办结问题', width: 10, value: (r) => r.openProblems },
  { header: '逾期问题', width: 9, value: (r) => r.overdueProblems },
  { header: '重点项目', width: 30, value: (r) => r.keyProject },
  { header: '逾期措施', width: 9, value: (r) => r.planLate },
  { header: '近期到期措施', width: 12, value: (r) => r.planDue },
];

export async function buildReviewWorkbook(rows: readonly ReviewRow[], today: string): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs'); // loaded on first export only
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  const sheet = workbook.addWorksheet('联系企业', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    // Values are written as plain strings and numbers: user text is never a formula.
    sheet.addRow(columns.map((c) => c.value(row)));
  }
  sheet.addRow([]);
  sheet.addRow([`导出日期：${today}，共 ${rows.length} 家`]);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
