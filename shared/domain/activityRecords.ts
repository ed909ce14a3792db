// Group activities (issue 17, seeds 000 and 002): 政策宣讲, 对话沙龙, 现场联合办公 — one event reaching
// many enterprises at once. An activity travels between laptops like every record. Pure.
// Foundation stub: the activities feature shapes the fields.
import { z } from 'zod';
import { calendarDate, cappedText, recordMeta } from './records';

export const activityTypes = ['政策宣讲', '对话沙龙', '现场联合办公'] as const;
export type ActivityType = (typeof activityTypes)[number];

export const activitySchema = recordMeta.extend({
  type: z.enum(activityTypes, { error: '请选择活动类型' }),
  date: calendarDate,
  topic: cappedText('活动主题', 200).default(''),
  /** The enterprises that attended, indexed (multiEntry) for each enterprise's timeline and coverage. */
  attendeeEnterpriseIds: z.array(z.string()).default([]),
});
export type Activity = z.infer<typeof activitySchema>;
