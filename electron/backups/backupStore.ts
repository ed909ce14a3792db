// The backup folder (`<userData>/backups`): full data packages the renderer builds, stored atomically
// under names that sort by time (shared/ipc.ts: backupFileName), pruned to the newest backupKeepCount.
// The store only ever lists, reads or deletes files whose names are exactly its own, so anything else a
// user puts in the folder survives. Writes run one at a time (the app is single-instance, so this
// queue is the only writer): a counter picked from the folder cannot be taken by a concurrent write.
// No Electron import: the folder, the clock and the file operations are parameters, so it is tested
// under Node with a temp folder and a disk that fills up.
import { promises as nodeFs } from 'node:fs';
import path from 'node:path';
import { shanghaiDate } from '../../shared/calendar/shanghaiDate';
import {
  backupFileName,
  backupKeepCount,
  backupMaxCounter,
  maxBridgeBytes,
  parseBackupFileName,
  type BackupEntry,
  type BackupReason,
} from '../../shared/ipc';
import { writeFileAtomic, type AtomicWriteFs } from '../atomicWrite';

export { backupKeepCount };

/** The file operations the store uses, replaceable so a test can fill the disk. */
export interface BackupFs extends AtomicWriteFs {
  /** Create the folder and its parents; no error if it exists. */
  mkdir(dir: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  /** Without following a link: a link named like a backup is not read through. */
  lstat(filePath: string): Promise<{ isFile(): boolean; size: number }>;
  readFile(filePath: string): Promise<Uint8Array>;
}

export const nodeBackupFs: BackupFs = {
  open: (filePath, flags, mode) => nodeFs.open(filePath, flags, mode),
  rename: (from, to) => nodeFs.rename(from, to),
  unlink: (filePath) => nodeFs.unlink(filePath),
  mkdir: async (dir) => {
    await nodeFs.mkdir(dir, { recursive: true });
  },
  readdir: (dir) => nodeFs.readdir(dir),
  lstat: (filePath) => nodeFs.lstat(filePath),
  readFile: (filePath) => nodeFs.readFile(filePath),
};

export interface BackupStatus {
  automatic: boolean;
  today: string;
  dailyDoneToday: boolean;
  latest: BackupEntry | null;
}

/** A temp file electron/atomicWrite.ts left beside one of our backups (a crash mid-write). */
const ownTempPattern = /^\.(.+)\.[0-9a-f]{12}\.tmp$/;

function errorCode(error: unknown): string {
  for (let current: unknown = error, depth = 0; current && typeof current === 'object' && depth < 3; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return '';
}

const writeReasons: Readonly<Record<string, string>> = {
  ENOSPC: '磁盘空间不足，请清理磁盘后重试',
  EDQUOT: '磁盘配额已满，请清理磁盘后重试',
  EACCES: '没有备份文件夹的写入权限',
  EPERM: '没有备份文件夹的写入权限，或文件正被其他程序（如杀毒软件）占用',
  EBUSY: '文件正被其他程序（如杀毒软件）占用，请稍后重试',
  EROFS: '备份文件夹所在的磁盘是只读的',
  ENOTDIR: '备份文件夹的位置被一个同名文件占用',
  EEXIST: '备份文件夹的位置被一个同名文件占用',
  ENAMETOOLONG: '备份文件夹的路径太长',
  EMFILE: '打开的文件太多，请稍后重试',
  ENOENT: '备份文件夹不存在',
  EIO: '磁盘读写出错',
};

/** `备份未能写入：磁盘空间不足，请清理磁盘后重试。已有的备份未改动。` and the like, by the Node error code. */
export function describeBackupWriteError(error: unknown): string {
  const code = errorCode(error);
  const reason = writeReasons[code] ?? `发生错误${code ? `（${code}）` : ''}`;
  return `备份未能写入：${reason}。已有的备份未改动。`;
}

const readReasons: Readonly<Record<string, string>> = {
  ENOENT: '备份文件不存在（可能已被清理）',
  EISDIR: '这不是一个备份文件',
  ENOTDIR: '备份文件夹的位置被一个同名文件占用',
  EACCES: '没有读取权限',
  EPERM: '没有读取权限，或文件正被其他程序占用',
  EBUSY: '文件正被其他程序占用，请稍后重试',
  EMFILE: '打开的文件太多，请稍后重试',
  EIO: '磁盘读写出错',
};

function readReason(error: unknown): string {
  const code = errorCode(error);
  return readReasons[code] ?? `发生错误${code ? `（${code}）` : ''}`;
}

/** `备份“…”未能读取：备份文件不存在（可能已被清理）。` and the like. */
export function describeBackupReadError(error: unknown, fileName: string): string {
  return `备份“${fileName}”未能读取：${readReason(error)}。`;
}

/** IPC clones a view's whole backing buffer, so hand over bytes that own theirs exactly. */
function ownBytes(body: Uint8Array): Uint8Array {
  const exact = body.byteOffset === 0 && body.buffer.byteLength === body.byteLength;
  return exact ? new Uint8Array(body.buffer, 0, body.byteLength) : Uint8Array.from(body);
}

/** Newest first: the names have fixed widths after a common prefix, so they sort by time. */
const newestFirst = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);

export class BackupStore {
  /** The tail of the write queue; writes and listings wait their turn, reads do not. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly dir: string,
    private readonly now: () => Date,
    private readonly fs: BackupFs = nodeBackupFs,
  ) {}

  private serialized<T>(run: () => Promise<T>): Promise<T> {
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Names in the folder that are exactly our backups (a missing folder has none). */
  private async ownNames(): Promise<{ backups: string[]; temps: string[] }> {
    let names: string[];
    try {
      names = await this.fs.readdir(this.dir);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return { backups: [], temps: [] };
      throw error;
    }
    const backups = names.filter((name) => parseBackupFileName(name) !== null).sort(newestFirst);
    const temps = names.filter((name) => {
      const target = ownTempPattern.exec(name)?.[1];
      return target !== undefined && parseBackupFileName(target) !== null;
    });
    return { backups, temps };
  }

