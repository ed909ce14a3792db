// Whether a meeting's decision on a problem (problem.meetingDecision, issue 16) has been carried out,
// and when: the department answered after the meeting (a reply dated on or after the meeting day), or
// the problem was closed. The 亮灯督办 lights, the sparse `decisionDeadline` index and the 红黄榜's
// "overdue after a meeting decision" all read it here. Pure.
import type { Problem } from '../domain/records';
import { shanghaiDate } from '../calendar/shanghaiDate';

type DecisionInput = Pick<Problem, 'meetingDecision' | 'replyDate' | 'status' | 'history'>;

/**
 * The day a problem was dealt with on or after `since` (a meeting day): its reply, when dated that day
 * or later, else the day it was closed; undefined while neither.
 */
export function doneSince(p: Pick<Problem, 'replyDate' | 'status' | 'history'>, since: string): string | undefined {
  if (p.replyDate !== undefined && p.replyDate >= since) return p.replyDate;
  if (p.status === '已办结') {
    const closed = [...p.history].reverse().find((h) => h.to === '已办结');
    const day = closed ? shanghaiDate(new Date(closed.at)) : since;
    return day < since ? since : day;
  }
  return undefined;
}

/** The day the problem's meeting decision was carried out, or undefined while it is not (or there is none). */
export function decisionDoneDate(p: DecisionInput): string | undefined {
  return p.meetingDecision === undefined ? undefined : doneSince(p, p.meetingDecision.meetingDate);
}

export function decisionCarriedOut(p: DecisionInput): boolean {
  return decisionDoneDate(p) !== undefined;
}

/** Carried out after its deadline, or still not carried out and today is past it. */
export function decisionLate(p: DecisionInput, today: string): boolean {
  const decision = p.meetingDecision;
  if (decision === undefined) return false;
  const done = decisionDoneDate(p);
  return (done ?? today) > decision.deadline;
}
