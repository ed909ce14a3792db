// The problem state machine in one table: which statuses each action of 首问负责制 may start from,
// and whether it needs an answer on record. The workflow's transitions check against it and the
// detail page offers exactly the actions it allows, so the two cannot drift apart (a property test
// holds them to it). Pure.
import { problemStatuses, type Problem, type ProblemStatus } from '../domain/records';

/** Unanswered problems: the 首问负责制 clock is running (lists, home page, counts, merges). */
export const openProblemStatuses = ['待处理', '已转办', '已升级'] as const satisfies readonly ProblemStatus[];

export function isOpenProblemStatus(status: ProblemStatus): boolean {
  return (openProblemStatuses as readonly ProblemStatus[]).includes(status);
}

export interface ProblemTransitionRule {
  /** The action as the officer sees it ("不能转办"). */
  label: string;
  /** The statuses the action may start from. */
  from: readonly ProblemStatus[];
  /** An answer must be on record (replyDate) — closing, the enterprise's rating, reopening. */
  needsAnswer?: true;
  /** The form field a missing answer is shown at (default `status`: the action itself is wrong). */
  unansweredField?: string;
}

export const problemTransitions = {
  transfer: { label: '转办', from: ['待处理', '已转办'] },
  answer: { label: '答复', from: openProblemStatuses },
  close: { label: '办结', from: ['已答复', '已升级'], needsAnswer: true, unansweredField: 'replyDate' },
  escalate: { label: '升级协调', from: ['待处理', '已转办', '已答复'] },
  rectify: { label: '挂牌整改', from: ['待处理', '已转办', '已答复', '已升级'] },
  /** A 督办会 / 点评会 / 专题协调会 decides who does what by when (issue 16); any problem not yet closed. */
  decide: { label: '记录会议决定', from: ['待处理', '已转办', '已答复', '已升级'] },
  satisfaction: { label: '记录企业满意度', from: problemStatuses, needsAnswer: true, unansweredField: 'satisfaction' },
  reopen: { label: '重新办理', from: problemStatuses, needsAnswer: true },
} as const satisfies Record<string, ProblemTransitionRule>;

export type ProblemTransition = keyof typeof problemTransitions;

export const problemTransitionNames = Object.keys(problemTransitions) as ProblemTransition[];

/** Why `action` cannot start from this problem's state, as (field, Chinese message); undefined when it can. */
export function transitionRefusal(
  action: ProblemTransition,
  p: Pick<Problem, 'status' | 'replyDate'>,
): { field: string; message: string } | undefined {
  const rule: ProblemTransitionRule = problemTransitions[action];
  if (!rule.from.includes(p.status)) return { field: 'status', message: `状态为“${p.status}”的问题不能${rule.label}` };
  if (rule.needsAnswer && p.replyDate === undefined) {
    return { field: rule.unansweredField ?? 'status', message: `尚未答复，不能${rule.label}：请先填写答复` };
  }
  return undefined;
}

/** Which actions the detail page offers: exactly those the table lets start from here. */
export function availableProblemActions(p: Pick<Problem, 'status' | 'replyDate'>): Record<ProblemTransition, boolean> {
  return Object.fromEntries(problemTransitionNames.map((action) => [action, transitionRefusal(action, p) === undefined])) as Record<
    ProblemTransition,
    boolean
  >;
}
