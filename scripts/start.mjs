// `npm start`: build what is missing or stale, then open the desktop app. Where the Electron binary is
// missing (its postinstall download is switched off in .npmrc because the release host is not
// reachable everywhere), serve the same built app to the browser on 127.0.0.1 and say why.
// `npm run web` (--web) serves the browser version on purpose. Options: --port N (default 5180; the
// next free port is taken if it is busy; 0 = any free port), --no-build (serve or launch what dist/
// already holds), --dir FOLDER (serve another built renderer folder; implies --no-build).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
let rendererOut = path.join(root, 'dist', 'renderer');
const electronOut = path.join(root, 'dist', 'electron');

// Same policy as electron/appProtocol.ts (the header on app:// responses) and renderer/index.html.
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'", // antd's CSS-in-JS injects <style> elements at run time
  "img-src 'self' blob: data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const mimeTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

function parseArgs(argv) {
  const options = { web: false, port: 5180, build: true, dir: null };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--web') options.web = true;
    else if (arg === '--no-build') options.build = false;
    else if (arg === '--dir') {
      options.dir = path.resolve(argv[(i += 1)] ?? '.');
      options.build = false;
    }
    else if (arg === '--port' || arg.startsWith('--port=')) {
      const value = arg.includes('=') ? arg.slice('--port='.length) : argv[(i += 1)];
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        console.error(`端口无效 / invalid port: ${value}`);
        process.exit(2);
      }
      options.port = port;
    } else {
      console.error(`未知参数 / unknown option: ${arg}\n用法 / usage: node scripts/start.mjs [--web] [--port N] [--no-build] [--dir FOLDER]`);
      process.exit(2);
    }
  }
  return options;
}

/** Newest modification time under the given files/folders (node_modules and dist skipped). */
function newestMtime(entries) {
  let newest = 0;
  const visit = (entry) => {
    if (!existsSync(entry)) return;
    const info = statSync(entry);
    if (info.isDirectory()) {
      for (const name of readdirSync(entry)) {
        if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
        visit(path.join(entry, name));
      }
    } else newest = Math.max(newest, info.mtimeMs);
  };
  entries.forEach((entry) => visit(path.join(root, entry)));
  return newest;
}

function isStale(outputs, sources) {
  if (!outputs.every((file) => existsSync(file))) return true;
  const built = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  return newestMtime(sources) > built;
}

function buildRenderer() {
  console.log('构建界面 / building the renderer (vite build)…');
  const viteBin = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  const run = spawnSync(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error('界面构建失败 / renderer build failed.');
    process.exit(run.status ?? 1);
  }
}

async function buildIfNeeded(withElectron) {
  const sharedSources = ['shared', 'package.json'];
  if (isStale([path.join(rendererOut, 'index.html')], ['renderer', 'vite.config.ts', ...sharedSources])) buildRenderer();
  const bundles = [path.join(electronOut, 'main.cjs'), path.join(electronOut, 'preload.cjs')];
  if (withElectron && isStale(bundles, ['electron', 'scripts/build-electron.mjs', ...sharedSources])) {
    console.log('构建主进程 / bundling the Electron main process and preload…');
    const { buildElectron } = await import('./build-electron.mjs');
    await buildElectron();
  }
}

const installMarker = path.join(root, 'node_modules', '.cache', 'visit-ledger', 'electron-download-failed');
const retryAfterMs = 6 * 60 * 60 * 1000;

/** The Electron executable if it is installed (or can be fetched now, once); otherwise why not. */
function findElectron() {
  const resolveBinary = () => {
    try {
      const binary = require('electron');
      return typeof binary === 'string' && existsSync(binary) ? binary : null;
    } catch {
      return null;
    }
  };
  let binary = resolveBinary();
  if (binary) return { binary };

  const recentlyFailed = existsSync(installMarker) && Date.now() - statSync(installMarker).mtimeMs < retryAfterMs;
  if (!recentlyFailed) {
    const installer = path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
    console.log('未找到 Electron 程序，尝试下载一次（最多 30 秒）/ Electron binary missing, trying its download once (30 s max)…');
    const run = spawnSync(process.execPath, [installer], { cwd: root, encoding: 'utf8', timeout: 30_000 });
    binary = resolveBinary();
    if (binary) return { binary };
    const detail = `${run.stderr ?? ''}`.split('\n').find((line) => line.trim() !== '') ?? (run.error?.message || `exit ${run.status}`);
    console.log(`  下载失败 / download failed: ${detail.trim()}`);
    mkdirSync(path.dirname(installMarker), { recursive: true });
    writeFileSync(installMarker, `${new Date().toISOString()} exit=${run.status ?? run.signal ?? run.error?.message}\n`);
  }
  return {
    binary: null,
    why: recentlyFailed
      ? 'Electron 程序未安装，且最近一次下载失败（无法访问其发布服务器；删除 node_modules/.cache/visit-ledger 可立即重试）。\nThe Electron binary is not installed and its last download attempt failed (release host unreachable; delete node_modules/.cache/visit-ledger to retry now).'
      : 'Electron 程序未安装，下载失败（无法访问其发布服务器）。\nThe Electron binary is not installed and could not be downloaded (release host unreachable).',
  };
}

