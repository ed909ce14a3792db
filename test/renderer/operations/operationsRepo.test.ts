// 经营数据 on the laptop: one report per enterprise and month (saving the month again edits it), a
// refused entry stores nothing, a jump is saved only once confirmed, the page's twelve months; and
// between laptops: two officers' entries of the same month merge as versions of one record (the
// later kept, the other a conflict), and a backup carries the reports.
import { addEnterprise as addLaptopEnterprise, at, laptop as makeLaptop, type Laptop } from '../../fixtures/laptops';
import { describe, expect, it } from 'vitest';
import type { OperationReport } from '../../../shared/domain/records';
import { RuleError } from '../../../shared/errors/ruleError';
import {
  applyMerge,
  buildBackup,
  buildChangesPackage,
  openConflicts,
  previewMerge,
  readLedgerPackage,
  restoreBackup,
} from '../../../renderer/src/features/exchange/exchangeRepo';
import {
  operationJumpsOf,
  operationMonthOf,
  recentOperationReports,
  saveOperationReport,
} from '../../../renderer/src/features/operations/operationsRepo';

const laptop = (name: string, deviceId: string): Promise<Laptop> => makeLaptop('operations', name, deviceId);

const addEnterprise = (on: Laptop, serial: string) => addLaptopEnterprise(on, serial);

const november = new Date('2026-11-20T02:00:00Z');
const october = { month: '2026-10', outputValue: '1200', outputValueYtd: '11000', employees: '320', vacancies: '15', orderMonths: '3', newInvestmentYtd: '800', supplyChainIssues: '芯片交期 16 周' };

async function send(from: Laptop, to: Laptop) {
  const built = await buildChangesPackage({ destination: '区商务局' }, from.db);
  await built.markSent();
  const pkg = await readLedgerPackage(built.bytes);
  return { preview: await previewMerge(pkg, to.db), result: await applyMerge(pkg, { takeReference: false }, to.db) };
}

describe('operations on one laptop', () => {
  it('saves a month, and saving it again edits the same report', async () => {
    const zhang = await laptop('张敏', 'laptop-zhang');
    const enterpriseId = await addEnterprise(zhang, '1000001');
    await at(zhang, async () => {
      const first = await saveOperationReport(enterpriseId, october, zhang.who, november);
      expect(first.replaced).toBe(false);
      expect(first.report).toMatchObject({ month: '2026-10', outputValue: 1200, employees: 320, orderMonths: 3, supplyChainIssues: '芯片交期 16 周', rev: 1 });
      expect(first.report.exports).toBeUndefined();
      const again = await saveOperationReport(enterpriseId, { ...october, employees: '330', exports: '200' }, zhang.who, november);
      expect(again.replaced).toBe(true);
      expect(again.report).toMatchObject({ id: first.report.id, employees: 330, exports: 200, rev: 2 });
      expect(await zhang.db.operationReports.count()).toBe(1);
    });
  });

  it('refuses a bad entry at its field and stores nothing', async () => {
    const zhang = await laptop('张敏', 'laptop-zhang');
    const enterpriseId = await addEnterprise(zhang, '1000002');
    await at(zhang, async () => {
      await saveOperationReport(enterpriseId, october, zhang.who, november);
      const refused = saveOperationReport(enterpriseId, { month: '2026-11', outputValue: '一千', outputValueYtd: '10000' }, zhang.who, november);
      await expect(refused).rejects.toBeInstanceOf(RuleError);
      await expect(refused).rejects.toMatchObject({ issues: [{ field: 'outputValue', message: '本月产值应为数字（万元），如 1200 或 1200.5' }] });
      await expect(saveOperationReport(enterpriseId, { month: '2026-11', outputValueYtd: '10000' }, zhang.who, november)).rejects.toMatchObject({
        issues: [{ field: 'outputValueYtd', message: '本年累计产值不能小于 2026-10 的本年累计（11,000 万元）' }],
      });
      await expect(saveOperationReport(enterpriseId, { month: '2026-12', employees: '300' }, zhang.who, november)).rejects.toMatchObject({
        issues: [{ field: 'month', message: '不能填报以后的月份（本月为 2026-11）' }],
      });
      expect(await zhang.db.operationReports.count()).toBe(1);
    });
  });

  it('lists a figure typed with a zero too many and saves it only once confirmed', async () => {
    const zhang = await laptop('张敏', 'laptop-zhang');
    const enterpriseId = await addEnterprise(zhang, '1000003');
    await at(zhang, async () => {
      await saveOperationReport(enterpriseId, october, zhang.who, november);
      const typed = { month: '2026-11', outputValue: '13000', employees: '322' };
      const jumps = await operationJumpsOf(enterpriseId, typed, november);
      expect(jumps.map((j) => [j.spec.label, j.previous, j.current])).toEqual([['本月产值', 1200, 13000]]);
      await expect(saveOperationReport(enterpriseId, typed, zhang.who, november)).rejects.toMatchObject({ issues: [{ field: 'outputValue' }] });
      expect(await zhang.db.operationReports.count()).toBe(1);
      await saveOperationReport(enterpriseId, { ...typed, confirmJumps: true }, zhang.who, november);
      const { entry, previous } = await operationMonthOf(enterpriseId, '2026-11');
      expect([entry?.outputValue, previous?.outputValue]).toEqual([13000, 1200]);
    });
  });

  it('reads the twelve months up to this one, oldest first', async () => {
    const zhang = await laptop('张敏', 'laptop-zhang');
    const enterpriseId = await addEnterprise(zhang, '1000004');
    await at(zhang, async () => {
      for (const month of ['2025-10', '2025-11', '2026-03', '2026-11']) {
        await saveOperationReport(enterpriseId, { month, employees: '300' }, zhang.who, november);
      }
      expect((await recentOperationReports(enterpriseId, '2026-11')).map((r) => r.month)).toEqual(['2026-03', '2026-11']);
      expect((await recentOperationReports(enterpriseId, '2026-10')).map((r) => r.month)).toEqual(['2025-11', '2026-03']);
    });
  });
});

