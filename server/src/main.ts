// `npm run hub`: starts the bureau hub. With DATABASE_URL it uses that PostgreSQL server; without, an
// embedded PostgreSQL (PGlite) in HUB_DATA_DIR (default ./hub-data), so it runs on a fresh machine
// with nothing else installed. Migrations run at start. HUB_TLS_CERT and HUB_TLS_KEY (PEM files)
// serve HTTPS with the bureau's certificate; HUB_PORT (default 8787), HUB_HOST (default 127.0.0.1).
// The administrator token is HUB_ADMIN_TOKEN, or one made at first start and kept (mode 600) in the
// data folder, printed once.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:https';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { createHubApp } from './hubApp';
import { migrate, openPglite, openPostgres } from './hubDatabase';

async function adminTokenOf(dataDir: string): Promise<string> {
  if (process.env.HUB_ADMIN_TOKEN) return process.env.HUB_ADMIN_TOKEN;
  const file = path.join(dataDir, 'admin-token');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const token = randomBytes(24).toString('base64url');
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, `${token}\n`, { mode: 0o600 });
    console.log(`hub: 已生成管理员凭据（保存在 ${file}）：${token}`);
    return token;
  }
}

async function main(): Promise<void> {
  const dataDir = path.resolve(process.env.HUB_DATA_DIR ?? 'hub-data');
  const db = process.env.DATABASE_URL ? await openPostgres(process.env.DATABASE_URL) : await openPglite(path.join(dataDir, 'pglite'));
  const ran = await migrate(db);
  if (ran.length > 0) console.log(`hub: 已执行数据库迁移 ${ran.join(', ')}`);
  const app = createHubApp({ db, adminToken: await adminTokenOf(dataDir) });
  const port = Number(process.env.HUB_PORT ?? 8787);
  const hostname = process.env.HUB_HOST ?? '127.0.0.1';
  const tls = process.env.HUB_TLS_CERT && process.env.HUB_TLS_KEY ? { cert: readFileSync(process.env.HUB_TLS_CERT), key: readFileSync(process.env.HUB_TLS_KEY) } : undefined;
  const server = serve({ fetch: app.fetch, port, hostname, ...(tls ? { createServer, serverOptions: tls } : {}) }, (info) => {
    console.log(`hub: ${db.engine === 'pglite' ? `内置 PostgreSQL（${dataDir}）` : 'PostgreSQL'}，监听 ${tls ? 'https' : 'http'}://${hostname}:${info.port}`);
  });
  // Laptops sync in bursts and keep their connection open between requests: a server that closes an
  // idle socket just as a client reuses it makes that request fail ("other side closed").
  (server as import('node:http').Server).keepAliveTimeout = 65_000;
  (server as import('node:http').Server).headersTimeout = 66_000;
  const stop = () => {
    server.close();
    void db.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('hub: 启动失败：', error);
  process.exit(1);
});
