// The meeting's workbooks through the one export helper (streamed, with progress and cancel): the
// 交办单 (one A4 sheet per department, signed by hand), the 会议纪要, and the 部门红黄榜. Layouts are
// shared/meetings/meetingSheets.ts.
import { meetingName, type Meeting } from '../../../../shared/domain/meetingRecords';
import type { Enterprise, Problem } from '../../../../shared/domain/records';
import type { LeagueGrouping, LeagueRow } from '../../../../shared/meetings/departmentLeague';
import {
  assignedDepartments,
  assignmentRows,
  assignmentSheetNames,
  assignmentSheetSpec,
  leagueRows,
  leagueSheetSpec,
  minutesRows,
  minutesSheetSpec,
  type MinutesItem,
} from '../../../../shared/meetings/meetingSheets';
import { exportWorkbook, type ExportBridge, type ExportOptions, type ExportOutcome } from '../../export/workbookExport';

/** The agenda as the sheets print it, in order. */
export function minutesItems(meeting: Meeting, problems: ReadonlyMap<string, Problem>, enterprises: ReadonlyMap<string, Enterprise>): MinutesItem[] {
  return meeting.agenda.map((item) => {
    const problem = problems.get(item.problemId);
    const entry: MinutesItem = {
      enterprise: (problem && enterprises.get(problem.enterpriseId)?.name) ?? '（企业已删除）',
      description: problem ? problem.description + (problem.request ? `（诉求：${problem.request}）` : '') : '（问题已删除）',
    };
    if (item.decision) {
      const d = item.decision;
      entry.decision = { department: d.department, task: d.task, deadline: d.deadline };
      if (d.deadlineProvisional) entry.decision.deadlineProvisional = true;
      if (d.rectificationOwner) entry.decision.rectificationOwner = d.rectificationOwner;
    }
    return entry;
  });
}

const fileSafe = (text: string) => text.replace(/[\\/:*?"<>|]/g, '');

export function assignmentFileName(meeting: Meeting): string {
  return `${fileSafe(meetingName(meeting))}-交办单.xlsx`;
}

export function minutesFileName(meeting: Meeting): string {
  return `${fileSafe(meetingName(meeting))}-会议纪要.xlsx`;
}

/** One sheet per department the meeting assigned items to, in the order of the agenda. */
export async function exportAssignments(bridge: ExportBridge, meeting: Meeting, items: readonly MinutesItem[], options: ExportOptions = {}): Promise<ExportOutcome> {
  const departments = assignedDepartments(items);
  const names = assignmentSheetNames(departments);
  const decided = items.filter((i) => i.decision !== undefined).length;
  return exportWorkbook(
    bridge,
    { suggestedName: assignmentFileName(meeting), totalRows: decided },
    async (book) => {
      for (const [n, department] of departments.entries()) {
        const rows = assignmentRows(items, department);
        await book.sheet(assignmentSheetSpec(meeting, department, names[n] as string, rows.length - 2), (sink) => sink.append(rows, rows.length - 2));
      }
    },
    options,
  );
}

export async function exportMinutes(bridge: ExportBridge, meeting: Meeting, items: readonly MinutesItem[], options: ExportOptions = {}): Promise<ExportOutcome> {
  return exportWorkbook(
    bridge,
    { suggestedName: minutesFileName(meeting), totalRows: items.length },
    (book) => book.sheet(minutesSheetSpec(meeting, items), (sink) => sink.appendAll(minutesRows(items))),
    options,
  );
}

export interface LeagueExport {
  from: string;
  to: string;
  grouping: LeagueGrouping;
  today: string;
  unit: string;
}

export function leagueFileName(meta: LeagueExport): string {
  return `部门红黄榜-${meta.from}至${meta.to}.xlsx`;
}

export async function exportLeague(bridge: ExportBridge, rows: readonly LeagueRow[], meta: LeagueExport, options: ExportOptions = {}): Promise<ExportOutcome> {
  return exportWorkbook(
    bridge,
    { suggestedName: leagueFileName(meta), totalRows: rows.length },
    (book) => book.sheet(leagueSheetSpec(meta), (sink) => sink.appendAll(leagueRows(rows))),
    options,
  );
}
