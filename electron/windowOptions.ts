// The main window and its options, from the two facts they depend on. The BrowserWindow class is a
// parameter, so a test under Node (test/electron/windowOptions.test.ts) opens the window with a
// stand-in class and reads the security settings, DevTools off in the packaged app among them; and the
// options stay a literal in `new BrowserWindow({…})`, where Electronegativity's checks read them.
import type { BrowserWindowConstructorOptions } from 'electron';

export interface MainWindowFacts {
  /** dist/electron/preload.cjs beside the main bundle. */
  preloadPath: string;
  /** app.isPackaged: true in the installed app, false under `npm start`. */
  isPackaged: boolean;
}

/** Electron's BrowserWindow, or a test's stand-in. */
export type WindowClass<W> = new (options: BrowserWindowConstructorOptions) => W;

export function openMainWindow<W>(BrowserWindow: WindowClass<W>, { preloadPath, isPackaged }: MainWindowFacts): W {
  return new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: '企业走访台账',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      // The installed app has no DevTools at all (no menu item, no shortcut, no openDevTools): an
      // officer's laptop offers no console to paste code into. Developers keep them under `npm start`.
      devTools: !isPackaged,
      // Middle-click would otherwise try to open links in new windows (denied anyway, but never offered).
      disableBlinkFeatures: 'Auxclick',
    },
  });
}
