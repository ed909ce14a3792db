// The one place that wires the bridge's capabilities to Electron. Each capability lives in its own
// folder as a pure create…Handlers(deps), tested under Node with its dependencies passed in
// (files/: save and open through the dialogs; ledgerExport/: streaming workbooks; backups/: the
// automatic backups in the user data folder); here they get Electron's dialogs, folders and app
// events. The map is annotated as IpcHandlers, so a contract method without a handler (shared/ipc.ts)
// fails to compile.
import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { createBackupHandlers } from './backups/backupHandlers';
import { createFileHandlers } from './files/fileHandlers';
import { createHubHandlers } from './hub/hubHandlers';
import type { IpcHandlers } from './ipcRegistry';
import { createExportHandlers } from './ledgerExport/exportHandlerSet';
import { ExportSessions } from './ledgerExport/exportSessions';

/** Dialogs are modal to the window in front, so they never open behind the app. */
function parentWindow(): BrowserWindow | undefined {
  return BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
}

const showSaveDialog = (options: Electron.SaveDialogOptions) => {
  const parent = parentWindow();
  return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
};

const fileHandlers = createFileHandlers({
  showSaveDialog,
  showOpenDialog: (options) => {
    const parent = parentWindow();
    return parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options);
  },
  defaultFolder: () => app.getPath('documents'),
});

const exportSessions = new ExportSessions();
// An export still open when the app quits is dropped, so its temp file does not stay behind.
app.on('will-quit', () => exportSessions.abortAllNow());
const exportHandlers = createExportHandlers({ showSaveDialog, defaultFolder: () => app.getPath('documents') }, exportSessions);

// Beside the IndexedDB folder the backups protect, in the user's own profile (never inside the app).
const backupHandlers = createBackupHandlers({ backupDir: path.join(app.getPath('userData'), 'backups'), now: () => new Date() });

export const ipcHandlers: IpcHandlers = { ...fileHandlers, ...exportHandlers, ...backupHandlers, ...createHubHandlers({ fetch: globalThis.fetch }) };
