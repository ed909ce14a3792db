// The monthly progress report of seed 001 (每月向市政府报送重点项目推进情况): one entry per project and
// month, what it holds, and which projects still owe this month's entry.
import { z } from 'zod';
import { shanghaiDate } from '../calendar/shanghaiDate';
import { projectStages, type KeyProject, type ProgressEntry, type RecordMeta } from '../domain/records';
import { moneyField } from './moneyField';
import { RuleError, ruleErrorFromZod } from '../errors/ruleError';

/** The Asia/Shanghai calendar month (`YYYY-MM`) of an instant: reports follow the bureau's calendar. */
export function shanghaiMonth(now: Date = new Date()): string {
  return shanghaiDate(now).slice(0, 7);
}

const progressInputSchema = z.object({
  month: z
    .string({ error: '请选择填报月份' })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '填报月份应为 YYYY-MM'),
  stage: z.enum(projectStages, { error: '请选择项目阶段' }),
  progress: z.string({ error: '请填写本月进展' }).trim().min(1, '请填写本月进展'),
  investmentToDate: moneyField('累计完成投资'),
  blockers: z
    .string()
    .nullish()
    .transform((value) => (value ?? '').trim()),
});

/** A progress entry's own fields, as typed: no record fields, no project. */
export type ProgressInput = Omit<ProgressEntry, keyof RecordMeta | 'projectId'>;

/** The checked entry; a month after `currentMonth` is refused (progress is reported, not planned). */
export function parseProgressInput(raw: unknown, currentMonth: string): ProgressInput {
  const parsed = progressInputSchema.safeParse(raw);
  if (!parsed.success) throw ruleErrorFromZod(parsed.error);
  if (parsed.data.month > currentMonth) {
    throw new RuleError([{ field: 'month', message: `不能填报以后的月份（本月为 ${currentMonth}）` }]);
  }
  const { investmentToDate, ...rest } = parsed.data;
  return investmentToDate === undefined ? rest : { ...rest, investmentToDate };
}

/**
 * Ids of the live in-library projects with no live entry for `month`: the ones that owe a report.
 * Projects out of the library owe none.
 */
export function projectsLackingMonth(
  projects: readonly Pick<KeyProject, 'id' | 'inLibrary' | 'deletedAt'>[],
  entries: readonly Pick<ProgressEntry, 'projectId' | 'month' | 'deletedAt'>[],
  month: string,
): Set<string> {
  const reported = new Set(entries.filter((e) => e.month === month && e.deletedAt === undefined).map((e) => e.projectId));
  return new Set(projects.filter((p) => p.deletedAt === undefined && p.inLibrary && !reported.has(p.id)).map((p) => p.id));
}
