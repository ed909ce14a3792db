// Registers every method of the IPC contract (shared/ipc.ts) on its own channel. Each call is checked
// at the door: the sender must be our window's main frame showing an app:// page, and the payload must
// parse against the method's zod schema; otherwise the call is refused and the handler never runs.
// No Electron import here: ipcMain and the sender check are parameters, so this is tested under Node.
import type { z } from 'zod';
import { checkIpcArgs, ipcChannel, ipcContract, type IpcContract, type IpcMethod, type IpcResult } from '../shared/ipc';

/** One handler per contract method; leaving one out is a type error where the map is built. */
export type IpcHandlers = {
  [M in IpcMethod]: (args: z.output<IpcContract[M]['args']>) => Promise<IpcResult<M>>;
};

/** The frame an IPC call came from, as Electron's `event.senderFrame` describes it. */
export interface SenderFrame {
  readonly url: string;
}

/** The part of an `IpcMainInvokeEvent` the registry reads. */
export interface InvokeEvent {
  readonly senderFrame: SenderFrame | null;
}

/** The part of Electron's `ipcMain` the registry uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
}

export interface DispatcherOptions {
  handlers: IpcHandlers;
  /** True when the frame is the main frame of our own window (main.ts compares with the window's). */
  isTrustedSender: (frame: SenderFrame | null) => boolean;
  /** Also check what handlers return against the contract (on when not packaged). */
  validateResults: boolean;
}

/** Refusals carry a Chinese message; Electron passes `message` on to the renderer's rejected promise. */
export class IpcRefusal extends Error {
  override readonly name = 'IpcRefusal';
}

const methodByChannel: ReadonlyMap<string, IpcMethod> = new Map(
  (Object.keys(ipcContract) as IpcMethod[]).map((method) => [ipcChannel(method), method]),
);

/** Every channel the contract defines, in contract order. */
export const contractChannels: readonly string[] = [...methodByChannel.keys()];

/**
 * The pure door: given the channel, the sender and the raw payload, refuse or run the handler.
 * Returns the handler's result; throws IpcRefusal for anything it will not run.
 */
export function createIpcDispatcher(options: DispatcherOptions) {
  return async function dispatch(channel: unknown, event: InvokeEvent, payload: unknown): Promise<unknown> {
    const method = typeof channel === 'string' ? methodByChannel.get(channel) : undefined;
    if (method === undefined) throw new IpcRefusal(`未知的调用通道：${String(channel).slice(0, 80)}`);
    if (!options.isTrustedSender(event.senderFrame)) throw new IpcRefusal('拒绝来自非本应用页面的调用');
    const checked = checkIpcArgs(method, payload);
    if (!checked.ok) throw new IpcRefusal(checked.message);
    const handler = options.handlers[method] as (args: unknown) => Promise<unknown>;
    const result = await handler(checked.args);
    if (options.validateResults) {
      const schema: z.ZodType = ipcContract[method].result;
      const parsedResult = schema.safeParse(result);
      if (!parsedResult.success) throw new Error(`主进程返回值不符合约定（${method}）：${parsedResult.error.message}`);
    }
    return result;
  };
}

/** Register one ipcMain.handle per contract method, each through the dispatcher. */
export function registerIpcHandlers(ipcMain: IpcMainLike, options: DispatcherOptions): void {
  const dispatch = createIpcDispatcher(options);
  for (const channel of contractChannels) {
    // A second argument or none at all is as wrong as a bad one: the contract sends exactly one.
    ipcMain.handle(channel, (event, ...args) =>
      args.length === 1 ? dispatch(channel, event, args[0]) : Promise.reject(new IpcRefusal('参数无效：调用应只带一个参数对象')),
    );
  }
}
