// Deleting a visit tombstones it in one transaction with what the officer chose for the problems
// raised in it (kept as the enterprise's, or deleted too), and keeps the enterprise's last-visit date
// right; 恢复 (restoreVisit) brings the visit back with exactly the problems deleted together with it.
import { beforeEach, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../../shared/creditCode';
import type { ProblemContext } from '../../../shared/problems/problemWorkflow';
import { ledgerDb } from '../../../renderer/src/db/db';
const db = ledgerDb();
import { saveEnterprise } from '../../../renderer/src/features/enterprises/enterpriseRepo';
import { deleteVisit, restoreVisit, saveVisitWithProblems, type VisitProblemInput } from '../../../renderer/src/features/visits/visitRepo';

const ctx: ProblemContext = {
  who: { officerName: '张敏', deviceId: 'device-test-1', officerDepartment: '区商务局' },
  now: new Date('2026-11-20T03:00:00Z'),
  overrides: {},
};
const other = { officerName: '李强', deviceId: 'device-test-2' };

let enterpriseId = '';

beforeEach(async () => {
  await Promise.all([db.enterprises.clear(), db.visits.clear(), db.problems.clear(), db.attachments.clear(), db.drafts.clear()]);
  enterpriseId = (
    await saveEnterprise(
      {
        name: '吴江删除测试电子有限公司',
        creditCode: makeCreditCode('91320509MA1000002'),
        town: '吴江开发区',
        address: '',
        industry: '',
        isKeyEnterprise: false,
        isAboveScale: false,
        contactPerson: '',
        contactPhone: '',
        assignedOfficer: '张敏',
        linkedLeader: '',
      },
      ctx.who,
    )
  ).id;
});

const problem = (description: string): VisitProblemInput => ({
  category: '用工',
  description,
  request: '',
  handling: '本部门办理',
  department: '区商务局',
  isComplaint: false,
});

async function visitOn(date: string, descriptions: string[]) {
  return saveVisitWithProblems(
    {
      visit: {
        enterpriseId,
        date,
        type: '调研走访',
        officers: ['张敏'],
        peopleMet: '',
        summary: `${date} 走访`,
        operations: { employment: '', orders: '', supplyChain: '', outputValue: '', newInvestment: '' },
        policyIds: [],
      },
      keptAttachmentIds: [],
      newFiles: [],
      problems: descriptions.map(problem),
    },
    ctx,
  );
}

describe('deleteVisit', () => {
  it('keeps the problems as the enterprise’s when asked, and moves the last-visit date back', async () => {
    await visitOn('2026-11-02', []);
    const latest = await visitOn('2026-11-18', ['缺工 80 人', '物流不畅']);
    const at = new Date('2026-11-21T01:00:00Z');

    const outcome = await deleteVisit(latest.visit.id, 'keep', other, at);

    expect(outcome).toEqual({ deletedProblems: 0, keptProblems: 2 });
    const visit = await db.visits.get(latest.visit.id);
    expect(visit?.deletedAt).toBe(at.toISOString());
    expect(visit?.updatedBy).toBe('李强');
    const problems = await db.problems.where('enterpriseId').equals(enterpriseId).toArray();
    expect(problems.filter((p) => p.deletedAt === undefined)).toHaveLength(2);
    expect((await db.enterprises.get(enterpriseId))?.lastVisitDate).toBe('2026-11-02');
  });

  it('deletes the problems too when asked, and 恢复 brings back exactly those', async () => {
    const saved = await visitOn('2026-11-18', ['缺工 80 人', '物流不畅', '出口退税']);
    // One problem was deleted on its own the day before: restoring the visit must leave it deleted.
    const alone = saved.problems[2]!;
    await db.problems.put({ ...alone, deletedAt: '2026-11-20T05:00:00.000Z', updatedAt: '2026-11-20T05:00:00.000Z' });

    const outcome = await deleteVisit(saved.visit.id, 'delete', other, new Date('2026-11-21T01:00:00Z'));
    expect(outcome).toEqual({ deletedProblems: 2, keptProblems: 0 });
    expect((await db.problems.toArray()).every((p) => p.deletedAt !== undefined)).toBe(true);
    expect((await db.enterprises.get(enterpriseId))?.lastVisitDate).toBeUndefined();

    const back = new Date('2026-11-22T02:00:00Z');
    expect(await restoreVisit(saved.visit.id, ctx.who, back)).toEqual({ restoredProblems: 2 });
    const visit = await db.visits.get(saved.visit.id);
    expect(visit?.deletedAt).toBeUndefined();
    expect(visit).toMatchObject({ updatedAt: back.toISOString(), updatedBy: '张敏', deviceId: 'device-test-1' });
    const live = (await db.problems.toArray()).filter((p) => p.deletedAt === undefined);
    expect(live.map((p) => p.description).sort()).toEqual(['物流不畅', '缺工 80 人'].sort());
    expect(live.every((p) => p.updatedAt === back.toISOString() && p.updatedBy === '张敏')).toBe(true);
    expect((await db.problems.get(alone.id))?.deletedAt).toBe('2026-11-20T05:00:00.000Z');
    expect((await db.enterprises.get(enterpriseId))?.lastVisitDate).toBe('2026-11-18');
  });

  it('refuses a visit that is already deleted, changing nothing', async () => {
    const saved = await visitOn('2026-11-18', ['缺工 80 人']);
    await deleteVisit(saved.visit.id, 'keep', other);
    const before = await db.visits.get(saved.visit.id);
    await expect(deleteVisit(saved.visit.id, 'delete', other)).rejects.toThrow('该走访记录不存在或已被删除');
    expect(await db.visits.get(saved.visit.id)).toEqual(before);
    expect((await db.problems.toArray())[0]?.deletedAt).toBeUndefined();
  });
});
