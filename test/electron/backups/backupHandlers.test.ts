import { promises as fs } from 'node:fs';
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackupHandlers } from '../../../electron/backups/backupHandlers';
import { backupKeepCount, nodeBackupFs, type BackupFs } from '../../../electron/backups/backupStore';
import { createIpcDispatcher, type IpcHandlers } from '../../../electron/ipcRegistry';
import { backupFileName, ipcChannel, ipcContract, maxBridgeBytes, parseBackupFileName } from '../../../shared/ipc';

let base: string;
let folder: string;

beforeEach(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'backup-handlers-'));
  folder = path.join(base, 'userData', 'backups');
});

afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

/** A clock the test moves; starts at 2026-12-03 15:30:12 in Shanghai. */
function clock(start = '2026-12-03T15:30:12+08:00') {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (iso: string) => void (current = new Date(iso)),
    advance: (ms: number) => void (current = new Date(current.getTime() + ms)),
  };
}

function setup(options: { fs?: BackupFs; start?: string } = {}) {
  const time = clock(options.start);
  const handlers = createBackupHandlers({ backupDir: folder, now: time.now, fs: options.fs });
  return { time, handlers };
}

const bytes = (text: string) => new TextEncoder().encode(text);
const minute = 60_000;

describe('backup names', () => {
  it('sort by time, carry the Shanghai wall time and read back the instant', () => {
    const at = new Date('2026-12-03T07:30:12.400Z');
    const name = backupFileName(at, 1, 'daily');
    expect(name).toBe('走访台账备份-20261203-153012-01-daily.vlpkg');
    expect(parseBackupFileName(name)).toEqual({
      createdAt: '2026-12-03T07:30:12.000Z',
      stamp: '20261203-153012',
      counter: 1,
      reason: 'daily',
    });
    const later = [backupFileName(at, 2, 'daily'), backupFileName(new Date(at.getTime() + 1000), 1, 'merge')];
    expect([...later, name].sort()).toEqual([name, ...later]);
  });

  it.each([
    '走访台账备份-20260230-120000-01-daily.vlpkg', // 30 February
    '走访台账备份-20261203-246000-01-daily.vlpkg',
    '走访台账备份-20261203-153012-00-daily.vlpkg',
    '走访台账备份-20261203-153012-1-daily.vlpkg',
    '走访台账备份-20261203-153012-01-weekly.vlpkg',
    '走访台账备份-20261203-153012-01-daily.vlpkg.bak',
    '走访台账备份-20261203-153012-01-daily.VLPKG',
    ' 走访台账备份-20261203-153012-01-daily.vlpkg',
  ])('are exact: %s is not one', (name) => {
    expect(parseBackupFileName(name)).toBeNull();
  });
});

