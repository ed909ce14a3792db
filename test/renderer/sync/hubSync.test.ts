// 同步 between two laptops through a real hub (its HTTP app on PGlite), each laptop a real Dexie
// database: enrolment with the administrator's code, an officer's enterprise and visit reaching the
// bureau's laptop, a sync cut off half-way resuming without loss or doubles, concurrent edits ending
// as one record with the loser on 冲突处理, an offline hub leaving everything as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../../shared/creditCode';
import type { Settings } from '../../../shared/domain/records';
import { HubUnreachableError, sendHubRequest } from '../../../shared/sync/hubTransport';
import { createHubApp } from '../../../server/src/hubApp';
import { migrate, openPglite, type HubDatabase } from '../../../server/src/hubDatabase';
import { switchLedgerDb } from '../../../renderer/src/db/db';
import { LedgerDatabase } from '../../../renderer/src/db/schema';
import { defaultSettings } from '../../../renderer/src/db/settingsStore';
import { saveEnterprise } from '../../../renderer/src/features/enterprises/enterpriseRepo';
import { openConflicts } from '../../../renderer/src/features/exchange/exchangeRepo';
import type { Attachment } from '../../../shared/domain/records';
import type { RuleError } from '../../../shared/errors/ruleError';
import { writeTransaction } from '../../../renderer/src/db/ledgerWrites';
import { enrolWithHub, hubStatus, isOffline, syncWithHub } from '../../../renderer/src/features/sync/hubSyncRepo';

const adminToken = 'admin-for-sync-tests';
const hubUrl = 'https://hub.swj.local:8787';
let hubDb: HubDatabase;
let hub: ReturnType<typeof createHubApp>;

beforeAll(async () => {
  hubDb = await openPglite();
  await migrate(hubDb);
  hub = createHubApp({ db: hubDb, adminToken });
}, 120_000);
afterAll(async () => {
  await hubDb?.close();
});

/** The laptop's hubRequest, answered by the hub app in this process (as the main process would send it). */
const viaHub = (failAfter?: { calls: number }) => {
  let calls = 0;
  return (args: Parameters<typeof sendHubRequest>[1]) => {
    calls++;
    if (failAfter && calls > failAfter.calls) return Promise.reject(new HubUnreachableError(args.hubUrl, new TypeError('fetch failed')));
    return sendHubRequest(((url: URL, init: RequestInit) => hub.request(String(url), init)) as unknown as typeof fetch, args);
  };
};

interface Laptop {
  db: LedgerDatabase;
  settings: Settings;
  who: { officerName: string; deviceId: string };
}

async function laptop(officer: string, deviceId: string, unit: string, scope: 'officer' | 'district'): Promise<Laptop> {
  const db = new LedgerDatabase(`hub-sync-${deviceId}-${Math.random()}`);
  const settings: Settings = { ...defaultSettings(deviceId), officerName: officer, officerDepartment: '区商务局' };
  await db.settings.put({ key: 'app', value: settings });
  const registered = await hub.request('/api/admin/devices', {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ deviceId, officer, unit, district: '吴江区', scope }),
  });
  const { enrolmentCode } = (await registered.json()) as { enrolmentCode: string };
  await enrolWithHub(hubUrl, enrolmentCode, viaHub(), db);
  return { db, settings, who: { officerName: officer, deviceId } };
}

async function at<T>(on: Laptop, work: () => Promise<T>): Promise<T> {
  const previous = switchLedgerDb(on.db);
  try {
    return await work();
  } finally {
    switchLedgerDb(previous);
  }
}

const newEnterprise = (on: Laptop, serial: string, officer = on.settings.officerName) =>
  at(on, () =>
    saveEnterprise(
      { name: `苏州${serial}公司`, creditCode: makeCreditCode(`91320509MA${serial}`), town: '平望镇', address: '', industry: '', isKeyEnterprise: false, isAboveScale: false, contactPerson: '', contactPhone: '', assignedOfficer: officer, linkedLeader: '' },
      on.who,
    ),
  );

