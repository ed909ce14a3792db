// `npm run web` as a user meets it: the script prints the address, and the server hands out the built
// app with the CSP and the right MIME types, and nothing outside the build folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../shared/appContent';

let base: string;
let server: ChildProcess;
let address: URL;
let printed = '';

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'start-web-'));
  const built = path.join(base, 'renderer');
  await mkdir(path.join(built, 'assets'), { recursive: true });
  await writeFile(path.join(built, 'index.html'), '<!doctype html><title>企业走访台账</title>');
  await writeFile(path.join(built, 'assets', 'index-1.js'), 'export {}');
  await writeFile(path.join(built, 'assets', 'index-1.css'), 'body{}');
  await writeFile(path.join(base, 'secret.txt'), 'do not serve');

  // The script runs under tsx as `npm run web` runs it; the loader is imported into this one process so
  // that the SIGTERM below reaches the server itself.
  const script = path.resolve(__dirname, '../../scripts/start.ts');
  server = spawn(process.execPath, ['--import', 'tsx', script, '--web', '--dir', built, '--port', '0'], {
    cwd: path.resolve(__dirname, '../..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  address = await new Promise<URL>((resolve, reject) => {
    server.stdout?.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(printed);
      if (match) resolve(new URL(match[0]));
    });
    server.on('exit', (code) => reject(new Error(`start.ts exited early (${code}): ${printed}`)));
  });
}, 30_000);

afterAll(async () => {
  server?.kill('SIGTERM');
  await rm(base, { recursive: true, force: true });
});

/** A raw GET, so paths like /..%2f reach the server exactly as written. */
function get(rawPath: string, method = 'GET') {
  return new Promise<{ status: number; type: string | undefined; csp: string | undefined; body: string }>((resolve, reject) => {
    const request = http.request({ host: address.hostname, port: address.port, path: rawPath, method }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          type: response.headers['content-type'],
          csp: response.headers['content-security-policy'] as string | undefined,
          body,
        }),
      );
    });
    request.on('error', reject);
    request.end();
  });
}

describe('npm run web', () => {
  it('prints the address in Chinese and English', () => {
    expect(printed).toContain('企业走访台账已在浏览器版运行');
    expect(printed).toContain('Visit Ledger (browser version) is running at');
  });

  it('serves the app with the same CSP as the desktop app and the right MIME types', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('企业走访台账');
    expect(page.type).toBe('text/html; charset=utf-8');
    expect(page.csp).toBe(contentSecurityPolicy);
    expect((await get('/assets/index-1.js')).type).toBe('text/javascript; charset=utf-8');
    expect((await get('/assets/index-1.css')).type).toBe('text/css; charset=utf-8');
  });

  it.each(['/../secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%2e%2e/secret.txt'])(
    'never serves a file outside the build folder: %s',
    async (rawPath) => {
      const response = await get(rawPath);
      expect([403, 404]).toContain(response.status);
      expect(response.body).not.toContain('do not serve');
    },
  );

  it('answers only GET and HEAD', async () => {
    expect((await get('/', 'POST')).status).toBe(405);
    expect((await get('/', 'HEAD')).status).toBe(200);
  });
});
