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

/** The reply deadline, with `uncertain` set when it rests on a year the calendar does not cover. */
export function replyDeadlineChecked(problem: DeadlineInput, overrides: CalendarOverrides = {}): CheckedWorkingDay {
  const days = problem.handling === '转办' ? TRANSFERRED_REPLY_DAYS : OWN_DEPARTMENT_REPLY_DAYS;
  return addWorkingDaysChecked(deadlineStart(problem), days, overrides);
}

/** 首问负责制: own department 3 working days from raising; transferred: 5 from the transfer date. */
export function replyDeadline(problem: DeadlineInput, overrides: CalendarOverrides = {}): string {
  return replyDeadlineChecked(problem, overrides).date;
}

/** A transfer is due on the day the problem was raised. */
export function transferDueDate(problem: Pick<Problem, 'raisedDate'>): string {
  return problem.raisedDate;
}

/** The Chinese warning shown at the date field when the deadline is only a weekday guess. */
export function uncertainDeadlineMessage(deadline: string): string {
  const year = deadline.slice(0, 4);
  return `答复期限 ${deadline} 落在 ${year} 年，工作日历尚无 ${year} 年节假日安排，请先在“设置 → 工作日调整”中录入`;
}
