// Meetings (issue 16): the list, one meeting with its agenda's problems, the agenda's edits and the
// decisions. A decision is written on the problem (the workflow's `decide` transition: its history,
// its supervised deadline, 挂牌整改) and on the meeting's agenda item in ONE transaction through the
// one write path, so the minutes and the problem never disagree and a refused decision stores nothing.
// Reads go by index: meetings by date, escalated problems by status, open decisions by the sparse
// decisionDeadline index, a period's problems by raisedDate.
import type { Enterprise, Problem, Settings } from '../../../../shared/domain/records';
import { meetingSchema, type AgendaItem, type Meeting } from '../../../../shared/domain/meetingRecords';
import { RuleError } from '../../../../shared/errors/ruleError';
import { isLive } from '../../../../shared/sync/recordStamp';
import { shanghaiDate } from '../../../../shared/calendar/shanghaiDate';
import {
  addAgendaItems,
  dropAgendaItem,
  meetingFields,
  moveAgendaItem,
  proposeAgenda,
  type AgendaGrouping,
  type NewMeetingInput,
} from '../../../../shared/meetings/meetingAgenda';
import { decideProblem, type MeetingDecisionChange } from '../../../../shared/problems/problemWorkflow';
import { departmentLeague, type LeagueGrouping, type LeagueRow, type PeriodDecision } from '../../../../shared/meetings/departmentLeague';
import { ledgerDb } from '../../db/db';
import { writeTransaction } from '../../db/ledgerWrites';
import { problemContext } from '../problems/problemRepo';

/** Every live meeting, newest first (a bureau holds a few dozen a year). */
export async function listMeetings(): Promise<Meeting[]> {
  const all = await ledgerDb().meetings.orderBy('date').reverse().toArray();
  return all.filter(isLive);
}

async function enterpriseMap(ids: Iterable<string>): Promise<Map<string, Enterprise>> {
  const unique = [...new Set(ids)];
  const found = await ledgerDb().enterprises.bulkGet(unique);
  return new Map(found.flatMap((e) => (e ? [[e.id, e] as const] : [])));
}

/** The problems waiting for a meeting: escalated (已升级), by the status index. */
function escalatedProblems(): Promise<Problem[]> {
  return ledgerDb().problems.where('status').equals('已升级').filter(isLive).toArray();
}

/**
 * Creates a meeting with its proposed agenda: the problems escalated to that kind of meeting and not
 * yet decided, grouped by department or town in the order of the settings' lists.
 */
export async function createMeeting(input: NewMeetingInput, grouping: AgendaGrouping, settings: Settings, now = new Date()): Promise<Meeting> {
  const fields = meetingFields(input);
  return writeTransaction(['meetings', 'problems', 'enterprises'], async (w) => {
    const problems = await escalatedProblems();
    const enterprises = await enterpriseMap(problems.map((p) => p.enterpriseId));
    const agenda = proposeAgenda(problems, fields.type, grouping, enterprises, grouping === 'department' ? settings.departments : settings.towns);
    return w.create<Meeting>('meetings', { ...fields, agendaGrouping: grouping, agenda });
  }, { now });
}

async function liveMeeting(id: string): Promise<Meeting> {
  const meeting = await ledgerDb().meetings.get(id);
  if (!meeting || !isLive(meeting)) throw new RuleError([{ field: '', message: '该会议不存在或已删除' }]);
  return meeting;
}

/** Edits the meeting's type, date, title, chair and attendees. */
export async function updateMeetingHead(id: string, input: NewMeetingInput): Promise<Meeting> {
  const fields = meetingFields(input);
  return writeTransaction(['meetings'], async (w) => {
    const meeting = await liveMeeting(id);
    if (fields.date !== meeting.date && meeting.agenda.some((i) => i.decision !== undefined)) {
      throw new RuleError([{ field: 'date', message: '已记录会议决定，不能再改会议日期（办理期限按会议日期计算）' }]);
    }
    return w.save<Meeting>('meetings', { ...meeting, ...fields });
  });
}

/**
 * 删除会议: a meeting created by mistake, or one that did not take place, goes to 回收站 (a tombstone
 * that merges like any other). A meeting with a decision stays: its decisions are in the problems'
 * history and set their supervised deadlines, which its minutes and 交办单 stand for.
 */