describe('backupWrite', () => {
  it('writes the bytes atomically into the folder (created on first use) and says what it stored', async () => {
    const { handlers } = setup();
    const result = await handlers.backupWrite({ reason: 'daily', data: bytes('第一份备份') });
    expect(result).toEqual({
      fileName: '走访台账备份-20261203-153012-01-daily.vlpkg',
      size: bytes('第一份备份').byteLength,
      createdAt: '2026-12-03T07:30:12.000Z',
      reason: 'daily',
    });
    expect(ipcContract.backupWrite.result.safeParse(result).success).toBe(true);
    expect(await readdir(folder)).toEqual([result.fileName]);
    expect(await readFile(path.join(folder, result.fileName), 'utf8')).toBe('第一份备份');
  });

  it(`keeps the newest ${backupKeepCount} of 16 backups`, async () => {
    expect(backupKeepCount).toBe(14);
    const { handlers, time } = setup();
    const written: string[] = [];
    for (let i = 0; i < 16; i += 1) {
      written.push((await handlers.backupWrite({ reason: i % 2 ? 'merge' : 'daily', data: bytes(`备份 ${i}`) })).fileName);
      time.advance(37 * minute);
    }
    const kept = written.slice(2).reverse();
    expect((await handlers.backupList({})).map((entry) => entry.fileName)).toEqual(kept);
    expect((await readdir(folder)).sort()).toEqual([...kept].sort());
  });

  it('never touches files in the folder that are not its own backups', async () => {
    await mkdir(folder, { recursive: true });
    const foreign = [
      'notes.txt',
      '走访台账备份-说明.txt',
      '走访台账备份-20200101-000000-01-daily.vlpkg.bak',
      '走访台账备份-20200101-000000-1-daily.vlpkg',
      '走访台账备份-20200101-000000-01-weekly.vlpkg',
      'other.vlpkg',
      '.走访台账备份-20200101-000000-01-daily.vlpkg.xyz.tmp',
      '.someone-else.0123456789ab.tmp',
    ];
    for (const name of foreign) await writeFile(path.join(folder, name), name);
    await mkdir(path.join(folder, '手动备份'));
    const { handlers, time } = setup();
    for (let i = 0; i < 16; i += 1) {
      await handlers.backupWrite({ reason: 'manual', data: bytes(String(i)) });
      time.advance(minute);
    }
    const left = await readdir(folder);
    for (const name of [...foreign, '手动备份']) expect(left).toContain(name);
    expect(left).toHaveLength(foreign.length + 1 + backupKeepCount);
    expect(await handlers.backupList({})).toHaveLength(backupKeepCount);
  });

  it('removes a temp file a crashed backup left behind, but no one else’s', async () => {
    await mkdir(folder, { recursive: true });
    const stale = `.${backupFileName(new Date('2026-12-01T01:00:00Z'), 1, 'daily')}.0123456789ab.tmp`;
    await writeFile(path.join(folder, stale), 'half a package');
    await writeFile(path.join(folder, '.report.xlsx.0123456789ab.tmp'), 'someone else’s');
    const { handlers } = setup();
    const { fileName } = await handlers.backupWrite({ reason: 'daily', data: bytes('x') });
    expect((await readdir(folder)).sort()).toEqual(['.report.xlsx.0123456789ab.tmp', fileName].sort());
  });

  it('gives backups in the same second distinct names, also when they are written at once', async () => {
    const { handlers } = setup();
    const first = await handlers.backupWrite({ reason: 'daily', data: bytes('a') });
    const [second, third] = await Promise.all([
      handlers.backupWrite({ reason: 'upgrade', data: bytes('b') }),
      handlers.backupWrite({ reason: 'merge', data: bytes('c') }),
    ]);
    expect([first.fileName, second.fileName, third.fileName]).toEqual([
      '走访台账备份-20261203-153012-01-daily.vlpkg',
      '走访台账备份-20261203-153012-02-upgrade.vlpkg',
      '走访台账备份-20261203-153012-03-merge.vlpkg',
    ]);
    expect(await readFile(path.join(folder, third.fileName), 'utf8')).toBe('c');
    expect((await handlers.backupList({})).map((entry) => entry.reason)).toEqual(['merge', 'upgrade', 'daily']);
  });

  it('keeps the backup just written even when the clock went back and its name sorts oldest', async () => {
    const { handlers, time } = setup();
    for (let i = 0; i < backupKeepCount; i += 1) {
      await handlers.backupWrite({ reason: 'daily', data: bytes(String(i)) });
      time.advance(24 * 60 * minute);
    }
    time.set('2026-11-01T09:00:00+08:00');
    const { fileName } = await handlers.backupWrite({ reason: 'merge', data: bytes('before the merge') });
    const names = (await handlers.backupList({})).map((entry) => entry.fileName);
    expect(names).toHaveLength(backupKeepCount);
    expect(names.at(-1)).toBe(fileName);
    expect(await readFile(path.join(folder, fileName), 'utf8')).toBe('before the merge');
  });
});

/** Real file operations, except that writes fail with `code` once `failAfter` bytes reached the disk. */
function diskFillsUp(failAfter: number, code = 'ENOSPC'): BackupFs {
  return {
    ...nodeBackupFs,
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
  };
}

