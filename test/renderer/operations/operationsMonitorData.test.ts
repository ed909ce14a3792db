// 经营监测's reads on a laptop: the month's reports by the month index, last month's beside them, the
// enterprises of the scope (one officer's by the assignedOfficer index, or all), deleted ones left out.
import { describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../../shared/creditCode';
import type { Settings } from '../../../shared/domain/records';
import { switchLedgerDb } from '../../../renderer/src/db/db';
import { LedgerDatabase } from '../../../renderer/src/db/schema';
import { defaultSettings } from '../../../renderer/src/db/settingsStore';
import { deleteEnterprise, saveEnterprise } from '../../../renderer/src/features/enterprises/enterpriseRepo';
import { loadOperationsMonitor } from '../../../renderer/src/features/operations/operationsMonitorData';
import { saveOperationReport } from '../../../renderer/src/features/operations/operationsRepo';

const who = { officerName: '张敏', deviceId: 'dev-a' };
const november = new Date('2026-11-20T02:00:00Z');

async function setUp() {
  const db = new LedgerDatabase(`operations-monitor-${Math.random()}`);
  const settings: Settings = { ...defaultSettings('dev-a'), officerName: '张敏', officerDepartment: '区商务局' };
  await db.settings.put({ key: 'app', value: settings });
  switchLedgerDb(db);
  const add = async (serial: string, name: string, town: string, officer: string) =>
    (
      await saveEnterprise(
        { name, creditCode: makeCreditCode(`91320509MA${serial}`), town, address: '', industry: '电子', isKeyEnterprise: false, isAboveScale: true, contactPerson: '', contactPhone: '', assignedOfficer: officer, linkedLeader: '' },
        who,
        undefined,
        new Date('2026-09-01T02:00:00Z'),
      )
    ).id;
  const mine = await add('1234567', '苏州甲公司', '平望镇', '张敏');
  const other = await add('7654321', '苏州乙公司', '盛泽镇', '李强');
  const gone = await add('1111111', '苏州丙公司', '平望镇', '张敏');
  await saveOperationReport(mine, { month: '2026-10', outputValue: '1200', employees: '300' }, who, november);
  await saveOperationReport(mine, { month: '2026-11', outputValue: '1000', employees: '290' }, who, november);
  await saveOperationReport(other, { month: '2026-10', outputValue: '500' }, who, november);
  await deleteEnterprise(gone, who);
  return { db, mine, other };
}

describe('loadOperationsMonitor', () => {
  it('reads the month and last month, for one officer or for all', async () => {
    const { db } = await setUp();
    const mineOnly = await loadOperationsMonitor(db, '2026-11', { kind: 'officer', officer: '张敏' });
    expect(mineOnly.overall.enterprises).toBe(1);
    expect(mineOnly.overall.figures.outputValue).toMatchObject({ total: 1000, change: -200, base: 1200 });
    expect(mineOnly.fallers.outputByAmount.map((f) => f.enterprise.name)).toEqual(['苏州甲公司']);
    expect(mineOnly.missing).toEqual([]);

    const all = await loadOperationsMonitor(db, '2026-11', { kind: 'all' });
    expect(all.overall).toMatchObject({ enterprises: 2, reported: 1 });
    expect(all.byTown.map((g) => g.label)).toEqual(['平望镇', '盛泽镇']);
    expect(all.missing.map((x) => [x.enterprise.name, x.reportedLastMonth])).toEqual([['苏州乙公司', true]]);
  });
});
