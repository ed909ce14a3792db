// The complete handler map: annotated as IpcHandlers, so a contract method without a handler here
// (e.g. an export method added to shared/ipc.ts before exportHandlers has it) fails to compile.
import { app, BrowserWindow, dialog } from 'electron';
import { exportHandlers } from './handlers/exportHandlers';
import { createFileHandlers } from './handlers/fileHandlers';
import type { IpcHandlers } from './ipcRegistry';

/** Dialogs are modal to the window in front, so they never open behind the app. */
function parentWindow(): BrowserWindow | undefined {
  return BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
}

const fileHandlers = createFileHandlers({
  showSaveDialog: (options) => {
    const parent = parentWindow();
    return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
  },
  showOpenDialog: (options) => {
    const parent = parentWindow();
    return parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options);
  },
  defaultFolder: () => app.getPath('documents'),
  appVersion: app.getVersion(),
  platform: process.platform,
});

export const ipcHandlers: IpcHandlers = { ...fileHandlers, ...exportHandlers };
