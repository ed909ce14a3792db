// The application menu's template, in Chinese and kept small: the app's work happens in its own side
// menu. A pure function of the facts it depends on, so a test under Node checks that the installed
// app offers no developer items (appMenu.ts builds the real menu from it).
import type { MenuItemConstructorOptions } from 'electron';

export const productName = '企业走访台账';

export interface AppMenuFacts {
  /** app.isPackaged: developer items (reload, DevTools) only when false. */
  isPackaged: boolean;
  platform: NodeJS.Platform;
  /** Shows the about box. */
  showAbout(): void;
}

export function appMenuTemplate({ isPackaged, platform, showAbout }: AppMenuFacts): MenuItemConstructorOptions[] {
  const viewItems: MenuItemConstructorOptions[] = [
    { label: '实际大小', role: 'resetZoom' },
    { label: '放大', role: 'zoomIn' },
    { label: '缩小', role: 'zoomOut' },
    { type: 'separator' },
    { label: '全屏', role: 'togglefullscreen' },
  ];
  if (!isPackaged) {
    // Only for developers; the installed app also has DevTools switched off in the window itself.
    viewItems.push({ type: 'separator' }, { label: '重新加载', role: 'reload' }, { label: '开发者工具', role: 'toggleDevTools' });
  }
  const template: MenuItemConstructorOptions[] = [
    { label: '文件', submenu: [{ label: '退出', role: 'quit' }] },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    { label: '视图', submenu: viewItems },
    { label: '帮助', submenu: [{ label: `关于${productName}`, click: showAbout }] },
  ];
  if (platform === 'darwin') template.unshift({ label: productName, submenu: [{ label: `退出${productName}`, role: 'quit' }] });
  return template;
}
