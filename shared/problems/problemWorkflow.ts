// The life of a problem under 首问负责制: 待处理 → 已转办 → 已答复 → 已办结, or 已升级 (督办会/点评会).
// Every function is pure: it returns a NEW Problem (with a history entry saying who changed what,
// when) or throws RuleError naming the field and saying what is wrong in Chinese. Callers
// write the result inside one Dexie transaction, so a rejected change stores nothing.
import {
  escalationMeetings,
  handlingModes,
  outcomeClasses,
  satisfactionLevels,
  type HandlingMode,
  type OutcomeClass,
  type Problem,
  type ProblemHistoryEntry,
  type ProblemStatus,
  type Satisfaction,
} from '../domain/records';
import { addWorkingDaysChecked, isCalendarDate, type CalendarOverrides } from '../calendar/workingDays';
import { shanghaiDate } from '../calendar/shanghaiDate';
import { newId } from '../ids';
import { createdRecord } from '../sync/recordStamp';
import { replyDeadlineChecked } from './problemDeadline';
import { transitionRefusal, type ProblemTransition } from './problemTransitions';
import { RuleError, type RuleIssue } from '../errors/ruleError';
import { actorName, type Actor } from '../domain/actor';

export interface ProblemContext {
  who: Actor;
  now: Date;
  /** settings.calendarOverrides */
  overrides?: CalendarOverrides;
  /**
   * Years whose holiday notice was entered in settings (settings.calendarYears). A deadline in a
   * year neither these nor the package cover never blocks a save: it is stored as a weekday guess
   * with `replyDeadlineProvisional` (待确认) and recomputed when the year's notice is entered.
   */
  knownYears?: readonly number[];
}

/** Chinese labels of the fields, for messages and forms. */
export const problemFieldLabels: Record<string, string> = {
  enterpriseId: '企业',
  raisedDate: '提出日期',
  category: '问题类别',
  description: '问题描述',
  request: '企业诉求',
  handling: '办理方式',
  department: '责任部门',
  transferDate: '转办日期',
  replyDate: '答复日期',
  replyContent: '答复内容',
  outcomeClass: '办理结果',
  meeting: '升级会议',
  escalationDate: '升级日期',
  owner: '整改责任人',
  rectificationDeadline: '整改期限',
  satisfaction: '企业满意度',
  satisfactionReason: '不满意原因',
  decisionDepartment: '责任部门',
  decisionTask: '交办事项',
  decisionWorkingDays: '办理时限（工作日）',
  decisionOwner: '整改责任人',
  meetingDate: '会议日期',
  closeDespiteDissatisfaction: '企业不满意，仍然办结',
  comment: '说明',
};

export interface NewProblemInput {
  enterpriseId: string;
  visitId?: string;
  projectId?: string;
  /** The group activity it was raised at (issue 17). */
  activityId?: string;
  raisedDate: string;
  category: string;
  description: string;
  request?: string;
  isComplaint?: boolean;
  handling?: HandlingMode;
  /** Own department by default when handled in-house; required when transferred. */
  department?: string;
  transferDate?: string;
  /** The first responder; the current officer by default. */
  officer?: string;
  comment?: string;
}


class IssueList {
  readonly items: RuleIssue[] = [];
  add(field: string, message: string): void {
    if (!this.items.some((i) => i.field === field)) this.items.push({ field, message });
  }
  has(field: string): boolean {
    return this.items.some((i) => i.field === field);
  }
  throwIfAny(): void {
    if (this.items.length > 0) throw new RuleError(this.items);
  }
}


function checkDate(issues: IssueList, field: string, value: string | undefined, required: boolean): boolean {
  const label = problemFieldLabels[field] ?? field;
  if (value === undefined || value === '') {
    if (required) issues.add(field, `请填写${label}`);
    return false;
  }
  if (!isCalendarDate(value)) {
    issues.add(field, `${label}“${value}”无效，应为 YYYY-MM-DD`);
    return false;
  }
  return true;
}

function notInFuture(issues: IssueList, field: string, value: string, ctx: ProblemContext): void {
  const today = shanghaiDate(ctx.now);
  if (value > today) issues.add(field, `${problemFieldLabels[field] ?? field}不能晚于今天（${today}）`);
}

/** The reply deadline as stored: the date, and whether it is only a weekday guess (待确认). */
interface StoredDeadline {
  replyDeadline: string;
  replyDeadlineProvisional?: true;
}

