// The officer's review list (我的联系企业): per assigned enterprise, the last visit, whether it is due
// this month (seed 004: one visit a month), open and overdue problems, its key project and the plan
// actions falling due. Everything is read by index and folded in plain loops; only the compact rows
// reach React state.
import { openProblemStatuses } from '../../../../shared/problems/problemTransitions';
import type { Enterprise } from '../../../../shared/domain/records';
import { addCalendarDays, calendarDaysBetween, type CalendarOverrides } from '../../../../shared/calendar/workingDays';
import { dueSoonUntil, problemTimeliness } from '../../../../shared/problems/problemTimeliness';
import { type PlanAction } from '../../../../shared/domain/records';
import { planActionState, planDueSoonDays } from '../../../../shared/servicePlan/planActionState';
import { ledgerDb } from '../../db/db';
import { isLive } from '../../../../shared/sync/recordStamp';
import type { ContactListEntry } from '../../../../shared/reports/contactListSheet';

/** One enterprise of the review list: what the 联系企业 export prints of it, and its id. */
export interface ReviewRow extends ContactListEntry {
  id: string;
}

export interface ReviewScope {
  /** Only enterprises assigned to this officer; '' = every enterprise. */
  officer: string;
  today: string;
  overrides?: CalendarOverrides;
}

export const monthStart = (today: string): string => `${today.slice(0, 7)}-01`;

/** Live enterprises in scope, by the assignedOfficer index when an officer is given. */
export async function enterprisesInScope(officer: string): Promise<Enterprise[]> {
  const collection = officer ? ledgerDb().enterprises.where('assignedOfficer').equals(officer) : ledgerDb().enterprises.toCollection();
  return collection.filter(isLive).toArray();
}

export async function loadReviewRows(scope: ReviewScope): Promise<ReviewRow[]> {
  const { today, overrides = {} } = scope;
  const enterprises = await enterprisesInScope(scope.officer);
  const rows = new Map<string, ReviewRow>();
  for (const e of enterprises) {
    rows.set(e.id, {
      id: e.id,
      name: e.name,
      creditCode: e.creditCode,
      town: e.town,
      assignedOfficer: e.assignedOfficer,
      linkedLeader: e.linkedLeader,
      serviceTier: e.serviceTier ?? '',
      lastVisitDate: e.lastVisitDate ?? '',
      daysSince: null,
      dueThisMonth: true,
      openProblems: 0,
      overdueProblems: 0,
      keyProject: '',
      planDue: 0,
      planLate: 0,
    });
  }

  // The last visit date is the enterprise's own derived field: the write path moves it with every
  // visit saved, redated or deleted, and a merge refreshes it (db/derivedFieldRefresh.ts), so the
  // two months of visits (30,000 at bureau scale) are not read again here.

  const limit = dueSoonUntil(today, overrides);
  await ledgerDb().problems
    .where('status')
    .anyOf([...openProblemStatuses])
    .each((p) => {
      const row = rows.get(p.enterpriseId);
      if (!row || !isLive(p)) return;
      row.openProblems += 1;
      if (problemTimeliness(p, today, overrides, limit).overdue) row.overdueProblems += 1;
    });

  await ledgerDb().projects.each((project) => {
    const row = project.enterpriseId ? rows.get(project.enterpriseId) : undefined;
    if (!row || !isLive(project)) return;
    // An in-library project wins over one that left the library.
    if (!row.keyProject || project.inLibrary) row.keyProject = `${project.name}（${project.stage}）`;
  });

  await ledgerDb().planActions
    .where('dueDate')
    .belowOrEqual(addCalendarDays(today, planDueSoonDays))
    .each((action) => {
      const row = rows.get(action.enterpriseId);
      if (!row || !isLive(action)) return;
      const state = planActionState(action, today);
      if (state === '已逾期') row.planLate += 1;
      else if (state === '近期到期') row.planDue += 1;
    });

  const thisMonth = monthStart(today);
  // Group activities this month (issue 17): attending one counts toward the month's cadence, shown
  // apart from visits. A month's activities are few, read by the date index.
  await ledgerDb().activities
    .where('date')
    .between(thisMonth, today, true, true)
    .each((activity) => {
      if (!isLive(activity)) return;
      for (const id of activity.attendeeEnterpriseIds) {
        const row = rows.get(id);
        if (row && (row.activityThisMonth ?? '') < activity.date) row.activityThisMonth = activity.date;
      }
    });
  for (const row of rows.values()) {
    row.daysSince = row.lastVisitDate ? calendarDaysBetween(row.lastVisitDate, today) : null;
    row.dueThisMonth = (!row.lastVisitDate || row.lastVisitDate < thisMonth) && !row.activityThisMonth;
  }
  return [...rows.values()];
}

