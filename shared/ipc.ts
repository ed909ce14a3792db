// The one contract between renderer and main: every bridge method, its argument and its result, as
// zod schemas. Main registers a handler for every entry (a missing one does not compile) and parses
// every payload it receives; the preload and the browser bridge both implement `LedgerApi`.
import { z } from 'zod';
import { plainSheetRows, sheetRowSchema, sheetSpecSchema } from './reports/sheetSpec';
import { hubRequestSchema, hubResponseSchema } from './sync/hubTransport';

const zhCN = z.locales.zhCN();

/** The largest file that crosses the bridge in one piece; bigger exports stream in the main process. */
export const maxBridgeBytes = 512 * 1024 * 1024;

const bytes = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array, '文件内容必须是字节数组')
  .refine((value) => value.byteLength <= maxBridgeBytes, `文件超过 ${maxBridgeBytes / 1048576} MB 上限`);

/** What the open dialog offers: the file types to show. */
const fileFilter = z.object({
  name: z.string().min(1).max(100),
  extensions: z.array(z.string().regex(/^[a-z0-9]{1,8}$/)).min(1).max(10),
});

/**
 * The extensions the app writes through the save bridge, and nothing else: workbooks (reports,
 * 联系企业, the browser's exports), holiday schedules (设置 → 工作日调整 → 导出), data packages
 * (数据交换) and the bureau's private-key backup (设置 → 数据交换密钥 → 导出私钥, a .txt). A page that
 * asks to save `update.bat` or `台账.xlsx.exe` is refused before any dialog opens. A screen that saves a
 * new kind of file adds its extension here.
 */
export const savedFileExtensions = ['xlsx', 'json', 'vlpkg', 'txt'] as const;
export type SavedFileExtension = (typeof savedFileExtensions)[number];

/** The streaming export writes workbooks only. */
export const exportFileExtensions = ['xlsx'] as const satisfies readonly SavedFileExtension[];

/** C0 and C1 control characters (NUL, line breaks, ESC…) and DEL. */
function hasControlCharacter(name: string): boolean {
  return [...name].some((c) => {
    const code = c.codePointAt(0)!;
    return code < 0x20 || (code >= 0x7f && code <= 0x9f);
  });
}
// Bidirectional controls make a name read differently from what it is: "台账" + U+202E + "xslx.exe" shows
// as "台账exe.xlsx" in a dialog or a folder view. Refused: the marks LRM/RLM/ALM, the embeddings and
// overrides LRE/RLE/PDF/LRO/RLO, and the isolates LRI/RLI/FSI/PDI.
const bidiControl = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
// Characters Windows does not allow in a file name, and the folder separators of every system.
const forbiddenCharacter = /[\\/:*?"<>|]/;
// Device names Windows reserves whatever the extension ("NUL.xlsx" and "con .json" are the device):
// matched on the part before the first dot, with the trailing spaces Windows ignores.
const windowsReservedStem = /^(?:con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3])$/i;

/** The extension of a file name in lower case ('' when it has none). */
export function fileExtensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/**
 * Why `name` may not be offered as a file name to save under, in Chinese; null when it may. The rules
 * hold on every system the app runs on, so a name that passes is a plain file name on Windows too.
 */
export function fileNameProblem(name: string, extensions: readonly string[]): string | null {
  if (hasControlCharacter(name) || forbiddenCharacter.test(name) || name === '.' || name === '..') return '文件名含有不允许的字符';
  if (bidiControl.test(name)) return '文件名含有文字方向控制符';
  if (/[. ]$/u.test(name)) return '文件名不能以点或空格结尾';
  const stem = name.split('.')[0]!.replace(/ +$/u, '');
  if (windowsReservedStem.test(stem)) return `文件名“${stem}”是 Windows 保留的设备名`;
  if (stem === '') return '文件名不能只有扩展名';
  const extension = fileExtensionOf(name);
  if (!extensions.includes(extension)) return `文件类型只能是 ${extensions.map((e) => `.${e}`).join('、')}`;
  return null;
}