/** Reasons the desktop window could not open here even with the binary present. */
function desktopBlocker() {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return '没有图形桌面（未设置 DISPLAY）。\nNo graphical desktop (DISPLAY is not set).';
  }
  if (process.platform === 'linux' && process.getuid?.() === 0) {
    return '以 root 身份运行时 Electron 需要关闭沙箱，本应用不这样做。\nRunning as root would require disabling Electron\'s sandbox, which this app does not do.';
  }
  return null;
}

/** Map a request path to a file inside rendererOut, or null when it would leave the folder. */
function resolveStatic(urlPath) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(urlPath, 'http://127.0.0.1').pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  if (pathname === '/') pathname = '/index.html';
  const file = path.resolve(rendererOut, `.${pathname.replaceAll('\\', '/')}`);
  return file.startsWith(rendererOut + path.sep) ? file : null;
}

function serveStatic(port) {
  const server = http.createServer(async (request, response) => {
    const headers = { 'Content-Security-Policy': contentSecurityPolicy, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' };
    const fail = (status) => {
      response.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(String(status));
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') return fail(405);
    const file = resolveStatic(request.url ?? '/');
    if (!file) return fail(403);
    try {
      const info = await stat(file);
      if (!info.isFile()) return fail(404);
      const body = await readFile(file);
      response.writeHead(200, { ...headers, 'Content-Type': mimeTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream' });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      fail(404);
    }
  });

  return new Promise((resolve, reject) => {
    let tries = 0;
    server.on('error', (error) => {
      if (error.code === 'EADDRINUSE' && tries < 50 && port + tries < 65535) {
        tries += 1;
        server.listen(port + tries, '127.0.0.1');
      } else reject(error);
    });
    server.on('listening', () => resolve(server));
    server.listen(port, '127.0.0.1');
  });
}

async function startWeb(port, reason) {
  const server = await serveStatic(port);
  const { port: actual } = server.address();
  const url = `http://127.0.0.1:${actual}/`;
  if (reason) {
    console.log(`\n${reason}`);
    console.log('因此改为在浏览器中提供同一个应用（数据保存在该浏览器的本地数据库中）。');
    console.log('So the same app is served to your browser instead (data stays in that browser\'s local database).');
    console.log('要使用桌面版：在能访问 Electron 发布服务器的网络下运行 `node node_modules/electron/install.js`，');
    console.log('或设置 ELECTRON_MIRROR（如 https://npmmirror.com/mirrors/electron/）后再运行 `npm start`；也可安装打包好的安装程序（见 README）。');
    console.log('For the desktop app: run `node node_modules/electron/install.js` where the Electron release host is reachable,');
    console.log('or set ELECTRON_MIRROR to a reachable mirror and run `npm start` again; or install a packaged build (see README).');
  }
  if (port !== 0 && actual !== port) console.log(`端口 ${port} 已被占用，改用 ${actual} / port ${port} is busy, using ${actual}.`);
  console.log(`\n企业走访台账已在浏览器版运行 / Visit Ledger (browser version) is running at:\n  ${url}\n按 Ctrl+C 停止 / press Ctrl+C to stop.`);
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function launchElectron(binary) {
  console.log('启动桌面版 / starting the desktop app…');
  const child = spawn(binary, [root], { cwd: root, stdio: 'inherit' });
  const forward = (signal) => () => child.kill(signal);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const options = parseArgs(process.argv.slice(2));
if (options.dir) rendererOut = options.dir;
if (options.web) {
  if (options.build) await buildIfNeeded(false);
  await startWeb(options.port, null);
} else {
  const electron = findElectron();
  const blocker = electron.binary ? desktopBlocker() : electron.why;
  if (options.build) await buildIfNeeded(!blocker);
  if (blocker) await startWeb(options.port, blocker);
  else launchElectron(electron.binary);
}
