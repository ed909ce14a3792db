// How the app reaches the bureau hub: one request shape for the three calls a laptop makes (enrol,
// push, pull), sent by the main process in the desktop app (the page's CSP allows no other origin)
// and, in the browser version, by the local server that serves the page. Both send it with
// `sendHubRequest`, given their own fetch. Pure apart from the fetch it is handed.
import { z } from 'zod';

/** The hub calls a laptop may make, and nothing else (the administration pages stay the administrator's). */
export const hubRequestPath = /^\/api\/(?:enrol|push|pull(?:\?since=\d{1,15}(?:&limit=\d{1,5})?)?)$/;

/** The hub's address as 设置 takes it: http(s), a host, an optional port and nothing after. */
export const hubUrlSchema = z
  .string()
  .trim()
  .max(200, '同步服务器地址过长')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '' && (url.pathname === '/' || url.pathname === '') && !url.search && !url.hash;
    } catch {
      return false;
    }
  }, '同步服务器地址应为 https://主机名:端口 的形式');

export const hubRequestSchema = z.object({
  hubUrl: hubUrlSchema,
  method: z.enum(['GET', 'POST']),
  path: z.string().regex(hubRequestPath, '不允许的同步请求'),
  token: z.string().max(200).optional(),
  /** JSON text; a push is bounded by the hub's own limit (32 MB). */
  body: z.string().max(32 * 1024 * 1024, '一次上传的数据过大').optional(),
});
export type HubRequest = z.infer<typeof hubRequestSchema>;

export const hubResponseSchema = z.object({ status: z.number().int(), body: z.string() });
export type HubResponse = z.infer<typeof hubResponseSchema>;

/** What a laptop is told when the hub cannot be reached (offline, wrong address, certificate). */
export class HubUnreachableError extends Error {
  constructor(
    readonly hubUrl: string,
    /** What the network layer said (English, for the log; the message is the officer's). */
    readonly detail: unknown,
  ) {
    const timedOut = detail instanceof Error && (detail.name === 'TimeoutError' || detail.name === 'AbortError');
    super(`无法连接同步服务器 ${hubUrl}（${timedOut ? '连接超时' : '网络不通或服务器未开启'}）。请检查服务器地址和本机网络，仍不行请联系管理员。`);
    this.name = 'HubUnreachableError';
  }
}

/** The browser version's local server forwards `<prefix>/api/…` to the hub its header names. */
export const hubProxyPrefix = '/__hub';
export const hubProxyHeader = 'x-visit-ledger-hub';

/**
 * Sends one request to the hub and answers its status and body text; unreachable → HubUnreachableError
 * (naming `shownUrl`, the hub's own address, when the request goes through the local proxy).
 */
export async function sendHubRequest(fetchFn: typeof fetch, request: HubRequest, timeoutMs = 60_000, shownUrl = request.hubUrl): Promise<HubResponse> {
  const base = new URL(request.hubUrl);
  const url = new URL(request.path, base);
  if (url.origin !== base.origin) throw new Error('不允许的同步请求');
  let response: Response;
  try {
    response = await fetchFn(url, {
      method: request.method,
      headers: { 'content-type': 'application/json', ...(request.token ? { authorization: `Bearer ${request.token}` } : {}) },
      body: request.method === 'POST' ? (request.body ?? '{}') : undefined,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new HubUnreachableError(shownUrl, error);
  }
  return { status: response.status, body: await response.text() };
}
