import { describe, expect, it, vi } from 'vitest';
import { backupKeepCount, ipcContract, type IpcArgs } from '../../../shared/ipc';
import { backupLogKey, createBrowserBridge, type BrowserShell, type KeyValueStorage } from '../../../renderer/src/bridge/browserBridge';

/** A stand-in for localStorage that outlives one bridge, as the real one outlives a page load. */
function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { items: Map<string, string> } {
  const items = new Map(Object.entries(initial));
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

function page(storage: KeyValueStorage = memoryStorage(), start = '2026-12-03T15:30:12+08:00') {
  let current = new Date(start);
  const downloads: { blob: Blob; fileName: string }[] = [];
  const shell: BrowserShell = {
    download: vi.fn((blob: Blob, fileName: string) => void downloads.push({ blob, fileName })),
    pickFile: vi.fn(async () => null),
    platform: 'Linux x86_64',
    version: '0.1.0',
    backupLog: storage,
    now: () => new Date(current),
  };
  const time = {
    set: (iso: string) => void (current = new Date(iso)),
    advance: (ms: number) => void (current = new Date(current.getTime() + ms)),
  };
  return { bridge: createBrowserBridge(shell), shell, downloads, time, storage };
}

const bytes = (text: string) => new TextEncoder().encode(text);
const day = 24 * 3_600_000;

describe('browser bridge: backups are downloads, with a log of when', () => {
  it('offers the package as a download under the desktop app’s name and logs it', async () => {
    const { bridge, downloads } = page();
    const entry = await bridge.backupWrite({ reason: 'manual', data: bytes('整个台账') });
    expect(entry).toEqual({
      fileName: '走访台账备份-20261203-153012-01-manual.vlpkg',
      size: bytes('整个台账').byteLength,
      createdAt: '2026-12-03T07:30:12.000Z',
      reason: 'manual',
    });
    expect(downloads.map((d) => d.fileName)).toEqual([entry.fileName]);
    expect(await downloads[0]!.blob.text()).toBe('整个台账');
    expect(await bridge.backupList({})).toEqual([entry]);
    expect(ipcContract.backupList.result.safeParse(await bridge.backupList({})).success).toBe(true);
  });

  it('remembers across page loads (the log is in the page’s storage), newest first', async () => {
    const storage = memoryStorage();
    const first = page(storage);
    await first.bridge.backupWrite({ reason: 'manual', data: bytes('a') });
    first.time.advance(day);
    await first.bridge.backupWrite({ reason: 'merge', data: bytes('bb') });
    const reloaded = page(storage, '2026-12-05T09:00:00+08:00');
    expect((await reloaded.bridge.backupList({})).map((e) => [e.reason, e.size])).toEqual([
      ['merge', 2],
      ['manual', 1],
    ]);
  });

  it(`keeps the newest ${backupKeepCount} entries, and distinct names within one second`, async () => {
    const { bridge, time } = page();
    const names: string[] = [];
    for (let i = 0; i < 16; i += 1) {
      names.push((await bridge.backupWrite({ reason: 'manual', data: bytes(String(i)) })).fileName);
      if (i % 2) time.advance(1000);
    }
    expect(new Set(names).size).toBe(16);
    expect(names[1]).toBe('走访台账备份-20261203-153012-02-manual.vlpkg');
    expect((await bridge.backupList({})).map((e) => e.fileName)).toEqual(names.slice(2).reverse());
  });

  it('gives what 上次备份 and the 7-day reminder need, and says it keeps no automatic backups', async () => {
    const { bridge, time } = page();
    expect(await bridge.backupStatus({})).toEqual({ automatic: false, today: '2026-12-03', dailyDoneToday: false, latest: null });
    const made = await bridge.backupWrite({ reason: 'manual', data: bytes('x') });
    time.advance(8 * day);
    const status = await bridge.backupStatus({});
    expect(status).toEqual({ automatic: false, today: '2026-12-11', dailyDoneToday: false, latest: made });
    expect(Date.parse(status.today) - Date.parse(made.createdAt.slice(0, 10))).toBeGreaterThan(7 * day);
  });

  it('counts a daily backup for today only, by the Shanghai calendar', async () => {
    const { bridge, time } = page(memoryStorage(), '2026-12-03T23:59:59+08:00');
    await bridge.backupWrite({ reason: 'daily', data: bytes('x') });
    expect((await bridge.backupStatus({})).dailyDoneToday).toBe(true);
    time.advance(2000);
    expect(await bridge.backupStatus({})).toMatchObject({ today: '2026-12-04', dailyDoneToday: false });
  });

  it('ignores a log it cannot read instead of failing', async () => {
    const garbled = memoryStorage({ [backupLogKey]: '{not json' });
    expect(await page(garbled).bridge.backupList({})).toEqual([]);
    const tampered = memoryStorage({
      [backupLogKey]: JSON.stringify([
        { fileName: '../../etc/passwd', size: 1 },
        { fileName: '走访台账备份-20261201-080000-01-daily.vlpkg', size: -5 },
        { fileName: '走访台账备份-20261202-080000-01-daily.vlpkg', size: 12 },
        null,
      ]),
    });
    expect((await page(tampered).bridge.backupList({})).map((e) => e.fileName)).toEqual(['走访台账备份-20261202-080000-01-daily.vlpkg']);
  });

  it('still downloads when the storage refuses to save the log', async () => {
    const full: KeyValueStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    };
    const { bridge, downloads } = page(full);
    await expect(bridge.backupWrite({ reason: 'manual', data: bytes('x') })).resolves.toMatchObject({ reason: 'manual' });
    expect(downloads).toHaveLength(1);
  });

  it('refuses to read a backup back: restoring opens the downloaded file instead', async () => {
    const { bridge } = page();
    const { fileName } = await bridge.backupWrite({ reason: 'manual', data: bytes('x') });
    await expect(bridge.backupRead({ fileName })).rejects.toThrow(/^浏览器版不在应用内保留备份文件/);
    await expect(bridge.backupRead({ fileName: '../x' })).rejects.toThrow('参数无效：文件名（fileName）：不是本应用的备份文件名');
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['an unknown reason', { reason: 'weekly', data: bytes('x') }, /^参数无效：备份原因（reason）/],
    ['text instead of bytes', { reason: 'manual', data: 'x' }, /^参数无效：文件内容（data）：文件内容必须是字节数组/],
  ])('refuses a backupWrite with %s in Chinese and downloads nothing', async (_label, args, message) => {
    const { bridge, shell, storage } = page();
    await expect(bridge.backupWrite(args as IpcArgs<'backupWrite'>)).rejects.toThrow(message);
    expect(shell.download).not.toHaveBeenCalled();
    expect(storage.getItem(backupLogKey)).toBeNull();
  });
});
