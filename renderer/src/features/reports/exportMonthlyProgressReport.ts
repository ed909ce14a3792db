// The export of the monthly workbook of the key project library (月度进展表) for a month, one town or
// all: 概况, 在库项目进展, 入库出库, 项目诉求, through the same workbook export helper and sheet builders
// as the service-month workbook. The library is hundreds of projects: its tables are read whole.
import type { CalendarOverrides } from '../../../../shared/calendar/workingDays';
import type { Enterprise } from '../../../../shared/domain/records';
import { dueSoonUntil } from '../../../../shared/problems/problemTimeliness';
import { libraryRequestsOf } from '../../../../shared/projects/libraryOverview';
import {
  libraryMovesRows,
  libraryMovesSheetSpec,
  libraryProgressSheetSpec,
  libraryScope,
  librarySummarySheetRows,
  librarySummarySheetSpec,
  MONTHLY_PROGRESS_REPORT,
  projectRequestsSheetSpec,
} from '../../../../shared/reports/monthlyProgressSheets';
import { projectRequestRow } from '../../../../shared/reports/problemListSheet';
import { projectProgressRows } from '../../../../shared/reports/projectProgressSheet';
import { monthPeriod, reportFileName } from '../../../../shared/reports/reportScope';
import type { LedgerDatabase } from '../../db/schema';
import { loadLibraryRecords, overviewOf } from '../projects/libraryOverviewRepo';
import { exportWorkbook, type ExportBridge, type ExportOptions, type ExportOutcome } from '../../export/workbookExport';

export interface MonthlyProgressInput {
  month: string;
  /** One town, or undefined for all towns. */
  town?: string;
  unit: string;
  /** The 填报日期, and the day request deadlines are judged on. */
  asOf: string;
  overrides: CalendarOverrides;
}

export function monthlyProgressFileName(month: string, unit: string): string {
  return reportFileName(monthPeriod(month), unit, MONTHLY_PROGRESS_REPORT);
}

export async function exportMonthlyProgressReport(
  db: LedgerDatabase,
  bridge: ExportBridge,
  input: MonthlyProgressInput,
  options: ExportOptions = {},
): Promise<ExportOutcome> {
  const { month, town, unit, asOf, overrides } = input;
  const period = monthPeriod(month);
  const records = await loadLibraryRecords(db);
  const overview = overviewOf(records, month, town);
  const progressRows = projectProgressRows(records.projects, records.entries, period, libraryScope(town));
  const moveRows = libraryMovesRows(overview);
  const requests = libraryRequestsOf(records.requests, overview.members, month);
  const enterpriseIds = [...new Set(requests.map((r) => r.enterpriseId))];
  const enterprises = new Map(
    (await db.enterprises.bulkGet(enterpriseIds))
      .filter((e): e is Enterprise => e !== undefined && e.deletedAt === undefined)
      .map((e) => [e.id, e]),
  );
  const projectById = new Map(overview.members.map((p) => [p.id, p]));
  const dueSoonLimit = dueSoonUntil(asOf, overrides);
  const requestRows = requests.map((r, i) =>
    projectRequestRow(i + 1, r, projectById.get(r.projectId!)!, enterprises.get(r.enterpriseId), asOf, overrides, dueSoonLimit),
  );
  const totalRows = progressRows.length + moveRows.length + requestRows.length;

  return exportWorkbook(bridge, { suggestedName: monthlyProgressFileName(month, unit), totalRows }, async (book) => {
    await book.sheet(librarySummarySheetSpec(overview, { unit, filedOn: asOf }), (sink) => sink.append(librarySummarySheetRows(overview), 0));
    await book.sheet(libraryProgressSheetSpec(period, unit), (sink) => sink.appendAll(progressRows));
    await book.sheet(libraryMovesSheetSpec(month, unit), (sink) => sink.appendAll(moveRows));
    await book.sheet(projectRequestsSheetSpec(period, unit), (sink) => sink.appendAll(requestRows));
  }, options);
}