/**
 * Dates, handling and department must agree. The deadline follows from them; one that falls in a
 * year the calendar does not know is provisional, never a reason to refuse the save.
 */
function checkDatesAndDeadline(
  issues: IssueList,
  p: Pick<Problem, 'raisedDate' | 'handling' | 'department' | 'transferDate' | 'replyDate'>,
  ctx: ProblemContext,
): StoredDeadline | undefined {
  const raisedOk = checkDate(issues, 'raisedDate', p.raisedDate, true);
  if (raisedOk) notInFuture(issues, 'raisedDate', p.raisedDate, ctx);
  if (!(handlingModes as readonly string[]).includes(p.handling)) issues.add('handling', '请选择办理方式');
  if (p.handling === '转办') {
    if (p.department.trim() === '') issues.add('department', '转办须选择责任部门');
    const transferOk = checkDate(issues, 'transferDate', p.transferDate, false);
    if (transferOk && raisedOk && (p.transferDate as string) < p.raisedDate) {
      issues.add('transferDate', `转办日期不能早于提出日期（${p.raisedDate}）`);
    }
    if (transferOk) notInFuture(issues, 'transferDate', p.transferDate as string, ctx);
  }
  if (p.replyDate !== undefined && checkDate(issues, 'replyDate', p.replyDate, false) && raisedOk) {
    if (p.replyDate < p.raisedDate) issues.add('replyDate', `答复日期不能早于提出日期（${p.raisedDate}）`);
  }
  if (issues.has('raisedDate') || issues.has('transferDate') || issues.has('handling')) return undefined;
  const deadline = replyDeadlineChecked(p, ctx.overrides, ctx.knownYears);
  return deadline.uncertain
    ? { replyDeadline: deadline.date, replyDeadlineProvisional: true }
    : { replyDeadline: deadline.date };
}

/** Sets the stored deadline fields on a changed record (clearing a provisional flag that no longer holds). */
function withDeadline(next: Problem, deadline: StoredDeadline | undefined): Problem {
  if (deadline === undefined) return next;
  next.replyDeadline = deadline.replyDeadline;
  if (deadline.replyDeadlineProvisional) next.replyDeadlineProvisional = true;
  else delete next.replyDeadlineProvisional;
  return next;
}

function historyEntry(
  ctx: ProblemContext,
  from: ProblemStatus | undefined,
  to: ProblemStatus,
  comment: string,
  previousReply?: ProblemHistoryEntry['previousReply'],
): ProblemHistoryEntry {
  // Its own id: two laptops may each add an entry to one problem, and a merge keeps both.
  const entry: ProblemHistoryEntry = { id: newId(), at: ctx.now.toISOString(), by: actorName(ctx.who), to, comment };
  if (from !== undefined) entry.from = from;
  if (previousReply !== undefined) entry.previousReply = previousReply;
  return entry;
}

/**
 * The record after a change, with one more history entry saying who did what. The stamps (when,
 * which laptop, the version) are the write path's (shared/sync/recordStamp.ts), not the workflow's.
 */
function changed(
  p: Problem,
  patch: Partial<Problem>,
  ctx: ProblemContext,
  to: ProblemStatus,
  comment: string,
  previousReply?: ProblemHistoryEntry['previousReply'],
): Problem {
  return {
    ...p,
    ...patch,
    status: to,
    history: [...p.history, historyEntry(ctx, p.status, to, comment, previousReply)],
  };
}

/** Refuses an action the state machine (problemTransitions) does not allow from this problem's state. */
function requireTransition(p: Problem, action: ProblemTransition): void {
  const refusal = transitionRefusal(action, p);
  if (refusal) throw new RuleError([refusal]);
}

function omitUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function createProblem(input: NewProblemInput, ctx: ProblemContext): Problem {
  const issues = new IssueList();
  const handling = input.handling ?? '本部门办理';
  const department = (input.department ?? (handling === '本部门办理' ? ctx.who.officerDepartment : '')).trim();
  if (input.enterpriseId.trim() === '') issues.add('enterpriseId', '请选择企业');
  if (input.category.trim() === '') issues.add('category', '请选择问题类别');
  if (input.description.trim() === '') issues.add('description', '问题描述不能为空');
  const transferDate = handling === '转办' && input.transferDate ? input.transferDate : undefined;
  const deadline = checkDatesAndDeadline(
    issues,
    { raisedDate: input.raisedDate, handling, department, transferDate, replyDate: undefined },
    ctx,
  );
  issues.throwIfAny();
  const status: ProblemStatus = handling === '转办' && transferDate !== undefined ? '已转办' : '待处理';
  const comment =
    input.comment?.trim() ||
    (status === '已转办' ? `登记并转办至${department}` : handling === '转办' ? `登记，待转办至${department}` : '登记');
  const fields = omitUndefined({
    enterpriseId: input.enterpriseId,
    visitId: input.visitId || undefined,
    projectId: input.projectId || undefined,
    activityId: input.activityId || undefined,
    raisedDate: input.raisedDate,
    category: input.category.trim(),
    description: input.description.trim(),
    request: (input.request ?? '').trim(),
    isComplaint: input.isComplaint ?? false,
    handling,
    department,
    transferDate,
    ...deadline,
    replyContent: '',
    status,
    officer: (input.officer ?? ctx.who.officerName).trim(),
    history: [historyEntry(ctx, undefined, status, comment)],
  });
  return createdRecord<Problem>(fields, ctx.who, ctx.now);
}

/** Hands the problem to another department (or on to a third one); the 5-day clock starts then. */
export function transferProblem(
  p: Problem,
  change: { department: string; transferDate: string; comment?: string },
  ctx: ProblemContext,
): Problem {
  requireTransition(p, 'transfer');
  const issues = new IssueList();
  const next = { ...p, handling: '转办' as const, department: change.department.trim(), transferDate: change.transferDate };
  if (!checkDate(issues, 'transferDate', change.transferDate, true)) {
    if (next.department === '') issues.add('department', '转办须选择责任部门');
    issues.throwIfAny();
  }
  const deadline = checkDatesAndDeadline(issues, next, ctx);
  issues.throwIfAny();
  const late = change.transferDate > p.raisedDate ? '（未在提出当日转办）' : '';
  return withDeadline(
    changed(
      p,
      { handling: '转办', department: next.department, transferDate: change.transferDate },
      ctx,
      '已转办',
      change.comment?.trim() || `转办至${next.department}${late}`,
    ),
    deadline,
  );
}

export function answerProblem(
  p: Problem,
  answer: { replyDate: string; replyContent: string; outcomeClass?: OutcomeClass; comment?: string },
  ctx: ProblemContext,
): Problem {
  requireTransition(p, 'answer');
  const issues = new IssueList();
  if (checkDate(issues, 'replyDate', answer.replyDate, true)) {
    if (answer.replyDate < p.raisedDate) issues.add('replyDate', `答复日期不能早于提出日期（${p.raisedDate}）`);
    else if (p.handling === '转办' && p.transferDate !== undefined && answer.replyDate < p.transferDate) {
      issues.add('replyDate', `答复日期不能早于转办日期（${p.transferDate}）`);
    }
    notInFuture(issues, 'replyDate', answer.replyDate, ctx);
  }
  if (answer.replyContent.trim() === '') issues.add('replyContent', '请填写答复内容');
  if (answer.outcomeClass === undefined || !outcomeClasses.includes(answer.outcomeClass)) {
    issues.add('outcomeClass', '请选择办理结果（解决或已有明确途径 / 已有方案或正在争取 / 提交会商协调）');
  }
  issues.throwIfAny();
  return changed(
    p,
    { replyDate: answer.replyDate, replyContent: answer.replyContent.trim(), outcomeClass: answer.outcomeClass },
    ctx,
    '已答复',
    answer.comment?.trim() || `答复：${answer.outcomeClass}`,
  );
}

export interface CloseProblemChange {
  comment?: string;
  /**
   * The officer's explicit decision to close although the enterprise's latest word on the answer is
   * 不满意 (instead of reopening it); it needs an explanation in `comment`.
   */
  closeDespiteDissatisfaction?: boolean;
}

export function closeProblem(p: Problem, change: CloseProblemChange, ctx: ProblemContext): Problem {
  requireTransition(p, 'close');
  const comment = change.comment?.trim() ?? '';
  // An unhappy enterprise's problem is not closed by habit: reopen it, or decide and say why.
  if (p.satisfaction === '不满意') {
    if (change.closeDespiteDissatisfaction !== true) {
      throw new RuleError([
        {
          field: 'closeDespiteDissatisfaction',
          message: '企业对答复不满意：请先重新办理，或勾选“企业不满意，仍然办结”并说明理由',
        },
      ]);
    }
    if (comment === '') throw new RuleError([{ field: 'comment', message: '企业不满意仍然办结，须说明理由' }]);
    return changed(p, {}, ctx, '已办结', `企业不满意，仍然办结：${comment}`);
  }
  return changed(p, {}, ctx, '已办结', comment || '办结');
}