/** A file name the save dialog may suggest, ending in one of `extensions`. */
export function savedFileName(extensions: readonly string[]) {
  return z
    .string()
    .min(1)
    .max(200)
    .superRefine((name, context) => {
      const problem = fileNameProblem(name, extensions);
      if (problem !== null) context.addIssue({ code: 'custom', message: problem });
    });
}

/** What the save dialog offers: a name like `走访台账-2026-11.xlsx` and the file types to show. */
const saveFilter = z.object({
  name: z.string().min(1).max(100),
  // Checked, not typed as the union: screens pass filters built as plain string arrays.
  extensions: z
    .array(
      z.string().refine((extension) => (savedFileExtensions as readonly string[]).includes(extension), {
        message: `文件类型只能是 ${savedFileExtensions.map((e) => `.${e}`).join('、')}`,
      }),
    )
    .min(1)
    .max(savedFileExtensions.length),
});

// Automatic backups (electron/backups/): full data packages the renderer builds, kept by main in
// `<userData>/backups` under names that sort by time and that main recognises as its own, so it never
// reads or prunes anything else in that folder. The browser bridge offers each one as a download.

/** Why a backup was made: once a day on first open, before a schema upgrade, before a merge, before a restore, or on request. */
export const backupReasons = ['daily', 'upgrade', 'merge', 'restore', 'manual'] as const;
export type BackupReason = (typeof backupReasons)[number];

/** How many backups are kept (newest first); writing a fifteenth removes the oldest. */
export const backupKeepCount = 14;

/**
 * A backup's file name: `走访台账备份-20261203-153012-01-daily.vlpkg`, Asia/Shanghai date and time
 * to the second, then a counter so two backups in one second never share a name. Fixed widths, so
 * the names sort by time. Nothing else (no folder, no `..`) matches.
 */
export const backupFileNamePattern = /^走访台账备份-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{2})-(daily|upgrade|merge|restore|manual)\.vlpkg$/;

/** Counters run 01..99 within one second. */
export const backupMaxCounter = 99;

const shanghaiOffsetMs = 8 * 3_600_000; // China has no daylight saving time

/** The name of a backup made at `at` (second precision, Asia/Shanghai) with the given counter. */
export function backupFileName(at: Date, counter: number, reason: BackupReason): string {
  if (!Number.isInteger(counter) || counter < 1 || counter > backupMaxCounter) throw new RangeError(`backup counter ${counter}`);
  const local = new Date(at.getTime() + shanghaiOffsetMs).toISOString(); // 2026-12-03T15:30:12.000Z in Shanghai wall time
  const stamp = `${local.slice(0, 4)}${local.slice(5, 7)}${local.slice(8, 10)}-${local.slice(11, 13)}${local.slice(14, 16)}${local.slice(17, 19)}`;
  return `走访台账备份-${stamp}-${String(counter).padStart(2, '0')}-${reason}.vlpkg`;
}

export interface ParsedBackupName {
  /** The instant the name records, as an ISO string (UTC). */
  createdAt: string;
  /** The second it was made in, `YYYYMMDD-HHMMSS` (Asia/Shanghai), and its counter within that second. */
  stamp: string;
  counter: number;
  reason: BackupReason;
}

/** Read a backup's name; null for anything that is not exactly one of ours (a real date and time included). */
export function parseBackupFileName(fileName: string): ParsedBackupName | null {
  const match = backupFileNamePattern.exec(fileName);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, counter, reason] = match as unknown as [string, ...string[]];
  const wall = `${year}-${month}-${day}T${hour}:${minute}:${second}.000Z`;
  const instant = new Date(Date.parse(wall) - shanghaiOffsetMs);
  // Date.parse rolls 2026-02-30 over to March; only a date that reads back the same is real.
  if (Number.isNaN(instant.getTime()) || new Date(instant.getTime() + shanghaiOffsetMs).toISOString() !== wall) return null;
  if (Number(counter) < 1) return null;
  return {
    createdAt: instant.toISOString(),
    stamp: `${year}${month}${day}-${hour}${minute}${second}`,
    counter: Number(counter),
    reason: reason as BackupReason,
  };
}

