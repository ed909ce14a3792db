// The one way the renderer writes a workbook: begin (the save dialog), sheets one at a time, rows in
// chunks through the bridge's export methods, progress after every chunk, cancel at any point — and on
// cancel or failure exportAbort, so nothing is left under the chosen name. Every workbook the app
// writes (the service-month report, the 联系企业 list, and the project and meeting workbooks to come)
// goes through here, so each one streams, reports progress and cancels the same way, and none is
// built whole in the renderer's memory (the browser sink behind the bridge is the one exception, and
// it is the bridge's business).
//
// It lives in renderer/src/export/, beside bridge/ and db/, rather than in a feature folder, because
// several features share it and a feature must not import another feature (nor components a feature).
import type { LedgerApi } from '../../../shared/ipc';
import { EXPORT_CHUNK_ROWS, type SheetRow, type SheetSpec } from '../../../shared/reports/sheetSpec';

/** The bridge methods a workbook export needs (Electron's streaming file, or the browser's download). */
export type ExportBridge = Pick<
  LedgerApi,
  'exportBegin' | 'exportAddSheet' | 'exportAppendRows' | 'exportCommitSheet' | 'exportFinish' | 'exportAbort'
>;

/** Rows written so far of all the data rows the workbook will hold, and the sheet being written. */
export interface ExportProgress {
  sheet: string;
  written: number;
  total: number;
}

export type ExportOutcome = { status: 'saved'; fileName: string } | { status: 'cancelled' };

export interface ExportOptions {
  onProgress?: (progress: ExportProgress) => void;
  /** Aborting it cancels the export before its next step; the file is dropped. */
  signal?: AbortSignal;
}

export class ExportCancelled extends Error {
  constructor() {
    super('导出已取消');
  }
}

/** The open sheet, as the code that fills it sees it. */
export interface SheetSink {
  /**
   * Sends one chunk (at most EXPORT_CHUNK_ROWS rows, the bridge refuses more than 5,000).
   * `dataRows` is how many of them count toward progress: rows.length unless said otherwise (the
   * 汇总 sheet's label and section rows count as none).
   */
  append(rows: readonly SheetRow[], dataRows?: number): Promise<void>;
  /** Sends rows already at hand, EXPORT_CHUNK_ROWS at a time. */
  appendAll(rows: readonly SheetRow[]): Promise<void>;
}

/** The workbook being written: sheets are added in order, each filled and committed before the next. */
export interface WorkbookSink {
  sheet(spec: SheetSpec, fill: (sink: SheetSink) => Promise<void>): Promise<void>;
}

export interface WorkbookPlan {
  /** The name the save dialog proposes (and the browser's download takes). */
  suggestedName: string;
  /** How many data rows the workbook will hold, for the progress bar. */
  totalRows: number;
}

/**
 * Writes one workbook: `write` adds its sheets through the sink. Resolves `cancelled` when the
 * officer cancels the save dialog or aborts the signal (the file is dropped with exportAbort); any
 * other failure drops the file too and is thrown on.
 */
export async function exportWorkbook(
  bridge: ExportBridge,
  plan: WorkbookPlan,
  write: (book: WorkbookSink) => Promise<void>,
  options: ExportOptions = {},
): Promise<ExportOutcome> {
  const { signal, onProgress } = options;
  if (signal?.aborted) return { status: 'cancelled' };
  const begun = await bridge.exportBegin({ suggestedName: plan.suggestedName });
  if (begun === null) return { status: 'cancelled' };
  const { exportId } = begun;
  const total = plan.totalRows;
  let written = 0;
  let sheetName = '';
  const checkCancelled = () => {
    if (signal?.aborted) throw new ExportCancelled();
  };

  const append = async (rows: readonly SheetRow[], dataRows = rows.length) => {
    checkCancelled();
    await bridge.exportAppendRows({ exportId, rows: [...rows] });
    written += dataRows;
    onProgress?.({ sheet: sheetName, written, total });
  };
  const sink: SheetSink = {
    append,
    async appendAll(rows) {
      for (let i = 0; i < rows.length; i += EXPORT_CHUNK_ROWS) await append(rows.slice(i, i + EXPORT_CHUNK_ROWS));
    },
  };
  const book: WorkbookSink = {
    async sheet(spec, fill) {
      checkCancelled();
      sheetName = spec.name;
      await bridge.exportAddSheet({ exportId, sheet: spec });
      onProgress?.({ sheet: sheetName, written, total });
      await fill(sink);
      checkCancelled();
      await bridge.exportCommitSheet({ exportId });
    },
  };

  try {
    await write(book);
    checkCancelled();
    const result = await bridge.exportFinish({ exportId });
    if (!result.saved) return { status: 'cancelled' };
    return { status: 'saved', fileName: result.fileName ?? begun.fileName };
  } catch (error) {
    await bridge.exportAbort({ exportId }).catch(() => undefined);
    if (error instanceof ExportCancelled) return { status: 'cancelled' };
    throw error;
  }
}
