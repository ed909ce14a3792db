// The application menu, in Chinese and kept small: the app's work happens in its own side menu.
import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

export function buildAppMenu(getWindow: () => BrowserWindow | undefined): Menu {
  const productName = '企业走访台账';
  const viewItems: MenuItemConstructorOptions[] = [
    { label: '实际大小', role: 'resetZoom' },
    { label: '放大', role: 'zoomIn' },
    { label: '缩小', role: 'zoomOut' },
    { type: 'separator' },
    { label: '全屏', role: 'togglefullscreen' },
  ];
  if (!app.isPackaged) {
    // Only for developers; a packaged app gives officers no console to paste code into.
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
    {
      label: '帮助',
      submenu: [
        {
          label: `关于${productName}`,
          click: () => {
            const options = {
              type: 'info' as const,
              title: `关于${productName}`,
              message: productName,
              detail: `版本 ${app.getVersion()}\n数据只保存在本机，离线可用。`,
              buttons: ['确定'],
            };
            const window = getWindow();
            void (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
          },
        },
      ],
    },
  ];
  if (process.platform === 'darwin') template.unshift({ label: productName, submenu: [{ label: `退出${productName}`, role: 'quit' }] });
  return Menu.buildFromTemplate(template);
}
