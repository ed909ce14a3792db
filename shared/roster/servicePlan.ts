// 一企一策 (seed 004): each enterprise's service plan is a list of actions — a need found on a visit,
// the action agreed, who owns it and by when. Pure: the Dexie table lives in renderer/src/db/schema.ts.
import { z } from 'zod';
import { addCalendarDays } from '../calendar/workingDays';
import { calendarDate, recordMeta } from '../domain/records';

export const planActionSchema = recordMeta.extend({
  enterpriseId: z.string().min(1),
  need: z.string().trim().min(1, '请填写发现的需求'), // 企业需求
  action: z.string().trim().min(1, '请填写商定的措施'), // 服务措施
  owner: z.string().trim().min(1, '请填写责任人'), // 责任人
  dueDate: calendarDate, // 完成时限
  doneDate: calendarDate.optional(), // 完成日期
  note: z.string().default(''),
});
export type PlanAction = z.infer<typeof planActionSchema>;

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