describe('backupWrite on a failing disk', () => {
  it('when the disk fills up mid-write, leaves no partial file, keeps the older backups and says why in Chinese', async () => {
    const { handlers: healthy, time } = setup();
    const earlier = await healthy.backupWrite({ reason: 'daily', data: bytes('昨天的备份') });
    const failing = createBackupHandlers({ backupDir: folder, now: () => new Date(time.now().getTime() + minute), fs: diskFillsUp(1000) });
    const error = await failing.backupWrite({ reason: 'merge', data: new Uint8Array(5 * 1048576) }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('备份未能写入：磁盘空间不足，请清理磁盘后重试。已有的备份未改动。');
    expect(await readdir(folder)).toEqual([earlier.fileName]);
    expect(await readFile(path.join(folder, earlier.fileName), 'utf8')).toBe('昨天的备份');
  });

  it.each([
    ['EDQUOT', '备份未能写入：磁盘配额已满，请清理磁盘后重试。已有的备份未改动。'],
    ['EACCES', '备份未能写入：没有备份文件夹的写入权限。已有的备份未改动。'],
    ['EWHATEVER', '备份未能写入：发生错误（EWHATEVER）。已有的备份未改动。'],
  ])('names %s in Chinese', async (code, message) => {
    const { handlers } = setup({ fs: diskFillsUp(0, code) });
    await expect(handlers.backupWrite({ reason: 'daily', data: bytes('x') })).rejects.toThrow(message);
    expect(await readdir(folder)).toEqual([]);
  });

  it('says so when the folder cannot be created', async () => {
    await mkdir(path.dirname(folder), { recursive: true });
    await writeFile(folder, 'a file where the folder should be');
    const { handlers } = setup();
    await expect(handlers.backupWrite({ reason: 'daily', data: bytes('x') })).rejects.toThrow(
      /^备份未能写入：备份文件夹的位置被一个同名文件占用。已有的备份未改动。$/,
    );
  });
});

describe('backupList', () => {
  it('is empty before the first backup (no folder yet)', async () => {
    expect(await setup().handlers.backupList({})).toEqual([]);
  });

  it('lists newest first with sizes on disk, times and reasons', async () => {
    const { handlers, time } = setup();
    await handlers.backupWrite({ reason: 'daily', data: new Uint8Array(10) });
    time.advance(minute);
    await handlers.backupWrite({ reason: 'upgrade', data: new Uint8Array(2048) });
    time.advance(minute);
    await handlers.backupWrite({ reason: 'merge', data: new Uint8Array(1) });
    const list = await handlers.backupList({});
    expect(list).toEqual([
      { fileName: '走访台账备份-20261203-153212-01-merge.vlpkg', size: 1, createdAt: '2026-12-03T07:32:12.000Z', reason: 'merge' },
      { fileName: '走访台账备份-20261203-153112-01-upgrade.vlpkg', size: 2048, createdAt: '2026-12-03T07:31:12.000Z', reason: 'upgrade' },
      { fileName: '走访台账备份-20261203-153012-01-daily.vlpkg', size: 10, createdAt: '2026-12-03T07:30:12.000Z', reason: 'daily' },
    ]);
    expect(ipcContract.backupList.result.safeParse(list).success).toBe(true);
  });

  it('leaves out a folder or a link that merely has a backup’s name', async () => {
    await mkdir(path.join(folder, '走访台账备份-20261201-080000-01-daily.vlpkg'), { recursive: true });
    await writeFile(path.join(base, 'secret.txt'), 'not a backup');
    await symlink(path.join(base, 'secret.txt'), path.join(folder, '走访台账备份-20261202-080000-01-daily.vlpkg'));
    const { handlers } = setup();
    expect(await handlers.backupList({})).toEqual([]);
    await expect(handlers.backupRead({ fileName: '走访台账备份-20261202-080000-01-daily.vlpkg' })).rejects.toThrow(
      '备份“走访台账备份-20261202-080000-01-daily.vlpkg”未能读取：这不是一个备份文件。',
    );
  });
});

describe('backupRead', () => {
  it('returns the bytes of a listed backup, owning their buffer exactly', async () => {
    const { handlers } = setup();
    const { fileName } = await handlers.backupWrite({ reason: 'manual', data: bytes('要恢复的数据') });
    const read = await handlers.backupRead({ fileName });
    expect(read.fileName).toBe(fileName);
    expect(new TextDecoder().decode(read.data)).toBe('要恢复的数据');
    expect(read.data.buffer.byteLength).toBe(read.data.byteLength);
    expect(ipcContract.backupRead.result.safeParse(read).success).toBe(true);
  });

  it.each([
    '../x',
    '../走访台账备份-20261203-153012-01-daily.vlpkg',
    'sub/走访台账备份-20261203-153012-01-daily.vlpkg',
    '..\\走访台账备份-20261203-153012-01-daily.vlpkg',
    '/etc/passwd',
    'C:\\Windows\\win.ini',
    'notes.txt',
    '走访台账备份-20261203-153012-01-daily.vlpkg/',
    '',
  ])('refuses %j before touching the disk', async (fileName) => {
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'notes.txt'), 'not a backup');
    const { handlers } = setup();
    await expect(handlers.backupRead({ fileName })).rejects.toThrow('拒绝读取：不是本应用的备份文件名。');
  });

  it('says in Chinese that a backup is gone', async () => {
    const { handlers } = setup();
    await expect(handlers.backupRead({ fileName: '走访台账备份-20261203-153012-01-daily.vlpkg' })).rejects.toThrow(
      '备份“走访台账备份-20261203-153012-01-daily.vlpkg”未能读取：备份文件不存在（可能已被清理）。',
    );
  });

  it('refuses a backup too big to cross the bridge instead of reading it', async () => {
    const { handlers: writer } = setup();
    const { fileName } = await writer.backupWrite({ reason: 'daily', data: bytes('x') });
    let readCalled = false;
    const hugeOnDisk: BackupFs = {
      ...nodeBackupFs,
      lstat: async (filePath) => {
        const info = await lstat(filePath);
        return { isFile: () => info.isFile(), size: maxBridgeBytes + 1 };
      },
      readFile: async (filePath) => {
        readCalled = true;
        return nodeBackupFs.readFile(filePath);
      },
    };
    const { handlers } = setup({ fs: hugeOnDisk });
    await expect(handlers.backupRead({ fileName })).rejects.toThrow(/超过应用内一次可传递的 512 MB 上限，无法在应用内恢复/);
    expect(readCalled).toBe(false);
  });
});

