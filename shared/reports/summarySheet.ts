// Layout of sheet 1, 汇总: the figures as small titled tables, then the three text sections. A pure
// function of the figures, the texts and the reporting unit.
import { outcomeClasses } from '../domain/records';
import type { ReportNarrative } from './reportNarrative';
import { periodLabel, scopeLabel, type ReportPeriod, type ReportScope } from './reportScope';
import type { ServiceMonthFigures } from './serviceMonthFigures';
import type { CellValue, ColumnSpec, SheetRow, SheetSpec } from './sheetSpec';

export const SUMMARY_SHEET_NAME = '汇总';

export interface SummaryMeta {
  unit: string; // 填报单位
  filedOn: string; // 填报日期
}

/** Two ideographic spaces between the facts of the date line, as a typed Chinese form would. */
const gap = '\u3000\u3000';

const numbered = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function summaryTitle(f: ServiceMonthFigures, unit: string): string {
  return `${periodLabel(f.period)}“服务外企、重点项目推进月”工作情况汇总${unit ? `（${unit}）` : ''}`;
}

/** The two lines under a figures sheet's title: the unit, then the day, the period and the scope. */
export function reportInfoLines(meta: SummaryMeta, period: ReportPeriod, scope: ReportScope): string[] {
  return [
    `填报单位：${meta.unit || '（未填写）'}`,
    `填报日期：${meta.filedOn}${gap}统计期间：${period.from} 至 ${period.to}${gap}统计范围：${scopeLabel(scope)}`,
  ];
}

/**
 * A sheet of small titled tables of figures (汇总, and the monthly workbook's 概况): no ledger header,
 * one-line rows, each table's headings kept on every page it prints on. The columns are the caller's.
 */
export function figureSheetSpec(base: Pick<SheetSpec, 'name' | 'title' | 'infoLines'> & { columns: ColumnSpec[] }): SheetSpec {
  return {
    ...base,
    columnHeader: false,
    rowHeight: 20,
    // Several tables under one set of print rows: the writer keeps each table's headings on every
    // page it prints on.
    pageTables: true,
  };
}

export function summarySheetSpec(f: ServiceMonthFigures, meta: SummaryMeta): SheetSpec {
  return figureSheetSpec({
    name: SUMMARY_SHEET_NAME,
    title: summaryTitle(f, meta.unit),
    infoLines: reportInfoLines(meta, f.period, f.scope),
    // A: labels; B, C: counts; D: a rate; E: a note or a fourth figure. 106 character widths fit A4
    // landscape at full size (11 pt) in LibreOffice too.
    columns: [
      { header: '项目', width: 32, type: 'text' },
      { header: '数量', width: 12, type: 'integer' },
      { header: '基数', width: 12, type: 'integer' },
      { header: '比率', width: 10, type: 'percent' },
      { header: '说明', width: 40, type: 'text' },
    ],
  });
}

/** The row kinds of a figures sheet: a numbered table heading, its header row, figures, a 合计. */
export const figureRows = {
  section: (n: number, text: string): SheetRow => ({ kind: 'section', cells: [`${numbered[n]}、${text}`] }),
  header: (...cells: CellValue[]): SheetRow => ({ kind: 'header', cells }),
  data: (...cells: CellValue[]): SheetRow => ({ kind: 'data', cells }),
  total: (...cells: CellValue[]): SheetRow => ({ kind: 'total', cells }),
};

const { section, header, data, total } = figureRows;

