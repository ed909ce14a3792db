// The export of the service-month workbook: the four sheets, one at a time, through the bridge's
// export methods (a streaming file in Electron, an in-page workbook in the browser). Rows go out in
// chunks as they are read, so neither process ever holds a whole ledger.
import type { CalendarOverrides } from '../../../../shared/calendar/workingDays';
import type { IpcResult, LedgerApi } from '../../../../shared/ipc';
import { dueSoonUntil } from '../../../../shared/problems/problemTimeliness';
import { problemListRow, problemListSheetSpec } from '../../../../shared/reports/problemListSheet';
import { projectProgressRows, projectProgressSheetSpec } from '../../../../shared/reports/projectProgressSheet';
import type { ReportNarrative } from '../../../../shared/reports/reportNarrative';
import { inPeriod, periodMonths, problemInScope, reportFileName, visitInScope } from '../../../../shared/reports/reportScope';
import type { ServiceMonthFigures } from '../../../../shared/reports/serviceMonthFigures';
import { EXPORT_CHUNK_ROWS, type SheetRow, type SheetSpec } from '../../../../shared/reports/sheetSpec';
import { summarySheetRows, summarySheetSpec } from '../../../../shared/reports/summarySheet';
import { visitLedgerRow, visitLedgerSheetSpec } from '../../../../shared/reports/visitLedgerSheet';
import type { LedgerDatabase } from '../../db/schema';
import { recordsByDay, type ReportBase } from './reportData';

export type ExportBridge = Pick<
  LedgerApi,
  'exportBegin' | 'exportAddSheet' | 'exportAppendRows' | 'exportCommitSheet' | 'exportFinish' | 'exportAbort'
>;

export interface ReportExportInput {
  figures: ServiceMonthFigures;
  base: ReportBase;
  unit: string;
  narrative: ReportNarrative;
  overrides: CalendarOverrides;
}

export interface ExportProgress {
  sheet: string;
  written: number;
  total: number;
}

export type ExportOutcome = { status: 'saved'; fileName: string } | { status: 'cancelled' };

export class ExportCancelled extends Error {
  constructor() {
    super('导出已取消');
  }
}

export async function exportServiceMonthReport(
  db: LedgerDatabase,
  bridge: ExportBridge,
  input: ReportExportInput,
  options: { onProgress?: (p: ExportProgress) => void; signal?: AbortSignal } = {},
): Promise<ExportOutcome> {
  const { figures, base, unit, narrative, overrides } = input;
  const { period, scope, asOf } = figures;
  const projects = (await db.projects.toArray()).filter((p) => p.deletedAt === undefined);
  const months = periodMonths(period);
  const entries = await db.progressEntries.where('month').anyOf(months).toArray();
  const projectRows = projectProgressRows(projects, entries, period, scope);
  const total = figures.visits + figures.problems.total + projectRows.length;

  const begun = await bridge.exportBegin({ suggestedName: reportFileName(period, unit) });
  if (begun === null) return { status: 'cancelled' };
  const { exportId } = begun;
  let written = 0;
  let sheetName = '';
  const checkCancelled = () => {
    if (options.signal?.aborted) throw new ExportCancelled();
  };
  const send = async (rows: SheetRow[], dataRows: number) => {
    checkCancelled();
    await bridge.exportAppendRows({ exportId, rows });
    written += dataRows;
    options.onProgress?.({ sheet: sheetName, written, total });
  };
  const sheet = async (spec: SheetSpec, fill: () => Promise<void>) => {
    checkCancelled();
    sheetName = spec.name;
    await bridge.exportAddSheet({ exportId, sheet: spec });
    await fill();
    await bridge.exportCommitSheet({ exportId });
  };

  try {
    await sheet(summarySheetSpec(figures, { unit, filedOn: asOf }), () => send(summarySheetRows(figures, narrative), 0));

    const policyTitles = new Map(base.policies.map((p) => [p.id, p.code ? `${p.code} ${p.title}` : p.title]));
    await sheet(visitLedgerSheetSpec(period, unit), async () => {
      let seq = 0;
      for await (const visits of recordsByDay(db.visits, 'date', period)) {
        const rows: SheetRow[] = [];
        for (const v of visits) {
          if (v.deletedAt !== undefined || !inPeriod(v.date, period)) continue;
          const e = base.enterprises.get(v.enterpriseId);
          if (!visitInScope(v, e, scope)) continue;
          seq += 1;
          rows.push(visitLedgerRow(seq, v, e, policyTitles));
        }
        if (rows.length > 0) await send(rows, rows.length);
      }
    });

    const dueSoonLimit = dueSoonUntil(asOf, overrides);
    await sheet(problemListSheetSpec(period, unit), async () => {
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
        if (rows.length > 0) await send(rows, rows.length);
      }
    });

    await sheet(projectProgressSheetSpec(period, unit), async () => {
      for (let i = 0; i < projectRows.length; i += EXPORT_CHUNK_ROWS) {
        const rows = projectRows.slice(i, i + EXPORT_CHUNK_ROWS);
        await send(rows, rows.length);
      }
    });

    checkCancelled();
    const result: IpcResult<'exportFinish'> = await bridge.exportFinish({ exportId });
    if (!result.saved) return { status: 'cancelled' };
    return { status: 'saved', fileName: result.fileName ?? begun.fileName };
  } catch (error) {
    await bridge.exportAbort({ exportId }).catch(() => undefined);
    if (error instanceof ExportCancelled) return { status: 'cancelled' };
    throw error;
  }
}
