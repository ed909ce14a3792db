// The problem counts (问题总数, 按期/逾期答复, 未答复, 已逾期, 转办超时, 投诉结案率 …) split into what a
// problem's own fields settle for good and what moves with the calendar, so that a screen of a
// bureau's 100,000 problems shows them without reading a single problem:
// - the settled part is a running tally per first responder (首问责任人), kept by the write path in
//   the same transaction as every problem write (renderer/src/db/ledgerWrites.ts);
// - the moving part is three index ranges over the few problems still unanswered or still to be
//   transferred, through two sparse fields only those problems carry (openDeadline,
//   transferPendingSince): counted by key, never by reading the records.
// Settled + moving is exactly countProblems (shared/problems/problemStats.ts): a property test
// holds the two together.
import { outcomeClasses, problemStatuses, type OutcomeClass, type Problem, type ProblemStatus } from '../domain/records';
import type { CalendarOverrides } from '../calendar/workingDays';
import { effectiveDeadline } from './problemTimeliness';
import type { ProblemCounts } from './problemStats';
import { decisionCarriedOut } from './meetingDecision';

/** The counts a problem's own fields settle: they change only when the problem is written. */
export interface SettledProblemCounts {
  total: number;
  answeredOnTime: number;
  answeredLate: number;
  unanswered: number;
  /** Transferred after the day it was raised (a transfer still pending counts by today: see below). */
  transferredLate: number;
  byOutcome: Record<OutcomeClass, number>;
  byStatus: Record<ProblemStatus, number>;
  complaints: number;
  complaintsClosed: number;
  /** Live problems per 问题类别 (only categories with some). */
  byCategory: Record<string, number>;
  /** Live problems per 承办部门 as stored ('' = none named; only departments with some). */
  byDepartment: Record<string, number>;
}

/** What today's date decides, counted over the sparse index fields. */
export interface MovingProblemCounts {
  /** Unanswered, deadline before today. */
  overdue: number;
  /** Unanswered, deadline from today to the 2nd working day counting today. */
  dueSoon: number;
  /** To be transferred, not yet, raised before today. */
  transferPendingLate: number;
}

/** The fields the problem indexes read; only live problems that need them carry them. */
export interface ProblemIndexFields {
  /** The reply deadline of a live, unanswered problem. */
  openDeadline?: string;
  /** The raised date of a live problem to be transferred (转办) that has no transfer date yet. */
  transferPendingSince?: string;
  /**
   * The deadline a meeting decided for a live problem whose decision is not yet carried out
   * (shared/meetings/meetingDecision.ts): the 亮灯督办 items, read by key on the home page.
   */
  decisionDeadline?: string;
}

export type IndexedProblem = Problem & ProblemIndexFields;

export function emptySettledCounts(): SettledProblemCounts {
  return {
    total: 0,
    answeredOnTime: 0,
    answeredLate: 0,
    unanswered: 0,
    transferredLate: 0,
    byOutcome: Object.fromEntries(outcomeClasses.map((c) => [c, 0])) as Record<OutcomeClass, number>,
    byStatus: Object.fromEntries(problemStatuses.map((s) => [s, 0])) as Record<ProblemStatus, number>,
    complaints: 0,
    complaintsClosed: 0,
    byCategory: {},
    byDepartment: {},
  };
}

/** Moves one named count; a name whose count reaches nothing is dropped, so tallies stay small. */
function addNamed(counts: Record<string, number>, name: string, by: number): void {
  const next = (counts[name] ?? 0) + by;
  if (next === 0) delete counts[name];
  else counts[name] = next;
}

function isAnswered(p: Pick<Problem, 'replyDate'>): boolean {
  return p.replyDate !== undefined && p.replyDate !== '';
}

/** The index fields of a problem as it is now (a deleted one carries none). */
export function problemIndexFields(p: Problem, overrides: CalendarOverrides = {}): ProblemIndexFields {
  if (p.deletedAt !== undefined) return {};
  const fields: ProblemIndexFields = {};
  if (!isAnswered(p)) fields.openDeadline = effectiveDeadline(p, overrides);
  if (p.handling === '转办' && p.transferDate === undefined) fields.transferPendingSince = p.raisedDate;
  if (p.meetingDecision !== undefined && !decisionCarriedOut(p)) fields.decisionDeadline = p.meetingDecision.deadline;
  return fields;
}

/** The problem with exactly its current index fields (stale ones from an earlier version removed). */
export function withProblemIndexFields(p: Problem, overrides: CalendarOverrides = {}): IndexedProblem {
  const { openDeadline: _open, transferPendingSince: _pending, decisionDeadline: _decided, ...rest } = p as IndexedProblem;
  return { ...rest, ...problemIndexFields(p, overrides) };
}