export function summarySheetRows(f: ServiceMonthFigures, narrative: ReportNarrative): SheetRow[] {
  const p = f.problems;
  const rows: SheetRow[] = [];
  let n = 0;

  rows.push(section(n++, '总体情况'));
  rows.push(header('指标', '数量', '基数', '比率', '说明'));
  rows.push(data('走访次数', f.visits, null, null, '本期走访记录条数'));
  rows.push(data('走访企业数（家）', f.enterprisesVisited, f.enterprisesAssigned, f.coverageRate, '基数为联系企业数，比率为走访覆盖率'));
  rows.push(data('收集问题诉求（个）', p.total, null, null, '本期提出的问题'));
  rows.push(data('按期答复', p.answeredOnTime, p.total, share(p.answeredOnTime, p.total), '本部门3个工作日、转办5个工作日内答复'));
  rows.push(data('逾期答复', p.answeredLate, p.total, share(p.answeredLate, p.total), '已答复但超过答复期限'));
  rows.push(data('逾期未答复', p.overdue, p.total, share(p.overdue, p.total), `截至 ${f.asOf} 已过答复期限`));
  rows.push(data('未答复（含逾期）', p.unanswered, p.total, share(p.unanswered, p.total), null));
  rows.push(data('投诉已办结（件）', p.complaintsClosed, p.complaints, p.complaintClosureRate, '基数为投诉件数，比率为投诉结案率'));

  rows.push(section(n++, '问题办理成效'));
  rows.push(header('办理成效', '数量', '问题总数', '占比', null));
  for (const c of outcomeClasses) rows.push(data(c, p.byOutcome[c], p.total, f.outcomeShares[c], null));
  rows.push(data('尚未归类', f.unclassified, p.total, share(f.unclassified, p.total), null));
  rows.push(total('合计', p.total, p.total, share(p.total, p.total), null));

  rows.push(section(n++, '分区镇情况'));
  rows.push(header('区镇', '走访次数', '走访企业数', '覆盖率', '问题数'));
  for (const t of f.byTown) rows.push(data(t.town, t.visits, t.enterprisesVisited, t.coverageRate, t.problems));
  rows.push(total('合计', f.visits, f.enterprisesVisited, f.coverageRate, p.total));

  rows.push(section(n++, '分问题类别'));
  rows.push(header('问题类别', '问题数', '已答复', '答复率', '未答复'));
  for (const c of f.byCategory) rows.push(data(c.category, c.problems, c.answered, c.answerRate, c.unanswered));
  rows.push(
    total('合计', p.total, p.answeredOnTime + p.answeredLate, share(p.answeredOnTime + p.answeredLate, p.total), p.unanswered),
  );

  rows.push(section(n++, '分责任部门'));
  rows.push(header('责任部门', '问题数', '按期答复', '按期答复率', '逾期未答复'));
  for (const d of f.byDepartment) rows.push(data(d.department, d.problems, d.answeredOnTime, d.onTimeRate, d.overdue));
  rows.push(total('合计', p.total, p.answeredOnTime, share(p.answeredOnTime, p.total), p.overdue));

  rows.push(section(n++, '政策宣讲'));
  rows.push(header('政策', '宣讲次数', '知晓企业数', '占走访企业比', '政策文件'));
  if (f.policies.length === 0) rows.push(data('本期未记录政策宣讲', null, null, null, null));
  for (const x of f.policies) {
    const title = x.code ? `${x.code} ${x.title}` : x.title;
    rows.push(data(title, x.visits, x.enterprises, share(x.enterprises, f.enterprisesVisited), x.sourceDocument || null));
  }

  if (f.activities) {
    // Issue 17: group activities count toward coverage (全覆盖), reported apart from one-to-one visits.
    const a = f.activities;
    const c = a.coverage;
    rows.push(section(n++, '集体活动与全覆盖'));
    rows.push(header('指标', '数量', '基数', '比率', '说明'));
    rows.push(data('集体活动（场）', a.activities, null, null, a.byType.filter((t) => t.activities > 0).map((t) => `${t.type} ${t.activities} 场`).join('，') || '本期未开展集体活动'));
    rows.push(data('参加活动企业（家）', a.enterprisesReached, null, null, `共 ${a.attendances} 家次`));
    rows.push(data('走访覆盖（家）', c.visited, c.assigned, c.visitedRate, '基数为联系企业数'));
    rows.push(data('活动覆盖（家）', c.attended, c.assigned, c.attendedRate, `其中仅参加活动、未走访 ${c.attendedOnly} 家`));
    rows.push(data('走访或活动覆盖（家）', c.reached, c.assigned, c.reachedRate, '全覆盖：走访或参加集体活动'));
    const reached = a.policyReach.filter((p) => p.reached > 0).length;
    rows.push(data('触达企业的政策（项）', reached, a.policyReach.length, share(reached, a.policyReach.length), '各项政策的触达企业数见“集体活动”表'));
  }

  rows.push(section(n++, '成效'));
  rows.push({ kind: 'text', cells: [narrative.results] });
  rows.push(section(n++, '存在问题'));
  rows.push({ kind: 'text', cells: [narrative.issues] });
  rows.push(section(n, '下一步措施'));
  rows.push({ kind: 'text', cells: [narrative.nextSteps] });
  return rows;
}

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
