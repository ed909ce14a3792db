// The browser implementation of the bridge (`npm run web`, e2e tests): saving is a real download
// under the suggested name, opening is a file input. Arguments are checked against the same zod
// schemas main uses, with the same Chinese messages. The page-level effects come in as `BrowserShell`
// so the checks are tested under Node without a DOM.
import { shanghaiDate } from '../../../shared/calendar/shanghaiDate';
import {
  backupFileName,
  backupKeepCount,
  backupMaxCounter,
  checkIpcArgs,
  parseBackupFileName,
  type BackupEntry,
  type IpcArgs,
  type IpcMethod,
  type LedgerApi,
} from '../../../shared/ipc';
import { createBrowserExportMethods } from '../export/browserExportMethods';
import { hubProxyHeader, hubProxyPrefix, sendHubRequest } from '../../../shared/sync/hubTransport';

export interface BrowserShell {
  /** Hand `blob` to the browser as a download named `fileName`. */
  download(blob: Blob, fileName: string): void;
  /** Let the user pick one file (`accept` as for <input type=file>); null when they cancel. */
  pickFile(accept: string): Promise<File | null>;
  platform: string;
  version: string;
  /** Where the backup log is kept (the page's localStorage); in memory for this page when absent. */
  backupLog?: KeyValueStorage;
  /** The clock for backup names and "today"; the real one when absent. */
  now?: () => Date;
  /**
   * The page's fetch, for 同步: the browser version reaches the hub through the local server that
   * serves it (the page's CSP allows its own origin only); absent where there is none (tests).
   */
  fetch?: typeof fetch;
  /** The page's own origin, e.g. http://127.0.0.1:5180. */
  origin?: string;
}

/** The part of `Storage` the backup log uses. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Types for the files the app writes, so the browser labels the download correctly. */
const mimeByExtension: Readonly<Record<string, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
  zip: 'application/zip',
  pdf: 'application/pdf',
  txt: 'text/plain;charset=utf-8',
};

function mimeFor(fileName: string): string {
  const extension = fileName.includes('.') ? fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase() : '';
  return mimeByExtension[extension] ?? 'application/octet-stream';
}

function megabytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1048576))} MB`;
}

/** Parse or reject with the contract's Chinese message; nothing happens on a bad call. */
function checked<M extends IpcMethod>(method: M, args: IpcArgs<M>) {
  const result = checkIpcArgs(method, args);
  if (!result.ok) throw new Error(result.message);
  return result.args;
}

export function createBrowserBridge(shell: BrowserShell = documentShell()): LedgerApi {
  const fileMethods: Pick<LedgerApi, 'saveFile' | 'openFile'> = {
    async saveFile(args) {
      const { suggestedName, data } = checked('saveFile', args);
      shell.download(new Blob([data as BlobPart], { type: mimeFor(suggestedName) }), suggestedName);
      return { saved: true, fileName: suggestedName };
    },
    async openFile(args) {
      const { filters, maxBytes } = checked('openFile', args);
      const accept = [...new Set(filters.flatMap((filter) => filter.extensions.map((extension) => `.${extension}`)))].join(',');
      const file = await shell.pickFile(accept);
      if (!file) return null;
      if (file.size > maxBytes) {
        throw new Error(`“${file.name}”太大（${megabytes(file.size)}），超过 ${megabytes(maxBytes)} 的上限，未读取。`);
      }
      return { fileName: file.name, data: new Uint8Array(await file.arrayBuffer()) };
    },
  };
  // The streaming-export methods (reports) build the workbook in memory here and save it through saveFile.
  const hubMethods: Pick<LedgerApi, 'hubRequest'> = {
    async hubRequest(args) {
      const request = checked('hubRequest', args);
      if (!shell.fetch || !shell.origin) throw new Error('浏览器版在此环境中无法连接同步服务器');
      const pageFetch = shell.fetch;
      // To the serving origin's proxy, which forwards it to the hub named in the header.
      const viaProxy: typeof fetch = (input, init) => pageFetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), [hubProxyHeader]: request.hubUrl } });
      return sendHubRequest(viaProxy, { ...request, hubUrl: shell.origin, path: `${hubProxyPrefix}${request.path}` }, 60_000, request.hubUrl);
    },
  };
  return { ...fileMethods, ...createBrowserExportMethods(fileMethods.saveFile), ...createBrowserBackupMethods(shell), ...hubMethods };
}

type BackupMethods = Pick<LedgerApi, 'backupWrite' | 'backupList' | 'backupRead' | 'backupStatus'>;

/** The localStorage key of the backup log (metadata only; never the ledger database). */
export const backupLogKey = 'visit-ledger.backupLog';

/**
 * Backups in a plain browser. A page has no user data folder, and a copy kept in the browser's own
 * storage would vanish with the very data it is meant to protect (clearing site data, a new profile),
 * so it would be no backup at all. So here a backup is what the officer takes away: backupWrite offers
 * the package as a download under the same name the desktop app gives its files, and records only its
 * name, size, time and reason in a small log in localStorage (the newest backupKeepCount, like the
 * desktop folder). backupList and backupStatus read that log, so the app can show 上次备份 and remind
 * the officer after 7 days; `automatic: false` tells it to write backups only when asked, not on every
 * start. "Backed up" means "offered as a download": a page cannot know whether the file was kept.
 * backupRead refuses: restoring in the browser opens the downloaded file with openFile.
 */
function createBrowserBackupMethods(shell: BrowserShell): BackupMethods {
  const memory = new Map<string, string>();
  const storage: KeyValueStorage = shell.backupLog ?? {
    getItem: (key) => memory.get(key) ?? null,
    setItem: (key, value) => void memory.set(key, value),
  };
  const now = shell.now ?? (() => new Date());

  /** The log, newest first; anything unreadable in it is skipped rather than trusted. */
  const readLog = (): BackupEntry[] => {
    let raw: unknown;
    try {
      raw = JSON.parse(storage.getItem(backupLogKey) ?? '[]');
    } catch {
      return [];
    }
    if (!Array.isArray(raw)) return [];
    const entries: BackupEntry[] = [];
    for (const item of raw as unknown[]) {
      const fileName = (item as { fileName?: unknown } | null)?.fileName;
      const size = (item as { size?: unknown } | null)?.size;
      const parsed = typeof fileName === 'string' ? parseBackupFileName(fileName) : null;
      if (!parsed || typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) continue;
      entries.push({ fileName: fileName as string, size, createdAt: parsed.createdAt, reason: parsed.reason });
    }
    return entries.sort((a, b) => (a.fileName < b.fileName ? 1 : a.fileName > b.fileName ? -1 : 0));
  };

  const list = async (): Promise<BackupEntry[]> => readLog();

  return {
    async backupWrite(args) {
      const { reason, data } = checked('backupWrite', args);
      const log = readLog();
      const at = now();
      const stamp = parseBackupFileName(backupFileName(at, 1, reason))!.stamp;
      const counters = log.map((entry) => parseBackupFileName(entry.fileName)!).filter((p) => p.stamp === stamp).map((p) => p.counter);
      const counter = Math.max(0, ...counters) + 1;
      if (counter > backupMaxCounter) throw new Error('备份未能写入：同一秒内备份过多，请稍后重试。');
      const fileName = backupFileName(at, counter, reason);
      shell.download(new Blob([data as BlobPart], { type: 'application/octet-stream' }), fileName);
      const entry: BackupEntry = { fileName, size: data.byteLength, createdAt: parseBackupFileName(fileName)!.createdAt, reason };
      const kept = [entry, ...log.slice(0, backupKeepCount - 1)];
      try {
        storage.setItem(backupLogKey, JSON.stringify(kept.map(({ fileName: name, size }) => ({ fileName: name, size }))));
      } catch {
        // Storage full or switched off: the download went out regardless; only 上次备份 will not show it.
      }
      return entry;
    },
    async backupList(args) {
      checked('backupList', args);
      return list();
    },
    async backupRead(args) {
      checked('backupRead', args);
      throw new Error('浏览器版不在应用内保留备份文件：备份已下载到本机，请选择下载的备份文件（.vlpkg）来恢复。');
    },
    async backupStatus(args) {
      checked('backupStatus', args);
      const entries = await list();
      const today = shanghaiDate(now());
      return {
        automatic: false,
        today,
        dailyDoneToday: entries.some((entry) => entry.reason === 'daily' && shanghaiDate(new Date(entry.createdAt)) === today),
        latest: entries[0] ?? null,
      };
    },
  };
}

/** The real page: an <a download> click and a hidden <input type=file>. */
export function documentShell(): BrowserShell {
  return {
    download(blob, fileName) {
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.rel = 'noopener';
      link.style.display = 'none';
      document.body.append(link);
      link.click();
      link.remove();
      // The download has started reading the blob by now; a minute covers slow disks.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
    pickFile(accept) {
      return new Promise((resolve) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = accept;
        input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
        input.addEventListener('cancel', () => resolve(null), { once: true });
        input.click();
      });
    },
    platform: navigator.platform,
    backupLog: pageStorage(),
    fetch: (input, init) => window.fetch(input, init),
    origin: window.location.origin,
    // Read through a cast: this module is also type-checked by the Node project (its tests), which has no vite/client types.
    version: (import.meta as ImportMeta & { env?: Record<string, string | undefined> }).env?.VITE_APP_VERSION ?? '0.1.0',
  };
}

/** The page's localStorage, or undefined where reading it throws (storage switched off for the site). */
function pageStorage(): KeyValueStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
