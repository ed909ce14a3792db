// Layout of sheet 4, 重点项目进展: the key projects in the library, each with its progress entry for
// the period (seed 001: every month, each town reports its projects' progress). The same rows are the
// monthly workbook's (月度进展表) list: the library of the period's last day, as 项目库概况 counts it.
import type { KeyProject, ProgressEntry } from '../domain/records';
import { libraryMembers, stageInMonth } from '../projects/libraryOverview';
import { periodLabel, periodMonths, projectInScope, type ReportPeriod, type ReportScope } from './reportScope';
import type { SheetRow, SheetSpec } from './sheetSpec';

export const PROJECT_PROGRESS_SHEET_NAME = '重点项目进展';
export const NO_DATA_TEXT = '暂无数据';

export function projectProgressSheetSpec(period: ReportPeriod, unit: string): SheetSpec {
  return {
    name: PROJECT_PROGRESS_SHEET_NAME,
    title: `${periodLabel(period)}重点外资项目进展情况${unit ? `（${unit}）` : ''}`,
    infoLines: [],
    // 140 character widths print at about 8.8 pt on A4 landscape in LibreOffice. Amounts get 13: a
    // number never wraps, and one too wide for its column prints as ### (the bold 合计 of a district's
    // projects runs to 1,234,567.00).
    columns: [
      { header: '序号', width: 5, type: 'integer' },
      { header: '项目名称', width: 15, type: 'text' },
      { header: '所属区镇', width: 8, type: 'text' },
      { header: '投资方来源', width: 6, type: 'text' },
      { header: '总投资（万美元）', width: 13, type: 'number', sum: true },
      { header: '注册外资\n（万美元）', width: 13, type: 'number', sum: true },
      { header: '入库日期', width: 11, type: 'date' },
      { header: '报送月份', width: 8, type: 'text' },
      { header: '项目阶段', width: 8, type: 'text' },
      { header: '本期进展', width: 20, type: 'text' },
      { header: '累计完成投资\n（万美元）', width: 13, type: 'number', sum: true },
      { header: '存在问题', width: 14, type: 'text' },
      { header: '牵头人', width: 6, type: 'text' },
    ],
    columnHeader: true,
    totalLabel: '合计',
    emptyText: NO_DATA_TEXT,
  };
}

/**
 * The projects in the library at the end of the period and in scope (libraryMembers: the library 项目库概况
 * counts), by town then name, each with the latest progress entry of the period and its stage then
 * (a project that reported nothing this period still appears, so a missing report shows). `entries`
 * may hold other months too: the stage of a project that reported nothing is read from them.
 */
export function projectProgressRows(
  projects: readonly KeyProject[],
  entries: readonly ProgressEntry[],
  period: ReportPeriod,
  scope: ReportScope,
): SheetRow[] {
  const months = new Set(periodMonths(period));
  const lastMonth = period.to.slice(0, 7);
  const latest = new Map<string, ProgressEntry>();
  for (const entry of entries) {
    if (entry.deletedAt !== undefined || !months.has(entry.month)) continue;
    const seen = latest.get(entry.projectId);
    if (!seen || entry.month > seen.month) latest.set(entry.projectId, entry);
  }
  return libraryMembers(projects, period.to)
    .filter((p) => projectInScope(p, scope))
    .map((p, i): SheetRow => {
      const entry = latest.get(p.id);
      return {
        kind: 'data',
        cells: [
          i + 1,
          p.name,
          p.town,
          p.investorRegion,
          p.totalInvestment ?? null,
          p.registeredForeignCapital ?? null,
          p.libraryEntryDate ?? null,
          entry?.month ?? '',
          entry?.stage ?? stageInMonth(p, entries, lastMonth),
          entry ? entry.progress : '本期未报送进展',
          entry?.investmentToDate ?? null,
          entry?.blockers ?? '',
          p.leadOfficer,
        ],
      };
    });
}
