// Group activities (issue 17, seeds 000 and 002): 政策宣讲 (集中宣讲、政策进企业), 对话沙龙, 现场联合办公 —
// one event reaching many enterprises at once, which counts toward visiting each of them (全覆盖). An
// activity travels between laptops like every record. Pure.
import { z } from 'zod';
import { calendarDate, cappedText, recordMeta } from './records';

export const activityTypes = ['政策宣讲', '对话沙龙', '现场联合办公'] as const;
export type ActivityType = (typeof activityTypes)[number];

/** The caps of an activity's texts: the form states them and refuses more (never cut). */
export const activityTextLimits = {
  topic: 200,
  place: 200,
  organiser: 100,
  speaker: 50,
  people: 200,
  summary: 2000,
} as const;

export const activitySchema = recordMeta.extend({
  type: z.enum(activityTypes, { error: '请选择活动类型' }),
  date: calendarDate,
  topic: z.string().trim().min(1, '请填写活动主题').max(activityTextLimits.topic, `活动主题不能超过 ${activityTextLimits.topic} 个字符`),
  place: cappedText('活动地点', activityTextLimits.place).default(''),
  /** 主办单位: the department or town that held it. */
  organiser: cappedText('主办单位', activityTextLimits.organiser).default(''),
  /** 主讲人 / 出席领导: one name (and title) each. */
  speakers: z.array(cappedText('主讲人', activityTextLimits.speaker)).default([]),
  /** The policy measures presented (ids of the `policies` table: the 30 of seed 003 by default). */
  policyIds: z.array(z.string()).default([]),
  /** The enterprises that attended, indexed (multiEntry) for each enterprise's timeline and coverage. */
  attendeeEnterpriseIds: z.array(z.string()).default([]),
  /**
   * Who came for each enterprise (names, as the sign-in sheet or the officer wrote them), by enterprise
   * id. An id not in `attendeeEnterpriseIds` is ignored (a merge may choose the two fields apart).
   */
  attendeePeople: z.record(z.string(), cappedText('参加人员', activityTextLimits.people)).default({}),
  /** 活动情况: what was said and asked. */
  summary: cappedText('活动情况', activityTextLimits.summary).default(''),
});
export type Activity = z.infer<typeof activitySchema>;
