// The counts shown wherever problems are counted (problem list, home page, reports): timeliness
// under 首问负责制, outcome classes of seed 001, and the complaint closure rate (投诉结案率, seed 002).
import {
  outcomeClasses,
  problemStatuses,
  type OutcomeClass,
  type Problem,
  type ProblemStatus,
} from '../domain/records';
import type { CalendarOverrides } from '../calendar/workingDays';
import { dueSoonUntil, problemTimeliness } from './problemTimeliness';

export interface ProblemCounts {
  total: number;
  answeredOnTime: number;
  answeredLate: number;
  /** Unanswered and past the deadline. */
  overdue: number;
  /** Unanswered (overdue ones included). */
  unanswered: number;
  /** Unanswered, due within 2 working days counting today. */
  dueSoon: number;
  transferLate: number;
  byOutcome: Record<OutcomeClass, number>;
  byStatus: Record<ProblemStatus, number>;
  complaints: number;
  /** Complaints with status 已办结. */
  complaintsClosed: number;
  /** complaintsClosed / complaints, or null when there are no complaints. */
  complaintClosureRate: number | null;
}

export function emptyProblemCounts(): ProblemCounts {
  return {
    total: 0,
    answeredOnTime: 0,
    answeredLate: 0,
    overdue: 0,
    unanswered: 0,
    dueSoon: 0,
    transferLate: 0,
    byOutcome: Object.fromEntries(outcomeClasses.map((c) => [c, 0])) as Record<OutcomeClass, number>,
    byStatus: Object.fromEntries(problemStatuses.map((s) => [s, 0])) as Record<ProblemStatus, number>,
    complaints: 0,
    complaintsClosed: 0,
    complaintClosureRate: null,
  };
}

/**
 * Adds one problem to running counts, so a page can count 100k problems while streaming them from
 * the database instead of holding them all. Call `finishProblemCounts` at the end.
 */
export function addToProblemCounts(
  counts: ProblemCounts,
  p: Problem,
  today: string,
  overrides: CalendarOverrides = {},
  dueSoonLimit: string = dueSoonUntil(today, overrides),
): void {
  if (p.deletedAt !== undefined) return;
  const t = problemTimeliness(p, today, overrides, dueSoonLimit);
  counts.total += 1;
  if (t.answered) {
    if (t.answeredLate) counts.answeredLate += 1;
    else counts.answeredOnTime += 1;
  } else {
    counts.unanswered += 1;
    if (t.overdue) counts.overdue += 1;
    if (t.dueSoon) counts.dueSoon += 1;
  }
  if (t.transferLate) counts.transferLate += 1;
  if (p.outcomeClass !== undefined) counts.byOutcome[p.outcomeClass] += 1;
  counts.byStatus[p.status] += 1;
  if (p.isComplaint) {
    counts.complaints += 1;
    if (p.status === '已办结') counts.complaintsClosed += 1;
  }
}

export function finishProblemCounts(counts: ProblemCounts): ProblemCounts {
  counts.complaintClosureRate = counts.complaints === 0 ? null : counts.complaintsClosed / counts.complaints;
  return counts;
}

export function countProblems(
  problems: readonly Problem[],
  today: string,
  overrides: CalendarOverrides = {},
): ProblemCounts {
  const counts = emptyProblemCounts();
  const limit = dueSoonUntil(today, overrides);
  for (const p of problems) addToProblemCounts(counts, p, today, overrides, limit);
  return finishProblemCounts(counts);
}

/** `投诉结案率` as shown: "75.0%", or "—" with no complaints. */
export function formatClosureRate(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}
