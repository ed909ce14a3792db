// 回收站 lists what was deleted in the last 30 days — enterprises, visits, problems, projects, and the
// smaller records a slip deletes as easily (一企一策 measures, 培育库 candidates, rating rounds and
// forms, 社会责任 candidates) — with
// who deleted it and when, and 恢复 clears the tombstone, stamps the record as the officer's edit and
// refuses what cannot come back (a record of a deleted enterprise, a credit code taken since).
import { beforeEach, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../../shared/creditCode';
import type { KeyProject } from '../../../shared/domain/records';
import { ledgerDb } from '../../../renderer/src/db/db';
const db = ledgerDb();
import { tombstonedRecord as tombstoned } from '../../../shared/sync/recordStamp';
import { listDeleted, restoreDeleted } from '../../../renderer/src/features/recycleBin/recycleBinRepo';
import { deleteVisit } from '../../../renderer/src/features/visits/visitRepo';
import { addPlanAction, deletePlanAction } from '../../../renderer/src/features/servicePlan/servicePlanRepo';
import { addCultivationCandidates, removeCultivationCandidate } from '../../../renderer/src/features/cultivation/cultivationRepo';
import { deleteCsrCandidate, deleteRating, deleteRound, saveCsrCandidate, saveRating, saveRound } from '../../../renderer/src/features/ratings/ratingsRepo';
import { deleteEnterprise } from '../../../renderer/src/features/enterprises/enterpriseRepo';
import { makeEnterprise, makeProblem, makeVisit, recordMetaFixture } from '../../fixtures/records';

const now = new Date('2026-11-30T04:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
const wang = { officerName: '王芳', deviceId: 'device-w' };
const me = { officerName: '张敏', deviceId: 'device-z' };

const project: KeyProject = {
  ...recordMetaFixture('prj-0001'),
  name: '二期扩建项目',
  enterpriseId: 'ent-0001',
  investorRegion: '',
  stage: '在建',
  inLibrary: true,
  libraryExitReason: '',
  leadOfficer: '',
  town: '',
};

beforeEach(async () => {
  await Promise.all(
    [db.enterprises, db.visits, db.problems, db.projects, db.planActions, db.cultivationCandidates, db.ratingRounds, db.ratings, db.csrCandidates].map((table) => table.clear()),
  );
  await db.enterprises.bulkPut([
    makeEnterprise({ name: '吴江恒力纺织有限公司', creditCode: makeCreditCode('91320509MA1000003') }),
    makeEnterprise({ id: 'ent-0002', name: '吴江旧账机械有限公司', creditCode: makeCreditCode('91320509MA1000004') }),
  ]);
  await db.visits.put(makeVisit({ date: '2026-11-10' }));
  await db.problems.bulkPut([
    makeProblem({ visitId: 'vis-0001' }),
    makeProblem({ id: 'pro-0002', description: '单独删除的问题', enterpriseId: 'ent-0002' }),
  ]);
  await db.projects.put(project);
});

describe('listDeleted', () => {
  it('lists the four kinds deleted in the last 30 days, newest first, with who and when; older ones not', async () => {
    await deleteVisit('vis-0001', 'delete', wang, daysAgo(1));
    await db.projects.put(tombstoned(project, me, daysAgo(3)));
    await db.enterprises.put(tombstoned((await db.enterprises.get('ent-0002'))!, me, daysAgo(2)));
    await db.problems.put(tombstoned((await db.problems.get('pro-0002'))!, me, daysAgo(31)));

    const entries = await listDeleted(now);

    expect(entries.map((e) => [e.kind, e.deletedBy, e.deletedAt])).toEqual([
      ['visit', '王芳', daysAgo(1).toISOString()],
      ['problem', '王芳', daysAgo(1).toISOString()],
      ['enterprise', '张敏', daysAgo(2).toISOString()],
      ['project', '张敏', daysAgo(3).toISOString()],
    ]);
    expect(entries[0]).toMatchObject({ title: '2026-11-10 调研走访（张三）', enterpriseName: '吴江恒力纺织有限公司' });
    expect(entries[1]).toMatchObject({ title: '用工：缺工', deletedWithVisit: true });
    expect(entries[3]).toMatchObject({ title: '二期扩建项目', enterpriseName: '吴江恒力纺织有限公司' });
  });
});

describe('restoreDeleted', () => {
  it('brings a visit back with the problems deleted with it, stamped as the officer’s edit', async () => {
    await deleteVisit('vis-0001', 'delete', wang, daysAgo(1));
    expect(await restoreDeleted('visit', 'vis-0001', me, now)).toBe('走访已恢复，随之删除的 1 个问题也已恢复');
    const [visit, problem] = [await db.visits.get('vis-0001'), await db.problems.get('pro-0001')];
    for (const record of [visit, problem]) {
      expect(record?.deletedAt).toBeUndefined();
      expect(record).toMatchObject({ updatedAt: now.toISOString(), updatedBy: '张敏', deviceId: 'device-z' });
    }
    expect(await listDeleted(now)).toEqual([]);
  });

  it('restores a project and an enterprise', async () => {
    await db.projects.put(tombstoned(project, me, daysAgo(3)));
    await db.enterprises.put(tombstoned((await db.enterprises.get('ent-0002'))!, me, daysAgo(2)));
    await restoreDeleted('project', 'prj-0001', wang, now);
    await restoreDeleted('enterprise', 'ent-0002', wang, now);
    expect((await db.projects.get('prj-0001'))?.deletedAt).toBeUndefined();
    expect(await db.enterprises.get('ent-0002')).toMatchObject({ updatedBy: '王芳', deviceId: 'device-w' });
    expect((await db.enterprises.get('ent-0002'))?.deletedAt).toBeUndefined();
  });

  it('refuses a problem whose enterprise is deleted, and says to restore the enterprise first', async () => {
    await db.enterprises.put(tombstoned((await db.enterprises.get('ent-0002'))!, me, daysAgo(2)));
    await db.problems.put(tombstoned((await db.problems.get('pro-0002'))!, me, daysAgo(2)));
    await expect(restoreDeleted('problem', 'pro-0002', me, now)).rejects.toThrow(
      '该问题所属企业“吴江旧账机械有限公司”已被删除，请先恢复企业',
    );
    expect((await db.problems.get('pro-0002'))?.deletedAt).toBeDefined();
  });

  it('refuses an enterprise whose credit code another live enterprise took since', async () => {
    const gone = tombstoned((await db.enterprises.get('ent-0002'))!, me, daysAgo(2));
    await db.enterprises.bulkPut([gone, makeEnterprise({ id: 'ent-0003', name: '吴江新设机械有限公司', creditCode: gone.creditCode })]);
    await expect(restoreDeleted('enterprise', 'ent-0002', me, now)).rejects.toThrow('已由企业“吴江新设机械有限公司”使用');
    expect((await db.enterprises.get('ent-0002'))?.deletedAt).toBeDefined();
  });
});

describe('the smaller records', () => {
  const round = {
    name: '2026 年评议机关',
    startDate: '2026-11-01',
    endDate: '2026-11-30',
    departments: ['区商务局'],
    towns: [],
    questions: ['服务态度'],
    scale: 'satisfaction',
    minResponses: 1,
    note: '',
  };
  const csr = { year: 2026, enterpriseId: 'ent-0001', taxPaid: '100', jobs: '50', welfare: '0', environment: '优秀', labour: '良好' };

  /** One of each, deleted through its screen's repository, a minute apart (the measure first). */
  async function deleteOneOfEach() {
    const minute = (n: number) => new Date(daysAgo(1).getTime() + n * 60_000);
    const measure = await addPlanAction('ent-0001', { need: '招工难', action: '对接人社局专场招聘会', owner: '张三', dueDate: '2026-12-10' }, me, minute(0));
    await deletePlanAction(measure.id, me, minute(0));
    await addCultivationCandidates({ year: 2026, target: '规上', enterpriseIds: ['ent-0001'], note: '' }, me, minute(1));
    const candidateId = (await db.cultivationCandidates.toArray())[0]!.id;
    await removeCultivationCandidate(candidateId, me, minute(1));
    const saved = await saveRound(round, undefined, me, minute(2));
    const form = await saveRating(saved.id, { enterpriseId: 'ent-0001', targetKind: 'department', target: '区商务局', answers: { 服务态度: '满意' } }, me, minute(2));
    await deleteRating(form.rating.id, wang, minute(3));
    await deleteRound(saved.id, wang, minute(4));
    const { candidate } = await saveCsrCandidate(csr, me, minute(5));
    await deleteCsrCandidate(candidate.id, wang, minute(5));
    return { measureId: measure.id, candidateId, roundId: saved.id, formId: form.rating.id, csrId: candidate.id };
  }

  it('lists a deleted measure, 培育库 candidate, round, form and 社会责任 candidate, each by what the officer knows it by', async () => {
    await deleteOneOfEach();
    const entries = await listDeleted(now);
    expect(entries.map((e) => [e.kind, e.title, e.enterpriseName, e.deletedBy])).toEqual([
      ['csrCandidate', '2026 年社会责任先进企业候选', '吴江恒力纺织有限公司', '王芳'],
      ['ratingRound', '2026 年评议机关（2026-11-01 至 2026-11-30）', '', '王芳'],
      ['rating', '2026 年评议机关：区商务局（部门）评议表', '吴江恒力纺织有限公司', '王芳'],
      ['cultivationCandidate', '2026 年规上培育', '吴江恒力纺织有限公司', '张敏'],
      ['planAction', '一企一策：对接人社局专场招聘会', '吴江恒力纺织有限公司', '张敏'],
    ]);
  });

  it('brings each back as the officer’s edit; a form waits for its round, and a record for its enterprise', async () => {
    const ids = await deleteOneOfEach();
    await expect(restoreDeleted('rating', ids.formId, me, now)).rejects.toThrow('该评议表所属评议“2026 年评议机关”已被删除，请先恢复评议');
    expect(await restoreDeleted('ratingRound', ids.roundId, me, now)).toBe('评议已恢复');
    expect(await restoreDeleted('rating', ids.formId, me, now)).toBe('评议表已恢复');
    expect(await restoreDeleted('planAction', ids.measureId, me, now)).toBe('一企一策措施已恢复');
    expect(await restoreDeleted('cultivationCandidate', ids.candidateId, me, now)).toBe('培育企业已恢复');
    for (const record of [await db.ratings.get(ids.formId), await db.planActions.get(ids.measureId), await db.cultivationCandidates.get(ids.candidateId)]) {
      expect(record?.deletedAt).toBeUndefined();
      expect(record).toMatchObject({ updatedAt: now.toISOString(), updatedBy: '张敏' });
    }

    await deleteEnterprise('ent-0001', wang, now);
    await expect(restoreDeleted('csrCandidate', ids.csrId, me, now)).rejects.toThrow('该候选企业所属企业“吴江恒力纺织有限公司”已被删除，请先恢复企业');
    expect((await db.csrCandidates.get(ids.csrId))?.deletedAt).toBeDefined();
    expect((await listDeleted(now)).map((e) => e.kind).sort()).toEqual(['csrCandidate', 'enterprise']);
  });
});
