import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeFileError, writeFileAtomic, type AtomicWriteFs } from '../../electron/atomicWrite';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'atomic-write-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const bytes = (text: string) => new TextEncoder().encode(text);

/** Real file operations, except that a write fails with `code` after `failAfter` bytes reached the disk. */
function diskFillsUp(failAfter: number, code = 'ENOSPC'): AtomicWriteFs {
  return {
    async open(filePath, flags, mode) {
      const handle = await fs.open(filePath, flags, mode);
      let written = 0;
      return {
        async write(data, offset, length) {
          const room = failAfter - written;
          if (room <= 0) throw Object.assign(new Error(`${code}: simulated`), { code });
          const result = await handle.write(data, offset, Math.min(length, room));
          written += result.bytesWritten;
          return result;
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      };
    },
    rename: (from, to) => fs.rename(from, to),
    unlink: (filePath) => fs.unlink(filePath),
  };
}

describe('writeFileAtomic', () => {
  it('writes a new file with exactly the given bytes and leaves nothing else behind', async () => {
    const target = path.join(folder, '走访台账-2026-11.xlsx');
    await writeFileAtomic(target, bytes('新的台账'));
    expect(await readFile(target, 'utf8')).toBe('新的台账');
    expect(await readdir(folder)).toEqual(['走访台账-2026-11.xlsx']);
  });

  it('replaces an existing file in one step', async () => {
    const target = path.join(folder, 'ledger.xlsx');
    await writeFile(target, '旧内容');
    await writeFileAtomic(target, bytes('新内容'.repeat(1000)));
    expect(await readFile(target, 'utf8')).toBe('新内容'.repeat(1000));
    expect(await readdir(folder)).toEqual(['ledger.xlsx']);
  });

  it('when the disk fills up mid-write, keeps the old file and removes the partial one', async () => {
    const target = path.join(folder, 'ledger.xlsx');
    await writeFile(target, '上个月的台账');
    const write = writeFileAtomic(target, new Uint8Array(64 * 1024).fill(7), diskFillsUp(10 * 1024));
    await expect(write).rejects.toThrow('保存“ledger.xlsx”失败：磁盘空间不足，请清理磁盘或换一个位置。原有文件未改动。');
    expect(await readFile(target, 'utf8')).toBe('上个月的台账');
    expect(await readdir(folder)).toEqual(['ledger.xlsx']);
  });

  it('when a new file fails mid-write, no file appears under the chosen name', async () => {
    const target = path.join(folder, 'new.xlsx');
    await expect(writeFileAtomic(target, new Uint8Array(4096), diskFillsUp(100))).rejects.toThrow(/磁盘空间不足/);
    expect(await readdir(folder)).toEqual([]);
  });

  it('when the rename fails (file open in Excel), keeps the old file and cleans up', async () => {
    const target = path.join(folder, 'ledger.xlsx');
    await writeFile(target, 'old');
    const busy: AtomicWriteFs = {
      ...diskFillsUp(Number.MAX_SAFE_INTEGER),
      rename: async () => {
        throw Object.assign(new Error('EBUSY: simulated'), { code: 'EBUSY' });
      },
    };
    await expect(writeFileAtomic(target, bytes('new'), busy)).rejects.toThrow(/正被其他程序（如 Excel、WPS）打开/);
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(folder)).toEqual(['ledger.xlsx']);
  });

  it('says so in Chinese when the folder is not writable, and creates nothing', async () => {
    const denied: AtomicWriteFs = {
      ...diskFillsUp(Number.MAX_SAFE_INTEGER),
      open: async () => {
        throw Object.assign(new Error('EACCES: simulated'), { code: 'EACCES' });
      },
    };
    await expect(writeFileAtomic(path.join(folder, 'x.xlsx'), bytes('x'), denied)).rejects.toThrow(/没有该位置的访问权限/);
    expect(await readdir(folder)).toEqual([]);
  });

  it('names the reason for common failures in Chinese', () => {
    expect(describeFileError({ code: 'EROFS' }, 'write', 'a.xlsx')).toBe('保存“a.xlsx”失败：该位置是只读的，请换一个文件夹。原有文件未改动。');
    expect(describeFileError({ code: 'ENOENT' }, 'read', 'b.json')).toBe('读取“b.json”失败：文件或文件夹不存在。');
    expect(describeFileError(new Error('boom'), 'write', 'c.xlsx')).toBe('保存“c.xlsx”失败：发生错误。原有文件未改动。');
  });
});