  /** Store `data` as a new backup, then keep only the newest backupKeepCount (this one always among them). */
  write(reason: BackupReason, data: Uint8Array): Promise<BackupEntry> {
    return this.serialized(async () => {
      let backups: string[];
      try {
        await this.fs.mkdir(this.dir);
        ({ backups } = await this.ownNames());
      } catch (error) {
        throw new Error(describeBackupWriteError(error), { cause: error });
      }
      const at = this.now();
      const stamp = parseBackupFileName(backupFileName(at, 1, reason))!.stamp;
      const sameSecond = backups.map((name) => parseBackupFileName(name)!).filter((parsed) => parsed.stamp === stamp);
      const counter = Math.max(0, ...sameSecond.map((parsed) => parsed.counter)) + 1;
      if (counter > backupMaxCounter) throw new Error('备份未能写入：同一秒内备份过多，请稍后重试。已有的备份未改动。');
      const fileName = backupFileName(at, counter, reason);
      try {
        await writeFileAtomic(path.join(this.dir, fileName), data, this.fs);
      } catch (error) {
        // writeFileAtomic removed its temp file; the Node code is on the cause.
        throw new Error(describeBackupWriteError(error), { cause: error });
      }
      await this.prune(fileName);
      const parsed = parseBackupFileName(fileName)!;
      return { fileName, size: data.byteLength, createdAt: parsed.createdAt, reason: parsed.reason };
    });
  }

  /**
   * Delete our backups beyond the newest backupKeepCount, never `justWritten` (even if the clock went
   * back and its name sorts older), and temp files a crashed write left beside a backup name. Only
   * names that are exactly ours are touched. Best effort: a file another program holds open stays
   * until the next backup; the backup just written is stored either way.
   */
  private async prune(justWritten: string): Promise<void> {
    let found: { backups: string[]; temps: string[] };
    try {
      found = await this.ownNames();
    } catch {
      return;
    }
    const others = found.backups.filter((name) => name !== justWritten);
    const surplus = [...others.slice(backupKeepCount - 1), ...found.temps];
    for (const name of surplus) await this.fs.unlink(path.join(this.dir, name)).catch(() => undefined);
  }

  /** The backups kept, newest first, with their sizes on disk. */
  list(): Promise<BackupEntry[]> {
    return this.serialized(async () => {
      let backups: string[];
      try {
        ({ backups } = await this.ownNames());
      } catch (error) {
        throw new Error(`备份列表未能读取：${readReason(error)}。`, { cause: error });
      }
      const entries: BackupEntry[] = [];
      for (const fileName of backups) {
        const info = await this.fs.lstat(path.join(this.dir, fileName)).catch(() => null);
        if (!info?.isFile()) continue; // vanished, or a folder or link that merely has the name
        const parsed = parseBackupFileName(fileName)!;
        entries.push({ fileName, size: info.size, createdAt: parsed.createdAt, reason: parsed.reason });
      }
      return entries;
    });
  }

  /** One backup's bytes; any name that is not exactly one of ours is refused before the disk is touched. */
  async read(fileName: string): Promise<{ fileName: string; data: Uint8Array }> {
    if (parseBackupFileName(fileName) === null) throw new Error('拒绝读取：不是本应用的备份文件名。');
    const filePath = path.join(this.dir, fileName);
    const tooLarge = (size: number) =>
      new Error(`备份“${fileName}”有 ${Math.ceil(size / 1048576)} MB，超过应用内一次可传递的 ${maxBridgeBytes / 1048576} MB 上限，无法在应用内恢复。`);
    let info: { isFile(): boolean; size: number };
    let data: Uint8Array;
    try {
      info = await this.fs.lstat(filePath);
      if (!info.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'EISDIR' });
    } catch (error) {
      throw new Error(describeBackupReadError(error, fileName), { cause: error });
    }
    if (info.size > maxBridgeBytes) throw tooLarge(info.size);
    try {
      data = await this.fs.readFile(filePath);
    } catch (error) {
      throw new Error(describeBackupReadError(error, fileName), { cause: error });
    }
    // The file may have grown since lstat; the limit holds for what was actually read.
    if (data.byteLength > maxBridgeBytes) throw tooLarge(data.byteLength);
    return { fileName, data: ownBytes(data) };
  }

  /** Whether today's (Asia/Shanghai) daily backup exists, and the newest backup of any reason. */
  async status(): Promise<BackupStatus> {
    const entries = await this.list();
    const today = shanghaiDate(this.now());
    return {
      automatic: true,
      today,
      dailyDoneToday: entries.some((entry) => entry.reason === 'daily' && shanghaiDate(new Date(entry.createdAt)) === today),
      latest: entries[0] ?? null,
    };
  }
}
