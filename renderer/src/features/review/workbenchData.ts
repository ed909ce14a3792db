// The workbench figures: this month's visit coverage (overall and per town), problems by category,
// department and outcome class, overdue counts and visits per week.
// The whole district (no officer set: the bureau's view, the heaviest) is counted without reading its
// records: enterprises per town and visits per day from the tallies the write path keeps (Chromium
// counts an index range entry by entry, seconds for 12 weeks of a bureau's visits), visited this
// month per town over [town+lastVisitDate], problems from their tallies plus key ranges over the
// sparse deadline indexes; only the few deleted enterprises are read, to take them out. One officer's scope reads
// that officer's enterprises and their problems, and counts their visits by [enterpriseId+date] key.
import { addCalendarDays, type CalendarOverrides } from '../../../../shared/calendar/workingDays';
import { outcomeClasses, type Enterprise } from '../../../../shared/domain/records';
import {
  addToProblemCounts,
  emptyProblemCounts,
  finishProblemCounts,
  type ProblemCounts,
} from '../../../../shared/problems/problemStats';
import { dueSoonUntil, problemTimeliness } from '../../../../shared/problems/problemTimeliness';
import { planActionState } from '../../../../shared/servicePlan/planActionState';
import { isLive } from '../../../../shared/sync/recordStamp';
import { countTallyKey, countTallyPrefixes } from '../../../../shared/tallies/recordCountTally';
import { ledgerDb } from '../../db/db';
import type { CountTallyRow } from '../../db/schema';
import { problemCountsOf, problemsByCategoryAndDepartment } from '../problems/problemRepo';
import { enterprisesInScope, monthStart } from './reviewData';

export interface NamedCount {
  name: string;
  count: number;
}

