// The save bridge's name rules (shared/ipc.ts): what a page may suggest as the name of a file it saves,
// checked at main's door (the IPC dispatcher) before any dialog opens, for saveFile and exportBegin.
import { describe, expect, it, vi } from 'vitest';
import { exportFileExtensions, fileNameProblem, ipcChannel, ipcContract, savedFileExtensions } from '../../shared/ipc';
import { createIpcDispatcher, type InvokeEvent, type IpcHandlers, type SenderFrame } from '../../electron/ipcRegistry';

const ourFrame: SenderFrame = { url: 'app://ledger/index.html#/reports' };
const fromUs: InvokeEvent = { senderFrame: ourFrame };

function setup() {
  const handlers = {
    saveFile: vi.fn(async () => ({ saved: true })),
    exportBegin: vi.fn(async () => null),
  };
  const dispatch = createIpcDispatcher({
    handlers: handlers as typeof handlers & IpcHandlers,
    isTrustedSender: (frame) => frame === ourFrame,
    validateResults: true,
  });
  const save = (suggestedName: string) =>
    dispatch(ipcChannel('saveFile'), fromUs, { suggestedName, filters: [{ name: '文件', extensions: ['xlsx'] }], data: new Uint8Array([1]) });
  const exportBegin = (suggestedName: string) => dispatch(ipcChannel('exportBegin'), fromUs, { suggestedName });
  return { handlers, save, exportBegin };
}

describe('the extensions the app writes', () => {
  it('are exactly workbooks, holiday schedules, data packages and the key backup; exports write workbooks only', () => {
    expect([...savedFileExtensions]).toEqual(['xlsx', 'json', 'vlpkg', 'txt']);
    expect([...exportFileExtensions]).toEqual(['xlsx']);
  });

  it.each([
    '走访台账-2026-11.xlsx',
    '联系企业-2026-12-28.xlsx',
    '节假日安排-2027.json',
    '走访台账数据包-张三-20261228-1530.vlpkg',
    '区商务局私钥-20261228.txt',
    'Report.XLSX',
    '2026年11月 吴江区 服务外企月报.xlsx',
    'a.b.c.json',
  ])('saves %s', async (name) => {
    const { handlers, save } = setup();
    await expect(save(name)).resolves.toEqual({ saved: true });
    expect(handlers.saveFile).toHaveBeenCalledOnce();
  });

  it.each([
    ['a program', 'update.exe', /文件类型只能是 \.xlsx、\.json、\.vlpkg、\.txt/],
    ['a double extension ending in a program', '台账.xlsx.exe', /文件类型只能是/],
    ['a script', 'run.bat', /文件类型只能是/],
    ['a shortcut', '台账.lnk', /文件类型只能是/],
    ['a web page', '台账.html', /文件类型只能是/],
    ['no extension at all', '走访台账', /文件类型只能是/],
    ['only an extension', '.xlsx', /文件名不能只有扩展名/],
    ['spaces before the extension only', '   .json', /文件名不能只有扩展名/],
  ])('refuses %s (%s) in Chinese, before any dialog', async (_label, name, message) => {
    const { handlers, save } = setup();
    await expect(save(name)).rejects.toThrow(message);
    expect(handlers.saveFile).not.toHaveBeenCalled();
  });

  it('lets exportBegin suggest workbooks only', async () => {
    const { handlers, exportBegin } = setup();
    await expect(exportBegin('走访台账-2026-11.xlsx')).resolves.toBeNull();
    await expect(exportBegin('节假日安排-2027.json')).rejects.toThrow(/文件名（suggestedName）：文件类型只能是 \.xlsx$/);
    await expect(exportBegin('台账.vlpkg')).rejects.toThrow(/文件类型只能是 \.xlsx/);
    expect(handlers.exportBegin).toHaveBeenCalledOnce();
  });
});

