// 培育库 (issue 15, seed 004): which candidates reached their target in a year, and each town's
// progress against its goal. A candidate counts as reached
// - for 规上: when the enterprise is flagged 规上企业, or its year-to-date output of that year has
//   crossed the statistical threshold (2,000 万元 of annual main-business revenue for industry; the
//   app holds output value, the figure officers report, and reads it as the proxy);
// - for 亿元: when its year-to-date output of that year has crossed 10,000 万元;
// - for any target (上市 and the bureau's own lists, which no figure tells): when an officer confirmed
//   the day it was reached.
// An enterprise crossing the threshold counts without anyone marking it: that is the point of
// entering figures (应统尽统). Pure.
import { z } from 'zod';
import { builtInCultivationTargets, type CultivationCandidate, type CultivationGoal } from '../domain/cultivationRecords';
import { RuleError, ruleErrorFromZod } from '../errors/ruleError';
import { formatFigure, operationFigureSpec } from '../operations/operationFigures';

/** The year-to-date output (万元) a figure-counted target is reached at. */
export const cultivationThresholds: Readonly<Record<string, number>> = {
  规上: 2000,
  亿元: 10000,
};

/** The one id of a candidate: two laptops marking the same enterprise for the same target and year write one record. */
export function cultivationCandidateId(year: number, target: string, enterpriseId: string): string {
  return `cult-${year}-${target}-${enterpriseId}`;
}

/** The one id of a town's goal for a target and year. */
export function cultivationGoalId(year: number, target: string, town: string): string {
  return `cultgoal-${year}-${target}-${town}`;
}

/** The targets to offer: the three of seed 004 first, then the bureau's own lists as they appear in the records. */
export function cultivationTargetsOf(records: readonly { target: string }[]): string[] {
  const own = new Set<string>();
  for (const { target } of records) if (!(builtInCultivationTargets as readonly string[]).includes(target)) own.add(target);
  return [...builtInCultivationTargets, ...[...own].sort((a, b) => a.localeCompare(b, 'zh-CN'))];
}

/** What the progress needs to know of an enterprise. */
export interface CultivatedEnterprise {
  id: string;
  name: string;
  town: string;
  isAboveScale: boolean;
}

/** The latest year-to-date output an enterprise reported in the year (万元), and its month. */
export interface YearToDateOutput {
  month: string;
  outputValueYtd: number;
}

export type CandidateState =
  | { reached: true; how: string }
  | { reached: false; how: string; /** 万元 still missing to the threshold, for figure-counted targets. */ gap?: number };

/** Whether a candidate reached its target, and in words how (or how far it still is). */
export function candidateState(
  candidate: Pick<CultivationCandidate, 'target' | 'achievedDate'>,
  enterprise: Pick<CultivatedEnterprise, 'isAboveScale'> | undefined,
  output: YearToDateOutput | undefined,
): CandidateState {
  if (candidate.achievedDate) return { reached: true, how: `已确认达标（${candidate.achievedDate}）` };
  if (candidate.target === '规上' && enterprise?.isAboveScale) return { reached: true, how: '已标记为规上企业' };
  const threshold = cultivationThresholds[candidate.target];
  if (threshold === undefined) return { reached: false, how: '待确认达标' };
  if (!output) return { reached: false, how: '本年尚无产值数据' };
  const ytd = operationFigureSpec('outputValueYtd');
  const figure = `${Number(output.month.slice(5))} 月本年累计产值 ${formatFigure(ytd, output.outputValueYtd)}`;
  if (output.outputValueYtd >= threshold) return { reached: true, how: `${figure}，已达 ${formatFigure(ytd, threshold)}` };
  return { reached: false, how: figure, gap: threshold - output.outputValueYtd };
}

export interface CandidateRow {
  candidate: CultivationCandidate;
  enterprise?: CultivatedEnterprise;
  output?: YearToDateOutput;
  state: CandidateState;
}

/** One town's progress on one target. */
export interface TownProgress {
  town: string;
  goal?: number;
  candidates: number;
  reached: number;
  /** reached / goal, when a goal is set (may pass 1). */
  completion?: number;
}

export interface TargetProgress {
  target: string;
  towns: TownProgress[];
  total: TownProgress;
}

