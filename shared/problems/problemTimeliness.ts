// Whether a problem was (or is being) answered on time under 首问负责制, as the list, the home page
// and the reports count it. Dates are compared as `YYYY-MM-DD` strings (lexical = chronological).
import type { Problem } from '../domain/records';
import {
  addCalendarDays,
  addWorkingDays,
  calendarDaysBetween,
  type CalendarOverrides,
} from '../calendar/workingDays';
import { replyDeadline } from './problemDeadline';

export interface ProblemTimeliness {
  deadline?: string;
  answered: boolean;
  answeredLate: boolean;
  /** Transferred (or still to transfer) after the day it was raised. */
  transferLate: boolean;
  /** Unanswered and today is past the deadline. */
  overdue: boolean;
  /** Unanswered, deadline within the next 2 working days counting today. */
  dueSoon: boolean;
  /** Natural days past the deadline (answered late, or overdue until today); else 0. */
  daysLate: number;
}

type TimelinessInput = Pick<
  Problem,
  'handling' | 'raisedDate' | 'transferDate' | 'replyDeadline' | 'replyDate'
>;

/** The last day of the "due soon" window: the 2nd working day counting `today` itself. */
export function dueSoonUntil(today: string, overrides: CalendarOverrides = {}): string {
  return addWorkingDays(addCalendarDays(today, -1), 2, overrides);
}

/** The stored deadline (computed when the problem was saved), else computed now. */
export function effectiveDeadline(p: TimelinessInput, overrides: CalendarOverrides = {}): string {
  return p.replyDeadline ?? replyDeadline(p, overrides);
}

export function problemTimeliness(
  p: TimelinessInput,
  today: string,
  overrides: CalendarOverrides = {},
  /** Pass `dueSoonUntil(today)` when judging many problems, to compute it once. */
  dueSoonLimit?: string,
): ProblemTimeliness {
  const deadline = effectiveDeadline(p, overrides);
  const answered = p.replyDate !== undefined && p.replyDate !== '';
  const answeredLate = answered && (p.replyDate as string) > deadline;
  const transferLate =
    p.handling === '转办' &&
    (p.transferDate !== undefined ? p.transferDate > p.raisedDate : today > p.raisedDate);
  const overdue = !answered && today > deadline;
  const dueSoon = !answered && !overdue && deadline <= (dueSoonLimit ?? dueSoonUntil(today, overrides));
  let daysLate = 0;
  if (answeredLate) daysLate = calendarDaysBetween(deadline, p.replyDate as string);
  else if (overdue) daysLate = calendarDaysBetween(deadline, today);
  return { deadline, answered, answeredLate, transferLate, overdue, dueSoon, daysLate };
}
