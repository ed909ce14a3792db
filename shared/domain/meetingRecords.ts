// Meetings (issue 16, seeds 001 and 004): the monthly 督办会, the leaders' 点评会 and ad-hoc 专题协调会,
// with the agenda of escalated problems and the decision taken on each. A meeting travels between
// laptops like every record; the decision is also written on the problem itself (problem.meetingDecision,
// with a history entry), in the same transaction, so the problem's lists, lights and counts read it
// without reading meetings. Pure.
import { z } from 'zod';
import { calendarDate, cappedText, instant, recordMeta } from './records';

export const meetingTypes = ['督办会', '点评会', '专题协调会'] as const;
export type MeetingType = (typeof meetingTypes)[number];

/** How the agenda is grouped: by the department responsible, or by the enterprise's town. */
export const agendaGroupings = ['department', 'town'] as const;
export type AgendaGrouping = (typeof agendaGroupings)[number];

/** What the meeting decided on one item, as the minutes and the 交办单 print it. */
export const agendaDecisionSchema = z.object({
  department: z.string().trim().min(1, '请选择责任部门'),
  task: z.string().trim().min(1, '请填写交办事项').max(500, '交办事项不能超过 500 个字符'),
  workingDays: z.number().int().min(1),
  deadline: calendarDate,
  deadlineProvisional: z.boolean().optional(),
  /** 挂牌整改's owner; absent when the item is not listed for rectification. */
  rectificationOwner: z.string().optional(),
  decidedAt: instant,
  decidedBy: z.string().default(''),
});
export type AgendaDecision = z.infer<typeof agendaDecisionSchema>;

export const agendaItemSchema = z.object({
  id: z.string().min(1),
  problemId: z.string().min(1),
  decision: agendaDecisionSchema.optional(),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const meetingSchema = recordMeta.extend({
  type: z.enum(meetingTypes, { error: '请选择会议类型' }),
  date: calendarDate,
  title: cappedText('会议名称', 100).default(''),
  chair: cappedText('主持人', 50).default(''),
  attendees: z.array(cappedText('参会人员', 50)).max(100, '参会人员不能超过 100 人').default([]),
  /** How its agenda was proposed (absent: by department). */
  agendaGrouping: z.enum(agendaGroupings).optional(),
  /** The problems on the agenda, in order, with the decision taken on each. */
  agenda: z.array(agendaItemSchema).max(300, '议题不能超过 300 项').default([]),
});
export type Meeting = z.infer<typeof meetingSchema>;

/** The name a meeting goes by on screens and sheets: its title, or its date and type. */
export function meetingName(m: Pick<Meeting, 'title' | 'date' | 'type'>): string {
  return m.title.trim() || `${m.date} ${m.type}`;
}
