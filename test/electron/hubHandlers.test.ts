// The desktop app's hubRequest: the hub's answer passed on as it came, and an unreachable hub answered
// as 502 with the Chinese message (a thrown error would reach the renderer without its class, and 同步
// could not tell "offline, wait" from a refusal).
import { describe, expect, it } from 'vitest';
import { createHubHandlers } from '../../electron/hub/hubHandlers';

const request = { hubUrl: 'https://hub.local:8787', method: 'GET' as const, path: '/api/pull?since=0' };

describe('hubRequest in the main process', () => {
  it('passes the hub’s answer on', async () => {
    const handlers = createHubHandlers({ fetch: (async () => new Response('{"changes":[]}', { status: 200 })) as unknown as typeof fetch });
    expect(await handlers.hubRequest(request)).toEqual({ status: 200, body: '{"changes":[]}' });
  });

  it('answers an unreachable hub as 502 with the Chinese message', async () => {
    const handlers = createHubHandlers({
      fetch: (async () => {
        throw new TypeError('fetch failed');
      }) as unknown as typeof fetch,
    });
    const answer = await handlers.hubRequest(request);
    expect(answer.status).toBe(502);
    expect(JSON.parse(answer.body)).toEqual({ error: '无法连接同步服务器 https://hub.local:8787（网络不通或服务器未开启）。请检查服务器地址和本机网络，仍不行请联系管理员。' });
  });
});
