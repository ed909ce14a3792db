// 一企一策 (seed 004): how an action of an enterprise's service plan stands on a day. The record is
// PlanAction in shared/domain/records.ts with the others. Pure.
import { addCalendarDays } from '../calendar/workingDays';
import type { PlanAction } from '../domain/records';


/** How a plan action stands on `today`: 已完成, 已逾期 (past due, not done), 近期到期 (within planDueSoonDays), or 未到期. */
export type PlanActionState = '已完成' | '已逾期' | '近期到期' | '未到期';

/** Days ahead of today that count as "due soon" on the officer's due list. */
export const planDueSoonDays = 14;

export function planActionState(action: Pick<PlanAction, 'dueDate' | 'doneDate'>, today: string): PlanActionState {
  if (action.doneDate) return '已完成';
  if (action.dueDate < today) return '已逾期';
  if (action.dueDate <= addCalendarDays(today, planDueSoonDays)) return '近期到期';
  return '未到期';
}
