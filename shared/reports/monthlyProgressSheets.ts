// Layout of the monthly workbook of the key project library (月度进展表, seed 001: 各地每月向市政府报送
// 重点项目推进情况): 概况 (the library's figures, on the figures-sheet builder of 汇总), 在库项目进展 (the
// rows of the service-month report's 重点项目进展), 入库出库 (the month's entries and exits) and 项目诉求
// (the problem list's layout, naming the project). Pure functions of 项目库概况 and the records.
import { outcomeClasses } from '../domain/records';
import type { LibraryMove, LibraryOverview } from '../projects/libraryOverview';
import { previousMonth } from '../projects/libraryOverview';
import { problemListSheetSpec } from './problemListSheet';
import { projectProgressSheetSpec } from './projectProgressSheet';
import { monthPeriod, periodLabel, type ReportPeriod, type ReportScope } from './reportScope';
import type { SheetRow, SheetSpec } from './sheetSpec';
import { figureRows, figureSheetSpec, reportInfoLines, type SummaryMeta } from './summarySheet';

export const MONTHLY_PROGRESS_REPORT = '月度进展表';
export const LIBRARY_SUMMARY_SHEET_NAME = '概况';
export const LIBRARY_PROGRESS_SHEET_NAME = '在库项目进展';
export const LIBRARY_MOVES_SHEET_NAME = '入库出库';
export const PROJECT_REQUESTS_SHEET_NAME = '项目诉求';

export function libraryScope(town: string | undefined): ReportScope {
  return town === undefined ? { kind: 'all' } : { kind: 'town', town };
}

const suffix = (unit: string) => (unit ? `（${unit}）` : '');

export function librarySummarySheetSpec(o: LibraryOverview, meta: SummaryMeta): SheetSpec {
  const period = monthPeriod(o.month);
  return figureSheetSpec({
    name: LIBRARY_SUMMARY_SHEET_NAME,
    title: `${periodLabel(period)}重点外资项目库概况${suffix(meta.unit)}`,
    infoLines: reportInfoLines(meta, period, libraryScope(o.town)),
    // A: labels; B: projects; C, D: amounts (13 widths: a district's total runs to 1,234,567.00);
    // E: a share; F: a note. 106 character widths, as 汇总: full size on A4 landscape.
    columns: [
      { header: '指标', width: 26, type: 'text' },
      { header: '项目数', width: 9, type: 'integer' },
      { header: '总投资（万美元）', width: 14, type: 'number' },
      { header: '注册外资（万美元）', width: 14, type: 'number' },
      { header: '占比', width: 9, type: 'percent' },
      { header: '说明', width: 34, type: 'text' },
    ],
  });
}

const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);
const names = (moves: readonly LibraryMove[]) => moves.map((m) => m.project.name).join('、');

