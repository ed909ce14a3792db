// The browser version's port (scripts/lib/webPort.ts, scripts/lib/staticServer.ts, scripts/start.ts):
// another port is another origin with an empty database, so a busy port stops `npm run web` with a
// Chinese message and a non-zero exit; it never moves to the next free port unless a port is asked for.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../scripts/lib/staticServer';
import { chooseWebPort, defaultWebPort, isPortInUse, parsePort, portBusyMessage, webPortEnv } from '../../scripts/lib/webPort';

describe('chooseWebPort', () => {
  it('is 5180 unless a port is asked for', () => {
    expect(defaultWebPort).toBe(5180);
    expect(chooseWebPort(undefined, {})).toEqual({ port: 5180, source: 'default' });
    expect(chooseWebPort(undefined, { [webPortEnv]: '' })).toEqual({ port: 5180, source: 'default' });
  });

  it('takes --port N, then VISIT_LEDGER_PORT, on purpose', () => {
    expect(chooseWebPort('5190', { [webPortEnv]: '5200' })).toEqual({ port: 5190, source: 'option' });
    expect(chooseWebPort(undefined, { [webPortEnv]: '5200' })).toEqual({ port: 5200, source: 'env' });
    expect(chooseWebPort('0', {})).toEqual({ port: 0, source: 'option' });
  });

  it.each(['', 'abc', '-1', '65536', '51.80', '5180x', '1e4'])('refuses %j as a port, in Chinese', (value) => {
    expect(parsePort(value)).toBeNull();
    expect(() => chooseWebPort(value, {})).toThrow(/^端口无效/);
    if (value !== '') expect(() => chooseWebPort(undefined, { [webPortEnv]: value })).toThrow(/^环境变量 VISIT_LEDGER_PORT 不是有效端口/);
  });

  it('says in Chinese why it stops and how to choose another port on purpose', () => {
    const message = portBusyMessage({ port: 5180, source: 'default' });
    expect(message).toContain('默认端口 5180 已被占用，浏览器版没有启动。');
    expect(message).toContain('http://127.0.0.1:5180/');
    expect(message).toContain('换用其他端口会打开一个空的数据库');
    expect(message).toContain('npm run web -- --port 端口号');
    expect(portBusyMessage({ port: 5190, source: 'option' })).toContain('指定的端口（--port） 5190 已被占用');
    expect(portBusyMessage({ port: 5200, source: 'env' })).toContain('环境变量 VISIT_LEDGER_PORT 指定的端口 5200 已被占用');
  });
});

let base: string;
let built: string;
let blocker: net.Server;
let busyPort: number;

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'web-port-'));
  built = path.join(base, 'renderer');
  await mkdir(built, { recursive: true });
  await writeFile(path.join(built, 'index.html'), '<!doctype html><title>企业走访台账</title>');
  blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  busyPort = (blocker.address() as net.AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => blocker.close(resolve));
  await rm(base, { recursive: true, force: true });
});

describe('serveStatic', () => {
  it('refuses a busy port instead of taking the next one', async () => {
    const failure = await serveStatic(built, { port: busyPort }).then(
      (server) => server.close().then(() => 'listened'),
      (error: unknown) => error,
    );
    expect(isPortInUse(failure)).toBe(true);
  });

  it('takes any free port when asked for port 0', async () => {
    const server = await serveStatic(built, { port: 0 });
    expect(server.port).toBeGreaterThan(0);
    expect(server.port).not.toBe(busyPort);
    await server.close();
  });
});

/** Runs scripts/start.ts as `npm run web` does, to its exit. */
function runWeb(args: string[], env: Record<string, string> = {}) {
  const script = path.resolve(__dirname, '../../scripts/start.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, '--web', '--dir', built, ...args], {
    cwd: path.resolve(__dirname, '../..'),
    env: { ...process.env, [webPortEnv]: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    // A server that did start would run until stopped; the test stops it after its address is printed.
    child.stdout.on('data', () => {
      if (/http:\/\/127\.0\.0\.1:\d+\//.test(stdout)) child.kill('SIGTERM');
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run web on a busy port', () => {
  it('stops with a Chinese message and a non-zero exit when the port asked for is busy', async () => {
    const { code, stdout, stderr } = await runWeb(['--port', String(busyPort)]);
    expect(code).toBe(1);
    expect(stderr).toContain(`指定的端口（--port） ${busyPort} 已被占用，浏览器版没有启动。`);
    expect(stdout).not.toMatch(/http:\/\/127\.0\.0\.1:\d+\/\n/);
    expect(stdout).not.toContain('正在运行');
  }, 30_000);

  it('does the same for a port from VISIT_LEDGER_PORT', async () => {
    const { code, stderr } = await runWeb([], { [webPortEnv]: String(busyPort) });
    expect(code).toBe(1);
    expect(stderr).toContain(`环境变量 VISIT_LEDGER_PORT 指定的端口 ${busyPort} 已被占用`);
  }, 30_000);

  it('refuses a value that is not a port with exit code 2', async () => {
    const { code, stderr } = await runWeb(['--port', 'abc']);
    expect(code).toBe(2);
    expect(stderr).toContain('端口无效：abc');
  }, 30_000);
});