describe('backupStatus', () => {
  it('says whether today’s (Asia/Shanghai) daily backup exists and which backup is the newest', async () => {
    const { handlers, time } = setup({ start: '2026-12-03T23:59:58+08:00' });
    expect(await handlers.backupStatus({})).toEqual({ automatic: true, today: '2026-12-03', dailyDoneToday: false, latest: null });
    const daily = await handlers.backupWrite({ reason: 'daily', data: bytes('x') });
    time.advance(1000);
    const merge = await handlers.backupWrite({ reason: 'merge', data: bytes('y') });
    expect(await handlers.backupStatus({})).toEqual({ automatic: true, today: '2026-12-03', dailyDoneToday: true, latest: merge });
    // 00:00:01 in Shanghai is still 3 December in UTC: the day turns by the Shanghai calendar.
    time.set('2026-12-04T00:00:01+08:00');
    const status = await handlers.backupStatus({});
    expect(status).toEqual({ automatic: true, today: '2026-12-04', dailyDoneToday: false, latest: merge });
    expect(daily.createdAt).toBe('2026-12-03T15:59:58.000Z');
    expect(ipcContract.backupStatus.result.safeParse(status).success).toBe(true);
  });

  it('does not count a merge or manual backup as today’s daily one', async () => {
    const { handlers } = setup();
    await handlers.backupWrite({ reason: 'merge', data: bytes('x') });
    await handlers.backupWrite({ reason: 'manual', data: bytes('y') });
    expect((await handlers.backupStatus({})).dailyDoneToday).toBe(false);
  });
});

describe('the IPC contract at the door', () => {
  const fromUs = { senderFrame: { url: 'app://ledger/index.html' } };

  function door() {
    const { handlers } = setup();
    const dispatch = createIpcDispatcher({ handlers: handlers as IpcHandlers, isTrustedSender: () => true, validateResults: true });
    return { dispatch, handlers };
  }

  it.each<[string, unknown, RegExp]>([
    ['an unknown reason', { reason: 'weekly', data: bytes('x') }, /^参数无效：备份原因（reason）：/],
    ['no reason', { data: bytes('x') }, /^参数无效：备份原因（reason）/],
    ['text instead of bytes', { reason: 'daily', data: '备份' }, /^参数无效：文件内容（data）：文件内容必须是字节数组/],
    ['an empty backup', { reason: 'daily', data: new Uint8Array(0) }, /^参数无效：文件内容（data）：备份内容为空/],
  ])('refuses a backupWrite with %s and writes nothing', async (_label, payload, message) => {
    const { dispatch } = door();
    await expect(dispatch(ipcChannel('backupWrite'), fromUs, payload)).rejects.toThrow(message);
    await expect(readdir(folder)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a backupRead of a path before the handler runs', async () => {
    const { dispatch } = door();
    for (const fileName of ['../../.ssh/id_rsa', '/etc/shadow', 'C:\\Users\\a\\NTUSER.DAT', 42]) {
      await expect(dispatch(ipcChannel('backupRead'), fromUs, { fileName })).rejects.toThrow(/^参数无效：文件名（fileName）/);
    }
  });

  it('passes good calls through, with results that match the contract', async () => {
    const { dispatch } = door();
    const written = (await dispatch(ipcChannel('backupWrite'), fromUs, { reason: 'upgrade', data: bytes('升级前') })) as { fileName: string };
    expect(await dispatch(ipcChannel('backupList'), fromUs, {})).toHaveLength(1);
    const read = (await dispatch(ipcChannel('backupRead'), fromUs, { fileName: written.fileName })) as { data: Uint8Array };
    expect(new TextDecoder().decode(read.data)).toBe('升级前');
    expect(await dispatch(ipcChannel('backupStatus'), fromUs, {})).toMatchObject({ automatic: true, dailyDoneToday: false });
  });
});
