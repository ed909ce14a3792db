import { describe, expect, it, vi } from 'vitest';
import type { IpcArgs } from '../../../shared/ipc';
import { createBrowserBridge, type BrowserShell } from '../../../renderer/src/bridge/browserBridge';

/** A page stand-in: records downloads, and answers the file picker with `picked`. */
function page(picked: File | null = null) {
  const downloads: { blob: Blob; fileName: string }[] = [];
  const shell: BrowserShell = {
    download: vi.fn((blob: Blob, fileName: string) => void downloads.push({ blob, fileName })),
    pickFile: vi.fn(async () => picked),
    platform: 'Linux x86_64',
    version: '0.1.0',
  };
  return { shell, downloads, bridge: createBrowserBridge(shell) };
}

const xlsx = [{ name: 'Excel 工作簿', extensions: ['xlsx'] }];

describe('browser bridge: saveFile', () => {
  it('downloads the bytes under the suggested name, typed as a workbook', async () => {
    const { bridge, downloads } = page();
    const data = new Uint8Array([80, 75, 3, 4, 20]);
    await expect(bridge.saveFile({ suggestedName: '走访台账-2026-11.xlsx', filters: xlsx, data })).resolves.toEqual({
      saved: true,
      fileName: '走访台账-2026-11.xlsx',
    });
    expect(downloads).toHaveLength(1);
    expect(downloads[0]?.fileName).toBe('走访台账-2026-11.xlsx');
    expect(downloads[0]?.blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(new Uint8Array(await downloads[0]!.blob.arrayBuffer())).toEqual(data);
  });

  it.each<[string, Partial<IpcArgs<'saveFile'>> | Record<string, unknown>, string | RegExp]>([
    ['a name with a folder in it', { suggestedName: '../走访台账.xlsx' }, '参数无效：文件名（suggestedName）：文件名含有不允许的字符'],
    ['a Windows path', { suggestedName: 'C:\\Users\\Public\\a.xlsx' }, /文件名含有不允许的字符/],
    ['an empty name', { suggestedName: '' }, /文件名（suggestedName）：/],
    ['a name of the wrong type', { suggestedName: 2026 }, /文件名（suggestedName）：无效输入/],
    ['text instead of bytes', { data: '走访台账' }, '参数无效：文件内容（data）：文件内容必须是字节数组'],
    ['a bad file type', { filters: [{ name: '', extensions: ['xlsx'] }] }, /名称（filters\.0\.name）/],
  ])('refuses %s in Chinese and downloads nothing', async (_label, change, message) => {
    const { bridge, shell } = page();
    const args = { suggestedName: 'a.xlsx', filters: xlsx, data: new Uint8Array([1]), ...change } as IpcArgs<'saveFile'>;
    await expect(bridge.saveFile(args)).rejects.toThrow(message);
    expect(shell.download).not.toHaveBeenCalled();
  });
});

describe('browser bridge: openFile', () => {
  it('offers the filter extensions and returns the picked file', async () => {
    const { bridge, shell } = page(new File([new Uint8Array([1, 2, 3])], '企业名单.xlsx'));
    const result = await bridge.openFile({ filters: [...xlsx, { name: '旧版', extensions: ['xls', 'xlsx'] }], maxBytes: 1024 });
    expect(shell.pickFile).toHaveBeenCalledWith('.xlsx,.xls');
    expect(result?.fileName).toBe('企业名单.xlsx');
    expect([...(result?.data ?? [])]).toEqual([1, 2, 3]);
  });

  it('returns null when the user cancels', async () => {
    expect(await page(null).bridge.openFile({ filters: xlsx, maxBytes: 1024 })).toBeNull();
  });

  it('refuses a file over the limit', async () => {
    const { bridge } = page(new File([new Uint8Array(3 * 1048576)], 'huge.xlsx'));
    await expect(bridge.openFile({ filters: xlsx, maxBytes: 1048576 })).rejects.toThrow('“huge.xlsx”太大（3 MB），超过 1 MB 的上限，未读取。');
  });

  it('refuses a bad limit before showing the picker', async () => {
    const { bridge, shell } = page();
    await expect(bridge.openFile({ filters: xlsx, maxBytes: -1 })).rejects.toThrow(/大小上限（maxBytes）/);
    await expect(bridge.openFile({ filters: xlsx, maxBytes: 1024 ** 4 })).rejects.toThrow(/大小上限（maxBytes）/);
    expect(shell.pickFile).not.toHaveBeenCalled();
  });
});

describe('browser bridge: the contract', () => {
  it('implements every method of the contract', async () => {
    const { ipcContract } = await import('../../../shared/ipc');
    const bridge = page().bridge as unknown as Record<string, unknown>;
    for (const method of Object.keys(ipcContract)) expect(typeof bridge[method], method).toBe('function');
  });
});