export function escalateProblem(
  p: Problem,
  change: { meeting: (typeof escalationMeetings)[number]; date: string; note?: string },
  ctx: ProblemContext,
): Problem {
  requireTransition(p, 'escalate');
  const issues = new IssueList();
  if (!escalationMeetings.includes(change.meeting)) issues.add('meeting', '请选择督办会或点评会');
  if (checkDate(issues, 'escalationDate', change.date, true) && change.date < p.raisedDate) {
    issues.add('escalationDate', `升级日期不能早于提出日期（${p.raisedDate}）`);
  }
  issues.throwIfAny();
  const note = change.note?.trim() ?? '';
  // Escalated again: the earlier meeting's decision is history now, the next meeting decides anew.
  const { meetingDecision: _earlier, ...undecided } = p;
  return changed(
    undecided,
    { escalation: { meeting: change.meeting, date: change.date, note } },
    ctx,
    '已升级',
    `提交${change.meeting}（${change.date}）${note ? `：${note}` : ''}`,
  );
}

/** 挂牌整改 (seed 004): a named owner and a deadline; the status does not change. */
export function listForRectification(
  p: Problem,
  change: { owner: string; deadline: string; note?: string },
  ctx: ProblemContext,
): Problem {
  requireTransition(p, 'rectify');
  const issues = new IssueList();
  if (change.owner.trim() === '') issues.add('owner', '请填写整改责任人');
  if (checkDate(issues, 'rectificationDeadline', change.deadline, true) && change.deadline < p.raisedDate) {
    issues.add('rectificationDeadline', `整改期限不能早于提出日期（${p.raisedDate}）`);
  }
  issues.throwIfAny();
  const note = change.note?.trim() ?? '';
  return changed(
    p,
    { rectification: { owner: change.owner.trim(), deadline: change.deadline, note } },
    ctx,
    p.status,
    `挂牌整改：责任人${change.owner.trim()}，期限${change.deadline}${note ? `；${note}` : ''}`,
  );
}

/** What a meeting decided on one agenda item (issue 16). */
export interface MeetingDecisionChange {
  meetingId: string;
  meetingType: string;
  /** The meeting day: the working days count from it. */
  meetingDate: string;
  /** The department that must act. */
  department: string;
  /** What it must do. */
  task: string;
  /** The deadline in working days after the meeting day, on the 首问负责制 calendar. */
  workingDays: number;
  /** Listed for rectification (挂牌整改) with this owner; absent when not listed. */
  rectificationOwner?: string;
}

/** The longest time a meeting may give, in working days (about three months). */
export const MAX_DECISION_WORKING_DAYS = 60;

/**
 * Records a meeting's decision: the department, the task and a deadline of N working days after the
 * meeting day (a year the calendar does not know makes it 待确认, as for reply deadlines). It becomes
 * the problem's supervised deadline (meetingDecision) and, when listed, its 挂牌整改 with the owner;
 * the history says what was decided. The status does not change. Deciding again (a correction, or a
 * later meeting) replaces the decision; the history keeps both.
 */
export function decideProblem(p: Problem, change: MeetingDecisionChange, ctx: ProblemContext): Problem {
  requireTransition(p, 'decide');
  const issues = new IssueList();
  const department = change.department.trim();
  const task = change.task.trim();
  const owner = change.rectificationOwner?.trim();
  const dateOk = checkDate(issues, 'meetingDate', change.meetingDate, true);
  if (department === '') issues.add('decisionDepartment', '请选择责任部门');
  if (task === '') issues.add('decisionTask', '请填写交办事项');
  else if (task.length > 500) issues.add('decisionTask', '交办事项不能超过 500 个字符');
  if (!Number.isInteger(change.workingDays) || change.workingDays < 1 || change.workingDays > MAX_DECISION_WORKING_DAYS) {
    issues.add('decisionWorkingDays', `办理时限应为 1–${MAX_DECISION_WORKING_DAYS} 个工作日`);
  }
  if (owner !== undefined && owner === '') issues.add('decisionOwner', '挂牌整改须填写整改责任人');
  if (dateOk && change.meetingDate < p.raisedDate) issues.add('meetingDate', `会议日期不能早于问题提出日期（${p.raisedDate}）`);
  issues.throwIfAny();
  const checked = addWorkingDaysChecked(change.meetingDate, change.workingDays, ctx.overrides, ctx.knownYears);
  const meetingDecision: NonNullable<Problem['meetingDecision']> = {
    meetingId: change.meetingId,
    meetingType: change.meetingType,
    meetingDate: change.meetingDate,
    department,
    task,
    workingDays: change.workingDays,
    deadline: checked.date,
  };
  if (checked.uncertain) meetingDecision.deadlineProvisional = true;
  const patch: Partial<Problem> = { meetingDecision };
  if (owner !== undefined) patch.rectification = { owner, deadline: checked.date, note: task };
  const deadline = `${checked.date}${checked.uncertain ? '（待确认）' : ''}`;
  const listed = owner !== undefined ? `；挂牌整改，责任人${owner}` : '';
  return changed(
    p,
    patch,
    ctx,
    p.status,
    `${change.meetingType}（${change.meetingDate}）决定：由${department}${task}，${change.workingDays} 个工作日内（${deadline}）办结${listed}`,
  );
}

