// The export of the service-month workbook: the six sheets (the fifth, 经营监测, the period's last
// month of 经营数据; the sixth, 集体活动, issue 17), one at a time, through the one workbook
// export helper (renderer/src/export/workbookExport.ts) over the bridge's export methods (a streaming
// file in Electron, an in-page workbook in the browser). Rows go out in chunks as they are read, so
// neither process ever holds a whole ledger.
import type { CalendarOverrides } from '../../../../shared/calendar/workingDays';
import { dueSoonUntil } from '../../../../shared/problems/problemTimeliness';
import { monitorMonthOf, operationsMonitorSheetRows, operationsMonitorSheetSpec } from '../../../../shared/reports/operationsMonitorSheet';
import { activitySheetRows, activitySheetSpec, type ActivityListEntry } from '../../../../shared/reports/activitySheet';
import { enterpriseInScope } from '../../../../shared/reports/reportScope';
import { problemListRow, problemListSheetSpec } from '../../../../shared/reports/problemListSheet';
import { projectProgressRows, projectProgressSheetSpec } from '../../../../shared/reports/projectProgressSheet';
import type { ReportNarrative } from '../../../../shared/reports/reportNarrative';
import { inPeriod, problemInScope, reportFileName, visitInScope } from '../../../../shared/reports/reportScope';
import type { ServiceMonthFigures } from '../../../../shared/reports/serviceMonthFigures';
import type { SheetRow } from '../../../../shared/reports/sheetSpec';
import { summarySheetRows, summarySheetSpec } from '../../../../shared/reports/summarySheet';
import { visitLedgerRow, visitLedgerSheetSpec } from '../../../../shared/reports/visitLedgerSheet';
import type { LedgerDatabase } from '../../db/schema';
import { exportWorkbook, type ExportBridge, type ExportOptions, type ExportOutcome } from '../../export/workbookExport';
import { loadOperationsMonitor } from '../operations/operationsMonitorData';
import { recordsByDay, type ReportBase } from './reportData';

// Callers and tests of the report name these here; they are the helper's.
export { ExportCancelled, type ExportBridge, type ExportOutcome, type ExportProgress } from '../../export/workbookExport';

export interface ReportExportInput {
  figures: ServiceMonthFigures;
  base: ReportBase;
  unit: string;
  narrative: ReportNarrative;
  overrides: CalendarOverrides;
}

export async function exportServiceMonthReport(
  db: LedgerDatabase,
  bridge: ExportBridge,
  input: ReportExportInput,
  options: ExportOptions = {},
): Promise<ExportOutcome> {
  const { figures, base, unit, narrative, overrides } = input;
  const { period, scope, asOf } = figures;
  const projects = (await db.projects.toArray()).filter((p) => p.deletedAt === undefined);
  // Every month's entries (hundreds of projects): a project that reported nothing this period shows
  // the stage it stood at then, as in the monthly workbook, which takes its rows from the same function.
  const entries = (await db.progressEntries.toArray()).filter((e) => e.deletedAt === undefined);
  const projectRows = projectProgressRows(projects, entries, period, scope);
  // Three months of 经营数据 by the month index and the scope's enterprises: no visit or problem read.
  const monitor = await loadOperationsMonitor(db, monitorMonthOf(period), scope);
  // Its list of enterprises with no figures runs to thousands at a bureau: sent in chunks, counted.
  const monitorRows = operationsMonitorSheetRows(monitor);
  const totalRows = figures.visits + figures.problems.total + projectRows.length + monitorRows.length;

  return exportWorkbook(bridge, { suggestedName: reportFileName(period, unit), totalRows }, async (book) => {
    // The 汇总 sheet's rows are labels and figures, not ledger rows: they count as none.
    await book.sheet(summarySheetSpec(figures, { unit, filedOn: asOf }), (sink) => sink.append(summarySheetRows(figures, narrative), 0));

    const policyTitles = new Map(base.policies.map((p) => [p.id, p.code ? `${p.code} ${p.title}` : p.title]));
    await book.sheet(visitLedgerSheetSpec(period, unit), async (sink) => {
      let seq = 0;
      for await (const visits of recordsByDay(db.visits, 'date', period)) {
        const rows: SheetRow[] = [];
        const attachmentCounts = await liveAttachmentCounts(db, visits.map((v) => v.id));
        for (const v of visits) {
          if (v.deletedAt !== undefined || !inPeriod(v.date, period)) continue;
          const e = base.enterprises.get(v.enterpriseId);
          if (!visitInScope(v, e, scope)) continue;
          seq += 1;
          rows.push(visitLedgerRow(seq, v, e, policyTitles, attachmentCounts.get(v.id) ?? 0));
        }
        if (rows.length > 0) await sink.append(rows);
      }
    });

    const dueSoonLimit = dueSoonUntil(asOf, overrides);
    await book.sheet(problemListSheetSpec(period, unit), async (sink) => {
      let seq = 0;
      for await (const problems of recordsByDay(db.problems, 'raisedDate', period)) {
        const rows: SheetRow[] = [];
        for (const p of problems) {
          if (p.deletedAt !== undefined) continue;
          const e = base.enterprises.get(p.enterpriseId);
          if (!problemInScope(p, e, scope)) continue;
          seq += 1;
          rows.push(problemListRow(seq, p, e, asOf, overrides, dueSoonLimit));
        }
        if (rows.length > 0) await sink.append(rows);
      }
    });

    await book.sheet(projectProgressSheetSpec(period, unit), (sink) => sink.appendAll(projectRows));

    await book.sheet(operationsMonitorSheetSpec(monitor, { unit, filedOn: asOf }, period, scope), (sink) => sink.appendAll(monitorRows));

    // 集体活动 (issue 17): a period's activities are few (tens a month), read by the date index.
    if (figures.activities) {
      const list: ActivityListEntry[] = [];
      for await (const activities of recordsByDay(db.activities, 'date', period)) {
        for (const a of activities) {
          if (a.deletedAt !== undefined) continue;
          const names = a.attendeeEnterpriseIds.flatMap((id) => {
            const e = base.enterprises.get(id);
            return e && enterpriseInScope(e, scope) ? [e.name] : [];
          });
          if (names.length > 0) list.push({ activity: a, enterpriseNames: names });
        }
      }
      const activityFigures = figures.activities;
      await book.sheet(activitySheetSpec({ unit, filedOn: asOf }, period, scope), (sink) => sink.append(activitySheetRows(activityFigures, list), 0));
    }
  }, options);
}

/** How many live attachments each visit has (an attachment belongs to its visit through ownerId). */
async function liveAttachmentCounts(db: LedgerDatabase, visitIds: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const rows = await db.attachments.where('ownerId').anyOf(visitIds).toArray();
  for (const a of rows) if (a.deletedAt === undefined) counts.set(a.ownerId, (counts.get(a.ownerId) ?? 0) + 1);
  return counts;
}
