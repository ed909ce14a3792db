// Layout of sheet 3, 问题清单: one row per problem with its deadlines under 首问负责制; rows answered
// late or overdue are highlighted and say by how many days.
import type { CalendarOverrides } from '../calendar/workingDays';
import type { Problem } from '../domain/records';
import { problemTimeliness } from '../problems/problemTimeliness';
import type { ReportEnterprise, ReportPeriod } from './reportScope';
import { periodLabel } from './reportScope';
import type { SheetRow, SheetSpec } from './sheetSpec';

export const PROBLEM_LIST_SHEET_NAME = '问题清单';

export function problemListSheetSpec(period: ReportPeriod, unit: string): SheetSpec {
  return {
    name: PROBLEM_LIST_SHEET_NAME,
    title: `${periodLabel(period)}企业问题诉求清单${unit ? `（${unit}）` : ''}`,
    infoLines: [],
    columns: [
      { header: '序号', width: 7, type: 'integer' },
      { header: '企业名称', width: 24, type: 'text' },
      { header: '所属区镇', width: 14, type: 'text' },
      { header: '问题类别', width: 12, type: 'text' },
      { header: '问题描述', width: 32, type: 'text' },
      { header: '企业诉求', width: 26, type: 'text' },
      { header: '办理方式', width: 11, type: 'text' },
      { header: '责任部门', width: 14, type: 'text' },
      { header: '提出日期', width: 12, type: 'date' },
      { header: '转办日期', width: 12, type: 'date' },
      { header: '答复期限', width: 12, type: 'date' },
      { header: '答复日期', width: 12, type: 'date' },
      { header: '答复内容', width: 24, type: 'text' },
      { header: '办理状态', width: 10, type: 'text' },
      { header: '办理成效', width: 18, type: 'text' },
      { header: '首问责任人', width: 11, type: 'text' },
      { header: '逾期天数', width: 9, type: 'integer', sum: true },
    ],
    columnHeader: true,
    totalLabel: '合计',
  };
}

export function problemListRow(
  seq: number,
  p: Problem,
  e: ReportEnterprise | undefined,
  asOf: string,
  overrides: CalendarOverrides = {},
  dueSoonLimit?: string,
): SheetRow {
  const t = problemTimeliness(p, asOf, overrides, dueSoonLimit);
  return {
    kind: t.daysLate > 0 ? 'late' : 'data',
    cells: [
      seq,
      e?.name ?? '（企业已删除）',
      e?.town ?? '',
      p.category,
      p.description,
      p.request,
      p.handling,
      p.department,
      p.raisedDate,
      p.transferDate ?? null,
      t.deadline ?? null,
      p.replyDate ?? null,
      p.replyContent,
      p.status,
      p.outcomeClass ?? '',
      p.officer,
      t.daysLate,
    ],
  };
}
