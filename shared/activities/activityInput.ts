// What an officer types for an activity, checked before anything is stored: the rules of the 活动
// form and of the repository are this one function. A text over its limit, a date in the future, an
// activity with no enterprise or the same enterprise twice is refused at its field in Chinese (the
// enterprise by its name), never cut or changed to fit. Pure.
import { z } from 'zod';
import { activitySchema, activityTextLimits, activityTypes, type Activity } from '../domain/activityRecords';
import { isCalendarDate } from '../calendar/workingDays';
import { RuleError, type RuleIssue } from '../errors/ruleError';

/** One attending enterprise as the form holds it. */
export interface AttendeeInput {
  enterpriseId: string;
  /** Shown in messages (the form knows it; the repository fills it from the store). */
  name?: string;
  /** Who came, as typed or as the sign-in sheet wrote them. */
  people?: string;
}

export interface ActivityInput {
  type?: string;
  date?: string;
  topic?: string;
  place?: string;
  organiser?: string;
  speakers?: readonly string[];
  policyIds?: readonly string[];
  attendees?: readonly AttendeeInput[];
  summary?: string;
}

/** The officer's fields of an activity record. */
export type ActivityFields = Pick<
  Activity,
  'type' | 'date' | 'topic' | 'place' | 'organiser' | 'speakers' | 'policyIds' | 'attendeeEnterpriseIds' | 'attendeePeople' | 'summary'
>;

const over = (label: string, limit: number, text: string) => `${label}最多 ${limit} 字，现有 ${text.length} 字，请删减 ${text.length - limit} 字`;

/**
 * The record fields of the input, or a RuleError naming every refused field (`attendees.2.people` for
 * the third enterprise's people). `today` is the Asia/Shanghai day: an activity is recorded once held.
 */
export function parseActivityInput(input: ActivityInput, today: string): ActivityFields {
  const issues: RuleIssue[] = [];
  const add = (field: string, message: string) => {
    if (!issues.some((i) => i.field === field)) issues.push({ field, message });
  };
  const text = (value: string | undefined) => (value ?? '').trim();

  const type = text(input.type);
  if (!(activityTypes as readonly string[]).includes(type)) add('type', '请选择活动类型');
  const date = text(input.date);
  if (!date) add('date', '请填写活动日期');
  else if (!isCalendarDate(date)) add('date', '活动日期应为 YYYY-MM-DD 格式的有效日期');
  else if (date > today) add('date', `活动日期 ${date} 晚于今天（${today}），请在活动举办后再登记`);

  const topic = text(input.topic);
  if (!topic) add('topic', '请填写活动主题');
  const capped: [field: 'topic' | 'place' | 'organiser' | 'summary', label: string][] = [
    ['topic', '活动主题'],
    ['place', '活动地点'],
    ['organiser', '主办单位'],
    ['summary', '活动情况'],
  ];
  for (const [field, label] of capped) {
    const value = field === 'summary' ? (input.summary ?? '') : text(input[field]);
    if (value.length > activityTextLimits[field]) add(field, over(label, activityTextLimits[field], value));
  }

  const speakers = [...new Set((input.speakers ?? []).map((s) => s.trim()).filter((s) => s !== ''))];
  const longSpeaker = speakers.find((s) => s.length > activityTextLimits.speaker);
  if (longSpeaker) add('speakers', `主讲人「${longSpeaker.slice(0, 20)}…」${over('', activityTextLimits.speaker, longSpeaker)}`);

  const attendees = input.attendees ?? [];
  if (attendees.length === 0) add('attendees', '请至少选择一家参加活动的企业');
  const seen = new Map<string, number>();
  const attendeePeople: Record<string, string> = {};
  attendees.forEach((attendee, index) => {
    const label = attendee.name ? `「${attendee.name}」` : `第 ${index + 1} 家企业`;
    if (!attendee.enterpriseId) {
      add(`attendees.${index}.enterpriseId`, `${label}未选择企业`);
      return;
    }
    const first = seen.get(attendee.enterpriseId);
    if (first !== undefined) add(`attendees.${index}.enterpriseId`, `${label}与第 ${first + 1} 家重复，一家企业只需登记一次`);
    else seen.set(attendee.enterpriseId, index);
    const people = text(attendee.people);
    if (people.length > activityTextLimits.people) add(`attendees.${index}.people`, `${label}的参加人员${over('', activityTextLimits.people, people)}`);
    if (people) attendeePeople[attendee.enterpriseId] = people;
  });

  if (issues.length > 0) throw new RuleError(issues);
  const fields: ActivityFields = {
    type: type as Activity['type'],
    date,
    topic,
    place: text(input.place),
    organiser: text(input.organiser),
    speakers,
    policyIds: [...new Set(input.policyIds ?? [])],
    attendeeEnterpriseIds: [...seen.keys()],
    attendeePeople,
    summary: (input.summary ?? '').trim(),
  };
  // The record's own schema has the last word (its messages name the field too).
  const checked = activityFieldsSchema.safeParse(fields);
  if (!checked.success) throw RuleError.at(String(checked.error.issues[0]?.path[0] ?? ''), checked.error.issues[0]?.message ?? '活动数据无效');
  return fields;
}

const activityFieldsSchema: z.ZodType = activitySchema.pick({
  type: true,
  date: true,
  topic: true,
  place: true,
  organiser: true,
  speakers: true,
  policyIds: true,
  attendeeEnterpriseIds: true,
  attendeePeople: true,
  summary: true,
});

/** The people who came for an enterprise ('' when none were written). */
export function peopleOf(activity: Pick<Activity, 'attendeePeople'>, enterpriseId: string): string {
  return activity.attendeePeople[enterpriseId] ?? '';
}
