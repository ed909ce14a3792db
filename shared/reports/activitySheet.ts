// Layout of the service-month report's 集体活动 sheet (issue 17): the period's group activities as
// small titled tables like 汇总 — the coverage of the roster by visits and by activities, activities by
// type and by month, the policy reach table (each measure: enterprises reached by visit, by activity,
// either), and the list of activities with the enterprises that came. A pure function of the figures
// (shared/activities/activityFigures.ts) and the period's activities; the report's writer prints it.
import type { ActivityFigures } from '../activities/activityFigures';
import type { Activity } from '../domain/activityRecords';
import type { ReportPeriod, ReportScope } from './reportScope';
import { periodLabel } from './reportScope';
import type { CellValue, SheetRow, SheetSpec } from './sheetSpec';
import { figureRows, figureSheetSpec, reportInfoLines, type SummaryMeta } from './summarySheet';

export const ACTIVITY_SHEET_NAME = '集体活动';

/** One activity of the list, with the names of the enterprises of the scope that came. */
export interface ActivityListEntry {
  activity: Pick<Activity, 'date' | 'type' | 'topic' | 'place' | 'organiser'>;
  enterpriseNames: string[];
}

export function activitySheetSpec(meta: SummaryMeta, period: ReportPeriod, scope: ReportScope): SheetSpec {
  return figureSheetSpec({
    name: ACTIVITY_SHEET_NAME,
    title: `${periodLabel(period)}政策宣讲、对话沙龙、现场联合办公等集体活动情况${meta.unit ? `（${meta.unit}）` : ''}`,
    infoLines: [
      ...reportInfoLines(meta, period, scope),
      '覆盖：走访或参加活动的联系企业 ÷ 联系企业数；走访与活动分别统计，两者都有的企业只计一次；政策触达：听取该项政策宣讲的企业数（走访宣讲或活动宣讲）',
    ],
    // 113 character widths, as 汇总 (106) and 经营监测 (121): A4 landscape above 8 pt. B also holds the
    // activity list's type, H its place, organiser and enterprises.
    columns: [
      { header: '项目', width: 30, type: 'text' },
      { header: '数量', width: 10, type: 'integer' },
      { header: '数量', width: 10, type: 'integer' },
      { header: '数量', width: 10, type: 'integer' },
      { header: '数量', width: 10, type: 'integer' },
      { header: '数量', width: 10, type: 'integer' },
      { header: '比率', width: 9, type: 'percent' },
      { header: '说明', width: 24, type: 'text' },
    ],
  });
}

export function activitySheetRows(f: ActivityFigures, list: readonly ActivityListEntry[]): SheetRow[] {
  const { section, header, data, total } = figureRows;
  const rows: SheetRow[] = [];
  let n = 0;
  const c = f.coverage;

  rows.push(section(n++, '联系企业覆盖情况'));
  rows.push(header('指标', '企业数', '联系企业数', null, null, null, '覆盖率', '说明'));
  rows.push(data('走访覆盖', c.visited, c.assigned, null, null, null, c.visitedRate, '本期至少走访一次'));
  rows.push(data('活动覆盖', c.attended, c.assigned, null, null, null, c.attendedRate, '本期至少参加一次集体活动'));
  rows.push(data('其中：仅参加活动、未走访', c.attendedOnly, c.assigned, null, null, null, share(c.attendedOnly, c.assigned), '集体活动新增的覆盖'));
  rows.push(total('走访或活动覆盖（全覆盖）', c.reached, c.assigned, null, null, null, c.reachedRate, null));

  rows.push(section(n++, '按活动类型'));
  rows.push(header('活动类型', '活动场次', '参加（家次）', '参加企业（家）', null, null, null, null));
  for (const t of f.byType) rows.push(data(t.type, t.activities, t.attendances, t.enterprises, null, null, null, null));
  rows.push(total('合计', f.activities, f.attendances, f.enterprisesReached, null, null, null, null));

  rows.push(section(n++, '按月份'));
  rows.push(header('月份 / 活动类型', '活动场次', '参加（家次）', '参加企业（家）', null, null, null, null));
  if (f.byTypeMonth.length === 0) rows.push(data('本期未开展集体活动', null, null, null, null, null, null, null));
  for (const m of f.byTypeMonth) rows.push(data(`${m.month}\u3000${m.type}`, m.activities, m.attendances, m.enterprises, null, null, null, null));

  rows.push(section(n++, '政策触达（听取每项政策宣讲的企业数）'));
  rows.push(header('政策', '走访宣讲次数', '活动宣讲场次', '走访触达企业', '活动触达企业', '触达企业合计', '触达率', null));
  if (f.policyReach.length === 0) rows.push(data('政策清单为空', null, null, null, null, null, null, null));
  for (const p of f.policyReach) {
    const title = p.code ? `${p.code} ${p.title}` : p.title;
    rows.push(data(title, p.visits, p.activities, p.byVisit, p.byActivity, p.reached, share(p.reached, c.assigned), null));
  }

  rows.push(section(n, `活动清单（共 ${list.length} 场）`));
  rows.push(header('日期 / 主题', '类型', '参加企业', null, null, null, null, '地点、主办单位、参加企业'));
  if (list.length === 0) rows.push(data('暂无', null, null, null, null, null, null, null));
  for (const { activity: a, enterpriseNames } of list) {
    const where = [a.place ? `地点：${a.place}` : '', a.organiser ? `主办：${a.organiser}` : ''].filter(Boolean).join('；');
    const cells: CellValue[] = [`${a.date}\u3000${a.topic}`, a.type, enterpriseNames.length, null, null, null, null, `${where ? `${where}；` : ''}参加企业：${enterpriseNames.join('、')}`];
    rows.push(data(...cells));
  }
  return rows;
}

const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);
