// The one contract between renderer and main: every bridge method, its argument and its result, as
// zod schemas. Main registers a handler for every entry (a missing one does not compile) and parses
// every payload it receives; the preload and the browser bridge both implement `LedgerApi`.
import { z } from 'zod';

const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, '文件内容必须是字节数组');

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
    args: z.object({ filters: z.array(fileFilter).max(5), maxBytes: z.number().int().positive().max(512 * 1024 * 1024) }),
    result: z.object({ fileName: z.string(), data: bytes }).nullable(),
  },
  /** Which shell the renderer runs in, for the about box and for wording ("下载" vs "保存"). */
  appInfo: {
    args: z.object({}),
    result: z.object({ shell: z.enum(['electron', 'browser']), version: z.string(), platform: z.string() }),
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
