// 培育库 on the laptop: candidates added once per target and year (again: named, not doubled), an
// enterprise counted as reached the moment its entered figures cross the threshold, goals per town set
// and cleared, 确认达标 checked; and between laptops: two officers marking the same enterprise write one
// candidate, and goals travel in a package.
import { addEnterprise as addLaptopEnterprise, at, laptop as makeLaptop, type Laptop } from '../../fixtures/laptops';
import { describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../../shared/creditCode';
import { RuleError } from '../../../shared/errors/ruleError';
import { deleteEnterprise, saveEnterprise } from '../../../renderer/src/features/enterprises/enterpriseRepo';
import { restoreDeleted } from '../../../renderer/src/features/recycleBin/recycleBinRepo';
import { applyMerge, buildChangesPackage, readLedgerPackage } from '../../../renderer/src/features/exchange/exchangeRepo';
import { saveOperationReport } from '../../../renderer/src/features/operations/operationsRepo';
import {
  addCultivationCandidates,
  loadCultivationSummary,
  loadCultivationYear,
  saveCultivationGoal,
  setCandidateAchieved,
} from '../../../renderer/src/features/cultivation/cultivationRepo';

const laptop = (name: string, deviceId: string): Promise<Laptop> => makeLaptop('cultivation', name, deviceId);

const addEnterprise = (on: Laptop, serial: string, town: string) => addLaptopEnterprise(on, serial, { town, isAboveScale: false }, new Date('2026-01-05T02:00:00Z'));

const november = new Date('2026-11-20T02:00:00Z');
const refusal = async (work: Promise<unknown>) => {
  try {
    await work;
  } catch (error) {
    return (error as RuleError).issues.map((i) => i.message);
  }
  return [];
};

describe('培育库 on one laptop', () => {
  it('counts a candidate as reached once its entered figures cross the threshold, against its town’s goal', async () => {
    const zhang = await laptop('张敏', 'laptop-zhang');
    const a = await addEnterprise(zhang, '2000001', '平望镇');
    const b = await addEnterprise(zhang, '2000002', '平望镇');
    await at(zhang, async () => {
      expect(await addCultivationCandidates({ year: 2026, target: '规上', enterpriseIds: [a, b], note: '帮助申报入统' }, zhang.who, november)).toEqual({ added: 2, already: [] });
      await saveCultivationGoal(2026, '规上', '平望镇', 2, zhang.who, november);
      let year = await loadCultivationYear(2026);
      expect(year.targets[0]!.towns.find((t) => t.town === '平望镇')).toEqual({ town: '平望镇', goal: 2, candidates: 2, reached: 0, completion: 0 });

      // September's figures: 1,800 万元 so far; October's cross 2,000.
      await saveOperationReport(a, { month: '2026-09', outputValue: '200', outputValueYtd: '1800' }, zhang.who, november);
      year = await loadCultivationYear(2026);
      expect(year.rows.find((r) => r.candidate.enterpriseId === a)?.state).toEqual({ reached: false, how: '9 月本年累计产值 1,800 万元', gap: 200 });
      await saveOperationReport(a, { month: '2026-10', outputValue: '250', outputValueYtd: '2050' }, zhang.who, november);
      year = await loadCultivationYear(2026);
      expect(year.rows.find((r) => r.candidate.enterpriseId === a)?.state.reached).toBe(true);
      expect(year.targets[0]!.total).toMatchObject({ goal: 2, candidates: 2, reached: 1, completion: 0.5 });

      // A figure of another year does not count for 2026.
      await saveOperationReport(b, { month: '2025-12', outputValue: '300', outputValueYtd: '2600' }, zhang.who, november);
      expect((await loadCultivationYear(2026)).rows.find((r) => r.candidate.enterpriseId === b)?.state.reached).toBe(false);
    });
  });

  it('leaves out the candidate of a deleted enterprise until the enterprise is restored', async () => {
    const zhang = await laptop('张敏', 'laptop-zhang');
    const a = await addEnterprise(zhang, '2000011', '平望镇');
    const b = await addEnterprise(zhang, '2000012', '平望镇');
    await at(zhang, async () => {
      await addCultivationCandidates({ year: 2026, target: '规上', enterpriseIds: [a, b] }, zhang.who, november);
      await deleteEnterprise(b, zhang.who, november);
      const year = await loadCultivationYear(2026);
      expect(year.rows.map((r) => r.candidate.enterpriseId)).toEqual([a]);
      expect(year.targets[0]!.total.candidates).toBe(1);
      expect(year.towns).not.toContain('（未知区镇）');
      await restoreDeleted('enterprise', b, zhang.who, november);
      expect((await loadCultivationYear(2026)).rows).toHaveLength(2);
    });
  });

  it('adds an enterprise once per target and year, and says which were already there', async () => {
    const zhang = await laptop('张敏', 'laptop-zhang');
    const a = await addEnterprise(zhang, '2000003', '震泽镇');
    await at(zhang, async () => {
      await addCultivationCandidates({ year: 2026, target: '上市', enterpriseIds: [a] }, zhang.who, november);
      expect(await addCultivationCandidates({ year: 2026, target: '上市', enterpriseIds: [a] }, zhang.who, november)).toEqual({ added: 0, already: ['苏州2000003公司'] });
      // The same enterprise may be cultivated toward another target, or again next year.
      await addCultivationCandidates({ year: 2026, target: '规上', enterpriseIds: [a] }, zhang.who, november);
      await addCultivationCandidates({ year: 2027, target: '上市', enterpriseIds: [a] }, zhang.who, november);
      expect(await zhang.db.cultivationCandidates.count()).toBe(3);
      expect((await loadCultivationYear(2026)).rows).toHaveLength(2);
    });
  });

  it('confirms 上市 by hand, refusing a day in the future, and offers the bureau’s own lists', async () => {
    const zhang = await laptop('张敏', 'laptop-zhang');
    const a = await addEnterprise(zhang, '2000004', '盛泽镇');
    await at(zhang, async () => {
      await addCultivationCandidates({ year: 2026, target: '上市', enterpriseIds: [a] }, zhang.who, november);
      await addCultivationCandidates({ year: 2026, target: '批零入统', enterpriseIds: [a] }, zhang.who, november);
      const id = (await loadCultivationYear(2026)).rows.find((r) => r.candidate.target === '上市')!.candidate.id;
      expect(await refusal(setCandidateAchieved(id, '2026-11-21', zhang.who, november))).toEqual(['达标日期不能晚于今天（2026-11-20）']);
      expect((await zhang.db.cultivationCandidates.get(id))?.achievedDate).toBeUndefined();
      await setCandidateAchieved(id, '2026-11-18', zhang.who, november);
      const year = await loadCultivationYear(2026);
      expect(year.rows.find((r) => r.candidate.id === id)?.state).toEqual({ reached: true, how: '已确认达标（2026-11-18）' });
      expect(year.targetChoices).toEqual(['规上', '亿元', '上市', '批零入统']);
      await setCandidateAchieved(id, undefined, zhang.who, november);
      expect((await loadCultivationYear(2026)).rows.find((r) => r.candidate.id === id)?.state.reached).toBe(false);
    });
  });

  it('refuses an enterprise that is not stored, and a negative goal, storing nothing', async () => {
    const zhang = await laptop('张敏', 'laptop-zhang');
    await at(zhang, async () => {
      expect(await refusal(addCultivationCandidates({ year: 2026, target: '规上', enterpriseIds: ['ent-nowhere'] }, zhang.who, november))).toEqual([
        '有 1 家企业不存在或已删除，请重新选择',
      ]);
      expect(await refusal(saveCultivationGoal(2026, '规上', '平望镇', -1, zhang.who, november))).toEqual(['平望镇的年度目标应为不小于 0 的整数']);
      expect(await zhang.db.cultivationCandidates.count()).toBe(0);
      expect(await zhang.db.cultivationGoals.count()).toBe(0);
    });
  });

  it('clears a goal when it is emptied, and sets it again', async () => {
    const zhang = await laptop('张敏', 'laptop-zhang');
    await at(zhang, async () => {
      await saveCultivationGoal(2026, '亿元', '黎里镇', 3, zhang.who, november);
      await saveCultivationGoal(2026, '亿元', '黎里镇', undefined, zhang.who, november);
      expect((await loadCultivationYear(2026)).targets).toEqual([]);
      await saveCultivationGoal(2026, '亿元', '黎里镇', 4, zhang.who, november);
      expect((await loadCultivationYear(2026)).targets[0]!.towns.find((t) => t.town === '黎里镇')?.goal).toBe(4);
      expect(await zhang.db.cultivationGoals.count()).toBe(1);
    });
  });
});

describe('培育库 on the workbench', () => {
  it('lists the district against the towns’ goals, and an officer’s own candidates against their number', async () => {
    const zhang = await laptop('张敏', 'laptop-zhang');
    const mine = await addEnterprise(zhang, '2000006', '平望镇');
    const theirs = await at(zhang, async () => {
      const input = { name: '苏州他人公司', creditCode: makeCreditCode('91320509MA2000007'), town: '平望镇', address: '', industry: '', isKeyEnterprise: false, isAboveScale: true, contactPerson: '', contactPhone: '', assignedOfficer: '李强', linkedLeader: '' };
      return (await saveEnterprise(input, zhang.who, undefined, november)).id;
    });
    await at(zhang, async () => {
      await addCultivationCandidates({ year: 2026, target: '规上', enterpriseIds: [mine, theirs] }, zhang.who, november);
      await saveCultivationGoal(2026, '规上', '平望镇', 4, zhang.who, november);
      await saveCultivationGoal(2026, '亿元', '平望镇', 1, zhang.who, november);
      expect(await loadCultivationSummary(2026, '')).toEqual([
        { target: '规上', goal: 4, candidates: 2, reached: 1 }, // 他人公司 is flagged 规上
        { target: '亿元', goal: 1, candidates: 0, reached: 0 },
      ]);
      expect(await loadCultivationSummary(2026, '张敏')).toEqual([{ target: '规上', goal: undefined, candidates: 1, reached: 0 }]);
    });
  });
});

describe('培育库 between laptops', () => {
  it('merges two officers marking the same enterprise as one candidate, and carries the goals', async () => {
    const zhang = await laptop('张敏', 'laptop-zhang');
    const li = await laptop('李强', 'laptop-li');
    const a = await addEnterprise(zhang, '2000005', '平望镇');
    const send = async (from: Laptop, to: Laptop) => {
      const built = await buildChangesPackage({ destination: '区商务局' }, from.db);
      await built.markSent();
      return applyMerge(await readLedgerPackage(built.bytes), { takeReference: false }, to.db);
    };
    await send(zhang, li);
    await at(zhang, () => addCultivationCandidates({ year: 2026, target: '规上', enterpriseIds: [a], note: '张敏跟进' }, zhang.who, november));
    await at(zhang, () => saveCultivationGoal(2026, '规上', '平望镇', 5, zhang.who, november));
    await at(li, () => addCultivationCandidates({ year: 2026, target: '规上', enterpriseIds: [a], note: '李强跟进' }, li.who, new Date('2026-11-21T02:00:00Z')));
    await send(zhang, li);
    const candidates = await li.db.cultivationCandidates.toArray();
    expect(candidates).toHaveLength(1);
    expect(candidates[0]!.note).toBe('李强跟进');
    const year = await at(li, () => loadCultivationYear(2026));
    expect(year.targets[0]!.towns.find((t) => t.town === '平望镇')).toMatchObject({ goal: 5, candidates: 1 });
  });
});