/** Exactly one of our backup names: what `backupRead` accepts, so a page cannot name any other file. */
const backupFileNameArg = z
  .string()
  .max(100)
  .refine((name) => parseBackupFileName(name) !== null, '不是本应用的备份文件名');

const backupEntry = z.object({
  fileName: z.string(),
  /** Bytes on disk. */
  size: z.number().int().nonnegative(),
  /** ISO instant (UTC), from the name. */
  createdAt: z.string(),
  reason: z.enum(backupReasons),
});
export type BackupEntry = z.output<typeof backupEntry>;

/** The streaming export's id and the most rows one exportAppendRows call may carry. */
const MAX_EXPORT_ID = 64;
const MAX_APPEND_ROWS = 5000;

export const ipcContract = {
  /** Ask where to save, then write the bytes there atomically (temp file + rename). */
  saveFile: {
    args: z.object({ suggestedName: savedFileName(savedFileExtensions), filters: z.array(saveFilter).max(5), data: bytes }),
    result: z.object({ saved: z.boolean(), fileName: z.string().optional() }),
  },
  /** Ask for a file to open and return its bytes (null when the user cancels). */
  openFile: {
    args: z.object({ filters: z.array(fileFilter).max(5), maxBytes: z.number().int().positive().max(maxBridgeBytes) }),
    result: z.object({ fileName: z.string(), data: bytes }).nullable(),
  },
  // Streaming workbook export (reports): ask where to save, then sheets one at a time, rows in chunks,
  // so a 200k-row ledger never sits whole in either process. Written to a temp file beside the
  // target; exportFinish renames it into place, exportAbort (or any failure) deletes it.
  /** Show the save dialog and open the workbook; null when the user cancels. */
  exportBegin: {
    args: z.object({ suggestedName: savedFileName(exportFileExtensions) }),
    result: z.object({ exportId: z.string(), fileName: z.string() }).nullable(),
  },
  /** Start the next sheet (the previous one must be committed). */
  exportAddSheet: {
    args: z.object({ exportId: z.string().min(1).max(64), sheet: sheetSpecSchema }),
    result: z.object({}),
  },
  /** Append rows to the open sheet; answers how many data rows it holds so far. */
  exportAppendRows: {
    args: z.object({ exportId: z.string().min(1).max(MAX_EXPORT_ID), rows: z.array(sheetRowSchema).max(MAX_APPEND_ROWS) }),
    result: z.object({ rows: z.number().int().nonnegative() }),
  },
  /** Write the sheet's 合计 (or 暂无数据) row and flush it to the file. */
  exportCommitSheet: {
    args: z.object({ exportId: z.string().min(1).max(64) }),
    result: z.object({ rows: z.number().int().nonnegative() }),
  },
  /** Finish the workbook and move it under the chosen name. */
  exportFinish: {
    args: z.object({ exportId: z.string().min(1).max(64) }),
    result: z.object({ saved: z.boolean(), fileName: z.string().optional() }),
  },
  /** Drop the export: nothing is left under the chosen name. */
  exportAbort: {
    args: z.object({ exportId: z.string().min(1).max(64) }),
    result: z.object({}),
  },
  // Backups. Each travels whole, so one over maxBridgeBytes can be neither written nor read back. The
  // cap is not raised for them: Electron serialises an IPC message into one buffer, and near 512 MB
  // (2^29 bytes) that is where it gives out; a ledger whose photos outgrow it needs a chunked
  // backupBegin/Append/Finish like the streaming export, not a bigger cap.
  /** Store a backup (atomically) and prune to the newest backupKeepCount; answers what was stored. */
  backupWrite: {
    args: z.object({
      reason: z.enum(backupReasons),
      data: bytes.refine((value) => value.byteLength > 0, '备份内容为空'),
    }),
    result: backupEntry,
  },
  /** The backups kept, newest first. */
  backupList: {
    args: z.object({}),
    result: z.array(backupEntry),
  },
  /** One backup's bytes, by its name as backupList gave it (nothing else is readable). */
  backupRead: {
    args: z.object({ fileName: backupFileNameArg }),
    result: z.object({ fileName: z.string(), data: bytes }),
  },
  /**
   * What the start-up check needs: `automatic` says whether this shell keeps backups itself (desktop)
   * or only offers downloads (browser); `today` is the Asia/Shanghai date; `dailyDoneToday` whether
   * today's daily backup exists; `latest` the newest backup of any reason (for 上次备份 and the reminder).
   */
  backupStatus: {
    args: z.object({}),
    result: z.object({
      automatic: z.boolean(),
      today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      dailyDoneToday: z.boolean(),
      latest: backupEntry.nullable(),
    }),
  },
  /**
   * One call to the bureau hub (同步: enrol, push or pull; shared/sync/hubTransport.ts). The main
   * process sends it: the page's Content-Security-Policy lets the renderer reach no other origin.
   */
  hubRequest: {
    args: hubRequestSchema,
    result: hubResponseSchema,
  },
} as const;

