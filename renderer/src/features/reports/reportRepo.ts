// The report page's data access on the app's database. The report functions themselves take the
// database as a parameter (reportData.ts, exportServiceMonthReport.ts), so tests and scripts run
// them on a database of their own; the page goes through these, never the database itself.
import { ledgerDb } from '../../db/db';
import { exportMonthlyProgressReport } from './exportMonthlyProgressReport';
import { exportServiceMonthReport, type ExportBridge } from './exportServiceMonthReport';
import { computeReportFigures, loadReportBase } from './reportData';

type Rest<F> = F extends (first: never, ...rest: infer R) => unknown ? R : never;

/** The officers enterprises are assigned to, for the report's scope picker. */
export async function assignedOfficers(): Promise<string[]> {
  return ((await ledgerDb().enterprises.orderBy('assignedOfficer').uniqueKeys()) as string[]).filter((o) => o !== '');
}

export function loadAppReportBase() {
  return loadReportBase(ledgerDb());
}

export function computeAppReportFigures(...args: Rest<typeof computeReportFigures>) {
  return computeReportFigures(ledgerDb(), ...args);
}

export function exportAppServiceMonthReport(
  bridge: ExportBridge,
  ...args: Rest<typeof exportServiceMonthReport> extends [unknown, ...infer R] ? R : never
) {
  return exportServiceMonthReport(ledgerDb(), bridge, ...args);
}

export function exportAppMonthlyProgressReport(
  bridge: ExportBridge,
  ...args: Rest<typeof exportMonthlyProgressReport> extends [unknown, ...infer R] ? R : never
) {
  return exportMonthlyProgressReport(ledgerDb(), bridge, ...args);
}
