// 同步 in the desktop app: the renderer's calls to the bureau hub, sent from the main process with
// Node's fetch (the page's CSP lets the renderer reach no other origin). The contract has already
// checked the request (shared/sync/hubTransport.ts: http(s) hub address, the three laptop calls only).
import type { IpcHandlers } from '../ipcRegistry';
import { sendHubRequest } from '../../shared/sync/hubTransport';

export function createHubHandlers(deps: { fetch: typeof fetch }): Pick<IpcHandlers, 'hubRequest'> {
  return {
    hubRequest: (request) => sendHubRequest(deps.fetch, request),
  };
}
