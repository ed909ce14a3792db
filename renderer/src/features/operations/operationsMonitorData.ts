// 经营监测's reads: the enterprises in scope (by the assignedOfficer or town index when the scope is
// one officer's or one town's; all live enterprises otherwise, reduced to the four fields the monitor
// groups by) and the 经营数据 of three months by the `month` index of operationReports (this month,
// last month, the same month last year). No visit or problem is read.
import { operationsMonitor, lastYearMonthOf, type MonitorEnterprise, type MonitorReport, type OperationsMonitor } from '../../../../shared/operations/operationsMonitor';
import { previousMonth } from '../../../../shared/projects/monthlyProgress';
import type { ReportScope } from '../../../../shared/reports/reportScope';
import { ledgerDb } from '../../db/db';
import type { LedgerDatabase } from '../../db/schema';

/** The live enterprises a scope is responsible for, as enterpriseInScope counts them. */
export async function monitorEnterprises(db: LedgerDatabase, scope: ReportScope): Promise<MonitorEnterprise[]> {
  const collection =
    scope.kind === 'officer'
      ? db.enterprises.where('assignedOfficer').equals(scope.officer)
      : scope.kind === 'town'
        ? db.enterprises.where('town').equals(scope.town)
        : db.enterprises.toCollection();
  const list: MonitorEnterprise[] = [];
  await collection.each((e) => {
    if (e.deletedAt === undefined) list.push({ id: e.id, name: e.name, town: e.town, industry: e.industry ?? '' });
  });
  return list;
}

/** The live reports of a month, by the month index. */
async function reportsOf(db: LedgerDatabase, month: string): Promise<MonitorReport[]> {
  const reports = await db.operationReports.where('month').equals(month).toArray();
  return reports.filter((r) => r.deletedAt === undefined);
}

export async function loadOperationsMonitor(db: LedgerDatabase, month: string, scope: ReportScope): Promise<OperationsMonitor> {
  const lastMonth = previousMonth(month);
  const [enterprises, current, previous, lastYear] = await Promise.all([
    monitorEnterprises(db, scope),
    reportsOf(db, month),
    reportsOf(db, lastMonth),
    reportsOf(db, lastYearMonthOf(month)),
  ]);
  return operationsMonitor({ month, enterprises, current, previous, lastYear });
}

/** The screen's read, on the app's database. */
export function loadAppOperationsMonitor(month: string, scope: ReportScope): Promise<OperationsMonitor> {
  return loadOperationsMonitor(ledgerDb(), month, scope);
}
