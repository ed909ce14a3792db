// Problem data access for the list, the detail page, the home page and the 登记问题 form.
// Writes run the pure transitions of shared/problems/problemWorkflow inside one Dexie transaction,
// so a rule broken half-way stores nothing. Reads go through indexes: the list gets its ordered ids
// from the `raisedDate` index (keys only), intersects them with the other filter indexes, and loads
// only the rows of the page on screen; counts stream through the table without holding it.
import Dexie from 'dexie';
import {
  type Enterprise,
  type OutcomeClass,
  type Problem,
  type ProblemStatus,
  type Settings,
} from '../../../../shared/domain/records';
import { confirmedYears } from '../../../../shared/calendar/yearSchedule';
import {
  addToProblemCounts,
  emptyProblemCounts,
  finishProblemCounts,
  type ProblemCounts,
} from '../../../../shared/problems/problemStats';
import { dueSoonUntil, effectiveDeadline, problemTimeliness } from '../../../../shared/problems/problemTimeliness';
import { combineProblemCounts, problemTallyKey, problemTallyPrefix, sumSettled } from '../../../../shared/problems/problemTally';
import type { ProblemTallyRow } from '../../db/schema';
import {
  createProblem,
  type NewProblemInput,
  type ProblemContext,
} from '../../../../shared/problems/problemWorkflow';
import { keywordMatcher } from '../../../../shared/search/keywordMatch';
import { ledgerDb } from '../../db/db';
import { isLive } from '../../../../shared/sync/recordStamp';
import { RuleError } from '../../../../shared/errors/ruleError';
import { writeTransaction } from '../../db/ledgerWrites';
import { actorOf } from '../../../../shared/domain/actor';


export function problemContext(settings: Settings, now: Date = new Date()): ProblemContext {
  return {
    who: actorOf(settings),
    now,
    overrides: settings.calendarOverrides,
    knownYears: confirmedYears(settings.calendarYears),
  };
}

/** Saves a newly raised problem; the enterprise (and project, if any) must exist. */
export async function saveNewProblem(input: NewProblemInput, settings: Settings, now = new Date()): Promise<Problem> {
  const ctx = problemContext(settings, now);
  return writeTransaction(['problems', 'enterprises', 'projects', 'activities'], async (w) => {
    const enterprise = input.enterpriseId ? await ledgerDb().enterprises.get(input.enterpriseId) : undefined;
    if (!enterprise || !isLive(enterprise)) {
      throw new RuleError([{ field: 'enterpriseId', message: '请选择企业（该企业不存在或已删除）' }]);
    }
    if (input.projectId) {
      const project = await ledgerDb().projects.get(input.projectId);
      if (!project || !isLive(project)) {
        throw new RuleError([{ field: 'projectId', message: '所选重点项目不存在或已删除' }]);
      }
    }
    if (input.activityId) {
      // Raised at a group activity: by an enterprise that attended it (issue 17).
      const activity = await ledgerDb().activities.get(input.activityId);
      if (!activity || !isLive(activity)) throw new RuleError([{ field: '', message: '该活动不存在或已删除' }]);
      if (!activity.attendeeEnterpriseIds.includes(enterprise.id)) {
        throw new RuleError([{ field: 'enterpriseId', message: `「${enterprise.name}」没有参加该活动，请先把它加入参加企业` }]);
      }
    }
    return w.create<Problem>('problems', createProblem(input, ctx));
  }, { actor: ctx.who, now });
}

/** Applies one workflow transition to a stored problem, in one transaction. */
export async function changeProblem(
  id: string,
  settings: Settings,
  transition: (p: Problem, ctx: ProblemContext) => Problem,
  now = new Date(),
): Promise<Problem> {
  const ctx = problemContext(settings, now);
  return writeTransaction(['problems'], async (w) => {
    const current = await ledgerDb().problems.get(id);
    if (!current || !isLive(current)) {
      throw new RuleError([{ field: 'status', message: '该问题不存在或已删除' }]);
    }
    return w.save<Problem>('problems', transition(current, ctx));
  }, { actor: ctx.who, now });
}

