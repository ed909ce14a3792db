// Before a new build upgrades an older laptop's database, the desktop app writes a backup of it as it
// is — in today's package format, so it restores like any other backup. The browser writes none.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { backupBeforeUpgrade } from '../../../renderer/src/db/preUpgradeBackup';
import { LedgerDatabase, schemaVersions } from '../../../renderer/src/db/schema';
import { readLedgerPackage, restoreBackup } from '../../../renderer/src/features/exchange/exchangeRepo';

const meta = (id: string) => ({ id, createdAt: '2026-10-01T00:00:00.000Z', updatedAt: '2026-10-01T00:00:00.000Z', updatedBy: '张三', deviceId: 'device-old' });

/** A laptop that last ran the build with schema version 3. */
async function versionThreeDatabase(): Promise<string> {
  const name = `pre-upgrade-${Math.random()}`;
  const old = new Dexie(name);
  old.version(1).stores(Object.fromEntries(Object.entries(schemaVersions[0].stores)));
  old.version(2).stores({ ...schemaVersions[1].stores });
  old.version(3).stores({});
  await old.open();
  await old.table('enterprises').put({ ...meta('ent-00001'), name: '苏州甲公司', creditCode: '91320509MA1XXXXX0A', town: '平望镇', searchTokens: ['甲公司'] });
  await old.table('visits').put({
    ...meta('visit-0001'),
    enterpriseId: 'ent-00001',
    date: '2026-10-08',
    type: '调研走访',
    officers: ['张三'],
    peopleMet: '',
    summary: '走访',
    operations: { employment: '', orders: '', supplyChain: '', outputValue: '', newInvestment: '' },
    policyIds: [],
    attachmentIds: ['att-00001'],
  });
  await old.table('attachments').put({ ...meta('att-00001'), ownerId: 'visit-0001', fileName: '车间.jpg', mimeType: 'image/jpeg', size: 3, blob: new Blob([new Uint8Array([4, 5, 6])]) });
  await old.table('settings').put({ key: 'app', value: { officerName: '张三', officerUnit: '', officerDepartment: '', deviceId: 'device-old', towns: ['平望镇'], departments: [], categories: [], visitTypes: [] } });
  old.close();
  return name;
}

function fakeBridge(automatic: boolean) {
  const written: { reason: string; data: Uint8Array }[] = [];
  return {
    written,
    backupStatus: async () => ({ automatic, today: '2026-12-03', dailyDoneToday: false, latest: null }),
    backupWrite: async (args: { reason: string; data: Uint8Array }) => {
      written.push(args);
      return { fileName: 'x.vlpkg', size: args.data.length, createdAt: '2026-12-03T00:00:00.000Z', reason: args.reason };
    },
  };
}

describe('the backup before a schema upgrade', () => {
  it('holds the old database as it was, and restores like any backup', async () => {
    const name = await versionThreeDatabase();
    const bridge = fakeBridge(true);
    expect(await backupBeforeUpgrade(name, bridge as never)).toBe('written');
    expect(bridge.written.map((w) => w.reason)).toEqual(['upgrade']);

    const pkg = await readLedgerPackage(bridge.written[0]!.data);
    expect(pkg.manifest.kind).toBe('backup');
    const restored = new LedgerDatabase(`restored-${Math.random()}`);
    await restoreBackup(pkg, restored);
    expect((await restored.enterprises.get('ent-00001'))?.name).toBe('苏州甲公司');
    expect(await restored.visits.get('visit-0001')).toMatchObject({ summary: '走访', versionVector: { 'device-old': 1 } });
    const photo = await restored.attachments.get('att-00001');
    expect(photo ? [...new Uint8Array(await photo.blob.arrayBuffer())] : []).toEqual([4, 5, 6]);
    expect((await restored.settings.get('app'))?.value.officerName).toBe('张三');

    // The upgrade then runs; the next start finds the database current and writes nothing.
    const upgraded = new LedgerDatabase(name);
    await upgraded.open();
    upgraded.close();
    expect(await backupBeforeUpgrade(name, bridge as never)).toBe('current');
    expect(bridge.written).toHaveLength(1);
  });

  it('writes nothing in the browser, nor on a laptop without a database yet', async () => {
    const name = await versionThreeDatabase();
    const browser = fakeBridge(false);
    expect(await backupBeforeUpgrade(name, browser as never)).toBe('not-automatic');
    expect(await backupBeforeUpgrade(`never-opened-${Math.random()}`, fakeBridge(true) as never)).toBe('no-database');
    expect(browser.written).toHaveLength(0);
  });
});