describe('characters a name may not hold', () => {
  const controls = ['\u0000', '\u0007', '\t', '\n', '\r', '\u001b', '\u007f', '\u0085', '\u009b'];
  it.each(controls.map((c) => [`U+${c.codePointAt(0)!.toString(16).padStart(4, '0').toUpperCase()}`, c]))(
    'refuses the control character %s',
    async (_label, c) => {
      const { handlers, save, exportBegin } = setup();
      await expect(save(`走访${c}台账.xlsx`)).rejects.toThrow(/文件名含有不允许的字符/);
      await expect(exportBegin(`走访台账${c}.xlsx`)).rejects.toThrow(/文件名含有不允许的字符/);
      expect(handlers.saveFile).not.toHaveBeenCalled();
      expect(handlers.exportBegin).not.toHaveBeenCalled();
    },
  );

  const bidi = ['\u200e', '\u200f', '\u061c', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
  it.each(bidi.map((c) => [`U+${c.codePointAt(0)!.toString(16).padStart(4, '0').toUpperCase()}`, c]))(
    'refuses the bidi control %s',
    async (_label, c) => {
      const { handlers, save, exportBegin } = setup();
      await expect(save(`台账${c}xslx.json`)).rejects.toThrow(/文件名含有文字方向控制符/);
      await expect(exportBegin(`台账${c}.xlsx`)).rejects.toThrow(/文件名含有文字方向控制符/);
      expect(handlers.saveFile).not.toHaveBeenCalled();
      expect(handlers.exportBegin).not.toHaveBeenCalled();
    },
  );

  it('refuses the right-to-left override that makes a program look like a workbook', () => {
    // Shown as "台账exe.xlsx" by a dialog or a folder view; it is a .exe.
    expect(fileNameProblem('台账\u202exslx.exe', savedFileExtensions)).toBe('文件名含有文字方向控制符');
  });

  it.each(['a/b.xlsx', 'a\\b.xlsx', 'C:台账.xlsx', 'a*.xlsx', 'a?.xlsx', 'a"b.xlsx', 'a<b.xlsx', 'a>b.xlsx', 'a|b.xlsx', '..', '.'])(
    'refuses %s',
    (name) => {
      expect(fileNameProblem(name, savedFileExtensions)).toBe('文件名含有不允许的字符');
    },
  );

  it('allows the characters Chinese file names use', () => {
    for (const name of ['（2026）第11期.xlsx', '走访台账【吴江】.xlsx', '张三·李四.json', '报表 — 十一月.xlsx', '台账#1 & 2.xlsx']) {
      expect(fileNameProblem(name, savedFileExtensions), name).toBeNull();
    }
  });
});

describe('Windows reserved names', () => {
  const devices = ['CON', 'PRN', 'AUX', 'NUL', ...[...'0123456789¹²³'].flatMap((n) => [`COM${n}`, `LPT${n}`])];
  it.each(devices)('refuses %s with or without an extension, in any case', async (device) => {
    const { handlers, save, exportBegin } = setup();
    for (const name of [`${device}.xlsx`, `${device.toLowerCase()}.xlsx`, `${device[0]}${device.slice(1).toLowerCase()}.xlsx`, `${device}.tar.xlsx`, `${device} .xlsx`]) {
      await expect(save(name), name).rejects.toThrow(`文件名“${name.split('.')[0]!.trimEnd()}”是 Windows 保留的设备名`);
    }
    await expect(exportBegin(`${device}.xlsx`)).rejects.toThrow(/Windows 保留的设备名/);
    expect(fileNameProblem(device, savedFileExtensions)).toMatch(/Windows 保留的设备名/);
    expect(handlers.saveFile).not.toHaveBeenCalled();
    expect(handlers.exportBegin).not.toHaveBeenCalled();
  });

  it('allows names that only begin like a device', () => {
    for (const name of ['CONSOLE.xlsx', 'console.json', 'NULL.xlsx', 'COM10.xlsx', 'LPT.xlsx', 'AUXILIARY.vlpkg', '台账CON.xlsx', 'CON台账.xlsx']) {
      expect(fileNameProblem(name, savedFileExtensions), name).toBeNull();
    }
  });
});

describe('trailing dots and spaces', () => {
  it.each(['台账.xlsx.', '台账.xlsx ', '台账.xlsx. . ', 'a.json...'])('refuses %j', async (name) => {
    const { handlers, save } = setup();
    await expect(save(name)).rejects.toThrow(/文件名不能以点或空格结尾/);
    expect(handlers.saveFile).not.toHaveBeenCalled();
  });

  it('allows dots and spaces inside the name', () => {
    expect(fileNameProblem('2026. 11 月 .xlsx', savedFileExtensions)).toBeNull();
  });
});

describe('the contract', () => {
  it('names only methods a screen uses (appInfo is gone; the backups stay for 设置; hubRequest is for 同步)', () => {
    expect(Object.keys(ipcContract).sort()).toEqual(
      [
        'saveFile',
        'openFile',
        'exportBegin',
        'exportAddSheet',
        'exportAppendRows',
        'exportCommitSheet',
        'exportFinish',
        'exportAbort',
        'backupWrite',
        'backupList',
        'backupRead',
        'backupStatus',
        'hubRequest',
      ].sort(),
    );
  });
});
