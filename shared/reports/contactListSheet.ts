// Layout of the 联系企业 export (我的联系企业 → 导出 Excel): the review list as the officer filtered
// it, one row per enterprise, through the same SheetSpec → SheetWriter pipeline as the reports, so it
// prints the same way (A4 landscape, one page wide, title and header repeated on every page, body
// text at 8 pt or more) and its dates are real dates.
import type { SheetRow, SheetSpec } from './sheetSpec';

export const CONTACT_LIST_SHEET_NAME = '联系企业';

/** What the review list knows of an enterprise (renderer/src/features/review/reviewData.ts). */
export interface ContactListEntry {
  name: string;
  creditCode: string;
  town: string;
  assignedOfficer: string;
  linkedLeader: string;
  serviceTier: string;
  /** `YYYY-MM-DD`, or '' when never visited. */
  lastVisitDate: string;
  daysSince: number | null;
  /** Neither visited nor at a group activity this month (seed 004: a visit a month; issue 17: an activity counts). */
  dueThisMonth: boolean;
  /** The latest group activity it attended this month (`YYYY-MM-DD`), or '' (issue 17: reported apart from visits). */
  activityThisMonth?: string;
  openProblems: number;
  overdueProblems: number;
  keyProject: string;
  planLate: number;
  planDue: number;
}

export interface ContactListMeta {
  /** The day of the export, `YYYY-MM-DD`. */
  today: string;
  /** Whose list or which filter it is, e.g. 服务专员：张三 (left out when empty). */
  scope: string;
  /** How many enterprises the list has. */
  count: number;
}

export function contactListSheetSpec(meta: ContactListMeta): SheetSpec {
  const facts = [meta.scope, `导出日期：${meta.today}`, `共 ${meta.count} 家`].filter((f) => f !== '');
  return {
    name: CONTACT_LIST_SHEET_NAME,
    title: '联系企业服务情况表',
    infoLines: [facts.join('\u3000\u3000')],
    // 130 character widths print at about 9.2 pt on A4 landscape in LibreOffice.
    columns: [
      { header: '序号', width: 7, type: 'integer' },
      { header: '企业名称', width: 20, type: 'text' },
      { header: '统一社会信用代码', width: 20, type: 'text' },
      { header: '所属区镇', width: 9, type: 'text' },
      { header: '服务专员', width: 6, type: 'text' },
      { header: '挂钩领导', width: 6, type: 'text' },
      { header: '分级', width: 4, type: 'text' },
      { header: '最近走访', width: 11, type: 'date' },
      { header: '距今天数', width: 5, type: 'integer' },
      { header: '本月走访', width: 6, type: 'text' },
      { header: '未办结问题', width: 5, type: 'integer' },
      { header: '逾期问题', width: 5, type: 'integer' },
      { header: '重点项目', width: 16, type: 'text' },
      { header: '逾期措施', width: 5, type: 'integer' },
      { header: '近期到期措施', width: 5, type: 'integer' },
    ],
    columnHeader: true,
    emptyText: '没有符合条件的企业',
  };
}

export function contactListRow(seq: number, r: ContactListEntry): SheetRow {
  return {
    kind: 'data',
    cells: [
      seq,
      r.name,
      r.creditCode,
      r.town,
      r.assignedOfficer,
      r.linkedLeader,
      r.serviceTier,
      r.lastVisitDate || '未走访',
      r.daysSince,
      contactStatus(r),
      r.openProblems,
      r.overdueProblems,
      r.keyProject,
      r.planLate,
      r.planDue,
    ],
  };
}

/** 本月走访: 待走访, 已走访, or 已参加活动 when this month's only contact was a group activity (issue 17). */
export function contactStatus(r: Pick<ContactListEntry, 'dueThisMonth' | 'lastVisitDate' | 'activityThisMonth'>): '待走访' | '已走访' | '已参加活动' {
  if (r.dueThisMonth) return '待走访';
  return r.activityThisMonth && r.lastVisitDate.slice(0, 7) !== r.activityThisMonth.slice(0, 7) ? '已参加活动' : '已走访';
}