/**
 * The enterprise's word on the answer. 不满意 needs the reason (what the enterprise is unhappy
 * with), kept in the history entry: it is what a reopening or a close despite it has to answer.
 */
export function recordSatisfaction(
  p: Problem,
  change: { satisfaction: Satisfaction; reason?: string },
  ctx: ProblemContext,
): Problem {
  const { satisfaction } = change;
  const reason = change.reason?.trim() ?? '';
  requireTransition(p, 'satisfaction');
  if (!satisfactionLevels.includes(satisfaction)) {
    throw new RuleError([{ field: 'satisfaction', message: '请选择满意、基本满意或不满意' }]);
  }
  if (satisfaction === '不满意' && reason === '') {
    throw new RuleError([{ field: 'satisfactionReason', message: '企业不满意时须填写不满意的原因' }]);
  }
  const said = reason === '' ? '' : satisfaction === '不满意' ? `；原因：${reason}` : `；说明：${reason}`;
  return changed(p, { satisfaction }, ctx, p.status, `企业评价：${satisfaction}${said}`);
}

/**
 * Reopens an answered problem (typically one the enterprise was not satisfied with). The first
 * answer stays in the history entry as `previousReply`; the reply fields are cleared and the
 * problem goes back to 待处理 (or 已转办 when it had been transferred). The deadline is unchanged:
 * the enterprise has been waiting since the problem was raised.
 */
export function reopenProblem(p: Problem, comment: string, ctx: ProblemContext): Problem {
  requireTransition(p, 'reopen');
  if (comment.trim() === '') {
    throw new RuleError([{ field: 'comment', message: '请填写重新办理的原因' }]);
  }
  const previousReply = omitUndefined({ date: p.replyDate, content: p.replyContent, satisfaction: p.satisfaction });
  const to: ProblemStatus = p.handling === '转办' && p.transferDate !== undefined ? '已转办' : '待处理';
  const next = changed(p, {}, ctx, to, comment.trim(), previousReply);
  delete next.replyDate;
  delete next.outcomeClass;
  delete next.satisfaction;
  next.replyContent = '';
  return next;
}

export interface ProblemDatesChange {
  raisedDate?: string;
  handling?: HandlingMode;
  department?: string;
  /** `null` clears the transfer date. */
  transferDate?: string | null;
  comment?: string;
}

/**
 * Corrects the raised/transfer dates, handling or department and recomputes the reply deadline.
 * The status follows the handling while the problem is unanswered (转办 with a date ⇒ 已转办).
 */
