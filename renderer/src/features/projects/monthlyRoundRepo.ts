// 月度填报: the in-library projects of one officer, one town or all, for a month — each with last
// month's entry beside this month's, whether this month is still missing, and the problem a blocker
// was turned into. A blocker becomes a problem (问题诉求) through the problems' own write path.
import type { Enterprise, KeyProject, Problem, ProgressEntry, Settings } from '../../../../shared/domain/records';
import { firstLibraryMonth, previousMonth } from '../../../../shared/projects/monthlyProgress';
import { shanghaiDate } from '../../../../shared/calendar/shanghaiDate';
import { RuleError } from '../../../../shared/errors/ruleError';
import { isLive } from '../../../../shared/sync/recordStamp';
import { ledgerDb } from '../../db/db';
import { saveNewProblem } from '../problems/problemRepo';

/** Whose projects: the officer's (牵头人), one town's, or the whole library. */
export type RoundScope = { kind: 'officer'; officer: string } | { kind: 'town'; town: string } | { kind: 'all' };

export interface MonthlyRoundRow {
  project: KeyProject;
  enterprise?: Enterprise;
  /** This month's live entry. */
  entry?: ProgressEntry;
  /** Last month's live entry. */
  previous?: ProgressEntry;
  /** No entry for the month yet. */
  missing: boolean;
  /** The live problem of this project whose description is this month's blocker text. */
  blockerProblem?: Problem;
}

export interface MonthlyRound {
  rows: MonthlyRoundRow[];
  /** Rows with this month's entry. */
  done: number;
  total: number;
}

function inScope(project: KeyProject, scope: RoundScope): boolean {
  if (scope.kind === 'officer') return project.leadOfficer === scope.officer;
  if (scope.kind === 'town') return project.town === scope.town;
  return true;
}

/**
 * The round of `month`: every live in-library project of the scope that had entered the library by
 * that month, by name.
 */
export async function loadMonthlyRound(month: string, scope: RoundScope): Promise<MonthlyRound> {
  const db = ledgerDb();
  const last = previousMonth(month);
  const projects = (await db.projects.filter((p) => isLive(p) && p.inLibrary).toArray()).filter((p) => {
    const first = firstLibraryMonth(p);
    return inScope(p, scope) && (first === undefined || first <= month);
  });
  const ids = projects.map((p) => p.id);
  const [entries, enterprises, problems] = await Promise.all([
    db.progressEntries.where('[projectId+month]').anyOf(ids.flatMap((id) => [[id, month], [id, last]])).filter(isLive).toArray(),
    db.enterprises.bulkGet([...new Set(projects.flatMap((p) => (p.enterpriseId ? [p.enterpriseId] : [])))]),
    db.problems.where('projectId').anyOf(ids).filter(isLive).toArray(),
  ]);
  const entryOf = new Map(entries.map((e) => [`${e.projectId}|${e.month}`, e]));
  const enterpriseOf = new Map(enterprises.filter((e): e is Enterprise => e !== undefined && isLive(e)).map((e) => [e.id, e]));
  const rows = projects.map((project): MonthlyRoundRow => {
    const entry = entryOf.get(`${project.id}|${month}`);
    const blockers = entry?.blockers.trim() ?? '';
    return {
      project,
      enterprise: project.enterpriseId ? enterpriseOf.get(project.enterpriseId) : undefined,
      entry,
      previous: entryOf.get(`${project.id}|${last}`),
      missing: entry === undefined,
      blockerProblem: blockers ? problems.find((p) => p.projectId === project.id && p.description === blockers) : undefined,
    };
  });
  // By name only: a row keeps its place when it is filled in, so the keyboard moves on to the next one.
  rows.sort((a, b) => a.project.name.localeCompare(b.project.name, 'zh-CN'));
  return { rows, done: rows.filter((r) => !r.missing).length, total: rows.length };
}

/**
 * 转为问题诉求: a problem raised today for the project's enterprise and the project, described by the
 * month's blocker text, in the chosen category. Refused (nothing written) when the project has no live
 * enterprise or the month has no blocker.
 */
export async function raiseProblemFromBlocker(
  projectId: string,
  month: string,
  category: string,
  settings: Settings,
  now = new Date(),
): Promise<Problem> {
  const db = ledgerDb();
  const project = await db.projects.get(projectId);
  if (!project || !isLive(project)) throw new RuleError([{ field: '', message: '该项目不存在或已删除' }]);
  if (!project.enterpriseId) throw new RuleError([{ field: 'enterpriseId', message: '该项目尚未关联企业，不能转为问题诉求' }]);
  const entry = await db.progressEntries.where('[projectId+month]').equals([projectId, month]).filter(isLive).first();
  const blockers = entry?.blockers.trim() ?? '';
  if (!blockers) throw new RuleError([{ field: 'blockers', message: `${month} 没有填报存在问题` }]);
  return saveNewProblem(
    { enterpriseId: project.enterpriseId, projectId, raisedDate: shanghaiDate(now), category, description: blockers },
    settings,
    now,
  );
}
