// The monthly progress report of seed 001 (每月向市政府报送重点项目推进情况): one entry per project and
// month, what it holds, and which projects still owe this month's entry.
import { z } from 'zod';
import { shanghaiDate } from '../calendar/shanghaiDate';
import { projectStages, type KeyProject, type ProgressEntry, type ProjectHistoryEntry, type RecordMeta } from '../domain/records';
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
  /** Set by the form after the officer confirmed an investment to date above the project's total. */
  confirmOverTotal: z.boolean().nullish(),
});

/** What of the project an entry is checked against. */
export type ProgressProjectFacts = Pick<KeyProject, 'totalInvestment' | 'libraryEntryDate' | 'history'>;

/**
 * The month the project first entered the library: the earliest entry of its history, or its entry
 * date (a project that left and came back may report the months of its first stay). Undefined when
 * no entry date is known.
 */
export function firstLibraryMonth(project: ProgressProjectFacts): string | undefined {
  const dates = [...(project.history ?? []).filter((e) => e.kind === '入库').map((e) => e.date), ...(project.libraryEntryDate ? [project.libraryEntryDate] : [])];
  return dates.length === 0 ? undefined : dates.sort()[0]!.slice(0, 7);
}

/** True when the entry's investment to date is above the project's total investment. */
export function investmentAboveTotal(investmentToDate: number | null | undefined, project: Pick<KeyProject, 'totalInvestment'>): boolean {
  return typeof investmentToDate === 'number' && project.totalInvestment !== undefined && investmentToDate > project.totalInvestment;
}

/** A progress entry's own fields, as typed: no record fields, no project. */
export type ProgressInput = Omit<ProgressEntry, keyof RecordMeta | 'projectId'>;

/**
 * The checked entry; a month after `currentMonth` is refused (progress is reported, not planned).
 * Given the project, a month before it entered the library is refused too, and so is an investment to
 * date above its total investment unless the input carries `confirmOverTotal: true`.
 */
export function parseProgressInput(raw: unknown, currentMonth: string, project?: ProgressProjectFacts): ProgressInput {
  const parsed = progressInputSchema.safeParse(raw);
  if (!parsed.success) throw ruleErrorFromZod(parsed.error);
  if (parsed.data.month > currentMonth) {
    throw new RuleError([{ field: 'month', message: `不能填报以后的月份（本月为 ${currentMonth}）` }]);
  }
  const { investmentToDate, confirmOverTotal, ...rest } = parsed.data;
  if (project) {
    const first = firstLibraryMonth(project);
    if (first && rest.month < first) {
      throw new RuleError([{ field: 'month', message: `不能填报入库以前的月份（该项目 ${first} 入库）` }]);
    }
    if (investmentAboveTotal(investmentToDate, project) && confirmOverTotal !== true) {
      throw new RuleError([
        {
          field: 'investmentToDate',
          message: `累计完成投资（${investmentToDate} 万美元）超过总投资（${project.totalInvestment} 万美元），请确认后再保存`,
        },
      ]);
    }
  }
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

/** The month before `month` (`YYYY-MM`). */
export function previousMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * Every month the project was in the library up to `currentMonth`, oldest first: from each entry's
 * month to the month of the exit after it (or to `currentMonth` while it is in). These are the
 * months that owe an entry.
 */
export function monthsInLibrary(history: readonly Pick<ProjectHistoryEntry, 'kind' | 'date'>[], currentMonth: string): string[] {
  const months = new Set<string>();
  let from: string | undefined;
  const add = (start: string, end: string) => {
    for (let m = start; m <= end; m = nextMonth(m)) months.add(m);
  };
  for (const event of history) {
    if (event.kind === '入库' && from === undefined) from = event.date.slice(0, 7);
    if (event.kind === '移出' && from !== undefined) {
      add(from, [event.date.slice(0, 7), currentMonth].sort()[0]!);
      from = undefined;
    }
  }
  if (from !== undefined) add(from, currentMonth);
  return [...months].sort();
}

/** The month after `month` (`YYYY-MM`). */
export function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}
