// Meetings (issue 16, seeds 001 and 004): the monthly 督办会, the leaders' 点评会 and ad-hoc 专题协调会,
// with the agenda of escalated problems and the decision taken on each. A meeting travels between
// laptops like every record. Pure.
// Foundation stub: the meetings feature shapes the agenda and decisions.
import { z } from 'zod';
import { calendarDate, cappedText, recordMeta } from './records';

export const meetingTypes = ['督办会', '点评会', '专题协调会'] as const;
export type MeetingType = (typeof meetingTypes)[number];

export const meetingSchema = recordMeta.extend({
  type: z.enum(meetingTypes, { error: '请选择会议类型' }),
  date: calendarDate,
  title: cappedText('会议名称', 100).default(''),
  chair: cappedText('主持人', 50).default(''),
  attendees: z.array(z.string()).default([]),
  /** The problems on the agenda, in order, with the decision taken on each. */
  agenda: z.array(z.object({ id: z.string().min(1), problemId: z.string().min(1) }).passthrough()).default([]),
});
export type Meeting = z.infer<typeof meetingSchema>;