export function librarySummarySheetRows(o: LibraryOverview): SheetRow[] {
  const { section, header, data, total } = figureRows;
  const c = o.current;
  const prev = o.previous;
  const r = o.requests;
  const rows: SheetRow[] = [];
  let n = 0;
  const amountsHeader = (label: string) => header(label, '项目数', '总投资（万美元）', '注册外资\n（万美元）', '占比', '说明');

  rows.push(section(n++, '在库项目总体情况'));
  rows.push(amountsHeader('指标'));
  const unreported = c.projects - c.withInvestment;
  rows.push(
    data('本月末在库项目', c.projects, c.totalInvestment, c.registeredForeignCapital, null, unreported > 0 ? `${o.month} 末；其中 ${unreported} 个未填总投资` : `${o.month} 末`),
  );
  rows.push(data('平均投资规模', null, c.averageInvestment, null, null, '总投资 ÷ 填有总投资的项目数'));
  rows.push(data('总投资1亿美元及以上', c.over100m, c.over100mInvestment, null, c.over100mShare, '占比为占在库项目数'));
  rows.push(data('上月末在库项目', prev.projects, prev.totalInvestment, prev.registeredForeignCapital, null, `${previousMonth(o.month)} 末`));
  rows.push(data('较上月增减', o.change.projects, o.change.totalInvestment, o.change.registeredForeignCapital, null, `1亿美元及以上项目 ${signed(o.change.over100m)} 个`));
  rows.push(data('本月新入库', o.entries.length, null, null, null, names(o.entries) || '无'));
  rows.push(data('本月出库', o.exits.length, null, null, null, names(o.exits) || '无'));

  for (const [title, label, list] of [
    ['按项目阶段', '项目阶段', o.byStage],
    ['按投资方来源', '投资方来源', o.byRegion],
  ] as const) {
    rows.push(section(n++, title));
    rows.push(header(label, '项目数', '总投资（万美元）', null, '占比', null));
    for (const s of list) rows.push(data(s.name, s.count, s.totalInvestment, null, s.share, null));
    rows.push(total('合计', c.projects, c.totalInvestment, null, share(c.projects, c.projects), null));
  }

  rows.push(section(n, '项目诉求办理情况'));
  rows.push(header('办理成效', '诉求数', null, null, '占比', '说明'));
  for (const k of outcomeClasses) rows.push(data(k, r.byOutcome[k], null, null, r.outcomeShares[k], null));
  rows.push(data('尚未归类', r.unclassified, null, null, share(r.unclassified, r.total), null));
  rows.push(
    total('合计', r.total, null, null, share(r.total, r.total), `${r.projects} 个项目提出；其中本月提出 ${r.raisedThisMonth} 项`),
  );
  return rows;
}

function signed(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}

/** 在库项目进展: the service-month report's 重点项目进展 sheet under this workbook's name. */
export function libraryProgressSheetSpec(period: ReportPeriod, unit: string): SheetSpec {
  return { ...projectProgressSheetSpec(period, unit), name: LIBRARY_PROGRESS_SHEET_NAME };
}

export function libraryMovesSheetSpec(month: string, unit: string): SheetSpec {
  return {
    name: LIBRARY_MOVES_SHEET_NAME,
    title: `${periodLabel(monthPeriod(month))}重点外资项目入库、出库情况${suffix(unit)}`,
    infoLines: [],
    // 130 character widths: A4 landscape at about 9.5 pt, as 重点项目进展.
    columns: [
      { header: '序号', width: 5, type: 'integer' },
      { header: '变动', width: 6, type: 'text' },
      { header: '项目名称', width: 20, type: 'text' },
      { header: '所属区镇', width: 9, type: 'text' },
      { header: '投资方来源', width: 8, type: 'text' },
      { header: '总投资（万美元）', width: 13, type: 'number', sum: true },
      { header: '注册外资\n（万美元）', width: 13, type: 'number', sum: true },
      { header: '项目阶段', width: 9, type: 'text' },
      { header: '日期', width: 11, type: 'date' },
      { header: '出库原因', width: 27, type: 'text' },
      { header: '牵头人', width: 7, type: 'text' },
    ],
    columnHeader: true,
    totalLabel: '合计',
    emptyText: '本月没有项目入库或出库',
  };
}

/** The month's entries, then its exits, each by date. */
export function libraryMovesRows(o: LibraryOverview): SheetRow[] {
  return [...o.entries, ...o.exits].map((m, i) => ({
    kind: 'data',
    cells: [
      i + 1,
      m.kind,
      m.project.name,
      m.project.town,
      m.project.investorRegion,
      m.project.totalInvestment ?? null,
      m.project.registeredForeignCapital ?? null,
      o.stages.get(m.project.id) ?? m.project.stage,
      m.date,
      m.reason,
      m.project.leadOfficer,
    ],
  }));
}

/** 项目诉求: the problem list's layout, the second column naming the project and its enterprise. */
export function projectRequestsSheetSpec(period: ReportPeriod, unit: string): SheetSpec {
  return problemListSheetSpec(period, unit, { name: PROJECT_REQUESTS_SHEET_NAME, title: '重点外资项目诉求清单', subject: '项目名称（企业）' });
}
