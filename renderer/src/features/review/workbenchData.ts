// The workbench figures: this month's visit coverage (overall and per town), problems by category,
// department and outcome class, overdue counts and visits per week. Read by index and folded in
// plain loops inside one async call, so rendering only ever sees the small result.
import { addCalendarDays, type CalendarOverrides } from '../../../../shared/calendar/workingDays';
import { outcomeClasses } from '../../../../shared/domain/records';
import {
  addToProblemCounts,
  emptyProblemCounts,
  finishProblemCounts,
  type ProblemCounts,
} from '../../../../shared/problems/problemStats';
import { dueSoonUntil, problemTimeliness } from '../../../../shared/problems/problemTimeliness';
import { planActionState } from '../../../../shared/servicePlan/planActionState';
import { ledgerDb } from '../../db/db';
import { isLive } from '../../../../shared/sync/recordStamp';
import { enterprisesInScope, monthStart } from './reviewData';

export interface NamedCount {
  name: string;
  count: number;
}

export interface WorkbenchFigures {
  month: string;
  assigned: number;
  visited: number;
  byTown: { town: string; assigned: number; visited: number }[];
  problemsByCategory: NamedCount[];
  problemsByDepartment: (NamedCount & { overdue: number })[];
  outcomes: NamedCount[];
  counts: ProblemCounts;
  planLate: number;
  visitsPerWeek: { from: string; to: string; count: number }[];
}

/** Monday of the week holding `date` (weeks run Monday–Sunday in China). */
export function weekStart(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addCalendarDays(date, -((day + 6) % 7));
}

const byCountDesc = (a: NamedCount, b: NamedCount) => b.count - a.count || a.name.localeCompare(b.name, 'zh-CN');

export async function loadWorkbenchFigures(
  officer: string,
  today: string,
  overrides: CalendarOverrides = {},
  weeks = 12,
): Promise<WorkbenchFigures> {
  const enterprises = await enterprisesInScope(officer);
  const inScope = new Map(enterprises.map((e) => [e.id, e.town || '未填区镇']));

  const thisMonth = monthStart(today);
  const visitedThisMonth = new Set<string>();
  const firstWeek = addCalendarDays(weekStart(today), -7 * (weeks - 1));
  const weekCounts = new Map<string, number>();
  for (let i = 0; i < weeks; i++) weekCounts.set(addCalendarDays(firstWeek, 7 * i), 0);
  const from = firstWeek < thisMonth ? firstWeek : thisMonth;
  await ledgerDb().visits
    .where('date')
    .between(from, today, true, true)
    .each((v) => {
      if (!isLive(v) || !inScope.has(v.enterpriseId)) return;
      if (v.date >= thisMonth) visitedThisMonth.add(v.enterpriseId);
      const week = weekStart(v.date);
      if (weekCounts.has(week)) weekCounts.set(week, weekCounts.get(week)! + 1);
    });

  const towns = new Map<string, { town: string; assigned: number; visited: number }>();
  for (const [id, town] of inScope) {
    const entry = towns.get(town) ?? { town, assigned: 0, visited: 0 };
    entry.assigned += 1;
    if (visitedThisMonth.has(id)) entry.visited += 1;
    towns.set(town, entry);
  }

  const counts = emptyProblemCounts();
  const limit = dueSoonUntil(today, overrides);
  const categories = new Map<string, number>();
  const departments = new Map<string, { count: number; overdue: number }>();
  // One officer's enterprises: only their problems are read (by the enterpriseId index); the whole
  // district's are every problem.
  const problems = officer ? ledgerDb().problems.where('enterpriseId').anyOf([...inScope.keys()]) : ledgerDb().problems.toCollection();
  await problems.each((p) => {
    if (!isLive(p) || !inScope.has(p.enterpriseId)) return;
    addToProblemCounts(counts, p, today, overrides, limit);
    categories.set(p.category, (categories.get(p.category) ?? 0) + 1);
    const department = p.department || '未指定部门';
    const entry = departments.get(department) ?? { count: 0, overdue: 0 };
    entry.count += 1;
    if (problemTimeliness(p, today, overrides, limit).overdue) entry.overdue += 1;
    departments.set(department, entry);
  });
  finishProblemCounts(counts);

  let planLate = 0;
  await ledgerDb().planActions
    .where('dueDate')
    .below(today)
    .each((a) => {
      if (isLive(a) && inScope.has(a.enterpriseId) && planActionState(a, today) === '已逾期') planLate += 1;
    });

  return {
    month: today.slice(0, 7),
    assigned: inScope.size,
    visited: visitedThisMonth.size,
    byTown: [...towns.values()].sort((a, b) => b.assigned - a.assigned),
    problemsByCategory: [...categories].map(([name, count]) => ({ name, count })).sort(byCountDesc),
    problemsByDepartment: [...departments]
      .map(([name, d]) => ({ name, count: d.count, overdue: d.overdue }))
      .sort(byCountDesc),
    outcomes: outcomeClasses.map((name) => ({ name, count: counts.byOutcome[name] })),
    counts,
    planLate,
    visitsPerWeek: [...weekCounts].map(([week, count]) => ({ from: week, to: addCalendarDays(week, 6), count })),
  };
}
