// The main window's options and the application menu (electron/windowOptions.ts with a stand-in
// BrowserWindow class, electron/appMenuTemplate.ts): the installed app has DevTools switched off and offers no developer
// menu items; `npm start` keeps both for developers.
import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { appMenuTemplate } from '../../electron/appMenuTemplate';
import { openMainWindow, type MainWindowFacts } from '../../electron/windowOptions';

/** Opens the main window with a stand-in BrowserWindow class and returns the options it was given. */
function mainWindowOptions(facts: MainWindowFacts): BrowserWindowConstructorOptions {
  class StandIn {
    constructor(readonly options: BrowserWindowConstructorOptions) {}
  }
  return openMainWindow(StandIn, facts).options;
}

describe('the main window', () => {
  it('switches DevTools off in the packaged app and keeps every guard on', () => {
    const options = mainWindowOptions({ preloadPath: '/app/dist/electron/preload.cjs', isPackaged: true });
    expect(options.webPreferences).toEqual({
      preload: '/app/dist/electron/preload.cjs',
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
      devTools: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(options).toMatchObject({ title: '企业走访台账', show: false, minWidth: 1024, minHeight: 640 });
  });

  it('keeps DevTools for developers (npm start), and only that differs', () => {
    const packaged = mainWindowOptions({ preloadPath: 'p', isPackaged: true });
    const development = mainWindowOptions({ preloadPath: 'p', isPackaged: false });
    expect(development.webPreferences?.devTools).toBe(true);
    expect({ ...development, webPreferences: { ...development.webPreferences, devTools: false } }).toEqual(packaged);
  });
});

/** Every item of a template, submenus included. */
function allItems(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? allItems(item.submenu) : [])]);
}

const developerRoles = new Set(['toggleDevTools', 'reload', 'forceReload']);

describe('appMenuTemplate', () => {
  it.each(['win32', 'linux', 'darwin'] as const)('offers no developer items in the packaged app (%s)', (platform) => {
    const items = allItems(appMenuTemplate({ isPackaged: true, platform, showAbout: () => undefined }));
    expect(items.filter((item) => item.role !== undefined && developerRoles.has(item.role))).toEqual([]);
    expect(items.map((item) => item.label)).not.toContain('开发者工具');
    expect(items.some((item) => typeof item.accelerator === 'string' && /I$/i.test(item.accelerator))).toBe(false);
  });

  it('offers reload and DevTools to developers', () => {
    const roles = allItems(appMenuTemplate({ isPackaged: false, platform: 'linux', showAbout: () => undefined })).map((item) => item.role);
    expect(roles).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('is in Chinese, with the about box under 帮助', () => {
    const showAbout = vi.fn();
    const template = appMenuTemplate({ isPackaged: true, platform: 'win32', showAbout });
    expect(template.map((item) => item.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    const about = allItems(template).find((item) => item.label === '关于企业走访台账');
    (about?.click as (() => void) | undefined)?.();
    expect(showAbout).toHaveBeenCalledOnce();
    expect(appMenuTemplate({ isPackaged: true, platform: 'darwin', showAbout }).map((item) => item.label)[0]).toBe('企业走访台账');
  });
});
