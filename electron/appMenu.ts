// The application menu (its template is appMenuTemplate.ts) with the about box.
import { app, dialog, Menu, type BrowserWindow } from 'electron';
import { appMenuTemplate, productName } from './appMenuTemplate';

export function buildAppMenu(getWindow: () => BrowserWindow | undefined): Menu {
  const showAbout = () => {
    const options = {
      type: 'info' as const,
      title: `关于${productName}`,
      message: productName,
      // The folder README's "Your data on this laptop" describes, so IT can find it on any laptop.
      detail: `版本 ${app.getVersion()}\n数据只保存在本机，离线可用。\n数据文件夹：${app.getPath('userData')}`,
      buttons: ['确定'],
    };
    const window = getWindow();
    void (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
  };
  return Menu.buildFromTemplate(appMenuTemplate({ isPackaged: app.isPackaged, platform: process.platform, showAbout }));
}
