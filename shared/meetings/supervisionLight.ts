// 亮灯督办 (issue 16): every open item carries a light by how its deadline stands today —
//   green  the deadline is more than two working days away;
//   yellow the deadline is within two working days (counting today, as 即将到期), or it has passed by
//          at most N working days (N = settings.lightLateDays);
//   red    it has passed by more than N working days.
// "Passed by k working days" counts the working days after the deadline up to today, on the same
// calendar as 首问负责制 (a deadline on Friday is not late on Saturday and Sunday). Pure.
import type { Problem } from '../domain/records';
import { workingDaysBetween, type CalendarOverrides } from '../calendar/workingDays';
import { dueSoonUntil, effectiveDeadline } from '../problems/problemTimeliness';
import { decisionCarriedOut, doneSince } from '../problems/meetingDecision';
import { isOpenProblemStatus } from '../problems/problemTransitions';

export const supervisionLights = ['green', 'yellow', 'red'] as const;
export type SupervisionLight = (typeof supervisionLights)[number];
export const supervisionLightLabels: Record<SupervisionLight, string> = { green: '绿灯', yellow: '黄灯', red: '红灯' };

/** The default N: late by up to three working days is yellow. */
export const DEFAULT_LIGHT_LATE_DAYS = 3;

export function lightLateDaysOf(settings: { lightLateDays?: number | undefined }): number {
  return settings.lightLateDays ?? DEFAULT_LIGHT_LATE_DAYS;
}

export interface LightToday {
  today: string;
  /** N: working days late that are still yellow. */
  lateDays: number;
  overrides?: CalendarOverrides;
  /** dueSoonUntil(today): pass it when judging many items, to compute it once. */
  dueSoonLimit?: string;
}

/** The light of a deadline today. */
export function lightOf(deadline: string, at: LightToday): SupervisionLight {
  const overrides = at.overrides ?? {};
  if (deadline >= at.today) {
    return deadline <= (at.dueSoonLimit ?? dueSoonUntil(at.today, overrides)) ? 'yellow' : 'green';
  }
  return workingDaysBetween(deadline, at.today, overrides) <= at.lateDays ? 'yellow' : 'red';
}

/** What a problem is supervised on: a meeting's decision not yet carried out, else its reply deadline. */
export interface SupervisedDeadline {
  kind: '会议决定' | '答复期限';
  deadline: string;
}

/**
 * The deadline an open problem's light follows: the meeting decision while it is not carried out;
 * otherwise, while unanswered, the 首问负责制 reply deadline. Answered or closed problems carry none.
 */
export function supervisedDeadline(p: Problem, overrides: CalendarOverrides = {}): SupervisedDeadline | undefined {
  if (p.deletedAt !== undefined || p.status === '已办结') return undefined;
  if (p.meetingDecision !== undefined && !decisionCarriedOut(p)) return { kind: '会议决定', deadline: p.meetingDecision.deadline };
  if (isOpenProblemStatus(p.status) && p.replyDate === undefined) return { kind: '答复期限', deadline: effectiveDeadline(p, overrides) };
  return undefined;
}

/** The light of a problem today, or undefined when nothing about it is open. */
export function problemLight(p: Problem, at: LightToday): SupervisionLight | undefined {
  const supervised = supervisedDeadline(p, at.overrides);
  return supervised === undefined ? undefined : lightOf(supervised.deadline, at);
}

/** How a decided item stands, as the next meeting's agenda shows "上次会议决定". */
export type DecisionState =
  | { state: '按期完成' | '逾期完成'; doneDate: string }
  | { state: '办理中'; light: SupervisionLight };

/** A decision taken on `meetingDate` with `deadline`, on this problem as it is now. */
export function decisionState(
  p: Pick<Problem, 'replyDate' | 'status' | 'history'>,
  meetingDate: string,
  deadline: string,
  at: LightToday,
): DecisionState {
  const doneDate = doneSince(p, meetingDate);
  if (doneDate !== undefined) return { state: doneDate > deadline ? '逾期完成' : '按期完成', doneDate };
  return { state: '办理中', light: lightOf(deadline, at) };
}
