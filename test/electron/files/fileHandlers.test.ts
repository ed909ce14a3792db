import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFileHandlers, type FileHandlerDeps } from '../../../electron/files/fileHandlers';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'file-handlers-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** A scripted user: answers the save dialog with `savePath` and the open dialog with `openPath`. */
function user(answer: { savePath?: string; openPath?: string }) {
  const deps: FileHandlerDeps = {
    showSaveDialog: vi.fn(async () => (answer.savePath ? { canceled: false, filePath: answer.savePath } : { canceled: true })),
    showOpenDialog: vi.fn(async () => (answer.openPath ? { canceled: false, filePaths: [answer.openPath] } : { canceled: true, filePaths: [] })),
    defaultFolder: () => folder,
  };
  return { deps, handlers: createFileHandlers(deps) };
}

const xlsx = [{ name: 'Excel 工作簿', extensions: ['xlsx'] }];

describe('saveFile', () => {
  it('offers the suggested name in the default folder and writes the bytes where the user chose', async () => {
    const chosen = path.join(folder, '十一月走访台账.xlsx');
    const { deps, handlers } = user({ savePath: chosen });
    const result = await handlers.saveFile({ suggestedName: '走访台账-2026-11.xlsx', filters: xlsx, data: new TextEncoder().encode('PK') });
    expect(result).toEqual({ saved: true, fileName: '十一月走访台账.xlsx' });
    expect(await readFile(chosen, 'utf8')).toBe('PK');
    expect(deps.showSaveDialog).toHaveBeenCalledWith({
      title: '保存文件',
      defaultPath: path.join(folder, '走访台账-2026-11.xlsx'),
      filters: xlsx,
    });
  });

  it.each([
    ['a name typed without the extension', '十一月', '十一月.xlsx'],
    ['a name typed with another extension', '十一月.txt', '十一月.txt.xlsx'],
    ['the extension in capitals', '十一月.XLSX', '十一月.XLSX'],
  ])('keeps the file type for %s', async (_label, typed, written) => {
    const { handlers } = user({ savePath: path.join(folder, typed) });
    const result = await handlers.saveFile({ suggestedName: '走访台账-2026-11.xlsx', filters: xlsx, data: new Uint8Array([1]) });
    expect(result).toEqual({ saved: true, fileName: written });
    expect(await readdir(folder)).toEqual([written]);
  });

  it('writes nothing when the user cancels', async () => {
    const { handlers } = user({});
    expect(await handlers.saveFile({ suggestedName: 'a.xlsx', filters: xlsx, data: new Uint8Array([1]) })).toEqual({ saved: false });
    expect(await readdir(folder)).toEqual([]);
  });

  it('reports a folder that cannot be written in Chinese', async () => {
    const { handlers } = user({ savePath: path.join(folder, 'missing-folder', 'a.xlsx') });
    await expect(handlers.saveFile({ suggestedName: 'a.xlsx', filters: xlsx, data: new Uint8Array([1]) })).rejects.toThrow(
      '保存“a.xlsx”失败：文件或文件夹不存在。原有文件未改动。',
    );
  });
});

describe('openFile', () => {
  it('returns the name and bytes of the file the user picked', async () => {
    const picked = path.join(folder, '企业名单.xlsx');
    await writeFile(picked, Buffer.from([1, 2, 3]));
    const { handlers } = user({ openPath: picked });
    const result = await handlers.openFile({ filters: xlsx, maxBytes: 1024 });
    expect(result?.fileName).toBe('企业名单.xlsx');
    expect([...(result?.data ?? [])]).toEqual([1, 2, 3]);
    expect(result?.data.buffer.byteLength).toBe(3);
  });

  it('refuses a file over the limit without reading it', async () => {
    const picked = path.join(folder, 'huge.xlsx');
    await writeFile(picked, Buffer.alloc(3 * 1048576));
    const { handlers } = user({ openPath: picked });
    await expect(handlers.openFile({ filters: xlsx, maxBytes: 1048576 })).rejects.toThrow('“huge.xlsx”太大（3 MB），超过 1 MB 的上限，未读取。');
  });

  it('returns null when the user cancels, and a Chinese error for a vanished file', async () => {
    expect(await user({}).handlers.openFile({ filters: xlsx, maxBytes: 10 })).toBeNull();
    await expect(user({ openPath: path.join(folder, 'gone.xlsx') }).handlers.openFile({ filters: xlsx, maxBytes: 10 })).rejects.toThrow(
      '读取“gone.xlsx”失败：文件或文件夹不存在。',
    );
  });
});
