// The preload's whole job: expose ONE object, window.api, whose methods each invoke the contract
// channel of the same name. No ipcRenderer, no Node, nothing else reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannel, ipcContract, type IpcMethod, type LedgerApi } from '../shared/ipc';

/** Electron prefixes rejected invokes with "Error invoking remote method '…': <name>: "; users need only the reason. */
function withPlainMessage(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(message.replace(/^Error invoking remote method '[^']*': (?:[A-Za-z]*(?:Error|Refusal): )?/, ''));
}

function invoker<M extends IpcMethod>(method: M): LedgerApi[M] {
  const call = (args: unknown) => ipcRenderer.invoke(ipcChannel(method), args).catch((error: unknown) => Promise.reject(withPlainMessage(error)));
  return call as LedgerApi[M];
}

/** One entry per contract method, derived from the contract so a new method needs no edit here. */
function buildApi(): { [M in IpcMethod]: LedgerApi[M] } {
  const entries = (Object.keys(ipcContract) as IpcMethod[]).map((method) => [method, invoker(method)] as const);
  return Object.fromEntries(entries) as { [M in IpcMethod]: LedgerApi[M] };
}

const api = buildApi() satisfies LedgerApi;

contextBridge.exposeInMainWorld('api', api);
