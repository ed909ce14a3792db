// 培育库 (issue 15, seed 004): the enterprises the bureau is cultivating toward a target — above the
// statistical threshold (规上), past 100 million yuan (亿元), toward listing (上市) or a list the bureau
// names — and each town's goal for the year. Both travel between laptops like every record. Pure.
import { z } from 'zod';
import { calendarDate, cappedText, recordMeta } from './records';

/** The targets seed 004 names; the bureau may add lists of its own (any other name). */
export const builtInCultivationTargets = ['规上', '亿元', '上市'] as const;

const cultivationYear = z
  .number({ error: '培育年度应为数字' })
  .int('培育年度应为整数')
  .min(2000, '培育年度不在 2000–2100 之间')
  .max(2100, '培育年度不在 2000–2100 之间');
const cultivationTarget = z.string().trim().min(1, '请选择培育目标').max(30, '培育目标不能超过 30 个字符');

/**
 * One enterprise marked as a candidate for one target in one year. Its id is made from the three
 * (shared/cultivation/cultivationRules.ts), so two laptops marking the same enterprise write versions
 * of one record.
 */
export const cultivationCandidateSchema = recordMeta.extend({
  enterpriseId: z.string().min(1),
  year: cultivationYear,
  target: cultivationTarget,
  /** 培育措施: what the bureau does to help it get there. */
  note: cappedText('培育措施', 300).default(''),
  /**
   * The day the target was confirmed reached by hand: the only way for 上市 or a bureau list, which no
   * figure tells; for 规上 and 亿元 the figures and the enterprise's flag count on their own.
   */
  achievedDate: calendarDate.optional(),
});
export type CultivationCandidate = z.infer<typeof cultivationCandidateSchema>;

/** A town's goal for a target in a year: how many candidates should reach it. */
export const cultivationGoalSchema = recordMeta.extend({
  year: cultivationYear,
  target: cultivationTarget,
  town: z.string().trim().min(1, '请选择区镇').max(50, '所属区镇不能超过 50 个字符'),
  goal: z.number({ error: '年度目标应为数字' }).int('年度目标应为整数').nonnegative('年度目标不能为负数').max(100000, '年度目标过大'),
});
export type CultivationGoal = z.infer<typeof cultivationGoalSchema>;