export async function deleteMeeting(id: string, now = new Date()): Promise<void> {
  await writeTransaction(['meetings'], async (w) => {
    const meeting = await liveMeeting(id);
    const decided = meeting.agenda.filter((i) => i.decision !== undefined).length;
    if (decided > 0) {
      throw new RuleError([{ field: '', message: `该会议已记录 ${decided} 项决定（已写入问题办理记录并据此督办），不能删除` }]);
    }
    await w.tombstone('meetings', [meeting]);
  }, { now });
}

/** One agenda edit (add, drop, move), applied to the stored agenda in one transaction. */
async function editAgenda(id: string, edit: (agenda: readonly AgendaItem[]) => AgendaItem[]): Promise<Meeting> {
  return writeTransaction(['meetings'], async (w) => {
    const meeting = await liveMeeting(id);
    return w.save<Meeting>('meetings', { ...meeting, agenda: edit(meeting.agenda) });
  });
}

export const addToAgenda = (id: string, problemIds: readonly string[]) => editAgenda(id, (a) => addAgendaItems(a, problemIds));
export const dropFromAgenda = (id: string, itemId: string) => editAgenda(id, (a) => dropAgendaItem(a, itemId));
export const moveOnAgenda = (id: string, itemId: string, by: -1 | 1) => editAgenda(id, (a) => moveAgendaItem(a, itemId, by));

/** What the officer decides on one item. */
export interface DecisionInput {
  department: string;
  task: string;
  workingDays: number;
  /** Set when the item is listed for rectification (挂牌整改). */
  rectificationOwner?: string;
}

/**
 * Records the meeting's decision on one agenda item: the problem's workflow transition (history,
 * supervised deadline, 挂牌整改) and the item's decision, in one transaction.
 */
export async function recordDecision(meetingId: string, itemId: string, input: DecisionInput, settings: Settings, now = new Date()): Promise<Meeting> {
  const ctx = problemContext(settings, now);
  return writeTransaction(['meetings', 'problems'], async (w) => {
    const meeting = await liveMeeting(meetingId);
    const item = meeting.agenda.find((i) => i.id === itemId);
    if (!item) throw new RuleError([{ field: '', message: '该议题已不在议程中' }]);
    const problem = await ledgerDb().problems.get(item.problemId);
    if (!problem || !isLive(problem)) throw new RuleError([{ field: '', message: '该议题的问题不存在或已删除' }]);
    const change: MeetingDecisionChange = {
      meetingId,
      meetingType: meeting.type,
      meetingDate: meeting.date,
      department: input.department,
      task: input.task,
      workingDays: input.workingDays,
    };
    if (input.rectificationOwner !== undefined) change.rectificationOwner = input.rectificationOwner;
    const decided = await w.save<Problem>('problems', decideProblem(problem, change, ctx));
    const d = decided.meetingDecision as NonNullable<Problem['meetingDecision']>;
    const decision: NonNullable<AgendaItem['decision']> = {
      department: d.department,
      task: d.task,
      workingDays: d.workingDays,
      deadline: d.deadline,
      decidedAt: now.toISOString(),
      decidedBy: ctx.who.officerName,
    };
    if (d.deadlineProvisional) decision.deadlineProvisional = true;
    if (change.rectificationOwner !== undefined) decision.rectificationOwner = change.rectificationOwner.trim();
    const agenda = meeting.agenda.map((i) => (i.id === itemId ? { ...i, decision } : i));
    return w.save<Meeting>('meetings', meetingSchema.parse({ ...meeting, agenda }) as Meeting);
  }, { actor: ctx.who, now });
}

/** A meeting with everything its page shows. */
export interface MeetingView {
  meeting: Meeting;
  problems: Map<string, Problem>;
  enterprises: Map<string, Enterprise>;
  /** The last earlier meeting of the same type, with its decided items ("上次会议决定"). */
  previous?: { meeting: Meeting; items: AgendaItem[] };
  /** Problems that could be added: escalated and not decided, or with an open decision, not on the agenda. */
  candidates: Problem[];
}

