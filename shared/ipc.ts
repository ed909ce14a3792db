// The one contract between renderer and main: every bridge method, its argument and its result, as
// zod schemas. Main registers a handler for every entry (a missing one does not compile) and parses
// every payload it receives; the preload and the browser bridge both implement `LedgerApi`.
import { z } from 'zod';
import { sheetRowSchema, sheetSpecSchema } from './reports/sheetSpec';

const zhCN = z.locales.zhCN();

/** The largest file that crosses the bridge in one piece; bigger exports stream in the main process. */
export const maxBridgeBytes = 512 * 1024 * 1024;

const bytes = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array, '文件内容必须是字节数组')
  .refine((value) => value.byteLength <= maxBridgeBytes, `文件超过 ${maxBridgeBytes / 1048576} MB 上限`);

/** What the save dialog offers: a name like `走访台账-2026-11.xlsx` and the file types to show. */
const fileFilter = z.object({
  name: z.string().min(1).max(100),
  extensions: z.array(z.string().regex(/^[a-z0-9]{1,8}$/)).min(1).max(10),
});

/** A file name a user could see in a dialog: no folders, nothing that climbs out of one. */
export const plainFileName = z
  .string()
  .min(1)
  .max(200)
  .refine(
    (name) => !/[\\/:*?"<>|]/.test(name) && ![...name].some((c) => c.charCodeAt(0) < 32) && name !== '.' && name !== '..',
    '文件名含有不允许的字符',
  );

export const ipcContract = {
  /** Ask where to save, then write the bytes there atomically (temp file + rename). */
  saveFile: {
    args: z.object({ suggestedName: plainFileName, filters: z.array(fileFilter).max(5), data: bytes }),
    result: z.object({ saved: z.boolean(), fileName: z.string().optional() }),
  },
  /** Ask for a file to open and return its bytes (null when the user cancels). */
  openFile: {
    args: z.object({ filters: z.array(fileFilter).max(5), maxBytes: z.number().int().positive().max(maxBridgeBytes) }),
    result: z.object({ fileName: z.string(), data: bytes }).nullable(),
  },
  /** Which shell the renderer runs in, for the about box and for wording ("下载" vs "保存"). */
  appInfo: {
    args: z.object({}),
    result: z.object({ shell: z.enum(['electron', 'browser']), version: z.string(), platform: z.string() }),
  },
  // Streaming workbook export (reports): ask where to save, then sheets one at a time, rows in chunks,
  // so a 200k-row ledger never sits whole in either process. Written to a temp file beside the
  // target; exportFinish renames it into place, exportAbort (or any failure) deletes it.
  /** Show the save dialog and open the workbook; null when the user cancels. */
  exportBegin: {
    args: z.object({ suggestedName: plainFileName }),
    result: z.object({ exportId: z.string(), fileName: z.string() }).nullable(),
  },
  /** Start the next sheet (the previous one must be committed). */
  exportAddSheet: {
    args: z.object({ exportId: z.string().min(1).max(64), sheet: sheetSpecSchema }),
    result: z.object({}),
  },
  /** Append rows to the open sheet; answers how many data rows it holds so far. */
  exportAppendRows: {
    args: z.object({ exportId: z.string().min(1).max(64), rows: z.array(sheetRowSchema).max(5000) }),
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
};

export type IpcArgsCheck<M extends IpcMethod> =
  | { ok: true; args: z.output<IpcContract[M]['args']> }
  | { ok: false; message: string };

/**
 * Parse a call's arguments against the contract, with Chinese messages that name the field, e.g.
 * `参数无效：文件名（suggestedName）：文件名含有不允许的字符`. Main and the browser bridge both use this.
 */
export function checkIpcArgs<M extends IpcMethod>(method: M, payload: unknown): IpcArgsCheck<M> {
  const schema: z.ZodType = ipcContract[method].args;
  const parsed = schema.safeParse(payload, { error: zhCN.localeError });
  if (parsed.success) return { ok: true, args: parsed.data as z.output<IpcContract[M]['args']> };
  return { ok: false, message: describeIssues(parsed.error.issues) };
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
