import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, resolveAppFile, serveAppRequest } from '../../electron/appProtocol';

let base: string;
let rendererDir: string;

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'app-protocol-'));
  rendererDir = path.join(base, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>企业走访台账</title>');
  await writeFile(path.join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(path.join(rendererDir, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(path.join(rendererDir, 'assets', 'logo.svg'), '<svg/>');
  await writeFile(path.join(rendererDir, 'assets', '说明 文档.txt'), '中文名');
  // A secret right next to the build folder, and one whose name starts like it.
  await writeFile(path.join(base, 'secret.txt'), 'do not serve');
  await mkdir(path.join(base, 'renderer-evil'));
  await writeFile(path.join(base, 'renderer-evil', 'x.js'), 'evil');
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => serveAppRequest(rendererDir, new Request(url, { method }));

describe('app:// protocol', () => {
  it('serves the entry page for "/" and by name, with the CSP header', async () => {
    for (const url of ['app://ledger/', 'app://ledger/index.html']) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
      expect(await response.text()).toContain('企业走访台账');
    }
  });

  it('sends each asset with its own MIME type, so module scripts and styles load', async () => {
    expect((await get('app://ledger/assets/index-abc.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('app://ledger/assets/index-abc.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await get('app://ledger/assets/logo.svg')).headers.get('content-type')).toBe('image/svg+xml');
    const chinese = await get(`app://ledger/assets/${encodeURIComponent('说明 文档.txt')}`);
    expect(await chinese.text()).toBe('中文名');
  });

  it.each([
    // The URL parser already folds %2e%2e like "..", so this one stays inside and finds nothing.
    ['an encoded climb out of the folder', 'app://ledger/%2e%2e/secret.txt', 404],
    ['an encoded slash climb', 'app://ledger/assets%2f..%2f..%2fsecret.txt', 403],
    ['a backslash climb', 'app://ledger/..%5csecret.txt', 403],
    ['a sibling folder with a similar name', 'app://ledger/..%5crenderer-evil%5cx.js', 403],
    ['another host', 'app://evil/index.html', 404],
    ['a missing file', 'app://ledger/nope.js', 404],
    ['a folder', 'app://ledger/assets', 404],
    ['a NUL byte', 'app://ledger/index.html%00.js', 400],
    ['a broken escape', 'app://ledger/%E0%A4%A', 400],
  ])('refuses %s', async (_label, url, status) => {
    const response = await get(url);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(await response.text()).not.toContain('do not serve');
  });

  it('answers only GET', async () => {
    expect((await get('app://ledger/index.html', 'POST')).status).toBe(405);
    expect((await get('app://ledger/index.html', 'PUT')).status).toBe(405);
  });

  it('keeps plain dot segments inside the folder', () => {
    const lookup = resolveAppFile(rendererDir, 'GET', 'app://ledger/assets/../index.html');
    expect(lookup).toEqual({ ok: true, filePath: path.join(rendererDir, 'index.html') });
    expect(resolveAppFile(rendererDir, 'GET', 12)).toEqual({ ok: false, status: 400 });
  });

  it('has a CSP that allows only our own scripts and no remote content', () => {
    const directives = new Map(contentSecurityPolicy.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(contentSecurityPolicy).not.toMatch(/https?:|\*|unsafe-eval/);
  });
});
