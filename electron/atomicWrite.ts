// Writing a file the user chose so that it is either completely the new content or untouched: write a
// temp file in the same folder (same disk, so the rename is atomic), fsync it, rename it over the
// target. A full disk or a crash mid-write leaves the old file as it was and no stray temp file.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** The file operations used, replaceable so a test can make one fail part-way. */
export interface AtomicWriteFs {
  open(filePath: string, flags: string, mode?: number): Promise<WritableHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(filePath: string): Promise<void>;
}

export interface WritableHandle {
  write(data: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

const nodeFs: AtomicWriteFs = {
  open: (filePath, flags, mode) => fs.open(filePath, flags, mode),
  rename: (from, to) => fs.rename(from, to),
  unlink: (filePath) => fs.unlink(filePath),
};

/** Written in slices so a multi-hundred-MB export is not one giant syscall. */
const sliceBytes = 4 * 1024 * 1024;

/** The temp name sits beside the target, hidden, and never collides with a user's file. */
export function tempPathFor(targetPath: string): string {
  const dir = path.dirname(targetPath);
  return path.join(dir, `.${path.basename(targetPath)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Write `data` to `targetPath` atomically; throws an Error with a Chinese message on failure. */
export async function writeFileAtomic(targetPath: string, data: Uint8Array, ops: AtomicWriteFs = nodeFs): Promise<void> {
  const tempPath = tempPathFor(targetPath);
  let handle: WritableHandle | undefined;
  let tempCreated = false;
  try {
    // 'wx' fails if the name exists, so we never write through someone else's file or link.
    handle = await ops.open(tempPath, 'wx', 0o644);
    tempCreated = true;
    let offset = 0;
    while (offset < data.byteLength) {
      const { bytesWritten } = await handle.write(data, offset, Math.min(sliceBytes, data.byteLength - offset));
      if (bytesWritten <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
      offset += bytesWritten;
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    await ops.rename(tempPath, targetPath);
    tempCreated = false;
  } catch (error) {
    if (handle) await handle.close().catch(() => undefined);
    if (tempCreated) await ops.unlink(tempPath).catch(() => undefined);
    throw new Error(describeFileError(error, 'write', path.basename(targetPath)), { cause: error });
  }
}

/** A Chinese sentence for a failed file operation, by the error's Node code. */
export function describeFileError(error: unknown, action: 'write' | 'read', fileName: string): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  const verb = action === 'write' ? '保存' : '读取';
  const reasons: Record<string, string> = {
    ENOSPC: '磁盘空间不足，请清理磁盘或换一个位置',
    EDQUOT: '磁盘配额已满，请清理磁盘或换一个位置',
    EACCES: '没有该位置的访问权限，请换一个文件夹',
    EPERM: '没有权限，或文件正被其他程序（如 Excel、WPS）打开，请关闭后重试',
    EBUSY: '文件正被其他程序（如 Excel、WPS）打开，请关闭后重试',
    EROFS: '该位置是只读的，请换一个文件夹',
    ENOENT: '文件或文件夹不存在',
    EISDIR: '所选的是文件夹，不是文件',
    ENAMETOOLONG: '文件名或路径太长',
    EMFILE: '打开的文件太多，请稍后重试',
  };
  const reason = reasons[code] ?? `发生错误${code ? `（${code}）` : ''}`;
  const unchanged = action === 'write' ? '原有文件未改动。' : '';
  return `${verb}“${fileName}”失败：${reason}。${unchanged}`;
}
