// The hub's HTTP interface (Hono): laptops enrol, push and pull with a bearer token; the bureau's
// administrator registers and revokes laptops and reads the overview with the administrator token.
// Every body is checked (zod) and bounded in size; every refusal is a Chinese message with the rows
// it concerns. The work itself is hubStore.ts's.
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { adminPageHtml } from './adminPage';
import type { HubDatabase } from './hubDatabase';
import {
  authenticate,
  deviceScopes,
  enrolDevice,
  hubCounts,
  HubRefusal,
  listDevices,
  pullChanges,
  pulledChangesJson,
  pushRecords,
  registerDevice,
  revokeDevice,
} from './hubStore';

export interface HubOptions {
  db: HubDatabase;
  /** The administrator's token (compared in constant time). */
  adminToken: string;
  /** The largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  now?: () => Date;
}

const registrationSchema = z.object({
  deviceId: z.string().min(1).max(100),
  officer: z.string().min(1).max(50),
  unit: z.string().min(1).max(100),
  district: z.string().min(1).max(50),
  scope: z.enum(deviceScopes),
});
const enrolSchema = z.object({ deviceId: z.string().min(1).max(100), code: z.string().min(1).max(40) });
const pushSchema = z.object({ records: z.array(z.object({ table: z.string(), record: z.unknown(), bytes: z.string().optional() })) });

function bearer(c: Context): string | undefined {
  const header = c.req.header('authorization') ?? '';
  return header.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}

async function body<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  let json: unknown;
  try {
    json = await c.req.json();
  } catch {
    throw new HubRefusal(400, '请求内容不是有效的 JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new HubRefusal(400, '请求内容格式不正确', parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.')}: ${i.message}`));
  return parsed.data;
}

export function createHubApp({ db, adminToken, maxBodyBytes = 32 * 1024 * 1024, now = () => new Date() }: HubOptions): Hono {
  const adminHash = createHash('sha256').update(adminToken).digest();
  const isAdmin = (c: Context) => {
    const token = bearer(c);
    if (!token) return false;
    return timingSafeEqual(createHash('sha256').update(token).digest(), adminHash);
  };
  const requireAdmin = (c: Context) => {
    if (!isAdmin(c)) throw new HubRefusal(401, '需要管理员凭据');
  };

  const app = new Hono();
  app.use(
    '*',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) => c.json({ error: `请求内容超过 ${Math.round(maxBodyBytes / 1024 / 1024)} MB，请分批上传` }, 413),
    }),
  );
  app.onError((error, c) => {
    if (error instanceof HubRefusal) return c.json({ error: error.message, details: error.details }, error.status);
    console.error(error);
    return c.json({ error: '服务器内部错误，请稍后重试' }, 500);
  });

  app.get('/api/health', async (c) => c.json({ ok: true, engine: db.engine }));
  // The administration page itself holds nothing: it asks for the token and calls /api/admin.
  app.get('/admin', (c) => {
    c.header('Content-Security-Policy', "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'");
    c.header('X-Content-Type-Options', 'nosniff');
    return c.html(adminPageHtml);
  });

  app.post('/api/enrol', async (c) => {
    const { deviceId, code } = await body(c, enrolSchema);
    return c.json(await enrolDevice(db, deviceId, code));
  });

  app.post('/api/push', async (c) => {
    const device = await authenticate(db, bearer(c));
    const { records } = await body(c, pushSchema);
    return c.json(await pushRecords(db, device, records, now()));
  });

  app.get('/api/pull', async (c) => {
    const device = await authenticate(db, bearer(c));
    const since = Number(c.req.query('since') ?? '0');
    const limit = c.req.query('limit') === undefined ? undefined : Number(c.req.query('limit'));
    const pulled = await pullChanges(db, device, since, limit, now());
    return c.body(pulledChangesJson(pulled), 200, { 'content-type': 'application/json; charset=utf-8' });
  });

  app.post('/api/admin/devices', async (c) => {
    requireAdmin(c);
    return c.json(await registerDevice(db, await body(c, registrationSchema)));
  });
  app.post('/api/admin/devices/:deviceId/revoke', async (c) => {
    requireAdmin(c);
    await revokeDevice(db, c.req.param('deviceId'));
    return c.json({ ok: true });
  });
  app.get('/api/admin/overview', async (c) => {
    requireAdmin(c);
    return c.json({ devices: await listDevices(db), ...(await hubCounts(db)) });
  });

  return app;
}