describe('operations between laptops', () => {
  it('merges two officers’ entries of the same month as one record: the later kept, the other a conflict', async () => {
    const zhang = await laptop('张敏', 'laptop-zhang');
    const li = await laptop('李强', 'laptop-li');
    const enterpriseId = await addEnterprise(zhang, '1000005');
    await send(zhang, li);
    await at(zhang, () => saveOperationReport(enterpriseId, { ...october, employees: '320' }, zhang.who, new Date('2026-11-05T02:00:00Z')));
    await at(li, () => saveOperationReport(enterpriseId, { ...october, employees: '325' }, li.who, new Date('2026-11-06T02:00:00Z')));

    const { preview, result } = await send(zhang, li);
    expect(preview.tables.find((t) => t.table === 'operationReports')).toMatchObject({ label: '经营数据', counts: { conflict: 1, added: 0 } });
    expect(result.conflicts).toBe(1);
    const stored = await li.db.operationReports.toArray();
    expect(stored.map((r) => [r.month, r.employees, r.updatedBy])).toEqual([['2026-10', 325, '李强']]);
    const open = await at(li, () => openConflicts());
    expect(open.map((c) => [c.conflict.table, (c.conflict.loser as OperationReport).employees])).toEqual([['operationReports', 320]]);

    // Back the other way: 张敏's laptop ends with the same one report and the same winner.
    await send(li, zhang);
    expect((await zhang.db.operationReports.toArray()).map((r) => [r.month, r.employees])).toEqual([['2026-10', 325]]);

    // A later edit on either laptop has seen both versions: it wins on the other without a conflict.
    await at(zhang, () => saveOperationReport(enterpriseId, { ...october, employees: '330' }, zhang.who, new Date('2026-11-07T02:00:00Z')));
    const third = await send(zhang, li);
    expect(third.preview.tables.find((t) => t.table === 'operationReports')?.counts).toMatchObject({ updated: 1, conflict: 0 });
    expect((await li.db.operationReports.toArray()).map((r) => r.employees)).toEqual([330]);
  });

  it('carries the reports in a backup and restores them', async () => {
    const zhang = await laptop('张敏', 'laptop-zhang');
    const enterpriseId = await addEnterprise(zhang, '1000006');
    await at(zhang, () => saveOperationReport(enterpriseId, october, zhang.who, november));
    const pkg = await readLedgerPackage((await buildBackup(zhang.db)).bytes);
    const replacement = await laptop('张敏', 'laptop-new');
    await restoreBackup(pkg, replacement.db);
    expect((await replacement.db.operationReports.toArray()).map((r) => [r.enterpriseId, r.month, r.outputValue])).toEqual([[enterpriseId, '2026-10', 1200]]);
  });
});
