// 同步 in the desktop app: the renderer's calls to the bureau hub, sent from the main process with
// Node's fetch (the page's CSP lets the renderer reach no other origin). The contract has already
// checked the request (shared/sync/hubTransport.ts: http(s) hub address, the three laptop calls only).
// An unreachable hub is answered as the browser version's local proxy answers it — 502 with the
// Chinese message — because an error thrown here reaches the renderer as a plain Error, without the
// class that tells "offline, wait" from a refusal.
import type { IpcHandlers } from '../ipcRegistry';
import { HubUnreachableError, sendHubRequest } from '../../shared/sync/hubTransport';

export function createHubHandlers(deps: { fetch: typeof fetch }): Pick<IpcHandlers, 'hubRequest'> {
  return {
    hubRequest: async (request) => {
      try {
        return await sendHubRequest(deps.fetch, request);
      } catch (error) {
        if (error instanceof HubUnreachableError) return { status: 502, body: JSON.stringify({ error: error.message }) };
        throw error;
      }
    },
  };
}
