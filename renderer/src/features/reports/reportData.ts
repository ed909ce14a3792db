// Reading what a report needs from Dexie without holding the ledgers in memory: enterprises as a
// compact map, visits and problems a day at a time by their date index (primary keys first, then
// records in chunks), so 200k visits pass through in small pieces.
import type { Table } from 'dexie';
import { addCalendarDays } from '../../../../shared/calendar/workingDays';
import type { Policy, Settings } from '../../../../shared/domain/records';
import type { ReportEnterprise, ReportPeriod, ReportScope } from '../../../../shared/reports/reportScope';
import { createFiguresAccumulator, type ServiceMonthFigures } from '../../../../shared/reports/serviceMonthFigures';
import { createActivityFiguresAccumulator } from '../../../../shared/activities/activityFigures';
import { EXPORT_CHUNK_ROWS } from '../../../../shared/reports/sheetSpec';
import type { LedgerDatabase } from '../../db/schema';

export interface ReportBase {
  enterprises: Map<string, ReportEnterprise>;
  policies: Policy[];
}

/** Every live enterprise, reduced to the fields reports use (read by cursor, not as one array). */
export async function loadReportBase(db: LedgerDatabase): Promise<ReportBase> {
  const enterprises = new Map<string, ReportEnterprise>();
  await db.enterprises.each((e) => {
    if (e.deletedAt !== undefined) return;
    enterprises.set(e.id, { id: e.id, name: e.name, creditCode: e.creditCode, town: e.town, assignedOfficer: e.assignedOfficer });
  });
  const policies = (await db.policies.toArray()).filter((p) => p.deletedAt === undefined);
  return { enterprises, policies };
}

/**
 * Yields the records whose `index` (a `YYYY-MM-DD` field) falls in the period, in date order, in
 * chunks of at most `chunk`. Each day's primary keys are read first (small), the records after.
 */
export async function* recordsByDay<T>(
  table: Table<T, string>,
  index: string,
  period: ReportPeriod,
  chunk = EXPORT_CHUNK_ROWS,
): AsyncGenerator<T[]> {
  for (let day = period.from; day <= period.to; day = addCalendarDays(day, 1)) {
    const keys = (await table.where(index).equals(day).primaryKeys()) as string[];
    for (let i = 0; i < keys.length; i += chunk) {
      const records = await table.bulkGet(keys.slice(i, i + chunk));
      yield records.filter((r): r is Awaited<T> & T => r !== undefined);
    }
  }
}

/** The 汇总 figures of a period and scope, counted a chunk at a time. */
export async function computeReportFigures(
  db: LedgerDatabase,
  base: ReportBase,
  period: ReportPeriod,
  scope: ReportScope,
  asOf: string,
  settings: Pick<Settings, 'towns' | 'categories' | 'departments' | 'calendarOverrides'> | undefined,
): Promise<ServiceMonthFigures> {
  const acc = createFiguresAccumulator({
    period,
    scope,
    asOf,
    overrides: settings?.calendarOverrides ?? {},
    enterprises: base.enterprises,
    policies: base.policies,
    towns: settings?.towns,
    categories: settings?.categories,
    departments: settings?.departments,
  });
  // Group activities (issue 17): the coverage by visits and by activities, and the policy reach, from the same visits.
  const activityAcc = createActivityFiguresAccumulator({ period, scope, enterprises: base.enterprises, policies: base.policies });
  for await (const visits of recordsByDay(db.visits, 'date', period)) {
    for (const v of visits) {
      acc.addVisit(v);
      activityAcc.addVisit(v);
    }
  }
  for await (const problems of recordsByDay(db.problems, 'raisedDate', period)) for (const p of problems) acc.addProblem(p);
  for await (const activities of recordsByDay(db.activities, 'date', period)) for (const a of activities) activityAcc.addActivity(a);
  return { ...acc.result(), activities: activityAcc.result() };
}
