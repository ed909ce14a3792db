import { describe, expect, it, vi } from 'vitest';
import {
  guardNavigation,
  guardSession,
  guardWebContents,
  isAllowedRequestUrl,
  isAppUrl,
  type GuardedContents,
  type GuardedSession,
} from '../../electron/security';

/** A stand-in WebContents that records listeners so a test can fire the events Electron would. */
function fakeContents() {
  const listeners = new Map<string, (...args: never[]) => void>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  const contents = {
    on(event: string, listener: (...args: never[]) => void) {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
      openHandler = handler;
    },
  } as unknown as GuardedContents;
  const fire = (event: string, ...args: unknown[]) => {
    const listener = listeners.get(event) as ((...a: unknown[]) => void) | undefined;
    if (!listener) throw new Error(`no listener for ${event}`);
    listener(...args);
  };
  return { contents, fire, openWindow: (url: string) => openHandler?.({ url }) };
}

const preventable = () => ({ preventDefault: vi.fn() });

describe('isAppUrl', () => {
  it('accepts only our own app:// host', () => {
    expect(isAppUrl('app://ledger/index.html')).toBe(true);
    expect(isAppUrl('app://ledger/index.html#/enterprises/12')).toBe(true);
    expect(isAppUrl('APP://LEDGER/index.html')).toBe(true);
  });

  it.each([
    ['another host', 'app://evil/index.html'],
    ['a host that merely starts like ours', 'app://ledger.evil.example/'],
    ['credentials smuggled before the host', 'app://ledger@evil/index.html'],
    ['https', 'https://ledger/index.html'],
    ['an https page that mentions app://ledger', 'https://evil.example/?next=app://ledger/'],
    ['file://', 'file:///etc/passwd'],
    ['javascript:', 'javascript:alert(1)'],
    ['garbage', 'not a url'],
    ['empty', ''],
  ])('refuses %s', (_label, url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it.each([undefined, null, 42, {}, ['app://ledger/'], new URL('app://ledger/')])('refuses the non-string %s', (value) => {
    expect(isAppUrl(value)).toBe(false);
  });
});

describe('navigation guards', () => {
  it('lets in-app navigation through and stops everything else', () => {
    const stay = preventable();
    guardNavigation(stay, 'app://ledger/index.html#/visits/new');
    expect(stay.preventDefault).not.toHaveBeenCalled();

    const leave = preventable();
    guardNavigation(leave, 'https://example.com/phish');
    expect(leave.preventDefault).toHaveBeenCalledOnce();
  });

  it('stops navigations, redirects and sub-frame navigations away from the app', () => {
    const { contents, fire } = fakeContents();
    guardWebContents(contents);

    const navigate = preventable();
    fire('will-navigate', navigate, 'https://example.com/');
    expect(navigate.preventDefault).toHaveBeenCalledOnce();

    const redirect = preventable();
    fire('will-redirect', redirect, 'http://127.0.0.1:8080/');
    expect(redirect.preventDefault).toHaveBeenCalledOnce();

    const frame = { ...preventable(), url: 'file:///home/user/.ssh/id_rsa' };
    fire('will-frame-navigate', frame);
    expect(frame.preventDefault).toHaveBeenCalledOnce();

    const inApp = preventable();
    fire('will-navigate', inApp, 'app://ledger/index.html#/settings');
    expect(inApp.preventDefault).not.toHaveBeenCalled();
  });

  it('refuses every <webview> and every new window, even for our own pages', () => {
    const { contents, fire, openWindow } = fakeContents();
    guardWebContents(contents);

    const attach = preventable();
    fire('will-attach-webview', attach, {}, { src: 'app://ledger/index.html' });
    expect(attach.preventDefault).toHaveBeenCalledOnce();

    expect(openWindow('https://example.com/')).toEqual({ action: 'deny' });
    expect(openWindow('app://ledger/index.html')).toEqual({ action: 'deny' });
  });
});

describe('session guards', () => {
  function fakeSession() {
    const calls = {} as {
      request?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
      check?: (contents: unknown, permission: string) => boolean;
      device?: () => boolean;
      beforeRequest?: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;
    };
    const session: GuardedSession = {
      setPermissionRequestHandler: (handler) => void (calls.request = handler),
      setPermissionCheckHandler: (handler) => void (calls.check = handler),
      setDevicePermissionHandler: (handler) => void (calls.device = handler),
      webRequest: { onBeforeRequest: (listener) => void (calls.beforeRequest = listener) },
    };
    guardSession(session);
    return calls;
  }

  it('denies every permission request and check', () => {
    const calls = fakeSession();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      calls.request?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(calls.check?.({}, permission)).toBe(false);
    }
    expect(calls.device?.()).toBe(false);
  });

  it('grants persistent storage alone, so the ledger is never evicted under disk pressure', () => {
    const calls = fakeSession();
    const callback = vi.fn();
    calls.request?.({}, 'persistent-storage', callback);
    expect(callback).toHaveBeenCalledWith(true);
    expect(calls.check?.({}, 'persistent-storage')).toBe(true);
  });

  it('cancels requests to anything but our files and in-memory images', () => {
    const calls = fakeSession();
    const cancelled = (url: string) => {
      let decision: boolean | undefined;
      calls.beforeRequest?.({ url }, (response) => (decision = response.cancel));
      return decision;
    };
    expect(cancelled('app://ledger/assets/index.js')).toBe(false);
    expect(cancelled('blob:app://ledger/5f0c1d9e-0000-4000-8000-000000000000')).toBe(false);
    expect(cancelled('data:image/png;base64,iVBORw0KGgo=')).toBe(false);
    expect(cancelled('https://cdn.example.com/tracker.js')).toBe(true);
    expect(cancelled('http://127.0.0.1:5180/')).toBe(true);
    expect(cancelled('ws://127.0.0.1:9222/')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
    expect(cancelled('blob:https://evil.example/1234')).toBe(true);
  });

  it('classifies request URLs without trusting substrings', () => {
    expect(isAllowedRequestUrl('https://evil.example/app://ledger/')).toBe(false);
    expect(isAllowedRequestUrl(undefined)).toBe(false);
  });
});