export type IpcContract = typeof ipcContract;
export type IpcMethod = keyof IpcContract;
export type IpcArgs<M extends IpcMethod> = z.input<IpcContract[M]['args']>;
export type IpcResult<M extends IpcMethod> = z.output<IpcContract[M]['result']>;

/** The bridge the renderer sees as `window.api`: one async method per capability. */
export type LedgerApi = { [M in IpcMethod]: (args: IpcArgs<M>) => Promise<IpcResult<M>> };

/** The channel name a method travels on; main accepts no other. */
export const ipcChannel = (method: IpcMethod): string => `ledger:${method}`;

/** Field names as a user reads them, for the messages of rejected calls. */
const ipcFieldLabels: Record<string, string> = {
  suggestedName: '文件名',
  filters: '文件类型',
  extensions: '扩展名',
  name: '名称',
  data: '文件内容',
  maxBytes: '大小上限',
  reason: '备份原因',
  fileName: '文件名',
  hubUrl: '同步服务器地址',
  path: '同步请求',
  body: '同步数据',
};

export type IpcArgsCheck<M extends IpcMethod> =
  | { ok: true; args: z.output<IpcContract[M]['args']> }
  | { ok: false; message: string };

/**
 * Parse a call's arguments against the contract, with Chinese messages that name the field, e.g.
 * `参数无效：文件名（suggestedName）：文件名含有不允许的字符`. Main and the browser bridge both use this.
 */
export function checkIpcArgs<M extends IpcMethod>(method: M, payload: unknown): IpcArgsCheck<M> {
  if (method === 'exportAppendRows') {
    const args = plainAppendRowsArgs(payload);
    if (args) return { ok: true, args: args as z.output<IpcContract[M]['args']> };
  }
  const schema: z.ZodType = ipcContract[method].args;
  const parsed = schema.safeParse(payload, { error: zhCN.localeError });
  if (parsed.success) return { ok: true, args: parsed.data as z.output<IpcContract[M]['args']> };
  return { ok: false, message: describeIssues(parsed.error.issues) };
}

/**
 * exportAppendRows, the one call a big export makes hundreds of times, checked by hand: what its
 * schema would answer when the payload is valid (a copy with only its fields), undefined otherwise,
 * and then zod parses it for the message. contract.test.ts holds the two to the same answers.
 */
function plainAppendRowsArgs(payload: unknown): z.output<IpcContract['exportAppendRows']['args']> | undefined {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return undefined;
  const { exportId, rows } = payload as { exportId?: unknown; rows?: unknown };
  if (typeof exportId !== 'string' || exportId.length < 1 || exportId.length > MAX_EXPORT_ID) return undefined;
  const checked = plainSheetRows(rows, MAX_APPEND_ROWS);
  return checked && { exportId, rows: checked };
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const parts = issues.slice(0, 3).map((issue) => {
    const path = issue.path.map(String);
    const field = path.filter((key) => !/^\d+$/.test(key)).at(-1);
    const where = field === undefined ? '参数' : `${ipcFieldLabels[field] ?? field}（${path.join('.')}）`;
    return `${where}：${issue.message}`;
  });
  return `参数无效：${parts.join('；')}`;
}
