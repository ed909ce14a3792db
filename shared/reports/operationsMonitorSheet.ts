// Layout of the service-month report's 经营监测 sheet (issue 15): the month's 经营数据 of the
// enterprises in scope as small titled tables, like 汇总 — by town, by industry, the enterprises whose
// output or jobs fell most, and the enterprises with no figures this month (应统尽统). A pure function
// of the monitor's figures (shared/operations/operationsMonitor.ts); the report's writer prints it.
import type { Faller, MonitorGroup, OperationsMonitor } from '../operations/operationsMonitor';
import type { ReportPeriod, ReportScope } from './reportScope';
import type { CellValue, SheetRow, SheetSpec } from './sheetSpec';
import { figureRows, figureSheetSpec, reportInfoLines, type SummaryMeta } from './summarySheet';

export const OPERATIONS_MONITOR_SHEET_NAME = '经营监测';

/** The month a service-month report's period monitors: its last month (a range ending mid-month monitors that month). */
export function monitorMonthOf(period: ReportPeriod): string {
  return period.month ?? period.to.slice(0, 7);
}

export const monthLabel = (month: string): string => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

export function operationsMonitorSheetSpec(m: OperationsMonitor, meta: SummaryMeta, period: ReportPeriod, scope: ReportScope): SheetSpec {
  return figureSheetSpec({
    name: OPERATIONS_MONITOR_SHEET_NAME,
    title: `${monthLabel(m.month)}企业经营监测情况${meta.unit ? `（${meta.unit}）` : ''}`,
    infoLines: [
      ...reportInfoLines(meta, period, scope),
      `监测月份：${m.month}；环比对比 ${m.previousMonth}，同比对比 ${m.lastYearMonth}；增减只计两月都填报了该项的企业（同口径）；产值、投资单位：万元，用工单位：人`,
    ],
    // 121 character widths: a district's 合计 in bold runs to 99,999,999.98 万元 (a number too wide for
    // its column prints as ###), so wider than 汇总's 106; still above 8 pt on A4 landscape (the
    // printed-sheets test measures it). B and C also hold a town and an industry in the enterprise lists.
    columns: [
      { header: '名称', width: 16, type: 'text' },
      { header: '企业数', width: 7, type: 'integer' },
      { header: '已填报', width: 7, type: 'integer' },
      { header: '本月产值', width: 14, type: 'number' },
      { header: '环比增减', width: 14, type: 'number' },
      { header: '环比', width: 8, type: 'percent' },
      { header: '本年累计产值', width: 16, type: 'number' },
      { header: '同比', width: 8, type: 'percent' },
      { header: '用工人数', width: 9, type: 'integer' },
      { header: '用工增减', width: 8, type: 'integer' },
      { header: '本年新增投资', width: 14, type: 'number' },
    ],
  });
}

const NONE = '暂无';

function groupCells(g: MonitorGroup): CellValue[] {
  const f = g.figures;
  const total = (key: keyof MonitorGroup['figures']) => (f[key].given > 0 ? f[key].total : null);
  return [
    g.label,
    g.enterprises,
    g.reported,
    total('outputValue'),
    f.outputValue.change ?? null,
    f.outputValue.share ?? null,
    total('outputValueYtd'),
    f.outputValueYtd.share ?? null,
    total('employees'),
    f.employees.change ?? null,
    total('newInvestmentYtd'),
  ];
}

const groupHeader = (what: string): CellValue[] => [what, '企业数', '已填报', '本月产值', '环比增减', '环比', '本年累计产值', '同比', '用工人数', '用工增减', '本年新增投资'];

function fallerCells(f: Faller): CellValue[] {
  return [f.enterprise.name, f.enterprise.town, f.enterprise.industry, f.previous, f.change, f.share ?? null, f.current];
}

export function operationsMonitorSheetRows(m: OperationsMonitor): SheetRow[] {
  const { section, header, data, total } = figureRows;
  const rows: SheetRow[] = [];
  let n = 0;
  const table = (title: string, head: CellValue[], body: CellValue[][], totalRow?: CellValue[]) => {
    rows.push(section(n++, title));
    rows.push(header(...head));
    if (body.length === 0) rows.push(data(NONE));
    for (const cells of body) rows.push(data(...cells));
    if (totalRow && body.length > 0) rows.push(total(...totalRow));
  };
  table('按区镇', groupHeader('区镇'), m.byTown.map(groupCells), groupCells(m.overall));
  table('按行业', groupHeader('行业'), m.byIndustry.map(groupCells), groupCells(m.overall));
  const fallerHead = (unit: string): CellValue[] => ['企业名称', '所属区镇', '行业', `上月（${unit}）`, '增减', '幅度', `本月（${unit}）`];
  table('本月产值减少最多的企业（按减少额）', fallerHead('万元'), m.fallers.outputByAmount.map(fallerCells));
  table('本月产值减少最多的企业（按降幅）', fallerHead('万元'), m.fallers.outputByShare.map(fallerCells));
  table('用工人数减少最多的企业（按减少人数）', fallerHead('人'), m.fallers.employeesByAmount.map(fallerCells));
  table('用工人数减少最多的企业（按降幅）', fallerHead('人'), m.fallers.employeesByShare.map(fallerCells));
  table(
    `本月未填报经营数据的企业（应统尽统，共 ${m.missing.length} 家）`,
    ['企业名称', '所属区镇', '行业', '上月'],
    m.missing.map((x) => [x.enterprise.name, x.enterprise.town, x.enterprise.industry, x.reportedLastMonth ? '上月已填报' : '上月也未填报']),
  );
  return rows;
}