/** Adds (`sign` 1) or takes away (`sign` -1) one problem's settled counts. */
export function addSettled(counts: SettledProblemCounts, p: Problem, sign: 1 | -1, overrides: CalendarOverrides = {}): void {
  if (p.deletedAt !== undefined) return;
  counts.total += sign;
  if (isAnswered(p)) {
    if ((p.replyDate as string) > effectiveDeadline(p, overrides)) counts.answeredLate += sign;
    else counts.answeredOnTime += sign;
  } else counts.unanswered += sign;
  if (p.handling === '转办' && p.transferDate !== undefined && p.transferDate > p.raisedDate) counts.transferredLate += sign;
  if (p.outcomeClass !== undefined) counts.byOutcome[p.outcomeClass] += sign;
  counts.byStatus[p.status] += sign;
  if (p.isComplaint) {
    counts.complaints += sign;
    if (p.status === '已办结') counts.complaintsClosed += sign;
  }
  addNamed(counts.byCategory, p.category, sign);
  addNamed(counts.byDepartment, p.department, sign);
}

/** Sums settled counts (one scope from several officers' tallies). */
export function sumSettled(parts: readonly SettledProblemCounts[]): SettledProblemCounts {
  const sum = emptySettledCounts();
  for (const part of parts) {
    sum.total += part.total;
    sum.answeredOnTime += part.answeredOnTime;
    sum.answeredLate += part.answeredLate;
    sum.unanswered += part.unanswered;
    sum.transferredLate += part.transferredLate;
    sum.complaints += part.complaints;
    sum.complaintsClosed += part.complaintsClosed;
    for (const c of outcomeClasses) sum.byOutcome[c] += part.byOutcome[c] ?? 0;
    for (const s of problemStatuses) sum.byStatus[s] += part.byStatus[s] ?? 0;
    for (const [name, n] of Object.entries(part.byCategory)) addNamed(sum.byCategory, name, n);
    for (const [name, n] of Object.entries(part.byDepartment)) addNamed(sum.byDepartment, name, n);
  }
  return sum;
}

/** Whether a tally has nothing in it (an officer whose last problem went elsewhere). */
export function isEmptySettled(counts: SettledProblemCounts): boolean {
  return (
    counts.total === 0 &&
    counts.answeredOnTime === 0 &&
    counts.answeredLate === 0 &&
    counts.unanswered === 0 &&
    counts.transferredLate === 0 &&
    counts.complaints === 0 &&
    counts.complaintsClosed === 0 &&
    outcomeClasses.every((c) => counts.byOutcome[c] === 0) &&
    problemStatuses.every((s) => counts.byStatus[s] === 0) &&
    Object.keys(counts.byCategory).length === 0 &&
    Object.keys(counts.byDepartment).length === 0
  );
}

/** The counts every screen shows, from the settled tally and today's index counts. */
export function combineProblemCounts(settled: SettledProblemCounts, moving: MovingProblemCounts): ProblemCounts {
  return {
    total: settled.total,
    answeredOnTime: settled.answeredOnTime,
    answeredLate: settled.answeredLate,
    overdue: moving.overdue,
    unanswered: settled.unanswered,
    dueSoon: moving.dueSoon,
    transferLate: settled.transferredLate + moving.transferPendingLate,
    byOutcome: { ...settled.byOutcome },
    byStatus: { ...settled.byStatus },
    complaints: settled.complaints,
    complaintsClosed: settled.complaintsClosed,
    complaintClosureRate: settled.complaints === 0 ? null : settled.complaintsClosed / settled.complaints,
  };
}

/**
 * The moving counts from the index fields of some problems: what the index ranges count, computed
 * here from values (the tests, and the check of the ranges the repository reads).
 */
export function movingCountsOf(fields: readonly ProblemIndexFields[], today: string, dueSoonLimit: string): MovingProblemCounts {
  const moving: MovingProblemCounts = { overdue: 0, dueSoon: 0, transferPendingLate: 0 };
  for (const f of fields) {
    if (f.openDeadline !== undefined) {
      if (f.openDeadline < today) moving.overdue += 1;
      else if (f.openDeadline <= dueSoonLimit) moving.dueSoon += 1;
    }
    if (f.transferPendingSince !== undefined && f.transferPendingSince < today) moving.transferPendingLate += 1;
  }
  return moving;
}

/** The key of an officer's tally row ('' is the problems without a first responder). */
export function problemTallyKey(officer: string): string {
  return `problems|${officer}`;
}

export const problemTallyPrefix = 'problems|';

/**
 * The change a write makes to the tallies: per officer, what the stored versions had taken away and
 * the new versions added. Kept by one write transaction and written once at its end.
 */
export class ProblemTallyDelta {
  private readonly byOfficer = new Map<string, SettledProblemCounts>();
  /** Set when the table was emptied in this transaction: the stored tallies start from nothing. */
  reset = false;

  constructor(private readonly overrides: CalendarOverrides = {}) {}

  private of(officer: string): SettledProblemCounts {
    let counts = this.byOfficer.get(officer);
    if (!counts) {
      counts = emptySettledCounts();
      this.byOfficer.set(officer, counts);
    }
    return counts;
  }

  /** One stored problem replaced by its next version (either may be absent). */
  replace(before: Problem | undefined, after: Problem | undefined): void {
    if (before) addSettled(this.of(before.officer), before, -1, this.overrides);
    if (after) addSettled(this.of(after.officer), after, 1, this.overrides);
  }

  get officers(): string[] {
    return [...this.byOfficer.keys()];
  }

  deltaOf(officer: string): SettledProblemCounts {
    return this.byOfficer.get(officer) ?? emptySettledCounts();
  }
}