// ---- the list ----------------------------------------------------------------------------------

export interface ProblemFilters {
  status?: ProblemStatus;
  department?: string;
  category?: string;
  town?: string;
  officer?: string;
  enterpriseId?: string;
  /** 办理成效 class; not indexed, so it narrows what the indexes found (the workbench links here). */
  outcome?: OutcomeClass;
  /** Raised-date range, inclusive. */
  from?: string;
  to?: string;
  /** Words that must all occur in the description or the enterprise's request (not indexed: read). */
  q?: string;
  /** Only problems of enterprises assigned to this officer (the workbench's 我的企业 scope). */
  assignedOfficer?: string;
}

export function hasFilters(filters: ProblemFilters): boolean {
  return Object.values(filters).some((v) => v !== undefined && v !== '');
}

/** Newest raised first, as the list shows them (ties: larger id first, as the reversed index). */
function newestFirst(a: Problem, b: Problem): number {
  if (a.raisedDate !== b.raisedDate) return a.raisedDate < b.raisedDate ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** The due lists' order, as the deadline index gives it: earliest deadline first (ties: by id). */
function earliestDeadlineFirst(overrides: Record<string, boolean>) {
  return (a: Problem, b: Problem): number => {
    const [da, db] = [effectiveDeadline(a, overrides), effectiveDeadline(b, overrides)];
    if (da !== db) return da < db ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

/** Below this many matches the rows are fetched by id; above it an index or table scan is cheaper. */
const FETCH_BY_ID_LIMIT = 5000;

/**
 * Ids of the problems matching the filters, newest raised first (tombstones may still be in).
 * Each equality filter is one index read (keys only); their intersection, when small, is ordered
 * from the rows themselves, otherwise by the `raisedDate` index.
 */
export async function queryProblemIds(filters: ProblemFilters): Promise<string[]> {
  const ids = await queryIndexedProblemIds(filters);
  const outcome = filters.outcome;
  const keyword = filters.q?.trim() ? keywordMatcher(filters.q) : undefined;
  if (!outcome && !keyword) return ids;
  // The filters no index answers read the rows the indexes left, in one pass.
  const matching = new Set<string>();
  await forEachProblem(ids, (p) => {
    if (outcome && p.outcomeClass !== outcome) return;
    if (keyword && !keyword([p.description, p.request])) return;
    matching.add(p.id);
  });
  return ids.filter((id) => matching.has(id));
}

/** Problem ids of the enterprises matching `where` on one enterprise index (town, assigned officer). */
function problemsOfEnterprises(index: 'town' | 'assignedOfficer', value: string): Promise<Set<string>> {
  return ledgerDb().enterprises
    .where(index)
    .equals(value)
    .primaryKeys()
    .then((enterpriseIds) => ledgerDb().problems.where('enterpriseId').anyOf(enterpriseIds).primaryKeys())
    .then((keys) => new Set(keys));
}

async function queryIndexedProblemIds(filters: ProblemFilters): Promise<string[]> {
  const sets: Promise<Set<string>>[] = [];
  const byIndex = (index: keyof Problem & string, value: string | undefined) => {
    if (value) sets.push(ledgerDb().problems.where(index).equals(value).primaryKeys().then((keys) => new Set(keys)));
  };
  byIndex('status', filters.status);
  byIndex('department', filters.department);
  byIndex('category', filters.category);
  byIndex('officer', filters.officer);
  byIndex('enterpriseId', filters.enterpriseId);
  if (filters.town) sets.push(problemsOfEnterprises('town', filters.town));
  if (filters.assignedOfficer) sets.push(problemsOfEnterprises('assignedOfficer', filters.assignedOfficer));
  const from = filters.from ?? '0000-00-00';
  const to = filters.to ?? '9999-99-99';
  const byDate = () =>
    // Ascending keys come back in one getAllKeys call; a reverse cursor would step through every
    // entry one by one. So read ascending and reverse here.
    (filters.from || filters.to
      ? ledgerDb().problems.where('raisedDate').between(from, to, true, true)
      : ledgerDb().problems.orderBy('raisedDate')
    )
      .primaryKeys()
      .then((keys) => keys.reverse());
  if (sets.length === 0) return byDate();

  const filterSets = (await Promise.all(sets)).sort((a, b) => a.size - b.size);
  const [smallest, ...others] = filterSets as [Set<string>, ...Set<string>[]];
  const candidates = [...smallest].filter((id) => others.every((set) => set.has(id)));
  if (candidates.length <= FETCH_BY_ID_LIMIT) {
    const rows = await ledgerDb().problems.bulkGet(candidates);
    return rows
      .filter((p): p is Problem => p !== undefined && p.raisedDate >= from && p.raisedDate <= to)
      .sort(newestFirst)
      .map((p) => p.id);
  }
  const wanted = new Set(candidates);
  return (await byDate()).filter((id) => wanted.has(id));
}

/** Where a page of the unfiltered list starts: after this row (newest first). */
export interface NewestCursor {
  raisedDate: string;
  id: string;
}

/**
 * One page of all live problems, newest raised first, by key range on the `raisedDate` index (never
 * offset): the next page starts below the last row of this one. Used when no filter is set, so the
 * first screen of 100,000 problems reads 50 rows, not the whole index.
 */
export async function pageNewestProblems(after: NewestCursor | undefined, size = 50): Promise<ProblemRow[]> {
  const range = after
    ? ledgerDb().problems.where('raisedDate').belowOrEqual(after.raisedDate).reverse()
    : ledgerDb().problems.orderBy('raisedDate').reverse();
  const problems = await range
    .filter((p) => isLive(p) && !(after && p.raisedDate === after.raisedDate && p.id >= after.id))
    .limit(size)
    .toArray();
  return withEnterprises(problems);
}

export interface ProblemListSummary {
  counts: ProblemCounts;
  /** Unanswered, due within 2 working days counting today; earliest deadline first. */
  dueSoonIds: string[];
  overdueIds: string[];
  /** Tombstoned ids among the matches, to drop from the 全部 tab. */
  deletedIds: Set<string>;
}

/** Below this many matches the rows are fetched by id; above it one scan of the table is cheaper. */
const SCAN_PAGE = 10_000;

/** Calls `visit` for every stored problem whose id is in `ids`, or for every one with 'all'. */
async function forEachProblem(ids: readonly string[] | 'all', visit: (p: Problem) => void): Promise<void> {
  if (ids !== 'all' && ids.length <= FETCH_BY_ID_LIMIT) {
    for (const p of await ledgerDb().problems.bulkGet([...ids])) if (p) visit(p);
    return;
  }
  // Key-range pages over the primary key: each page is one getAll, and liveQuery watches one range
  // instead of 100k single keys.
  const wanted = ids === 'all' ? undefined : new Set(ids);
  let after: string | undefined;
  for (;;) {
    const range = after === undefined ? ledgerDb().problems.toCollection() : ledgerDb().problems.where(':id').above(after);
    const page = await range.limit(SCAN_PAGE).toArray();
    for (const p of page) if (!wanted || wanted.has(p.id)) visit(p);
    if (page.length < SCAN_PAGE) return;
    after = page[page.length - 1]!.id;
  }
}

/**
 * Counts the matching problems (timeliness, outcome, status, complaint closure rate) by streaming
 * them; only counts and the ids of the two short tabs are kept.
 */
export async function summarizeProblems(
  /** The matching ids, or 'all' for every problem (one scan, no id set). */
  orderedIds: readonly string[] | 'all',
  today: string,
  overrides: Record<string, boolean>,
): Promise<ProblemListSummary> {
  const counts = emptyProblemCounts();
  const limit = dueSoonUntil(today, overrides);
  const dueSoon: Problem[] = [];
  const overdue: Problem[] = [];
  const deletedIds = new Set<string>();
  await forEachProblem(orderedIds, (p) => {
    if (!isLive(p)) {
      deletedIds.add(p.id);
      return;
    }
    addToProblemCounts(counts, p, today, overrides, limit);
    if (p.replyDate === undefined) {
      const t = problemTimeliness(p, today, overrides, limit);
      if (t.overdue) overdue.push(p);
      else if (t.dueSoon) dueSoon.push(p);
    }
  });
  return {
    counts: finishProblemCounts(counts),
    dueSoonIds: dueSoon.sort(earliestDeadlineFirst(overrides)).map((p) => p.id),
    overdueIds: overdue.sort(earliestDeadlineFirst(overrides)).map((p) => p.id),
    deletedIds,
  };
}

export interface ProblemRow {
  problem: Problem;
  enterpriseName: string;
  town: string;
}

async function withEnterprises(problems: Problem[]): Promise<ProblemRow[]> {
  const enterpriseIds = [...new Set(problems.map((p) => p.enterpriseId))];
  const enterprises = await ledgerDb().enterprises.bulkGet(enterpriseIds);
  const byId = new Map(enterprises.filter((e): e is Enterprise => e !== undefined).map((e) => [e.id, e]));
  return problems.map((problem) => {
    const e = byId.get(problem.enterpriseId);
    return { problem, enterpriseName: e?.name ?? '（企业已删除）', town: e?.town ?? '' };
  });
}

/** The rows of one page, in the order given, with their enterprises' names. */
export async function loadProblemRows(ids: readonly string[]): Promise<ProblemRow[]> {
  const problems = (await ledgerDb().problems.bulkGet([...ids])).filter((p): p is Problem => p !== undefined && isLive(p));
  return withEnterprises(problems);
}

// ---- counts and due lists from the tallies (home page, the list's counts bar) ---------------------

/** The first responders with live problems (a tally each): the officer filter's options, read by key. */
export async function knownOfficers(): Promise<string[]> {
  const keys = await ledgerDb().tallies.where('key').startsWith(problemTallyPrefix).primaryKeys();
  return keys.map((key) => key.slice(problemTallyPrefix.length)).filter((officer) => officer !== '');
}

/** The tally rows of one first responder (every officer's when `officer` is undefined). */
async function talliesOf(officer: string | undefined): Promise<ProblemTallyRow[]> {
  const db = ledgerDb();
  const rows =
    officer === undefined
      ? await db.tallies.where('key').startsWith(problemTallyPrefix).toArray()
      : [await db.tallies.get(problemTallyKey(officer))].filter((row) => row !== undefined);
  return rows as ProblemTallyRow[]; // the rows under the problems' key prefix
}

export interface DepartmentCount {
  name: string;
  count: number;
  /** Unanswered and past the deadline today. */
  overdue: number;
}

/**
 * Every live problem of the district by 问题类别 and by 承办部门 ('' = none named), with each
 * department's overdue ones today: the tallies, plus one key-range count per department over the
 * sparse [department+openDeadline] index. No problem is read.
 */
export async function problemsByCategoryAndDepartment(today: string): Promise<{ byCategory: Record<string, number>; byDepartment: DepartmentCount[] }> {
  const settled = sumSettled((await talliesOf(undefined)).map((row) => row.counts));
  const byDepartment = await Promise.all(
    Object.entries(settled.byDepartment).map(async ([name, count]) => ({
      name,
      count,
      overdue: await ledgerDb().problems.where('[department+openDeadline]').between([name, Dexie.minKey], [name, today], true, false).count(),
    })),
  );
  return { byCategory: settled.byCategory, byDepartment };
}

/**
 * The counts of one first responder's problems (every officer's when `officer` is undefined),
 * without reading a problem: the settled tallies the write path keeps, plus today's overdue,
 * due-soon and late-to-transfer problems counted by key range over the sparse index fields.
 */
export async function problemCountsOf(
  officer: string | undefined,
  today: string,
  overrides: Record<string, boolean>,
): Promise<ProblemCounts> {
  const db = ledgerDb();
  const tallies = await talliesOf(officer);
  const officers = tallies.map((row) => row.key.slice(problemTallyPrefix.length));
  const limit = dueSoonUntil(today, overrides);
  const range = (index: 'openDeadline' | 'transferPendingSince', who: string, from: string | typeof Dexie.minKey, to: string, toIncluded: boolean) =>
    db.problems.where(`[officer+${index}]`).between([who, from], [who, to], true, toIncluded).count();
  const perOfficer = await Promise.all(
    officers.map(async (who) => ({
      overdue: await range('openDeadline', who, Dexie.minKey, today, false),
      dueSoon: await range('openDeadline', who, today, limit, true),
      transferPendingLate: await range('transferPendingSince', who, Dexie.minKey, today, false),
    })),
  );
  const moving = perOfficer.reduce(
    (sum, part) => ({
      overdue: sum.overdue + part.overdue,
      dueSoon: sum.dueSoon + part.dueSoon,
      transferPendingLate: sum.transferPendingLate + part.transferPendingLate,
    }),
    { overdue: 0, dueSoon: 0, transferPendingLate: 0 },
  );
  return combineProblemCounts(sumSettled(tallies.map((row) => row.counts)), moving);
}

export type DueListKind = 'overdue' | 'dueSoon';

/**
 * Ids of the unanswered problems overdue or due within 2 working days, earliest deadline first,
 * of one first responder (every officer's when undefined): index keys only.
 */
export async function dueProblemIds(
  kind: DueListKind,
  officer: string | undefined,
  today: string,
  overrides: Record<string, boolean>,
): Promise<string[]> {
  const db = ledgerDb();
  const limit = dueSoonUntil(today, overrides);
  if (officer === undefined) {
    const range = kind === 'overdue' ? db.problems.where('openDeadline').below(today) : db.problems.where('openDeadline').between(today, limit, true, true);
    return range.primaryKeys();
  }
  const range =
    kind === 'overdue'
      ? db.problems.where('[officer+openDeadline]').between([officer, Dexie.minKey], [officer, today], true, false)
      : db.problems.where('[officer+openDeadline]').between([officer, today], [officer, limit], true, true);
  return range.primaryKeys();
}

/** The list's summary when no filter but the first responder is set: from the tallies and index keys. */
export async function summarizeFromTallies(
  officer: string | undefined,
  today: string,
  overrides: Record<string, boolean>,
): Promise<ProblemListSummary> {
  const [counts, dueSoonIds, overdueIds] = await Promise.all([
    problemCountsOf(officer, today, overrides),
    dueProblemIds('dueSoon', officer, today, overrides),
    dueProblemIds('overdue', officer, today, overrides),
  ]);
  return { counts, dueSoonIds, overdueIds, deletedIds: new Set() };
}

export interface DueList {
  /** The first rows, earliest deadline first. */
  rows: ProblemRow[];
  /** How many there are in all. */
  total: number;
}

/** How many rows of a due list the home page shows (the rest are one click away in the list). */
export const homeDueRows = 50;

/** One of the home page's two lists: its first rows and its size, reading only those rows. */
export async function dueList(
  kind: DueListKind,
  officer: string,
  today: string,
  overrides: Record<string, boolean>,
): Promise<DueList> {
  const ids = await dueProblemIds(kind, officer === '' ? undefined : officer, today, overrides);
  return { rows: await loadProblemRows(ids.slice(0, homeDueRows)), total: ids.length };
}

// ---- the 登记问题 form ---------------------------------------------------------------------------

/** A problem with the enterprise, visit and project it came from, for its page. */
export async function loadProblemWithSources(problemId: string) {
  const problem = await ledgerDb().problems.get(problemId);
  if (!problem) return { problem: undefined };
  const [enterprise, visit, project, activity] = await Promise.all([
    ledgerDb().enterprises.get(problem.enterpriseId),
    problem.visitId ? ledgerDb().visits.get(problem.visitId) : undefined,
    problem.projectId ? ledgerDb().projects.get(problem.projectId) : undefined,
    // Raised at a group activity (issue 17).
    problem.activityId ? ledgerDb().activities.get(problem.activityId) : undefined,
  ]);
  return { problem, enterprise, visit, project, activity };
}

/** The live problems of one enterprise, for its timeline. */
export function liveProblemsOfEnterprise(enterpriseId: string): Promise<Problem[]> {
  return ledgerDb().problems.where('enterpriseId').equals(enterpriseId).filter(isLive).toArray();
}
