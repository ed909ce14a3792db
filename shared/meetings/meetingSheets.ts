// The meeting's paper (issue 16), through the report pipeline (SheetSpec → the one writer):
// - 交办单: one sheet per department, the items assigned to it at the meeting, A4, with a line for the
//   department's hand signature — a clerk prints each sheet as one page and hands it over;
// - 会议纪要: every agenda item with the enterprise, the decision, the department and the deadline;
// - 部门红黄榜: the league table of a period (shared/meetings/departmentLeague.ts).
// Pure layouts of plain figures; user text is always written as text by the writer.
import type { Meeting } from '../domain/meetingRecords';
import { meetingName } from '../domain/meetingRecords';
import type { SheetRow, SheetSpec } from '../reports/sheetSpec';
import type { LeagueGrouping, LeagueRow } from './departmentLeague';
import { leagueGroupingLabels, RED_BOARD_FROM, YELLOW_BOARD_BELOW } from './departmentLeague';

/** One agenda item as the minutes print it. */
export interface MinutesItem {
  enterprise: string;
  description: string;
  /** Absent when the meeting took no decision on it. */
  decision?: {
    department: string;
    task: string;
    deadline: string;
    deadlineProvisional?: boolean;
    rectificationOwner?: string;
  };
}

type MeetingHead = Pick<Meeting, 'type' | 'date' | 'title' | 'chair' | 'attendees'>;

const NOT_DECIDED = '未作决定';

function meetingLine(m: MeetingHead): string {
  return [`会议类型：${m.type}`, `会议日期：${m.date}`, m.chair ? `主持人：${m.chair}` : ''].filter((s) => s !== '').join('\u3000\u3000');
}

/** A deadline as printed: the date, or the date and 待确认 when the calendar does not know its year. */
function deadlineCell(d: NonNullable<MinutesItem['decision']>): string {
  return d.deadlineProvisional ? `${d.deadline}（待确认）` : d.deadline;
}

/** Excel's sheet names: 31 characters, none of []:*?/\ ; two departments never share one. */
export function assignmentSheetNames(departments: readonly string[]): string[] {
  const used = new Set<string>();
  return departments.map((department) => {
    const base = `交办单-${department.replace(/[[\]:*?/\\]/g, '')}`.slice(0, 31);
    let name = base;
    for (let n = 2; used.has(name); n += 1) name = `${base.slice(0, 31 - String(n).length - 1)}-${n}`;
    used.add(name);
    return name;
  });
}

/** The departments that were assigned items, in the order of the agenda. */
export function assignedDepartments(items: readonly MinutesItem[]): string[] {
  return [...new Set(items.flatMap((i) => (i.decision ? [i.decision.department] : [])))];
}

export function assignmentSheetSpec(m: MeetingHead, department: string, sheetName: string, itemCount: number): SheetSpec {
  return {
    name: sheetName,
    title: `${meetingName(m)}交办单`,
    infoLines: [`承办部门：${department}`, `${meetingLine(m)}\u3000\u3000交办事项 ${itemCount} 项`],
    // 105 character widths: about 10 pt on A4 landscape; one department's items fit one page.
    columns: [
      { header: '序号', width: 6, type: 'integer' },
      { header: '企业名称', width: 18, type: 'text' },
      { header: '问题诉求', width: 28, type: 'text' },
      { header: '交办事项', width: 28, type: 'text' },
      { header: '办理期限', width: 13, type: 'date' },
      { header: '挂牌整改责任人', width: 12, type: 'text' },
    ],
    columnHeader: true,
    paper: 'A4',
    emptyText: '本次会议未向该部门交办事项',
  };
}

/** The department's items, then the lines it signs by hand. */
export function assignmentRows(items: readonly MinutesItem[], department: string): SheetRow[] {
  const mine = items.filter((i) => i.decision?.department === department);
  const rows: SheetRow[] = mine.map((item, i) => {
    const d = item.decision as NonNullable<MinutesItem['decision']>;
    return {
      kind: 'data',
      cells: [i + 1, item.enterprise, item.description, d.task, deadlineCell(d), d.rectificationOwner ?? ''],
    };
  });
  rows.push(
    { kind: 'text', cells: ['请于办理期限内办结，并将办理情况书面反馈会议承办单位；挂牌整改事项由责任人负责，逾期将亮灯督办。'] },
    { kind: 'text', cells: ['承办部门签收人：\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000签收日期：\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日'] },
  );
  return rows;
}

