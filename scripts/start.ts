// `npm start`: build what is missing or stale, then open the desktop app. Where the Electron binary is
// missing (Electron downloads it on first use from a host that is not reachable everywhere), serve the
// same built app to the browser on 127.0.0.1 and say why. `npm run web` (--web) serves the browser
// version on purpose. Options: --port N (default 5180, or VISIT_LEDGER_PORT; 0 = any free port; a busy
// port stops the script with a message, it never moves to another one: scripts/lib/webPort.ts),
// --no-build (serve or launch what dist/ already holds), --dir FOLDER (serve another built renderer
// folder; implies --no-build).
// Run with tsx (package.json scripts) so it shares the static server with the e2e tests and benches.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { installedElectronBinary } from './lib/electronBinary';
import { serveStatic } from './lib/staticServer';
import { chooseWebPort, isPortInUse, portBusyMessage, type WebPort } from './lib/webPort';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
let rendererOut = path.join(root, 'dist', 'renderer');
const electronOut = path.join(root, 'dist', 'electron');

interface Options {
  web: boolean;
  port: WebPort;
  build: boolean;
  dir: string | null;
}

function parseArgs(argv: string[]): Options {
  const options: Omit<Options, 'port'> = { web: false, build: true, dir: null };
  let portValue: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--web') options.web = true;
    else if (arg === '--no-build') options.build = false;
    else if (arg === '--dir') {
      options.dir = path.resolve(argv[(i += 1)] ?? '.');
      options.build = false;
    } else if (arg === '--port' || arg.startsWith('--port=')) {
      portValue = (arg.includes('=') ? arg.slice('--port='.length) : argv[(i += 1)]) ?? '';
    } else {
      console.error(`未知参数 / unknown option: ${arg}\n用法 / usage: npx tsx scripts/start.ts [--web] [--port N] [--no-build] [--dir FOLDER]`);
      process.exit(2);
    }
  }
  try {
    return { ...options, port: chooseWebPort(portValue, process.env) };
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
}

/** Newest modification time under the given files/folders (node_modules and dist skipped). */
function newestMtime(entries: string[]): number {
  let newest = 0;
  const visit = (entry: string) => {
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

function isStale(outputs: string[], sources: string[]): boolean {
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

async function buildIfNeeded(withElectron: boolean) {
  const sharedSources = ['shared', 'package.json'];
  if (isStale([path.join(rendererOut, 'index.html')], ['renderer', 'vite.config.ts', ...sharedSources])) buildRenderer();
  const bundles = [path.join(electronOut, 'main.cjs'), path.join(electronOut, 'preload.cjs')];
  if (withElectron && isStale(bundles, ['electron', 'scripts/build-electron.mjs', ...sharedSources])) {
    console.log('构建主进程 / bundling the Electron main process and preload…');
    // A plain-JS module without types (test/electron/mainBundle.test.ts loads it the same way).
    const { buildElectron } = (await import(pathToFileURL(path.join(root, 'scripts', 'build-electron.mjs')).href)) as {
      buildElectron: () => Promise<string>;
    };
    await buildElectron();
  }
}

const installMarker = path.join(root, 'node_modules', '.cache', 'visit-ledger', 'electron-download-failed');
const retryAfterMs = 6 * 60 * 60 * 1000;

/** The Electron executable if it is installed (or can be fetched now, once); otherwise why not. */
function findElectron(): { binary: string; why?: undefined } | { binary: null; why: string } {
  // Never require('electron') here: since Electron 42 that downloads the binary with no time-out.
  const electronDir = path.dirname(require.resolve('electron/package.json'));
  let binary = installedElectronBinary(electronDir);
  if (binary) return { binary };

  const recentlyFailed = existsSync(installMarker) && Date.now() - statSync(installMarker).mtimeMs < retryAfterMs;
  if (!recentlyFailed) {
    console.log('未找到 Electron 程序，尝试下载一次（最多 30 秒）/ Electron binary missing, trying its download once (30 s max)…');
    const run = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { cwd: root, encoding: 'utf8', timeout: 30_000 });
    binary = installedElectronBinary(electronDir);
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
function desktopBlocker(): string | null {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return '没有图形桌面（未设置 DISPLAY）。\nNo graphical desktop (DISPLAY is not set).';
  }
  if (process.platform === 'linux' && process.getuid?.() === 0) {
    return '以 root 身份运行时 Electron 需要关闭沙箱，本应用不这样做。\nRunning as root would require disabling Electron\'s sandbox, which this app does not do.';
  }
  return null;
}

async function startWeb(port: WebPort, reason: string | null) {
  let server: Awaited<ReturnType<typeof serveStatic>>;
  try {
    server = await serveStatic(rendererOut, { port: port.port });
  } catch (error) {
    if (!isPortInUse(error)) throw error;
    if (reason) console.error(`\n${reason}`);
    console.error(`\n${portBusyMessage(port)}`);
    process.exit(1);
  }
  const { url } = server;
  if (reason) {
    console.log(`\n${reason}`);
    console.log('因此改为在浏览器中提供同一个应用（数据保存在该浏览器的本地数据库中）。');
    console.log('So the same app is served to your browser instead (data stays in that browser\'s local database).');
    console.log('要使用桌面版：在能访问 Electron 发布服务器的网络下运行 `node node_modules/electron/install.js`，');
    console.log('或设置 ELECTRON_MIRROR（如 https://npmmirror.com/mirrors/electron/）后再运行 `npm start`；也可安装打包好的安装程序（见 README）。');
    console.log('For the desktop app: run `node node_modules/electron/install.js` where the Electron release host is reachable,');
    console.log('or set ELECTRON_MIRROR to a reachable mirror and run `npm start` again; or install a packaged build (see README).');
  }
  console.log(`\n企业走访台账已在浏览器版运行 / Visit Ledger (browser version) is running at:\n  ${url}\n按 Ctrl+C 停止 / press Ctrl+C to stop.`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function launchElectron(binary: string) {
  console.log('启动桌面版 / starting the desktop app…');
  const child = spawn(binary, [root], { cwd: root, stdio: 'inherit' });
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
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
  else if (electron.binary) launchElectron(electron.binary);
}