export interface DuePlanAction extends PlanAction {
  enterpriseName: string;
  state: ReturnType<typeof planActionState>;
}

/** Plan actions past due or due soon, not done, of the enterprises in scope — the officer's due list.
 * Starts from the (few) due actions and fetches only their enterprises. */
export async function loadDuePlanActions(scope: ReviewScope): Promise<DuePlanAction[]> {
  const actions = await ledgerDb().planActions
    .where('dueDate')
    .belowOrEqual(addCalendarDays(scope.today, planDueSoonDays))
    .filter((a) => isLive(a) && !a.doneDate)
    .toArray();
  const enterprises = await ledgerDb().enterprises.bulkGet([...new Set(actions.map((a) => a.enterpriseId))]);
  const names = new Map<string, string>();
  for (const e of enterprises) {
    if (e && isLive(e) && (!scope.officer || e.assignedOfficer === scope.officer)) names.set(e.id, e.name);
  }
  return actions
    .filter((a) => names.has(a.enterpriseId))
    .map((a) => ({ ...a, enterpriseName: names.get(a.enterpriseId)!, state: planActionState(a, scope.today) }))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}

/** The filters of the review list; also what the workbench charts link to (query params). */
export interface ReviewFilter {
  text: string;
  town: string;
  officer: string;
  dueOnly: boolean;
  overdueOnly: boolean;
  planOnly: boolean;
  /** Only these enterprises (those visited in the week clicked on the workbench chart); null = all. */
  visitedIds: ReadonlySet<string> | null;
}

export function filterReviewRows(rows: readonly ReviewRow[], filter: ReviewFilter): ReviewRow[] {
  const text = filter.text.trim().toLowerCase();
  return rows.filter(
    (row) =>
      (!text || row.name.toLowerCase().includes(text) || row.creditCode.toLowerCase().startsWith(text)) &&
      (!filter.town || row.town === filter.town) &&
      (!filter.officer || row.assignedOfficer === filter.officer) &&
      (!filter.dueOnly || row.dueThisMonth) &&
      (!filter.overdueOnly || row.overdueProblems > 0) &&
      (!filter.planOnly || row.planDue + row.planLate > 0) &&
      (!filter.visitedIds || filter.visitedIds.has(row.id)),
  );
}

export type ReviewSortKey = 'name' | 'town' | 'lastVisitDate' | 'daysSince' | 'openProblems' | 'overdueProblems' | 'planLate';

/** Enterprises with a live visit between two dates (inclusive), by the date index. */
export async function enterprisesVisitedBetween(from: string, to: string): Promise<Set<string>> {
  const ids = new Set<string>();
  await ledgerDb().visits
    .where('date')
    .between(from, to, true, true)
    .each((v) => {
      if (isLive(v)) ids.add(v.enterpriseId);
    });
  return ids;
}

const collator = new Intl.Collator('zh-CN');

export function sortReviewRows(rows: ReviewRow[], key: ReviewSortKey, descending: boolean): ReviewRow[] {
  const sign = descending ? -1 : 1;
  const value = (row: ReviewRow): string | number =>
    key === 'daysSince' ? (row.daysSince ?? Number.MAX_SAFE_INTEGER) : key === 'planLate' ? row.planLate * 1000 + row.planDue : row[key];
  return rows.sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return order !== 0 ? order * sign : collator.compare(a.name, b.name);
  });
}

