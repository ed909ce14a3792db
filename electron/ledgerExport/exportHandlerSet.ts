// The bridge's export methods over ExportSessions, with the save dialog as a parameter so they run
// under Node in tests (electron/ipcHandlers.ts passes Electron's dialog).
import path from 'node:path';
import type { IpcHandlers } from '../ipcRegistry';
import { ExportSessions } from './exportSessions';

export type ExportMethods = Pick<
  IpcHandlers,
  'exportBegin' | 'exportAddSheet' | 'exportAppendRows' | 'exportCommitSheet' | 'exportFinish' | 'exportAbort'
>;

export interface ExportHandlerDeps {
  showSaveDialog(options: {
    title: string;
    defaultPath: string;
    filters: { name: string; extensions: string[] }[];
  }): Promise<{ canceled: boolean; filePath?: string }>;
  /** The folder the save dialog starts in. */
  defaultFolder(): string;
}

export function createExportHandlers(deps: ExportHandlerDeps, sessions = new ExportSessions()): ExportMethods {
  return {
    async exportBegin({ suggestedName }) {
      const choice = await deps.showSaveDialog({
        title: '导出 Excel',
        defaultPath: path.join(deps.defaultFolder(), suggestedName),
        filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
      });
      if (choice.canceled || !choice.filePath) return null;
      const target = /\.xlsx$/i.test(choice.filePath) ? choice.filePath : `${choice.filePath}.xlsx`;
      return sessions.begin(target);
    },
    async exportAddSheet({ exportId, sheet }) {
      await sessions.addSheet(exportId, sheet);
      return {};
    },
    async exportAppendRows({ exportId, rows }) {
      return { rows: await sessions.appendRows(exportId, rows) };
    },
    async exportCommitSheet({ exportId }) {
      return { rows: await sessions.commitSheet(exportId) };
    },
    async exportFinish({ exportId }) {
      return { saved: true, fileName: await sessions.finish(exportId) };
    },
    async exportAbort({ exportId }) {
      await sessions.abort(exportId);
      return {};
    },
  };
}
