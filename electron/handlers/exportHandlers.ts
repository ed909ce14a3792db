// The streaming-export methods of the bridge (shared/ipc.ts: export*), wired to Electron's save
// dialog. The work is in electron/ledgerExport/, which is tested under Node.
import { app, BrowserWindow, dialog } from 'electron';
import { createExportHandlers } from '../ledgerExport/exportHandlerSet';
import { ExportSessions } from '../ledgerExport/exportSessions';

const sessions = new ExportSessions();
// An export still open when the app quits is dropped, so its temp file does not stay behind.
app.on('will-quit', () => sessions.abortAllNow());

export const exportHandlers = createExportHandlers(
  {
    showSaveDialog: (options) => {
      const parent = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
      return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
    },
    defaultFolder: () => app.getPath('documents'),
  },
  sessions,
);
