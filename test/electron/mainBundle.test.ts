// Loads the real esbuild bundles (scripts/build-electron.mjs) under Node with a stand-in `electron`
// module that records what main.ts and preload.ts ask of it: the window's security settings, the
// app:// protocol with its CSP, the guards, the IPC channels, and the one object the preload exposes.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../electron/appProtocol';
import { ipcChannel, ipcContract, type IpcMethod } from '../../shared/ipc';

/** What the stand-in records; the fake module below writes into globalThis.__fakeElectron. */
interface Recorded {
  privilegedSchemes: unknown[];
  sandboxEnabled: boolean;
  appListeners: Record<string, (...args: unknown[]) => void>;
  windows: { options: { webPreferences: Record<string, unknown> }; loadedUrl?: string }[];
  protocolHandlers: Record<string, (request: Request) => Promise<Response>>;
  ipcChannels: string[];
  permissionRequestHandler?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
  beforeRequest?: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;
  menuLabels: string[];
  contentsEvents: string[];
  exposed: [string, Record<string, (args: unknown) => Promise<unknown>>][];
  invoked: [string, unknown][];
}

const fakeElectron = String.raw`
const rec = (globalThis.__fakeElectron = {
  privilegedSchemes: [], sandboxEnabled: false, appListeners: {}, windows: [], protocolHandlers: {},
  ipcChannels: [], menuLabels: [], contentsEvents: [], exposed: [], invoked: [],
});
const noop = () => undefined;
const contents = () => ({
  mainFrame: { url: 'app://ledger/index.html' },
  on(event) { rec.contentsEvents.push(event); },
  setWindowOpenHandler: noop,
});
class BrowserWindow {
  constructor(options) { this.options = options; this.webContents = contents(); rec.windows.push(this); }
  static getFocusedWindow() { return rec.windows[0]; }
  static getAllWindows() { return rec.windows; }
  once() {} on() {} show() {} isDestroyed() { return false; } isMinimized() { return false; }
  loadURL(url) { this.loadedUrl = url; return Promise.resolve(); }
}
module.exports = {
  app: {
    isPackaged: false,
    enableSandbox() { rec.sandboxEnabled = true; },
    on(event, listener) { rec.appListeners[event] = listener; },
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    getVersion: () => '0.1.0',
    getPath: () => '/tmp',
    quit: noop,
  },
  BrowserWindow,
  protocol: { registerSchemesAsPrivileged(schemes) { rec.privilegedSchemes.push(...schemes); } },
  session: {
    defaultSession: {
      setPermissionRequestHandler(handler) { rec.permissionRequestHandler = handler; },
      setPermissionCheckHandler: noop,
      setDevicePermissionHandler: noop,
      webRequest: { onBeforeRequest(listener) { rec.beforeRequest = listener; } },
      protocol: { handle(scheme, handler) { rec.protocolHandlers[scheme] = handler; } },
    },
  },
  ipcMain: { handle(channel) { rec.ipcChannels.push(channel); } },
  Menu: {
    buildFromTemplate(template) { rec.menuLabels = template.map((item) => item.label); return {}; },
    setApplicationMenu: noop,
  },
  dialog: { showSaveDialog: noop, showOpenDialog: noop, showMessageBox: noop },
  contextBridge: { exposeInMainWorld(key, value) { rec.exposed.push([key, value]); } },
  ipcRenderer: {
    invoke(channel, args) {
      rec.invoked.push([channel, args]);
      if (channel === 'ledger:openFile') {
        return Promise.reject(new Error("Error invoking remote method 'ledger:openFile': IpcRefusal: 参数无效：大小上限（maxBytes）：数值过大"));
      }
      return Promise.resolve({ ok: channel });
    },
  },
};
`;

let base: string;
let recorded: Recorded;

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'main-bundle-'));
  const buildScript = pathToFileURL(path.resolve(__dirname, '../../scripts/build-electron.mjs')).href;
  const { buildElectron } = (await import(buildScript)) as { buildElectron: (outDir: string) => Promise<string> };
  await buildElectron(path.join(base, 'electron'));
  await mkdir(path.join(base, 'node_modules', 'electron'), { recursive: true });
  await writeFile(path.join(base, 'node_modules', 'electron', 'index.js'), fakeElectron);
  await mkdir(path.join(base, 'renderer'));
  await writeFile(path.join(base, 'renderer', 'index.html'), '<!doctype html><title>企业走访台账</title>');

  const load = createRequire(path.join(base, 'electron', 'loader.cjs'));
  load('./main.cjs');
  load('./preload.cjs');
  await new Promise((resolve) => setTimeout(resolve, 0)); // let whenReady().then(...) run
  recorded = (globalThis as unknown as { __fakeElectron: Recorded }).__fakeElectron;
}, 60_000);

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('the bundled main process', () => {
  it('opens one sandboxed, isolated window on app://ledger with the bundled preload', () => {
    expect(recorded.sandboxEnabled).toBe(true);
    expect(recorded.windows).toHaveLength(1);
    const window = recorded.windows[0]!;
    expect(window.loadedUrl).toBe('app://ledger/index.html');
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      // The stand-in app is not packaged (npm start): DevTools stay for developers.
      devTools: true,
      preload: path.join(base, 'electron', 'preload.cjs'),
    });
  });

  it("watches the window's renderer for crashes and hangs, and stops doing so when the app quits", () => {
    expect(recorded.contentsEvents).toEqual(expect.arrayContaining(['render-process-gone', 'unresponsive', 'responsive', 'will-prevent-unload']));
    expect(typeof recorded.appListeners['before-quit']).toBe('function');
  });

  it('registers app:// as a secure standard scheme and serves the renderer with the CSP', async () => {
    expect(recorded.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    const response = await recorded.protocolHandlers.app!(new Request('app://ledger/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(await response.text()).toContain('企业走访台账');
  });

  it('guards every web contents at creation and denies permissions', () => {
    expect(typeof recorded.appListeners['web-contents-created']).toBe('function');
    let granted: boolean | undefined;
    recorded.permissionRequestHandler?.({}, 'media', (value) => (granted = value));
    expect(granted).toBe(false);
    let cancel: boolean | undefined;
    recorded.beforeRequest?.({ url: 'https://example.com/' }, (response) => (cancel = response.cancel));
    expect(cancel).toBe(true);
  });

  it('registers exactly the contract channels, and a Chinese menu', () => {
    const expected = (Object.keys(ipcContract) as IpcMethod[]).map(ipcChannel);
    expect([...recorded.ipcChannels].sort()).toEqual([...expected].sort());
    expect(recorded.menuLabels).toEqual(expect.arrayContaining(['文件', '编辑', '视图', '帮助']));
  });
});

describe('the bundled preload', () => {
  it('exposes one object, window.api, with one method per contract entry', () => {
    expect(recorded.exposed.map(([key]) => key)).toEqual(['api']);
    const api = recorded.exposed[0]![1];
    expect(Object.keys(api).sort()).toEqual(Object.keys(ipcContract).sort());
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true);
  });

  it('sends each call on its own channel and passes refusals on in plain Chinese', async () => {
    const api = recorded.exposed[0]![1];
    const args = { suggestedName: 'a.xlsx', filters: [], data: new Uint8Array([1]) };
    await expect(api.saveFile!(args)).resolves.toEqual({ ok: 'ledger:saveFile' });
    expect(recorded.invoked.at(-1)).toEqual(['ledger:saveFile', args]);
    await expect(api.openFile!({ filters: [], maxBytes: 1e12 })).rejects.toThrow(/^参数无效：大小上限（maxBytes）：数值过大$/);
  });
});
