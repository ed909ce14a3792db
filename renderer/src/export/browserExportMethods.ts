// The bridge's export methods in a plain browser (`npm run web`, e2e): the same SheetWriter builds an
// in-memory ExcelJS workbook chunk by chunk, and exportFinish hands the bytes to the bridge's
// saveFile (a download). ExcelJS is loaded only when an export starts, to keep it out of app start-up.
import type { Workbook } from 'exceljs';
import { ipcContract, type IpcArgs, type IpcResult, type LedgerApi } from '../../../shared/ipc';
import { SheetWriter } from '../../../shared/reports/sheetWriter';

type ExportMethodName = 'exportBegin' | 'exportAddSheet' | 'exportAppendRows' | 'exportCommitSheet' | 'exportFinish' | 'exportAbort';
export type ExportMethods = Pick<LedgerApi, ExportMethodName>;

interface BrowserExport {
  fileName: string;
  workbook: Workbook;
  sheet: SheetWriter | null;
}

export function createBrowserExportMethods(saveFile: (args: IpcArgs<'saveFile'>) => Promise<IpcResult<'saveFile'>>): ExportMethods {
  const open = new Map<string, BrowserExport>();
  let counter = 0;

  const get = (exportId: string): BrowserExport => {
    const entry = open.get(exportId);
    if (!entry) throw new Error('导出不存在或已结束');
    return entry;
  };
  const openSheet = (entry: BrowserExport): SheetWriter => {
    if (!entry.sheet) throw new Error('没有正在写入的工作表');
    return entry.sheet;
  };

  return {
    async exportBegin(args) {
      const { suggestedName } = ipcContract.exportBegin.args.parse(args);
      const { default: ExcelJS } = await import('exceljs');
      const workbook = new ExcelJS.Workbook();
      workbook.creator = 'Visit Ledger 企业走访台账';
      counter += 1;
      const exportId = `browser-export-${counter}`;
      open.set(exportId, { fileName: suggestedName, workbook, sheet: null });
      return { exportId, fileName: suggestedName };
    },
    async exportAddSheet(args) {
      const { exportId, sheet } = ipcContract.exportAddSheet.args.parse(args);
      const entry = get(exportId);
      if (entry.sheet) throw new Error(`上一张工作表尚未写完，不能开始“${sheet.name}”`);
      entry.sheet = new SheetWriter(entry.workbook, sheet);
      return {};
    },
    async exportAppendRows(args) {
      const { exportId, rows } = ipcContract.exportAppendRows.args.parse(args);
      const sheet = openSheet(get(exportId));
      sheet.appendRows(rows);
      return { rows: sheet.rowCount };
    },
    async exportCommitSheet(args) {
      const { exportId } = ipcContract.exportCommitSheet.args.parse(args);
      const entry = get(exportId);
      const sheet = openSheet(entry);
      entry.sheet = null;
      sheet.commit();
      return { rows: sheet.rowCount };
    },
    async exportFinish(args) {
      const { exportId } = ipcContract.exportFinish.args.parse(args);
      const entry = get(exportId);
      open.delete(exportId);
      if (entry.sheet) entry.sheet.commit();
      const buffer = await entry.workbook.xlsx.writeBuffer();
      return saveFile({
        suggestedName: entry.fileName,
        filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
        data: new Uint8Array(buffer as ArrayBuffer),
      });
    },
    async exportAbort(args) {
      const { exportId } = ipcContract.exportAbort.args.parse(args);
      open.delete(exportId);
      return {};
    },
  };
}
