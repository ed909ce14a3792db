import { describe, expect, it, vi } from 'vitest';
import { ipcChannel, ipcContract, type IpcMethod } from '../../shared/ipc';
import {
  contractChannels,
  createIpcDispatcher,
  registerIpcHandlers,
  type InvokeEvent,
  type IpcHandlers,
  type SenderFrame,
} from '../../electron/ipcRegistry';

const ourFrame: SenderFrame = { url: 'app://ledger/index.html#/visits/new' };
const fromUs: InvokeEvent = { senderFrame: ourFrame };

function spyHandlers() {
  const handlers = {
    saveFile: vi.fn(async () => ({ saved: true, fileName: '走访台账.xlsx' })),
    openFile: vi.fn(async () => null),
    backupList: vi.fn(async () => []),
  };
  return handlers as typeof handlers & IpcHandlers;
}

function setup(validateResults = true) {
  const handlers = spyHandlers();
  const dispatch = createIpcDispatcher({ handlers, isTrustedSender: (frame) => frame === ourFrame, validateResults });
  return { handlers, dispatch };
}

const goodSave = () => ({
  suggestedName: '走访台账-2026-11.xlsx',
  filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
  data: new Uint8Array([80, 75, 3, 4]),
});

describe('IPC dispatcher', () => {
  it('runs the handler with the parsed arguments for a good call from our window', async () => {
    const { handlers, dispatch } = setup();
    await expect(dispatch(ipcChannel('saveFile'), fromUs, goodSave())).resolves.toEqual({ saved: true, fileName: '走访台账.xlsx' });
    expect(handlers.saveFile).toHaveBeenCalledOnce();
    expect(handlers.saveFile.mock.calls[0]).toEqual([goodSave()]);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['a file name of the wrong type', { suggestedName: 42 }, /文件名（suggestedName）/],
    ['a path that climbs out of the folder', { suggestedName: '../../.bashrc' }, /文件名（suggestedName）：文件名含有不允许的字符/],
    ['an absolute Windows path', { suggestedName: 'C:\\Windows\\system32\\drivers\\etc\\hosts' }, /文件名含有不允许的字符/],
    ['a file name with a control character', { suggestedName: 'a\u0000.xlsx' }, /文件名含有不允许的字符/],
    ['a file name that is just ".."', { suggestedName: '..' }, /文件名含有不允许的字符/],
    ['an oversized file name', { suggestedName: `${'很长'.repeat(150)}.xlsx` }, /文件名（suggestedName）/],
    ['too many file types', { filters: Array.from({ length: 6 }, () => ({ name: 'x', extensions: ['xlsx'] })) }, /文件类型（filters）/],
    ['an extension that is a pattern', { filters: [{ name: 'x', extensions: ['*'] }] }, /扩展名（filters\.0\.extensions\.0）/],
    ['a file type the app does not write', { filters: [{ name: '程序', extensions: ['exe'] }] }, /扩展名（filters\.0\.extensions\.0）：文件类型只能是 \.xlsx、\.json、\.vlpkg、\.txt/],
    ['content that is a string, not bytes', { data: 'PK..' }, /文件内容（data）：文件内容必须是字节数组/],
    ['content over the bridge limit', { data: new Uint8Array(new ArrayBuffer(512 * 1024 * 1024 + 1)) }, /文件内容（data）：文件超过 512 MB 上限/],
  ])('refuses %s and never runs the handler', async (_label, change, message) => {
    const { handlers, dispatch } = setup();
    await expect(dispatch(ipcChannel('saveFile'), fromUs, { ...goodSave(), ...change })).rejects.toThrow(message);
    expect(handlers.saveFile).not.toHaveBeenCalled();
  });

  it('refuses a missing or non-object payload', async () => {
    const { handlers, dispatch } = setup();
    await expect(dispatch(ipcChannel('saveFile'), fromUs, undefined)).rejects.toThrow(/^参数无效/);
    await expect(dispatch(ipcChannel('openFile'), fromUs, 'open /etc/shadow')).rejects.toThrow(/^参数无效/);
    await expect(dispatch(ipcChannel('openFile'), fromUs, { filters: [], maxBytes: 1024 ** 4 })).rejects.toThrow(/大小上限（maxBytes）/);
    expect(handlers.saveFile).not.toHaveBeenCalled();
    expect(handlers.openFile).not.toHaveBeenCalled();
  });

  it('refuses channels outside the contract', async () => {
    const { handlers, dispatch } = setup();
    for (const channel of ['ledger:runShell', 'saveFile', 'ledger:saveFile ', 'LEDGER:saveFile', 42, undefined]) {
      await expect(dispatch(channel, fromUs, goodSave())).rejects.toThrow(/未知的调用通道/);
    }
    expect(handlers.saveFile).not.toHaveBeenCalled();
  });

  it('refuses a good payload from a frame that is not our main frame', async () => {
    const { handlers, dispatch } = setup();
    const iframe: InvokeEvent = { senderFrame: { url: 'app://ledger/index.html' } };
    await expect(dispatch(ipcChannel('saveFile'), iframe, goodSave())).rejects.toThrow('拒绝来自非本应用页面的调用');
    await expect(dispatch(ipcChannel('saveFile'), { senderFrame: null }, goodSave())).rejects.toThrow('拒绝来自非本应用页面的调用');
    expect(handlers.saveFile).not.toHaveBeenCalled();
  });

  it('in development, catches a handler that breaks the contract', async () => {
    const handlers = spyHandlers();
    handlers.backupList.mockResolvedValue([{ fileName: 'x' }] as never);
    const strict = createIpcDispatcher({ handlers, isTrustedSender: () => true, validateResults: true });
    await expect(strict(ipcChannel('backupList'), fromUs, {})).rejects.toThrow(/主进程返回值不符合约定（backupList）/);
    const lenient = createIpcDispatcher({ handlers, isTrustedSender: () => true, validateResults: false });
    await expect(lenient(ipcChannel('backupList'), fromUs, {})).resolves.toEqual([{ fileName: 'x' }]);
  });
});

describe('registerIpcHandlers', () => {
  function register() {
    const handlers = spyHandlers();
    const registered = new Map<string, (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>>();
    registerIpcHandlers(
      { handle: (channel, listener) => void registered.set(channel, listener) },
      { handlers, isTrustedSender: (frame) => frame === ourFrame, validateResults: true },
    );
    return { handlers, registered };
  }

  it('registers exactly one channel per contract method and nothing else', () => {
    const { registered } = register();
    const expected = (Object.keys(ipcContract) as IpcMethod[]).map(ipcChannel);
    expect([...registered.keys()].sort()).toEqual([...expected].sort());
    expect(contractChannels).toEqual(expected);
  });

  it('refuses a call with extra arguments before the handler runs', async () => {
    const { handlers, registered } = register();
    const saveFile = registered.get(ipcChannel('saveFile'));
    await expect(saveFile?.(fromUs, goodSave(), '/etc/passwd')).rejects.toThrow(/只带一个参数对象/);
    await expect(saveFile?.(fromUs)).rejects.toThrow(/只带一个参数对象/);
    expect(handlers.saveFile).not.toHaveBeenCalled();
    await expect(saveFile?.(fromUs, goodSave())).resolves.toEqual({ saved: true, fileName: '走访台账.xlsx' });
  });
});
