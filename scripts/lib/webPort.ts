// Which port the browser version listens on, and what to say when it is taken. The browser version
// keeps its data in IndexedDB, which belongs to an origin — http://127.0.0.1:5180 is one database,
// http://127.0.0.1:5181 another, empty one. So a busy port is never swapped silently for the next free
// one: the officer would find "their" ledger empty. scripts/start.ts stops with this message instead;
// another port is used only when asked for (`--port N`, or VISIT_LEDGER_PORT).

/** The port `npm start` (browser fallback) and `npm run web` use unless asked otherwise. */
export const defaultWebPort = 5180;

/** The environment variable that picks the port on purpose, like `--port N`. */
export const webPortEnv = 'VISIT_LEDGER_PORT';

export interface WebPort {
  port: number;
  /** Where the port came from: the default, `--port N`, or the environment variable. */
  source: 'default' | 'option' | 'env';
}

/** Parses a port as typed; null unless it is a whole number 0–65535 (0 = any free port). */
export function parsePort(value: string | undefined): number | null {
  if (value === undefined || !/^\d{1,5}$/.test(value.trim())) return null;
  const port = Number(value.trim());
  return port <= 65535 ? port : null;
}

/**
 * The port to listen on: `--port N` when given, else VISIT_LEDGER_PORT when set, else 5180. Throws a
 * Chinese message for a value that is not a port.
 */
export function chooseWebPort(optionValue: string | undefined, env: Readonly<Record<string, string | undefined>>): WebPort {
  if (optionValue !== undefined) {
    const port = parsePort(optionValue);
    if (port === null) throw new Error(`端口无效：${optionValue}（应为 0–65535 的整数）/ invalid port: ${optionValue}`);
    return { port, source: 'option' };
  }
  const fromEnv = env[webPortEnv];
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    const port = parsePort(fromEnv);
    if (port === null) throw new Error(`环境变量 ${webPortEnv} 不是有效端口：${fromEnv} / ${webPortEnv} is not a valid port: ${fromEnv}`);
    return { port, source: 'env' };
  }
  return { port: defaultWebPort, source: 'default' };
}

/** True for the error Node gives when a port is already taken. */
export function isPortInUse(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'EADDRINUSE';
}

/** What start.ts prints (to stderr) before exiting when the port is taken. */
export function portBusyMessage({ port, source }: WebPort): string {
  const how = { default: '默认端口', option: '指定的端口（--port）', env: `环境变量 ${webPortEnv} 指定的端口` }[source];
  return [
    `${how} ${port} 已被占用，浏览器版没有启动。`,
    `可能浏览器版已经在运行：请直接在浏览器中打开 http://127.0.0.1:${port}/ ；否则请先关闭占用该端口的程序再运行。`,
    '注意：浏览器版的数据按地址保存，换用其他端口会打开一个空的数据库，原来的数据仍在原端口下。',
    `确需换用其他端口时，请明确指定：npm run web -- --port 端口号（或设置环境变量 ${webPortEnv}）。`,
    `Port ${port} is in use, so the browser version did not start. It may already be running at http://127.0.0.1:${port}/.`,
    'The browser keeps the data per address: another port opens an empty database. Choose one on purpose with --port N.',
  ].join('\n');
}
