// Layout of sheet 3, 问题清单: one row per problem with its deadlines under 首问负责制, the enterprise's
// satisfaction, the escalation and the 挂牌整改; rows answered late or overdue are highlighted and say
// by how many days. Twenty columns are too many for A4 at a readable size, so this sheet prints on A3
// landscape (the export page says so).
import type { CalendarOverrides } from '../calendar/workingDays';
import type { Problem } from '../domain/records';
import { PROVISIONAL_MARK } from '../problems/problemDeadline';
import { problemTimeliness } from '../problems/problemTimeliness';
import type { ReportEnterprise, ReportPeriod } from './reportScope';
import { periodLabel } from './reportScope';
import type { SheetRow, SheetSpec } from './sheetSpec';

export const PROBLEM_LIST_SHEET_NAME = '问题清单';

/** The same list for other subjects: the monthly workbook lists key projects' requests (项目诉求). */
export interface ProblemListVariant {
  name: string;
  /** What the title says after the period, e.g. 重点外资项目诉求清单. */
  title: string;
  /** The second column's header, e.g. 项目名称（企业）. */
  subject: string;
}

export function problemListSheetSpec(period: ReportPeriod, unit: string, variant?: ProblemListVariant): SheetSpec {
  return {
    name: variant?.name ?? PROBLEM_LIST_SHEET_NAME,
    title: `${periodLabel(period)}${variant?.title ?? '企业问题诉求清单'}${unit ? `（${unit}）` : ''}`,
    infoLines: [],
    // 211 character widths print at about 8.5 pt on A3 landscape in LibreOffice (wider fonts than
    // Excel's Calibri); printedSheets.test.ts measures it.
    columns: [
      { header: '序号', width: 7, type: 'integer' },
      { header: variant?.subject ?? '企业名称', width: 14, type: 'text' },
      { header: '所属区镇', width: 8, type: 'text' },
      { header: '问题类别', width: 7, type: 'text' },
      { header: '问题描述', width: 22, type: 'text' },
      { header: '企业诉求', width: 16, type: 'text' },
      { header: '办理方式', width: 7, type: 'text' },
      { header: '责任部门', width: 10, type: 'text' },
      { header: '提出日期', width: 11, type: 'date' },
      { header: '转办日期', width: 11, type: 'date' },
      { header: '答复期限', width: 11, type: 'date' },
      { header: '答复日期', width: 11, type: 'date' },
      { header: '答复内容', width: 18, type: 'text' },
      { header: '办理状态', width: 6, type: 'text' },
      { header: '办理成效', width: 10, type: 'text' },
      { header: '满意度', width: 6, type: 'text' },
      { header: '升级协调', width: 10, type: 'text' },
      { header: '挂牌整改', width: 12, type: 'text' },
      { header: '首问责任人', width: 6, type: 'text' },
      { header: '逾期天数', width: 7, type: 'integer', sum: true },
    ],
    columnHeader: true,
    totalLabel: '合计',
    paper: 'A3',
  };
}

/** 督办会 or 点评会 and its date (and the note, if any), one per line. */
export function escalationText(p: Pick<Problem, 'escalation'>): string {
  const x = p.escalation;
  if (!x) return '';
  return [x.meeting, x.date, x.note.trim()].filter((part) => part !== '').join('\n');
}

/** The owner and the deadline of a 挂牌整改 (and the note, if any), one per line. */
export function rectificationText(p: Pick<Problem, 'rectification'>): string {
  const r = p.rectification;
  if (!r) return '';
  return [r.owner, `限 ${r.deadline}`, r.note.trim()].filter((part) => part !== '').join('\n');
}

/**
 * The deadline cell: a date, or, while the deadline rests on a year whose holiday schedule is not
 * entered yet (`replyDeadlineProvisional`), text: the date followed by 「（待确认）」, as on the screens.
 * Text, not a date with a number format: a formatted date too wide for its column prints as ###.
 */
export function deadlineCell(deadline: string | undefined, p: Pick<Problem, 'replyDeadlineProvisional'>): string | null {
  if (deadline === undefined) return null;
  return p.replyDeadlineProvisional === true ? `${deadline}（${PROVISIONAL_MARK}）` : deadline;
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
      deadlineCell(t.deadline, p),
      p.replyDate ?? null,
      p.replyContent,
      p.status,
      p.outcomeClass ?? '',
      p.satisfaction ?? '',
      escalationText(p),
      rectificationText(p),
      p.officer,
      t.daysLate,
    ],
  };
}

/** A key project's request: the row of problemListRow naming the project (and its enterprise) and the project's town. */
export function projectRequestRow(
  seq: number,
  p: Problem,
  project: { name: string; town: string },
  e: ReportEnterprise | undefined,
  asOf: string,
  overrides: CalendarOverrides = {},
  dueSoonLimit?: string,
): SheetRow {
  const row = problemListRow(seq, p, e, asOf, overrides, dueSoonLimit);
  const cells = [...row.cells];
  cells[1] = e ? `${project.name}\n（${e.name}）` : project.name;
  cells[2] = project.town || (e?.town ?? '');
  return { ...row, cells };
}
