// Main process: one window showing the built renderer from app://ledger/, guarded at creation
// (security.ts), with the IPC contract registered behind its sender and payload checks. It owns the
// window, the menu, dialogs and files; all data lives in the renderer's IndexedDB.
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, type WebFrameMain } from 'electron';
import { appEntryUrl, appScheme, serveAppRequest } from './appProtocol';
import { buildAppMenu } from './appMenu';
import { watchRenderer } from './crashRecovery';
import { ipcHandlers } from './ipcHandlers';
import { registerIpcHandlers, type SenderFrame } from './ipcRegistry';
import { guardSession, guardWebContents, isAppUrl } from './security';
import { openMainWindow } from './windowOptions';

/** dist/electron/main.cjs → dist/renderer (inside app.asar when packaged; Electron's fs reads it). */
const rendererDir = path.join(__dirname, '..', 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');

let mainWindow: BrowserWindow | undefined;
/** Set when the app starts quitting: a renderer that goes away then is not brought back. */
let quitting = false;

// `standard` gives app:// real origins (so IndexedDB and relative URLs work), `secure` makes it a
// secure context; no corsEnabled/bypassCSP: other origins may not read it and the CSP applies.
protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();

// Guards go on at creation, for every web contents, before anything can load.
app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

/** A call is ours only if it comes from the main frame of our window and that frame shows app://. */
function isTrustedSender(frame: SenderFrame | null): boolean {
  const window = mainWindow;
  if (!frame || !window || window.isDestroyed()) return false;
  const mainFrame: WebFrameMain = window.webContents.mainFrame;
  return frame === mainFrame && isAppUrl(frame.url);
}

function createWindow(): BrowserWindow {
  const window = openMainWindow(BrowserWindow, { preloadPath, isPackaged: app.isPackaged });
  window.once('ready-to-show', () => window.show());
  // A form with unsaved typing cancels beforeunload (the visit form does). Electron shows no dialog
  // for that and would silently keep the window open, so ask here; preventDefault lets it close.
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      title: '离开此页？',
      message: '有填写的内容尚未保存。',
      detail: '已填写的内容存为草稿，下次打开该表单时可以恢复。',
      buttons: ['离开', '留在此页'],
      defaultId: 1,
      cancelId: 1,
    });
    if (choice === 0) event.preventDefault();
  });
  // A page that crashes is reloaded, one that hangs is offered a reload, in Chinese (crashRecovery.ts).
  watchRenderer(window.webContents, {
    showMessageBox: (options, signal) => dialog.showMessageBox(window, { ...options, signal }),
    entryUrl: appEntryUrl,
    quit: () => app.quit(),
    isQuitting: () => quitting,
    now: () => Date.now(),
    setTimer: (callback, ms) => {
      const timer = setTimeout(callback, ms);
      return { cancel: () => clearTimeout(timer) };
    },
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = undefined;
  });
  void window.loadURL(appEntryUrl);
  return window;
}

if (!app.requestSingleInstanceLock()) {
  // Two instances would share one IndexedDB folder; the second hands over to the first and leaves.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  void app.whenReady().then(() => {
    const ses = session.defaultSession;
    guardSession(ses);
    ses.protocol.handle(appScheme, (request) => serveAppRequest(rendererDir, request));
    registerIpcHandlers(ipcMain, { handlers: ipcHandlers, isTrustedSender, validateResults: !app.isPackaged });
    Menu.setApplicationMenu(buildAppMenu(() => mainWindow));
    mainWindow = createWindow();

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
    });
  });

  app.on('before-quit', () => {
    quitting = true;
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