export async function loadMeetingView(id: string): Promise<MeetingView | null> {
  const meeting = await ledgerDb().meetings.get(id);
  if (!meeting || !isLive(meeting)) return null;
  const earlier = await ledgerDb().meetings.where('date').below(meeting.date).reverse().filter((m) => isLive(m) && m.type === meeting.type).first();
  const previousItems = earlier ? earlier.agenda.filter((i) => i.decision !== undefined) : [];
  const [escalated, openDecisions] = await Promise.all([
    escalatedProblems(),
    ledgerDb().problems.where('decisionDeadline').aboveOrEqual('').filter(isLive).toArray(),
  ]);
  const onAgenda = new Set(meeting.agenda.map((i) => i.problemId));
  const candidateMap = new Map<string, Problem>();
  for (const p of [...escalated, ...openDecisions]) if (!onAgenda.has(p.id) && (p.meetingDecision === undefined || p.meetingDecision.meetingId !== meeting.id)) candidateMap.set(p.id, p);
  const ids = [...meeting.agenda.map((i) => i.problemId), ...previousItems.map((i) => i.problemId)];
  const stored = await ledgerDb().problems.bulkGet([...new Set(ids)]);
  const problems = new Map(stored.flatMap((p) => (p ? [[p.id, p] as const] : [])));
  const candidates = [...candidateMap.values()].sort((a, b) => a.raisedDate.localeCompare(b.raisedDate));
  const enterprises = await enterpriseMap([...problems.values(), ...candidates].map((p) => p.enterpriseId));
  return {
    meeting,
    problems,
    enterprises,
    previous: earlier ? { meeting: earlier, items: previousItems } : undefined,
    candidates,
  };
}

/** The problems whose meeting decision is still open, by the sparse index (the home page's lights). */
export async function openDecisionProblems(): Promise<Problem[]> {
  return ledgerDb().problems.where('decisionDeadline').aboveOrEqual('').filter(isLive).toArray();
}

/** Today in Asia/Shanghai, for the lights (the page clock in tests). */
export function todayFor(now = new Date()): string {
  return shanghaiDate(now);
}

/**
 * The 部门红黄榜 of a period: the problems raised in it (by the raisedDate index) and the decisions its
 * meetings took (meetings by date, their decided items' problems as they are now).
 */
export async function loadLeague(from: string, to: string, grouping: LeagueGrouping, settings: Settings, today: string): Promise<LeagueRow[]> {
  const db = ledgerDb();
  const [problems, meetings] = await Promise.all([
    db.problems.where('raisedDate').between(from, to, true, true).filter(isLive).toArray(),
    db.meetings.where('date').between(from, to, true, true).filter(isLive).toArray(),
  ]);
  const decided = meetings.flatMap((m) => m.agenda.flatMap((i) => (i.decision ? [{ meeting: m, item: i, decision: i.decision }] : [])));
  const decidedProblems = await db.problems.bulkGet([...new Set(decided.map((d) => d.item.problemId))]);
  const problemById = new Map(decidedProblems.flatMap((p) => (p && isLive(p) ? [[p.id, p] as const] : [])));
  const decisions: PeriodDecision[] = decided.flatMap((d) => {
    const problem = problemById.get(d.item.problemId);
    return problem ? [{ problem, department: d.decision.department, meetingDate: d.meeting.date, deadline: d.decision.deadline }] : [];
  });
  const enterprises = await enterpriseMap([...problems, ...decisions.map((d) => d.problem)].map((p) => p.enterpriseId));
  return departmentLeague({
    problems,
    decisions,
    grouping,
    townOf: (id) => enterprises.get(id)?.town,
    today,
    overrides: settings.calendarOverrides,
    groups: grouping === 'department' ? settings.departments : settings.towns,
  });
}

/** One open meeting decision as the 亮灯督办 list shows it. */
export interface OpenDecisionRow {
  problemId: string;
  enterpriseName: string;
  task: string;
  department: string;
  deadline: string;
  deadlineProvisional: boolean;
  meetingDate: string;
  meetingType: string;
}

export async function openDecisionRows(): Promise<OpenDecisionRow[]> {
  const problems = await openDecisionProblems();
  const enterprises = await enterpriseMap(problems.map((p) => p.enterpriseId));
  return problems.flatMap((p) => {
    const d = p.meetingDecision;
    if (!d) return [];
    return [
      {
        problemId: p.id,
        enterpriseName: enterprises.get(p.enterpriseId)?.name ?? '（企业已删除）',
        task: d.task,
        department: d.department,
        deadline: d.deadline,
        deadlineProvisional: d.deadlineProvisional === true,
        meetingDate: d.meetingDate,
        meetingType: d.meetingType,
      },
    ];
  });
}
