// 首问负责制 (seed 000): a problem for the officer's own department is answered within 3 working
// days of being raised; one for another department is transferred the SAME day and answered within
// 5 working days of the transfer.
import type { Problem } from '../domain/records';
import { addWorkingDaysChecked, type CalendarOverrides, type CheckedWorkingDay } from '../calendar/workingDays';

export const OWN_DEPARTMENT_REPLY_DAYS = 3;
export const TRANSFERRED_REPLY_DAYS = 5;

type DeadlineInput = Pick<Problem, 'handling' | 'raisedDate' | 'transferDate'>;

/** The day the deadline counts from: the transfer date when transferred (raised date until it happens). */
export function deadlineStart(problem: DeadlineInput): string {
  return problem.handling === '转办' ? (problem.transferDate ?? problem.raisedDate) : problem.raisedDate;
}

/**
 * The reply deadline, with `uncertain` set when it rests on a year the calendar does not cover
 * (`knownYears`: the years whose notice was entered in settings, beyond the package's).
 */
export function replyDeadlineChecked(
  problem: DeadlineInput,
  overrides: CalendarOverrides = {},
  knownYears: readonly number[] = [],
): CheckedWorkingDay {
  const days = problem.handling === '转办' ? TRANSFERRED_REPLY_DAYS : OWN_DEPARTMENT_REPLY_DAYS;
  return addWorkingDaysChecked(deadlineStart(problem), days, overrides, knownYears);
}

/** 首问负责制: own department 3 working days from raising; transferred: 5 from the transfer date. */
export function replyDeadline(problem: DeadlineInput, overrides: CalendarOverrides = {}): string {
  return replyDeadlineChecked(problem, overrides).date;
}

/** The word shown after a provisional deadline everywhere it shows (lists, detail, home, exports). */
export const PROVISIONAL_MARK = '待确认';

/** A deadline as the screens and exports print it: `2027-01-05（待确认）` while provisional. */
export function deadlineText(problem: Pick<Problem, 'replyDeadline' | 'replyDeadlineProvisional'>): string {
  if (!problem.replyDeadline) return '';
  return problem.replyDeadlineProvisional ? `${problem.replyDeadline}（${PROVISIONAL_MARK}）` : problem.replyDeadline;
}

/** The Chinese note shown when the deadline is only a weekday guess: saving goes ahead all the same. */
export function uncertainDeadlineMessage(deadline: string): string {
  const year = deadline.slice(0, 4);
  return `答复期限 ${deadline} 暂按周一至周五推算（${PROVISIONAL_MARK}）：工作日历尚无 ${year} 年节假日安排。在“设置 → 工作日调整”录入 ${year} 年安排后，将自动重新计算。`;
}

/**
 * Schema v3 backfill: 0.1 treated a year with a single override day as known, so a stored deadline
 * may rest on a year whose notice was never entered. Such a deadline keeps its date and is marked
 * provisional (待确认), to be recomputed when the year's notice is entered.
 */
export function markProvisionalDeadline<T extends Problem>(problem: T, overrides: CalendarOverrides): T {
  if (!problem.replyDeadline || problem.replyDeadlineProvisional) return problem;
  if (!replyDeadlineChecked(problem, overrides, []).uncertain) return problem;
  return { ...problem, replyDeadlineProvisional: true };
}
