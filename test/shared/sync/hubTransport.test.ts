// The one request shape for the hub: only the three calls a laptop makes, to the hub's own origin,
// with the token as a bearer; an unreachable hub is named in Chinese. The contract refuses anything
// else before a request leaves the page (the desktop app's main process and the browser proxy both
// send through sendHubRequest).
import { describe, expect, it } from 'vitest';
import { checkIpcArgs } from '../../../shared/ipc';
import { HubUnreachableError, sendHubRequest } from '../../../shared/sync/hubTransport';

describe('hubRequest', () => {
  it('takes the three laptop calls to an http(s) hub and nothing else', () => {
    const ok = (args: object) => checkIpcArgs('hubRequest', { hubUrl: 'https://hub.swj.local:8787', method: 'GET', ...args }).ok;
    expect(ok({ path: '/api/pull?since=120&limit=500' })).toBe(true);
    expect(ok({ path: '/api/push', method: 'POST', body: '{"records":[]}' })).toBe(true);
    expect(ok({ path: '/api/enrol', method: 'POST' })).toBe(true);
    expect(ok({ path: '/api/admin/overview' })).toBe(false);
    expect(ok({ path: '/api/pull?since=1&x=http://evil' })).toBe(false);
    expect(ok({ path: '//evil.example/api/pull' })).toBe(false);
    expect(ok({ path: '/api/pull', hubUrl: 'file:///etc/passwd' })).toBe(false);
    expect(ok({ path: '/api/pull', hubUrl: 'https://user:pw@hub.local' })).toBe(false);
    expect(checkIpcArgs('hubRequest', { hubUrl: 'hub.local', method: 'GET', path: '/api/pull' })).toEqual({
      ok: false,
      message: '参数无效：同步服务器地址（hubUrl）：同步服务器地址应为 https://主机名:端口 的形式',
    });
  });

  it('sends the token as a bearer to the hub’s own origin and answers status and body', async () => {
    const seen: { url: string; init?: RequestInit }[] = [];
    const fakeFetch = (async (url: URL | RequestInfo, init?: RequestInit) => {
      seen.push({ url: String(url), init });
      return new Response('{"ok":true}', { status: 200 });
    }) as typeof fetch;
    const answer = await sendHubRequest(fakeFetch, { hubUrl: 'https://hub.local:8787', method: 'POST', path: '/api/push', token: 'tok', body: '{"records":[]}' });
    expect(answer).toEqual({ status: 200, body: '{"ok":true}' });
    expect(seen[0]!.url).toBe('https://hub.local:8787/api/push');
    expect((seen[0]!.init!.headers as Record<string, string>).authorization).toBe('Bearer tok');
  });

  it('names the hub it could not reach', async () => {
    const offline = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    const error = await sendHubRequest(offline, { hubUrl: 'https://hub.local:8787', method: 'GET', path: '/api/pull?since=0' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubUnreachableError);
    // In Chinese, with what to do; the network layer's English stays out of it.
    expect((error as Error).message).toBe('无法连接同步服务器 https://hub.local:8787（网络不通或服务器未开启）。请检查服务器地址和本机网络，仍不行请联系管理员。');
  });
});