export const MINUTES_SHEET_NAME = '会议纪要';

export function minutesSheetSpec(m: MeetingHead, items: readonly MinutesItem[]): SheetSpec {
  const decided = items.filter((i) => i.decision !== undefined).length;
  return {
    name: MINUTES_SHEET_NAME,
    title: `${meetingName(m)}会议纪要`,
    infoLines: [
      meetingLine(m),
      `参会人员：${m.attendees.length > 0 ? m.attendees.join('、') : '（未记录）'}`,
      `议题 ${items.length} 项，已作决定 ${decided} 项`,
    ],
    // 117 character widths: above 9 pt on A4 landscape.
    columns: [
      { header: '序号', width: 6, type: 'integer' },
      { header: '企业名称', width: 18, type: 'text' },
      { header: '问题诉求', width: 26, type: 'text' },
      { header: '会议决定', width: 28, type: 'text' },
      { header: '责任部门', width: 14, type: 'text' },
      { header: '办理期限', width: 13, type: 'date' },
      { header: '挂牌整改', width: 12, type: 'text' },
    ],
    columnHeader: true,
    paper: 'A4',
    emptyText: '本次会议没有议题',
  };
}

export function minutesRows(items: readonly MinutesItem[]): SheetRow[] {
  return items.map((item, i) => {
    const d = item.decision;
    return {
      kind: 'data',
      cells: d
        ? [i + 1, item.enterprise, item.description, d.task, d.department, deadlineCell(d), d.rectificationOwner ? `是（${d.rectificationOwner}）` : '否']
        : [i + 1, item.enterprise, item.description, NOT_DECIDED, '', null, ''],
    };
  });
}

export const LEAGUE_SHEET_NAME = '部门红黄榜';

export function leagueSheetSpec(meta: { from: string; to: string; grouping: LeagueGrouping; today: string; unit: string }): SheetSpec {
  return {
    name: LEAGUE_SHEET_NAME,
    title: `${meta.unit ? `${meta.unit}` : ''}部门红黄榜（${meta.from} 至 ${meta.to}）`,
    infoLines: [
      `${leagueGroupingLabels[meta.grouping]}统计\u3000\u3000统计日期：${meta.today}\u3000\u3000按期答复率高者在前；会后逾期：期内会议决定的事项逾期办理或至今逾期未办`,
      `红榜：按期答复率 ${RED_BOARD_FROM * 100}% 及以上且会后无逾期；黄榜：按期答复率低于 ${YELLOW_BOARD_BELOW * 100}% 或会后有逾期`,
    ],
    columns: [
      { header: '排名', width: 6, type: 'integer' },
      { header: meta.grouping === 'department' ? '部门' : '区镇', width: 18, type: 'text' },
      { header: '受理问题', width: 9, type: 'integer', sum: true },
      { header: '按期答复', width: 9, type: 'integer', sum: true },
      { header: '逾期', width: 8, type: 'integer', sum: true },
      { header: '已办结', width: 9, type: 'integer', sum: true },
      { header: '按期答复率', width: 11, type: 'percent' },
      { header: '满意率', width: 9, type: 'percent' },
      { header: '会议交办', width: 9, type: 'integer', sum: true },
      { header: '会后逾期', width: 9, type: 'integer', sum: true },
      { header: '榜单', width: 8, type: 'text' },
    ],
    columnHeader: true,
    totalLabel: '合计',
    paper: 'A4',
    emptyText: '该期间没有问题诉求',
  };
}

export function leagueRows(rows: readonly LeagueRow[]): SheetRow[] {
  return rows.map((r) => ({
    kind: r.board === '黄榜' ? 'late' : 'data',
    cells: [r.rank, r.name, r.received, r.answeredOnTime, r.late, r.resolved, r.onTimeRate, r.satisfactionRate, r.decisions, r.overdueAfterDecision, r.board || '—'],
  }));
}
