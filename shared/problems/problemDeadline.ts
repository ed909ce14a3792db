// STUB (signatures fixed; the problems helper completes it).
import type { Problem } from '../domain/records';
import { addWorkingDays, type CalendarOverrides } from '../calendar/workingDays';

/** 首问负责制: own department 3 working days from raising; transferred: 5 from the transfer date. */
export function replyDeadline(
  problem: Pick<Problem, 'handling' | 'raisedDate' | 'transferDate'>,
  overrides: CalendarOverrides = {},
): string {
  if (problem.handling === '转办') return addWorkingDays(problem.transferDate ?? problem.raisedDate, 5, overrides);
  return addWorkingDays(problem.raisedDate, 3, overrides);
}
