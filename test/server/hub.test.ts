// The hub through its HTTP interface, on PGlite (always) and on a PostgreSQL server when
// HUB_TEST_DATABASE_URL names one (CI starts a throwaway cluster): enrolment with a one-time code,
// push and pull round trips, scope enforced by the hub in both directions, revoked laptops refused,
// a pull interrupted and resumed, the same batch pushed twice, two laptops' concurrent edits kept as
// a conflict on the hub and resolved from a laptop, a reassigned enterprise reaching its new officer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { Enterprise, Visit } from '../../shared/domain/records';
import { createHubApp } from '../../server/src/hubApp';
import { migrate, openPglite, openPostgres, type HubDatabase } from '../../server/src/hubDatabase';
import { makeEnterprise, makeVisit } from '../fixtures/records';

const adminToken = 'admin-token-for-tests';

interface Engine {
  name: string;
  open(): Promise<HubDatabase>;
}

const engines: Engine[] = [{ name: 'PGlite', open: () => openPglite() }];
const postgresUrl = process.env.HUB_TEST_DATABASE_URL;
if (postgresUrl) {
  engines.push({
    name: 'PostgreSQL',
    // A fresh database per test file run, dropped afterwards.
    open: async () => {
      const name = `hub_test_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
      const admin = new pg.Client({ connectionString: postgresUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(postgresUrl);
      url.pathname = `/${name}`;
      const db = await openPostgres(url.toString());
      const close = db.close;
      return {
        ...db,
        close: async () => {
          await close();
          const dropper = new pg.Client({ connectionString: postgresUrl });
          await dropper.connect();
          await dropper.query(`DROP DATABASE IF EXISTS ${name}`);
          await dropper.end();
        },
      };
    },
  });
}

describe.each(engines)('the hub on $name', (engine) => {
  let db: HubDatabase;
  let app: ReturnType<typeof createHubApp>;
  let clock = new Date('2026-12-01T02:00:00Z');

  beforeAll(async () => {
    db = await engine.open();
    await migrate(db);
    app = createHubApp({ db, adminToken, now: () => clock });
  }, 120_000); // PGlite compiles its WebAssembly first: seconds on a busy machine
  afterAll(async () => {
    await db?.close();
  });

  const call = async (method: string, path: string, token?: string, payload?: unknown) => {
    const response = await app.request(path, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };

  /** Registers and enrols a laptop; returns its token. */
  const laptop = async (deviceId: string, officer: string, unit: string, scope: 'officer' | 'district' | 'city', district = '吴江区') => {
    const registered = await call('POST', '/api/admin/devices', adminToken, { deviceId, officer, unit, district, scope });
    expect(registered.status).toBe(200);
    const enrolled = await call('POST', '/api/enrol', undefined, { deviceId, code: String(registered.json.enrolmentCode).toLowerCase() });
    expect(enrolled.status).toBe(200);
    return String(enrolled.json.token);
  };

  const pullAll = async (token: string, since = 0, limit?: number) => {
    const res = await call('GET', `/api/pull?since=${since}${limit ? `&limit=${limit}` : ''}`, token);
    expect(res.status).toBe(200);
    return res.json as { changes: { table: string; record: { id: string } & Record<string, unknown> }[]; nextSince: number; more: boolean };
  };

  const enterprise = (id: string, officer: string, extra: Partial<Enterprise> = {}): Enterprise =>
    makeEnterprise({ id, name: `企业${id}`, assignedOfficer: officer, deviceId: 'laptop', versionVector: { laptop: 1 }, ...extra });
  const visit = (id: string, enterpriseId: string, extra: Partial<Visit> = {}): Visit => makeVisit({ id, enterpriseId, deviceId: 'laptop', versionVector: { laptop: 1 }, ...extra });

  it('runs each migration once', async () => {
    expect(await migrate(db)).toEqual([]);
    const { rows } = await db.query<{ version: number }>('SELECT version FROM hub_migrations');
    expect(rows.map((r) => Number(r.version)).sort()).toEqual([1, 2, 3]);
  });

  it('enrols a laptop once per code, keeps only hashes, and refuses the administrator’s pages without its token', async () => {
    const registered = await call('POST', '/api/admin/devices', adminToken, { deviceId: 'laptop-once', officer: '王五', unit: '平望镇', district: '吴江区', scope: 'officer' });
    const code = String(registered.json.enrolmentCode);
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect((await call('POST', '/api/enrol', undefined, { deviceId: 'laptop-once', code: 'AAAA-BBBB-CCCC' })).status).toBe(401);
    const first = await call('POST', '/api/enrol', undefined, { deviceId: 'laptop-once', code });
    expect(first.status).toBe(200);
    const again = await call('POST', '/api/enrol', undefined, { deviceId: 'laptop-once', code });
    expect(again).toMatchObject({ status: 401, json: { error: '登记码不正确、已使用或设备已停用，请向管理员重新获取登记码' } });
    const stored = await db.query<Record<string, unknown>>("SELECT * FROM hub_devices WHERE device_id = 'laptop-once'");
    expect(JSON.stringify(stored.rows)).not.toContain(String(first.json.token));
    expect((await call('GET', '/api/admin/overview', String(first.json.token))).status).toBe(401);
    expect((await call('POST', '/api/admin/devices', undefined, { deviceId: 'x', officer: 'x', unit: 'x', district: 'x', scope: 'city' })).status).toBe(401);
  });

  it('carries an officer’s records to the district and to nobody outside their scope, and refuses a push outside it', async () => {
    const zhang = await laptop('laptop-zhang', '张敏', '平望镇', 'officer');
    const li = await laptop('laptop-li', '李强', '震泽镇', 'officer');
    const bureau = await laptop('laptop-bureau', '赵局', '区商务局', 'district');
    const otherDistrict = await laptop('laptop-other', '钱科', '某镇', 'district', '相城区');

    const pushed = await call('POST', '/api/push', zhang, {
      records: [
        { table: 'enterprises', record: enterprise('ent-z0001', '张敏') },
        { table: 'visits', record: visit('vis-z0001', 'ent-z0001') },
      ],
    });
    expect(pushed.status).toBe(200);
    expect(pushed.json).toMatchObject({ counts: { enterprises: { added: 1 }, visits: { added: 1 } }, conflicts: 0 });

    const ids = (pull: { changes: { record: { id: string } }[] }) => pull.changes.map((c) => c.record.id).sort();
    expect(ids(await pullAll(bureau))).toEqual(['ent-z0001', 'vis-z0001']);
    expect(ids(await pullAll(zhang))).toEqual(['ent-z0001', 'vis-z0001']);
    expect(ids(await pullAll(li))).toEqual([]);
    expect(ids(await pullAll(otherDistrict))).toEqual([]);

    // 李强 tries to add a visit to 张敏's enterprise, and to take the enterprise over: refused whole.
    const refused = await call('POST', '/api/push', li, {
      records: [
        { table: 'visits', record: visit('vis-l0001', 'ent-z0001') },
        { table: 'enterprises', record: enterprise('ent-z0001', '李强', { rev: 2, versionVector: { laptop: 1, li: 1 } }) },
      ],
    });
    expect(refused.status).toBe(403);
    expect(refused.json.error).toBe('有 2 条记录不在本机的可见范围内，未保存任何记录');
    expect(ids(await pullAll(bureau))).toEqual(['ent-z0001', 'vis-z0001']);
    const stored = await db.query<{ record: { assignedOfficer: string } }>("SELECT record FROM hub_records WHERE id = 'ent-z0001'");
    expect(stored.rows[0]!.record.assignedOfficer).toBe('张敏');

    // The bureau's policy reaches the officer, who may send it back unchanged (a laptop returns what
    // it pulled) but not edited.
    const policy = { ...makeEnterprise(), id: 'pol-00001', code: '3-07', title: '外资研发中心支持', sourceDocument: '吴政发〔2020〕', leadUnit: '区商务局' };
    const { name: _n, creditCode: _c, town: _t, searchTokens: _s, ...policyRecord } = policy as Record<string, unknown>;
    const cleanPolicy = Object.fromEntries(Object.entries(policyRecord).filter(([k]) => ['id', 'createdAt', 'updatedAt', 'updatedBy', 'deviceId', 'rev', 'versionVector', 'code', 'title', 'sourceDocument', 'leadUnit'].includes(k)));
    expect((await call('POST', '/api/push', bureau, { records: [{ table: 'policies', record: cleanPolicy }] })).status).toBe(200);
    const pulled = (await pullAll(zhang)).changes.find((c) => c.record.id === 'pol-00001')!;
    expect(await call('POST', '/api/push', zhang, { records: [{ table: 'policies', record: pulled.record }] })).toMatchObject({ status: 200, json: { counts: { policies: { unchanged: 1 } } } });
    const edited = { ...pulled.record, title: '改过的标题', rev: 2, versionVector: { laptop: 2, zhang: 1 } };
    expect((await call('POST', '/api/push', zhang, { records: [{ table: 'policies', record: edited }] })).status).toBe(403);
  });

  it('refuses a revoked laptop, and a record that does not pass its schema, naming the row', async () => {
    const token = await laptop('laptop-lost', '孙丽', '黎里镇', 'officer');
    const bad = await call('POST', '/api/push', token, { records: [{ table: 'enterprises', record: enterprise('ent-s0001', '孙丽') }, { table: 'visits', record: { ...visit('vis-s0001', 'ent-s0001'), date: '2026/11/01' } }] });
    expect(bad).toMatchObject({ status: 400, json: { error: '上传的数据有误，未保存任何记录', details: ['第 2 条（走访记录）：date — 日期格式应为 YYYY-MM-DD'] } });
    expect((await db.query("SELECT id FROM hub_records WHERE id = 'ent-s0001'")).rows).toEqual([]);

    expect((await call('POST', '/api/admin/devices/laptop-lost/revoke', adminToken)).status).toBe(200);
    expect(await call('GET', '/api/pull?since=0', token)).toMatchObject({ status: 401, json: { error: '本机的登记已失效或已被停用，请联系管理员' } });
    expect((await call('POST', '/api/push', token, { records: [] })).status).toBe(401);
  });

  it('resumes an interrupted pull where it stopped, and a batch pushed twice changes nothing the second time', async () => {
    const wu = await laptop('laptop-wu', '吴静', '七都镇', 'officer');
    const batch = {
      records: [
        { table: 'enterprises', record: enterprise('ent-w0001', '吴静') },
        { table: 'visits', record: visit('vis-w0001', 'ent-w0001', { date: '2026-11-02' }) },
        { table: 'visits', record: visit('vis-w0002', 'ent-w0001', { date: '2026-11-03' }) },
        { table: 'visits', record: visit('vis-w0003', 'ent-w0001', { date: '2026-11-04' }) },
      ],
    };
    expect((await call('POST', '/api/push', wu, batch)).status).toBe(200);

    // Pages of two: the laptop keeps the first page, loses the connection, and resumes from nextSince.
    // (The bureau's policy from the earlier test reaches every officer too.)
    const first = await pullAll(wu, 0, 2);
    expect(first.changes).toHaveLength(2);
    expect(first.more).toBe(true);
    const pages = [first];
    while (pages.at(-1)!.more) pages.push(await pullAll(wu, pages.at(-1)!.nextSince, 2));
    const rest = pages.at(-1)!;
    const received = pages.flatMap((p) => p.changes.map((c) => c.record.id));
    expect(new Set(received).size).toBe(received.length);
    expect(received.filter((id) => !id.startsWith('pol-')).sort()).toEqual(['ent-w0001', 'vis-w0001', 'vis-w0002', 'vis-w0003']);

    const twice = await call('POST', '/api/push', wu, batch);
    expect(twice.json).toMatchObject({ counts: { enterprises: { unchanged: 1, added: 0 }, visits: { unchanged: 3, added: 0 } } });
    expect((await pullAll(wu, rest.nextSince)).changes).toEqual([]);
  });

  it('keeps two laptops’ concurrent edits as one winner and a conflict, and a laptop’s resolution supersedes both', async () => {
    const bureau = await laptop('laptop-bureau-2', '周科', '区商务局', 'district');
    const base = visit('vis-c0001', 'ent-c0001', { summary: '初稿', updatedAt: '2026-11-01T02:00:00.000Z' });
    await call('POST', '/api/push', bureau, { records: [{ table: 'enterprises', record: enterprise('ent-c0001', '周科') }, { table: 'visits', record: base }] });
    const fromA = { ...base, summary: '甲笔记本的修改', rev: 2, versionVector: { laptop: 1, a: 1 }, updatedAt: '2026-11-02T02:00:00.000Z', deviceId: 'a' };
    const fromB = { ...base, summary: '乙笔记本的修改', rev: 2, versionVector: { laptop: 1, b: 1 }, updatedAt: '2026-11-03T02:00:00.000Z', deviceId: 'b' };
    await call('POST', '/api/push', bureau, { records: [{ table: 'visits', record: fromA }] });
    const second = await call('POST', '/api/push', bureau, { records: [{ table: 'visits', record: fromB }] });
    expect(second.json).toMatchObject({ conflicts: 1 });
    const kept = (await pullAll(bureau)).changes.filter((c) => c.table === 'conflicts') as unknown as { record: { recordId: string; winner: { summary: string }; loser: { summary: string } } }[];
    expect(kept.filter((c) => c.record.recordId === 'vis-c0001').map((c) => [c.record.winner.summary, c.record.loser.summary])).toEqual([['乙笔记本的修改', '甲笔记本的修改']]);
    expect((await call('GET', '/api/admin/overview', adminToken)).json.conflicts).toEqual([{ district: '吴江区', count: 1 }]);

    // A laptop that saw both resolves: its version dominates, and everyone pulls it.
    const resolved = { ...base, summary: '合并后的记录', rev: 3, versionVector: { laptop: 1, a: 1, b: 2 }, updatedAt: '2026-11-04T02:00:00.000Z', deviceId: 'b' };
    const third = await call('POST', '/api/push', bureau, { records: [{ table: 'visits', record: resolved }] });
    expect(third.json).toMatchObject({ counts: { visits: { updated: 1, conflict: 0 } }, conflicts: 0 });
    const pulled = (await pullAll(bureau)).changes.filter((c) => c.record.id === 'vis-c0001');
    expect(pulled.map((c) => c.record.summary)).toEqual(['合并后的记录']);
    // Resolved: no longer open on the administration page.
    expect((await call('GET', '/api/admin/overview', adminToken)).json.conflicts).toEqual([]);
  });

  it('brings a reassigned enterprise’s older records to its new officer, whose laptop had pulled past them', async () => {
    const chen = await laptop('laptop-chen', '陈刚', '桃源镇', 'officer');
    const he = await laptop('laptop-he', '何芳', '桃源镇', 'officer');
    const bureau = await laptop('laptop-bureau-3', '郑科', '区商务局', 'district');
    await call('POST', '/api/push', chen, { records: [{ table: 'enterprises', record: enterprise('ent-r0001', '陈刚') }, { table: 'visits', record: visit('vis-r0001', 'ent-r0001') }] });
    const before = await pullAll(he);
    expect(before.changes.map((c) => c.record.id)).not.toContain('vis-r0001');

    // The bureau reassigns the enterprise to 何芳.
    await call('POST', '/api/push', bureau, { records: [{ table: 'enterprises', record: enterprise('ent-r0001', '何芳', { rev: 2, versionVector: { laptop: 1, bureau: 1 } }) }] });
    const after = await pullAll(he, before.nextSince);
    expect(after.changes.map((c) => c.record.id).sort()).toEqual(['ent-r0001', 'vis-r0001']);
    // And 陈刚 may no longer write to it.
    expect((await call('POST', '/api/push', chen, { records: [{ table: 'visits', record: visit('vis-r0002', 'ent-r0001') }] })).status).toBe(403);
  });

  it('keeps an attachment’s bytes in their own table and sends them with the record, refusing bytes that do not match it', async () => {
    const bureau = await laptop('laptop-bureau-4', '冯科', '区商务局', 'district');
    const photo = Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 251));
    const attachment = {
      ...visit('vis-a0001', 'ent-a0001'),
      id: 'att-a0001',
      ownerId: 'vis-a0001',
      fileName: '厂区.jpg',
      mimeType: 'image/jpeg',
      size: photo.length,
    };
    const { enterpriseId: _e, date: _d, type: _t, officers: _o, peopleMet: _p, summary: _s, operations: _op, policyIds: _pi, ...meta } = attachment;
    const wrong = await call('POST', '/api/push', bureau, { records: [{ table: 'attachments', record: meta, bytes: photo.subarray(0, 10).toString('base64') }] });
    expect(wrong).toMatchObject({ status: 400, json: { details: ['第 1 条（附件 厂区.jpg）：内容 10 字节，与记录的 3000 字节不符'] } });
    const pushed = await call('POST', '/api/push', bureau, {
      records: [
        { table: 'enterprises', record: enterprise('ent-a0001', '冯科') },
        { table: 'visits', record: visit('vis-a0001', 'ent-a0001') },
        { table: 'attachments', record: meta, bytes: photo.toString('base64') },
      ],
    });
    expect(pushed.status).toBe(200);
    const pulled = (await pullAll(bureau)).changes.find((c) => c.record.id === 'att-a0001') as unknown as { bytes: string };
    expect(Buffer.from(pulled.bytes, 'base64').equals(photo)).toBe(true);
  });

  it('serves the administration page, which holds no data and asks for the token', async () => {
    const response = await app.request('/admin');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("connect-src 'self'");
    const html = await response.text();
    expect(html).toContain('走访台账同步服务器 · 管理');
    expect(html).toContain('管理员凭据');
    expect(html).not.toContain(adminToken);
  });

  it('lists the laptops with their last sync, the records per unit and the open conflicts', async () => {
    const overview = await call('GET', '/api/admin/overview', adminToken);
    const devices = overview.json.devices as { deviceId: string; revoked: boolean; lastPushAt?: string }[];
    expect(devices.find((d) => d.deviceId === 'laptop-lost')).toMatchObject({ revoked: true });
    expect(devices.find((d) => d.deviceId === 'laptop-zhang')?.lastPushAt).toBe(clock.toISOString());
    expect(overview.json.records).toEqual(expect.arrayContaining([{ unit: '平望镇', table: 'visits', count: 1 }]));
    clock = new Date(clock.getTime() + 1000);
  });
});