export interface WorkbenchFigures {
  month: string;
  assigned: number;
  visited: number;
  /** Enterprises in scope not visited this month that attended a group activity this month (issue 17). */
  attendedOnly: number;
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
const townLabel = (town: string) => town || '未填区镇';
const departmentLabel = (department: string) => department || '未指定部门';

interface Coverage {
  assigned: number;
  visited: number;
  byTown: WorkbenchFigures['byTown'];
}

interface ProblemFigures {
  counts: ProblemCounts;
  byCategory: NamedCount[];
  byDepartment: (NamedCount & { overdue: number })[];
}

/** The weeks the chart shows, oldest first, the last one holding today. */
function chartWeeks(today: string, weeks: number): { from: string; to: string }[] {
  const first = addCalendarDays(weekStart(today), -7 * (weeks - 1));
  return Array.from({ length: weeks }, (_, i) => {
    const from = addCalendarDays(first, 7 * i);
    return { from, to: addCalendarDays(from, 6) };
  });
}

/** Which chart week a date falls in (-1: none), weeks being consecutive from `weeks[0].from`. */
function weekIndex(weeks: readonly { from: string; to: string }[], date: string): number {
  return weeks.findIndex((w) => w.from <= date && date <= w.to);
}

/** A town's entry, made on first use. */
function townOf(towns: Map<string, Coverage['byTown'][number]>, town: string) {
  const label = townLabel(town);
  let entry = towns.get(label);
  if (!entry) {
    entry = { town: label, assigned: 0, visited: 0 };
    towns.set(label, entry);
  }
  return entry;
}

function coverageOf(towns: Map<string, Coverage['byTown'][number]>): Coverage {
  const byTown = [...towns.values()].filter((t) => t.assigned > 0).sort((a, b) => b.assigned - a.assigned);
  return {
    assigned: byTown.reduce((sum, t) => sum + t.assigned, 0),
    visited: byTown.reduce((sum, t) => sum + t.visited, 0),
    byTown,
  };
}

const visitedThisMonth = (lastVisitDate: string | undefined, thisMonth: string, today: string) =>
  lastVisitDate !== undefined && lastVisitDate >= thisMonth && lastVisitDate <= today;

/**
 * The enterprises of the scope that came to a group activity this month but were not visited: what the
 * activities add to the month's coverage, counted apart (issue 17). A month's activities are few (read
 * by the date index), and only their enterprises are read.
 */
async function attendedNotVisited(today: string, officer: string): Promise<number> {
  const thisMonth = monthStart(today);
  const ids = new Set<string>();
  await ledgerDb().activities
    .where('date')
    .between(thisMonth, today, true, true)
    .each((a) => {
      if (isLive(a)) for (const id of a.attendeeEnterpriseIds) ids.add(id);
    });
  if (ids.size === 0) return 0;
  const enterprises = await ledgerDb().enterprises.bulkGet([...ids]);
  return enterprises.filter(
    (e) => e !== undefined && isLive(e) && (!officer || e.assignedOfficer === officer) && !visitedThisMonth(e.lastVisitDate, thisMonth, today),
  ).length;
}

// ---- the whole district, by key --------------------------------------------------------------------

/** The deleted enterprises (a sparse index holds only them): taken out of the district's counts. */
async function deletedEnterprises(): Promise<Enterprise[]> {
  return ledgerDb().enterprises.where('deletedAt').aboveOrEqual('').toArray();
}

/** The plain counts the write path keeps, from key `from` to key `to` (both included). */
async function countTallies(from: string, to: string): Promise<CountTallyRow[]> {
  return (await ledgerDb().tallies.where('key').between(from, to, true, true).toArray()) as CountTallyRow[];
}

async function districtCoverage(today: string, deleted: readonly Enterprise[]): Promise<Coverage> {
  const db = ledgerDb();
  const thisMonth = monthStart(today);
  const towns = new Map<string, Coverage['byTown'][number]>();
  const prefix = countTallyPrefixes.enterprises;
  // Live enterprises per town: the tally already leaves the deleted ones out.
  const perTown = await countTallies(prefix, `${prefix}\uffff`);
  const visited = await Promise.all(
    perTown.map((row) => {
      const town = row.key.slice(prefix.length);
      return db.enterprises.where('[town+lastVisitDate]').between([town, thisMonth], [town, today], true, true).count();
    }),
  );
  perTown.forEach((row, i) => {
    const entry = townOf(towns, row.key.slice(prefix.length));
    entry.assigned += row.count;
    entry.visited += visited[i]!;
  });
  for (const e of deleted) {
    if (visitedThisMonth(e.lastVisitDate, thisMonth, today)) townOf(towns, e.town).visited -= 1;
  }
  return coverageOf(towns);
}

/** Live visits of live enterprises per chart week: the day tallies, less the deleted enterprises' visits. */
async function districtVisitsPerWeek(weeks: readonly { from: string; to: string }[], today: string, deleted: readonly Enterprise[]): Promise<number[]> {
  const db = ledgerDb();
  const counts = weeks.map(() => 0);
  const from = weeks[0]!.from;
  const prefix = countTallyPrefixes.visits;
  for (const day of await countTallies(countTallyKey('visits', from), countTallyKey('visits', today))) {
    const i = weekIndex(weeks, day.key.slice(prefix.length));
    if (i >= 0) counts[i]! += day.count;
  }
  for (const e of deleted) {
    await db.visits
      .where('[enterpriseId+date]')
      .between([e.id, from], [e.id, today], true, true)
      .each((v) => {
        if (!isLive(v)) return;
        const i = weekIndex(weeks, v.date);
        if (i >= 0) counts[i]! -= 1;
      });
  }
  return counts;
}

async function districtProblems(today: string, overrides: CalendarOverrides): Promise<ProblemFigures> {
  // Every live problem, as 问题诉求 counts them: one whose enterprise was deleted is still to be handled.
  const [counts, grouped] = await Promise.all([problemCountsOf(undefined, today, overrides), problemsByCategoryAndDepartment(today)]);
  const byDepartment = new Map<string, NamedCount & { overdue: number }>();
  for (const d of grouped.byDepartment) {
    const name = departmentLabel(d.name);
    const entry = byDepartment.get(name) ?? { name, count: 0, overdue: 0 };
    entry.count += d.count;
    entry.overdue += d.overdue;
    byDepartment.set(name, entry);
  }
  return {
    counts,
    byCategory: Object.entries(grouped.byCategory).map(([name, count]) => ({ name, count })),
    byDepartment: [...byDepartment.values()],
  };
}

// ---- one officer's enterprises -------------------------------------------------------------------

function officerCoverage(enterprises: readonly Enterprise[], today: string): Coverage {
  const thisMonth = monthStart(today);
  const towns = new Map<string, Coverage['byTown'][number]>();
  for (const e of enterprises) {
    const entry = townOf(towns, e.town);
    entry.assigned += 1;
    if (visitedThisMonth(e.lastVisitDate, thisMonth, today)) entry.visited += 1;
  }
  return coverageOf(towns);
}

/** Live visits of these enterprises per chart week: [enterpriseId+date] keys, less the deleted visits. */
async function officerVisitsPerWeek(weeks: readonly { from: string; to: string }[], today: string, ids: ReadonlySet<string>): Promise<number[]> {
  const db = ledgerDb();
  const counts = weeks.map(() => 0);
  const from = weeks[0]!.from;
  const keys = await Promise.all(
    [...ids].map((id) => db.visits.where('[enterpriseId+date]').between([id, from], [id, today], true, true).keys()),
  );
  for (const list of keys) {
    for (const key of list) {
      const [, date] = key as unknown as [string, string]; // a compound index's key
      const i = weekIndex(weeks, date);
      if (i >= 0) counts[i]! += 1;
    }
  }
  await db.visits.where('deletedAt').aboveOrEqual('').each((v) => {
    if (!ids.has(v.enterpriseId) || v.date < from || v.date > today) return;
    const i = weekIndex(weeks, v.date);
    if (i >= 0) counts[i]! -= 1;
  });
  return counts;
}

async function officerProblems(ids: ReadonlySet<string>, today: string, overrides: CalendarOverrides): Promise<ProblemFigures> {
  const counts = emptyProblemCounts();
  const limit = dueSoonUntil(today, overrides);
  const categories = new Map<string, number>();
  const departments = new Map<string, NamedCount & { overdue: number }>();
  await ledgerDb()
    .problems.where('enterpriseId')
    .anyOf([...ids])
    .each((p) => {
      if (!isLive(p)) return;
      addToProblemCounts(counts, p, today, overrides, limit);
      categories.set(p.category, (categories.get(p.category) ?? 0) + 1);
      const name = departmentLabel(p.department);
      const entry = departments.get(name) ?? { name, count: 0, overdue: 0 };
      entry.count += 1;
      if (problemTimeliness(p, today, overrides, limit).overdue) entry.overdue += 1;
      departments.set(name, entry);
    });
  finishProblemCounts(counts);
  return { counts, byCategory: [...categories].map(([name, count]) => ({ name, count })), byDepartment: [...departments.values()] };
}

// ---- both ------------------------------------------------------------------------------------------

async function lateActions(today: string, inScope: (enterpriseId: string) => boolean): Promise<number> {
  let late = 0;
  await ledgerDb()
    .planActions.where('dueDate')
    .below(today)
    .each((a) => {
      if (isLive(a) && inScope(a.enterpriseId) && planActionState(a, today) === '已逾期') late += 1;
    });
  return late;
}

export async function loadWorkbenchFigures(
  officer: string,
  today: string,
  overrides: CalendarOverrides = {},
  weeks = 12,
): Promise<WorkbenchFigures> {
  const chart = chartWeeks(today, weeks);
  let coverage: Coverage;
  let perWeek: number[];
  let problems: ProblemFigures;
  let planLate: number;
  if (officer) {
    const enterprises = await enterprisesInScope(officer);
    const ids = new Set(enterprises.map((e) => e.id));
    coverage = officerCoverage(enterprises, today);
    [perWeek, problems, planLate] = await Promise.all([
      officerVisitsPerWeek(chart, today, ids),
      officerProblems(ids, today, overrides),
      lateActions(today, (id) => ids.has(id)),
    ]);
  } else {
    const deleted = await deletedEnterprises();
    const gone = new Set(deleted.map((e) => e.id));
    [coverage, perWeek, problems, planLate] = await Promise.all([
      districtCoverage(today, deleted),
      districtVisitsPerWeek(chart, today, deleted),
      districtProblems(today, overrides),
      lateActions(today, (id) => !gone.has(id)),
    ]);
  }
  const attendedOnly = await attendedNotVisited(today, officer);
  return {
    month: today.slice(0, 7),
    ...coverage,
    attendedOnly,
    problemsByCategory: problems.byCategory.sort(byCountDesc),
    problemsByDepartment: problems.byDepartment.sort(byCountDesc),
    outcomes: outcomeClasses.map((name) => ({ name, count: problems.counts.byOutcome[name] })),
    counts: problems.counts,
    planLate,
    visitsPerWeek: chart.map((w, i) => ({ ...w, count: perWeek[i]! })),
  };
}