describe('同步 through the hub', () => {
  it('refuses a wrong code, a wrong address and an unreachable hub at their fields, and keeps no link', async () => {
    const db = new LedgerDatabase(`hub-sync-wrong-${Math.random()}`);
    await db.settings.put({ key: 'app', value: defaultSettings('laptop-wrong') });
    await expect(enrolWithHub(hubUrl, 'AAAA-BBBB-CCCC', viaHub(), db)).rejects.toThrow('登记码不正确、已使用或设备已停用，请向管理员重新获取登记码');
    await expect(enrolWithHub('hub.local', 'AAAA', viaHub(), db)).rejects.toThrow('同步服务器地址应为 https://主机名:端口 的形式');
    const unreachable = await enrolWithHub(hubUrl, 'AAAA-BBBB-CCCC', viaHub({ calls: 0 }), db).catch((e: unknown) => e);
    expect((unreachable as RuleError).issues).toEqual([{ field: 'url', message: `无法连接同步服务器 ${hubUrl}（网络不通或服务器未开启）。请检查服务器地址和本机网络，仍不行请联系管理员。` }]);
    const wrong = await enrolWithHub(hubUrl, 'AAAA-BBBB-CCCC', viaHub(), db).catch((e: unknown) => e);
    expect((wrong as RuleError).issues).toEqual([{ field: 'code', message: '登记码不正确、已使用或设备已停用，请向管理员重新获取登记码' }]);
    expect((await hubStatus(db)).link).toBeUndefined();
  });

  it('brings an officer’s new enterprise to the bureau, and the bureau’s edit back, as one record each', async () => {
    const zhang = await laptop('张敏', 'laptop-zhang', '平望镇', 'officer');
    const bureau = await laptop('赵局', 'laptop-bureau', '区商务局', 'district');
    const enterprise = await newEnterprise(zhang, '3000001');
    expect((await hubStatus(zhang.db)).pending).toBe(1);

    expect(await syncWithHub(undefined, viaHub(), zhang.db)).toMatchObject({ pushed: 1 });
    expect((await hubStatus(zhang.db)).pending).toBe(0);
    expect(await syncWithHub(undefined, viaHub(), bureau.db)).toMatchObject({ pulled: 1 });
    expect((await bureau.db.enterprises.get(enterprise.id))?.name).toBe('苏州3000001公司');

    // The bureau corrects the address; 张敏 pulls it.
    await at(bureau, () => saveEnterprise({ ...enterprise, address: '平望镇中鲈路 8 号' }, bureau.who, enterprise.id));
    await syncWithHub(undefined, viaHub(), bureau.db);
    await syncWithHub(undefined, viaHub(), zhang.db);
    const onZhang = await zhang.db.enterprises.get(enterprise.id);
    expect(onZhang).toMatchObject({ address: '平望镇中鲈路 8 号', rev: 2 });
    expect(await zhang.db.enterprises.count()).toBe(1);
    const status = await hubStatus(zhang.db);
    expect(status.last).toMatchObject({ ok: true, pulled: 1 });
    // What came from the hub is not sent back to it.
    expect(status.pending).toBe(0);
    expect(await syncWithHub(undefined, viaHub(), zhang.db)).toEqual({ pushed: 0, pulled: 0, conflicts: 0 });
  });

  it('resumes a pull cut off after its first page, with nothing lost or doubled', async () => {
    const li = await laptop('李强', 'laptop-li', '震泽镇', 'officer');
    const bureau = await laptop('钱科', 'laptop-bureau-2', '区商务局', 'district');
    for (let i = 0; i < 3; i++) await newEnterprise(li, `300010${i}`);
    await syncWithHub(undefined, viaHub(), li.db);

    // Enrolled fresh, the bureau's second laptop pulls everything in the district, two records a page;
    // the connection drops after the first page (it has nothing to push).
    await expect(syncWithHub(undefined, viaHub({ calls: 1 }), bureau.db, undefined, 2)).rejects.toThrow('无法连接同步服务器');
    expect((await hubStatus(bureau.db)).last).toMatchObject({ ok: false, pulled: 2 });
    expect(await bureau.db.enterprises.count()).toBe(2);
    await syncWithHub(undefined, viaHub(), bureau.db, undefined, 2);
    const names = (await bureau.db.enterprises.toArray()).map((e) => e.name);
    expect(names.filter((n) => n.startsWith('苏州30001')).sort()).toEqual(['苏州3000100公司', '苏州3000101公司', '苏州3000102公司']);
    expect(new Set(names).size).toBe(names.length);
  });

  it('keeps concurrent edits of one record as one winner, the other on 冲突处理', async () => {
    const a = await laptop('孙丽', 'laptop-sun-a', '黎里镇', 'district');
    const b = await laptop('孙丽', 'laptop-sun-b', '黎里镇', 'district');
    const enterprise = await newEnterprise(a, '3000201');
    await syncWithHub(undefined, viaHub(), a.db);
    await syncWithHub(undefined, viaHub(), b.db);
    await at(a, () => saveEnterprise({ ...enterprise, contactPhone: '0512-11111111' }, a.who, enterprise.id, new Date('2026-12-01T02:00:00Z')));
    await at(b, () => saveEnterprise({ ...enterprise, contactPhone: '0512-22222222' }, b.who, enterprise.id, new Date('2026-12-01T03:00:00Z')));
    await syncWithHub(undefined, viaHub(), a.db);
    const onB = await syncWithHub(undefined, viaHub(), b.db);
    expect(onB.conflicts).toBeGreaterThan(0);
    await syncWithHub(undefined, viaHub(), a.db);
    expect((await a.db.enterprises.get(enterprise.id))?.contactPhone).toBe('0512-22222222');
    expect((await b.db.enterprises.get(enterprise.id))?.contactPhone).toBe('0512-22222222');
    const open = await at(a, () => openConflicts());
    expect(open.map((c) => (c.conflict.loser as { contactPhone?: string }).contactPhone)).toEqual(['0512-11111111']);
  });

  it('carries a visit’s photo with its bytes to the other laptop', async () => {
    const a = await laptop('周洁', 'laptop-zhou-a', '盛泽镇', 'district');
    const b = await laptop('周洁', 'laptop-zhou-b', '盛泽镇', 'district');
    const photo = new Uint8Array(Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256));
    await at(a, () =>
      writeTransaction(['attachments'], (w) =>
        w.create<Attachment>('attachments', { id: 'att-photo-0001', ownerId: 'vis-photo-0001', fileName: '车间.jpg', mimeType: 'image/jpeg', size: photo.length, blob: new Blob([photo]) }),
      { actor: a.who }),
    );
    await syncWithHub(undefined, viaHub(), a.db);
    await syncWithHub(undefined, viaHub(), b.db);
    const stored = await b.db.attachments.get('att-photo-0001');
    expect(stored).toMatchObject({ fileName: '车间.jpg', size: 70_000 });
    expect(new Uint8Array(await stored!.blob.arrayBuffer())).toEqual(photo);
  });

  it('leaves everything as it was when the hub is out of reach, and says it is offline', async () => {
    const wu = await laptop('吴静', 'laptop-wu', '七都镇', 'officer');
    await newEnterprise(wu, '3000301');
    const error = await syncWithHub(undefined, viaHub({ calls: 0 }), wu.db).catch((e: unknown) => e);
    expect(isOffline(error)).toBe(true);
    expect((await hubStatus(wu.db)).pending).toBe(1);
  });
});