/**
 * Every live candidate of the year with its state, and per target the towns' progress: the towns with
 * a goal or a candidate, in the order of `townOrder` (the bureau's towns), then any other by name.
 * A candidate whose enterprise is gone from this laptop still counts under town （未知区镇）.
 */
export function cultivationProgress(
  candidates: readonly CultivationCandidate[],
  goals: readonly CultivationGoal[],
  enterprises: ReadonlyMap<string, CultivatedEnterprise>,
  outputs: ReadonlyMap<string, YearToDateOutput>,
  townOrder: readonly string[] = [],
): { rows: CandidateRow[]; targets: TargetProgress[] } {
  const rows: CandidateRow[] = candidates.map((candidate) => {
    const enterprise = enterprises.get(candidate.enterpriseId);
    const output = outputs.get(candidate.enterpriseId);
    return { candidate, enterprise, output, state: candidateState(candidate, enterprise, output) };
  });
  const targets = cultivationTargetsOf([...candidates, ...goals]).filter(
    (target) => candidates.some((c) => c.target === target) || goals.some((g) => g.target === target),
  );
  const progress = targets.map((target): TargetProgress => {
    const byTown = new Map<string, TownProgress>();
    const townOf = (town: string) => {
      let row = byTown.get(town);
      if (!row) byTown.set(town, (row = { town, candidates: 0, reached: 0 }));
      return row;
    };
    for (const goal of goals) if (goal.target === target) townOf(goal.town).goal = goal.goal;
    for (const row of rows) {
      if (row.candidate.target !== target) continue;
      const town = townOf(row.enterprise?.town || '（未知区镇）');
      town.candidates++;
      if (row.state.reached) town.reached++;
    }
    const rank = (town: string) => {
      const i = townOrder.indexOf(town);
      return i < 0 ? townOrder.length : i;
    };
    const towns = [...byTown.values()]
      .map((t) => ({ ...t, completion: t.goal ? t.reached / t.goal : undefined }))
      .sort((a, b) => rank(a.town) - rank(b.town) || a.town.localeCompare(b.town, 'zh-CN'));
    const goalSum = towns.reduce((sum, t) => sum + (t.goal ?? 0), 0);
    const reached = towns.reduce((sum, t) => sum + t.reached, 0);
    const total: TownProgress = {
      town: '合计',
      goal: towns.some((t) => t.goal !== undefined) ? goalSum : undefined,
      candidates: towns.reduce((sum, t) => sum + t.candidates, 0),
      reached,
      completion: goalSum ? reached / goalSum : undefined,
    };
    return { target, towns, total };
  });
  return { rows, targets: progress };
}

const candidateInputSchema = z.object({
  year: z.number({ error: '请选择培育年度' }).int().min(2000, '培育年度不在 2000–2100 之间').max(2100, '培育年度不在 2000–2100 之间'),
  target: z
    .string({ error: '请选择培育目标' })
    .trim()
    .min(1, '请选择培育目标')
    .max(30, '培育目标不能超过 30 个字符')
    // The ids join year, target and enterprise with "-": a target holding one could collide.
    .refine((t) => !t.includes('-'), '培育目标不能含有“-”符号'),
  enterpriseIds: z.array(z.string().min(1)).min(1, '请至少选择一家企业').max(500, '一次最多加入 500 家企业'),
  note: z
    .string()
    .max(300, '培育措施不能超过 300 个字符')
    .nullish()
    .transform((v) => (v ?? '').trim()),
});
export type CandidateInput = z.infer<typeof candidateInputSchema>;

/** The 加入培育库 form's input, checked; a RuleError naming the field otherwise. */
export function parseCandidateInput(input: unknown): CandidateInput {
  const parsed = candidateInputSchema.safeParse(input);
  if (!parsed.success) throw ruleErrorFromZod(parsed.error);
  return parsed.data;
}

/** A confirmed-reached day may not lie in the future nor outside the candidate's year. */
export function checkAchievedDate(year: number, date: string, today: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RuleError([{ field: 'achievedDate', message: '达标日期格式应为 YYYY-MM-DD' }]);
  if (date > today) throw new RuleError([{ field: 'achievedDate', message: `达标日期不能晚于今天（${today}）` }]);
  if (Number(date.slice(0, 4)) !== year) throw new RuleError([{ field: 'achievedDate', message: `达标日期应在 ${year} 年内` }]);
}
