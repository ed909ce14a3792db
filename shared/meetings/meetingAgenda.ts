// A meeting's agenda (issue 16): proposed from the problems escalated to that kind of meeting and not
// yet decided, grouped by department or by town, then edited by hand (add, drop, order); and the new
// meeting itself, checked. Pure: the repository passes the escalated problems and the enterprises.
import type { Enterprise, Problem } from '../domain/records';
import { meetingTypes, type AgendaGrouping, type AgendaItem, type Meeting, type MeetingType } from '../domain/meetingRecords';
import { addWorkingDaysChecked, isCalendarDate, type CalendarOverrides } from '../calendar/workingDays';
import { RuleError, type RuleIssue } from '../errors/ruleError';
import { newId } from '../ids';

export { agendaGroupings, type AgendaGrouping } from '../domain/meetingRecords';
export const agendaGroupingLabels: Record<AgendaGrouping, string> = { department: '按责任部门', town: '按所属区镇' };

/** The group an item is shown under when the group is not known. */
export const NO_GROUP = '（未指定）';

/**
 * Whether a problem waits for this kind of meeting: escalated (已升级) to it and not yet decided.
 * A 专题协调会 is called for a topic: it takes what waits for either meeting.
 */
export function awaitsMeeting(p: Problem, type: MeetingType): boolean {
  if (p.deletedAt !== undefined || p.status !== '已升级' || p.escalation === undefined) return false;
  if (p.meetingDecision !== undefined) return false;
  return type === '专题协调会' || p.escalation.meeting === type;
}

export function agendaGroupOf(p: Problem, grouping: AgendaGrouping, townOf: (enterpriseId: string) => string | undefined): string {
  const name = grouping === 'department' ? p.department : (townOf(p.enterpriseId) ?? '');
  return name.trim() === '' ? NO_GROUP : name;
}

/**
 * The proposed agenda: every problem that waits for this meeting, grouped (groups in the order of the
 * reference list, then by name; 未指定 last), and within a group the longest waiting first (escalated
 * earliest, then raised earliest).
 */
export function proposeAgenda(
  problems: readonly Problem[],
  type: MeetingType,
  grouping: AgendaGrouping,
  enterprises: ReadonlyMap<string, Pick<Enterprise, 'town'>>,
  groupOrder: readonly string[] = [],
): AgendaItem[] {
  const townOf = (id: string) => enterprises.get(id)?.town;
  const rank = (group: string) => {
    if (group === NO_GROUP) return Number.MAX_SAFE_INTEGER;
    const i = groupOrder.indexOf(group);
    return i === -1 ? groupOrder.length : i;
  };
  return problems
    .filter((p) => awaitsMeeting(p, type))
    .map((p) => ({ p, group: agendaGroupOf(p, grouping, townOf) }))
    .sort(
      (a, b) =>
        rank(a.group) - rank(b.group) ||
        a.group.localeCompare(b.group, 'zh-CN') ||
        (a.p.escalation?.date ?? '').localeCompare(b.p.escalation?.date ?? '') ||
        a.p.raisedDate.localeCompare(b.p.raisedDate) ||
        a.p.id.localeCompare(b.p.id),
    )
    .map(({ p }) => ({ id: newId(), problemId: p.id }));
}

/** Adds problems at the end of the agenda; one already on it is not added twice. */
export function addAgendaItems(agenda: readonly AgendaItem[], problemIds: readonly string[]): AgendaItem[] {
  const on = new Set(agenda.map((i) => i.problemId));
  const added: AgendaItem[] = [];
  for (const problemId of problemIds) {
    if (on.has(problemId)) continue;
    on.add(problemId);
    added.push({ id: newId(), problemId });
  }
  return [...agenda, ...added];
}

/** Drops an item; one already decided stays (its decision is on the problem and in the minutes). */
export function dropAgendaItem(agenda: readonly AgendaItem[], itemId: string): AgendaItem[] {
  const item = agenda.find((i) => i.id === itemId);
  if (item === undefined) return [...agenda];
  if (item.decision !== undefined) {
    throw new RuleError([{ field: 'agenda', message: '该议题已记录会议决定，不能移出议程' }]);
  }
  return agenda.filter((i) => i.id !== itemId);
}

/** Moves an item up (-1) or down (+1); at either end it stays. */
export function moveAgendaItem(agenda: readonly AgendaItem[], itemId: string, by: -1 | 1): AgendaItem[] {
  const from = agenda.findIndex((i) => i.id === itemId);
  const to = from + by;
  if (from === -1 || to < 0 || to >= agenda.length) return [...agenda];
  const next = [...agenda];
  [next[from], next[to]] = [next[to] as AgendaItem, next[from] as AgendaItem];
  return next;
}

export interface NewMeetingInput {
  type: MeetingType;
  date: string;
  title?: string;
  chair?: string;
  /** Names, one per entry (the form splits on commas, 、 and spaces). */
  attendees?: readonly string[];
}

/** Splits the attendees as typed (，、, ; and spaces) into names, without blanks or repeats. */
export function attendeeNames(text: string): string[] {
  return [...new Set(text.split(/[，,、;；\s]+/).map((s) => s.trim()).filter((s) => s !== ''))];
}

export interface MeetingFields {
  type: MeetingType;
  date: string;
  title: string;
  chair: string;
  attendees: string[];
}

/** The fields of a new (or edited) meeting, checked: a RuleError names the field in Chinese. */
export function meetingFields(input: NewMeetingInput): MeetingFields {
  const issues: RuleIssue[] = [];
  if (!(meetingTypes as readonly string[]).includes(input.type)) issues.push({ field: 'type', message: '请选择会议类型' });
  if (!input.date) issues.push({ field: 'date', message: '请填写会议日期' });
  else if (!isCalendarDate(input.date)) issues.push({ field: 'date', message: `会议日期“${input.date}”无效，应为 YYYY-MM-DD` });
  const title = (input.title ?? '').trim();
  if (title.length > 100) issues.push({ field: 'title', message: '会议名称不能超过 100 个字符' });
  const chair = (input.chair ?? '').trim();
  if (chair.length > 50) issues.push({ field: 'chair', message: '主持人不能超过 50 个字符' });
  const attendees = [...new Set((input.attendees ?? []).map((a) => a.trim()).filter((a) => a !== ''))];
  const long = attendees.find((a) => a.length > 50);
  if (long !== undefined) issues.push({ field: 'attendees', message: `参会人员“${long.slice(0, 10)}…”不能超过 50 个字符` });
  if (issues.length > 0) throw new RuleError(issues);
  return { type: input.type, date: input.date, title, chair, attendees };
}

/**
 * The meeting with its provisional decision deadlines computed again on the current calendar (the
 * year's notice was entered), as the problems' are (recalculateDecisionDeadline); the same object when
 * nothing moves.
 */
export function recalculateAgendaDeadlines(meeting: Meeting, overrides: CalendarOverrides, knownYears: readonly number[]): Meeting {
  let moved = false;
  const agenda = meeting.agenda.map((item) => {
    const d = item.decision;
    if (d === undefined || d.deadlineProvisional !== true) return item;
    const checked = addWorkingDaysChecked(meeting.date, d.workingDays, overrides, knownYears);
    if (checked.date === d.deadline && checked.uncertain) return item;
    moved = true;
    const decision = { ...d, deadline: checked.date };
    if (checked.uncertain) decision.deadlineProvisional = true;
    else delete decision.deadlineProvisional;
    return { ...item, decision };
  });
  return moved ? { ...meeting, agenda } : meeting;
}
