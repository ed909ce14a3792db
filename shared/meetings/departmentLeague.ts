// 部门红黄榜 (issue 16): per department (承办部门) or per town, for a period — problems received,
// answered on time, late (answered late, or unanswered past the deadline), resolved (已办结), the
// satisfaction rate, and the items a meeting decided in the period that went past the decided deadline.
// The first five are the problem statistics every screen shows (shared/problems/problemStats.ts),
// counted per group; nothing is counted a second way. Ranked; 红榜 for answering on time at 90 % or
// better with no meeting decision overdue, 黄榜 below 70 % or with any decision overdue. Pure.
import type { Problem } from '../domain/records';
import type { CalendarOverrides } from '../calendar/workingDays';
import { countProblems } from '../problems/problemStats';
import { doneSince } from '../problems/meetingDecision';
import { NO_GROUP } from './meetingAgenda';

export const leagueGroupings = ['department', 'town'] as const;
export type LeagueGrouping = (typeof leagueGroupings)[number];
export const leagueGroupingLabels: Record<LeagueGrouping, string> = { department: '按部门', town: '按区镇' };

/** A decision a meeting in the period took (from the meeting's agenda), with the problem as it is now. */
export interface PeriodDecision {
  problem: Problem;
  department: string;
  meetingDate: string;
  deadline: string;
}

/** 红榜: answered on time at this rate or better, and no meeting decision overdue. */
export const RED_BOARD_FROM = 0.9;
/** 黄榜: answered on time below this rate, or any meeting decision overdue. */
export const YELLOW_BOARD_BELOW = 0.7;

export type LeagueBoard = '红榜' | '黄榜' | '';

export interface LeagueRow {
  rank: number;
  name: string;
  received: number;
  answeredOnTime: number;
  /** Answered late, or unanswered and past the deadline today. */
  late: number;
  resolved: number;
  /** 满意 + 基本满意 over the problems the enterprise rated; null when none was rated. */
  satisfactionRate: number | null;
  rated: number;
  /** Decisions of the period's meetings carried out after their deadline, or still open past it. */
  overdueAfterDecision: number;
  decisions: number;
  /** answeredOnTime / received; null with nothing received. */
  onTimeRate: number | null;
  board: LeagueBoard;
}

export interface LeagueInput {
  /** The problems raised in the period (live or not: deleted ones are skipped). */
  problems: readonly Problem[];
  decisions: readonly PeriodDecision[];
  grouping: LeagueGrouping;
  townOf: (enterpriseId: string) => string | undefined;
  today: string;
  overrides?: CalendarOverrides;
  /** Groups always listed, in this order before others (the reference list), even with nothing. */
  groups?: readonly string[];
}

function groupName(name: string | undefined): string {
  return name === undefined || name.trim() === '' ? NO_GROUP : name.trim();
}

function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** Null rates rank below any number. */
function byRateDesc(a: number | null, b: number | null): number {
  return (b ?? -1) - (a ?? -1);
}

export function departmentLeague(input: LeagueInput): LeagueRow[] {
  const { grouping, townOf, today, overrides = {} } = input;
  const problemsOf = new Map<string, Problem[]>();
  const decisionsOf = new Map<string, PeriodDecision[]>();
  const names = new Set<string>(input.groups ?? []);
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
    names.add(key);
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const p of input.problems) {
    if (p.deletedAt !== undefined) continue;
    push(problemsOf, groupName(grouping === 'department' ? p.department : townOf(p.enterpriseId)), p);
  }
  for (const d of input.decisions) {
    if (d.problem.deletedAt !== undefined) continue;
    push(decisionsOf, groupName(grouping === 'department' ? d.department : townOf(d.problem.enterpriseId)), d);
  }
  const rows: LeagueRow[] = [...names].map((name) => {
    const counts = countProblems(problemsOf.get(name) ?? [], today, overrides);
    const list = problemsOf.get(name) ?? [];
    const rated = list.filter((p) => p.satisfaction !== undefined).length;
    const satisfied = list.filter((p) => p.satisfaction === '满意' || p.satisfaction === '基本满意').length;
    const decisions = decisionsOf.get(name) ?? [];
    const overdueAfterDecision = decisions.filter((d) => (doneSince(d.problem, d.meetingDate) ?? today) > d.deadline).length;
    const late = counts.answeredLate + counts.overdue;
    const onTimeRate = rate(counts.answeredOnTime, counts.total);
    const board: LeagueBoard =
      overdueAfterDecision > 0 || (onTimeRate !== null && onTimeRate < YELLOW_BOARD_BELOW)
        ? '黄榜'
        : onTimeRate !== null && onTimeRate >= RED_BOARD_FROM
          ? '红榜'
          : '';
    return {
      rank: 0,
      name,
      received: counts.total,
      answeredOnTime: counts.answeredOnTime,
      late,
      resolved: counts.byStatus['已办结'],
      satisfactionRate: rate(satisfied, rated),
      rated,
      overdueAfterDecision,
      decisions: decisions.length,
      onTimeRate,
      board,
    };
  });
  rows.sort(
    (a, b) =>
      byRateDesc(a.onTimeRate, b.onTimeRate) ||
      a.overdueAfterDecision - b.overdueAfterDecision ||
      byRateDesc(rate(a.resolved, a.received), rate(b.resolved, b.received)) ||
      byRateDesc(a.satisfactionRate, b.satisfactionRate) ||
      b.received - a.received ||
      a.name.localeCompare(b.name, 'zh-CN'),
  );
  // Equal figures share a rank (1, 2, 2, 4).
  rows.forEach((row, i) => {
    const prev = rows[i - 1];
    row.rank =
      prev !== undefined &&
      prev.onTimeRate === row.onTimeRate &&
      prev.overdueAfterDecision === row.overdueAfterDecision &&
      rate(prev.resolved, prev.received) === rate(row.resolved, row.received) &&
      prev.satisfactionRate === row.satisfactionRate &&
      prev.received === row.received
        ? prev.rank
        : i + 1;
  });
  return rows;
}