export function updateProblemDates(p: Problem, change: ProblemDatesChange, ctx: ProblemContext): Problem {
  const handling = change.handling ?? p.handling;
  const transferDate =
    handling === '转办'
      ? change.transferDate === null
        ? undefined
        : (change.transferDate ?? p.transferDate) || undefined
      : undefined;
  const department = (change.department ?? p.department).trim();
  const raisedDate = change.raisedDate ?? p.raisedDate;
  const issues = new IssueList();
  const deadline = checkDatesAndDeadline(
    issues,
    { raisedDate, handling, department, transferDate, replyDate: p.replyDate },
    ctx,
  );
  issues.throwIfAny();
  let status = p.status;
  if (status === '待处理' || status === '已转办') status = handling === '转办' && transferDate ? '已转办' : '待处理';
  const patch: Partial<Problem> = { raisedDate, handling, department };
  const parts: string[] = [];
  if (raisedDate !== p.raisedDate) parts.push(`提出日期 ${p.raisedDate} → ${raisedDate}`);
  if (handling !== p.handling) parts.push(`办理方式 ${p.handling} → ${handling}`);
  if (department !== p.department) parts.push(`责任部门 ${p.department || '（无）'} → ${department || '（无）'}`);
  if (transferDate !== p.transferDate) parts.push(`转办日期 ${p.transferDate ?? '（无）'} → ${transferDate ?? '（无）'}`);
  const next = withDeadline(
    changed(p, patch, ctx, status, change.comment?.trim() || `修改：${parts.join('；') || '无变化'}`),
    deadline,
  );
  if (transferDate === undefined) delete next.transferDate;
  else next.transferDate = transferDate;
  return next;
}

/** Edits the text of a problem (no status change, no history entry: the write path stamps who and when). */
export function updateProblemDetails(
  p: Problem,
  change: Partial<Pick<Problem, 'category' | 'description' | 'request' | 'isComplaint'>>,
  _ctx?: ProblemContext,
): Problem {
  const issues = new IssueList();
  if (change.category !== undefined && change.category.trim() === '') issues.add('category', '请选择问题类别');
  if (change.description !== undefined && change.description.trim() === '') {
    issues.add('description', '问题描述不能为空');
  }
  issues.throwIfAny();
  return {
    ...p,
    category: change.category?.trim() ?? p.category,
    description: change.description?.trim() ?? p.description,
    request: change.request?.trim() ?? p.request,
    isComplaint: change.isComplaint ?? p.isComplaint,
  };
}

/** Which actions the detail page offers: the state machine's table decides (problemTransitions). */
export { availableProblemActions } from './problemTransitions';

/**
 * Computes the deadline again on the current calendar (a year's holiday notice was just entered):
 * a provisional deadline becomes firm, and the history says so, date before and after. Returns the
 * problem unchanged (same object) when nothing moves, so callers write only what changed.
 */
export function recalculateDeadline(p: Problem, ctx: ProblemContext): Problem {
  const checked = replyDeadlineChecked(p, ctx.overrides, ctx.knownYears);
  const wasProvisional = p.replyDeadlineProvisional === true;
  if (checked.date === p.replyDeadline && checked.uncertain === wasProvisional) return p;
  const before = p.replyDeadline ? `${p.replyDeadline}${wasProvisional ? '（待确认）' : ''}` : '（无）';
  const after = `${checked.date}${checked.uncertain ? '（待确认）' : ''}`;
  const year = checked.date.slice(0, 4);
  return withDeadline(
    changed(p, {}, ctx, p.status, `按 ${year} 年节假日安排重新计算答复期限：${before} → ${after}`),
    checked.uncertain ? { replyDeadline: checked.date, replyDeadlineProvisional: true } : { replyDeadline: checked.date },
  );
}

/**
 * Computes a provisional meeting decision's deadline again on the current calendar (the year's notice
 * was entered): the same working days from the meeting day; a 挂牌整改 that took the decision's
 * deadline moves with it; the history says so. Returns the problem unchanged (same object) when the
 * decision is not provisional or nothing moves.
 */
export function recalculateDecisionDeadline(p: Problem, ctx: ProblemContext): Problem {
  const decision = p.meetingDecision;
  if (decision === undefined || decision.deadlineProvisional !== true) return p;
  const checked = addWorkingDaysChecked(decision.meetingDate, decision.workingDays, ctx.overrides, ctx.knownYears);
  if (checked.date === decision.deadline && checked.uncertain) return p;
  const meetingDecision: NonNullable<Problem['meetingDecision']> = { ...decision, deadline: checked.date };
  if (checked.uncertain) meetingDecision.deadlineProvisional = true;
  else delete meetingDecision.deadlineProvisional;
  const patch: Partial<Problem> = { meetingDecision };
  if (p.rectification !== undefined && p.rectification.deadline === decision.deadline) {
    patch.rectification = { ...p.rectification, deadline: checked.date };
  }
  const after = `${checked.date}${checked.uncertain ? '（待确认）' : ''}`;
  return changed(
    p,
    patch,
    ctx,
    p.status,
    `按 ${checked.date.slice(0, 4)} 年节假日安排重新计算会议决定的办理期限：${decision.deadline}（待确认） → ${after}`,
  );
}
