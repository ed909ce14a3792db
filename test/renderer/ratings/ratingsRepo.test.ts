// 评议 and 社会责任先进企业 on the laptop: one form per enterprise, target and round (saving it again
// replaces it), a round edit that would lose answers refused, an import saved all or none; and between
// laptops: two officers entering the same paper form merge as versions of one record (a conflict, not
// two forms), and the year's weights travel as one record.
import { addEnterprise as addLaptopEnterprise, at, laptop as makeLaptop, type Laptop } from '../../fixtures/laptops';
import { describe, expect, it } from 'vitest';
import type { Rating } from '../../../shared/domain/ratingRecords';
import { RuleError } from '../../../shared/errors/ruleError';
import { applyMerge, buildChangesPackage, openConflicts, readLedgerPackage } from '../../../renderer/src/features/exchange/exchangeRepo';
import {
  importRatings,
  loadCsrYear,
  loadRoundDetail,
  saveCsrCandidate,
  saveCsrWeights,
  saveRating,
  saveRound,
} from '../../../renderer/src/features/ratings/ratingsRepo';

const laptop = (name: string, deviceId: string): Promise<Laptop> => makeLaptop('ratings', name, deviceId);

const addEnterprise = (on: Laptop, serial: string) => addLaptopEnterprise(on, serial);

async function send(from: Laptop, to: Laptop) {
  const built = await buildChangesPackage({ destination: '区商务局' }, from.db);
  await built.markSent();
  return applyMerge(await readLedgerPackage(built.bytes), { takeReference: false }, to.db);
}

const setup = {
  name: '2026 年评议机关',
  startDate: '2026-11-01',
  endDate: '2026-11-30',
  departments: ['区商务局', '区税务局'],
  towns: [],
  questions: ['服务态度', '办事效率'],
  scale: 'satisfaction',
  minResponses: 1,
  note: '',
};

describe('ratings on one laptop', () => {
  it('keeps one form per enterprise and target: saving it again replaces it', async () => {
    const zhang = await laptop('张敏', 'laptop-zhang');
    const e1 = await addEnterprise(zhang, '2000001');
    await at(zhang, async () => {
      const round = await saveRound(setup, undefined, zhang.who);
      const first = await saveRating(round.id, { enterpriseId: e1, targetKind: 'department', target: '区商务局', answers: { 服务态度: '满意' } }, zhang.who);
      expect(first.replaced).toBe(false);
      expect(first.rating.id).toBe(`rating-${round.id}-${e1}-department-区商务局`);
      const again = await saveRating(round.id, { enterpriseId: e1, targetKind: 'department', target: '区商务局', answers: { 服务态度: '不满意', 办事效率: '满意' } }, zhang.who);
      expect(again).toMatchObject({ replaced: true, rating: { id: first.rating.id, rev: 2, answers: { 服务态度: '不满意', 办事效率: '满意' } } });
      expect(await zhang.db.ratings.count()).toBe(1);
      // A target the round does not rate is refused at the field, nothing stored.
      await expect(saveRating(round.id, { enterpriseId: e1, targetKind: 'department', target: '区发改委', answers: { 服务态度: '满意' } }, zhang.who)).rejects.toThrow('本轮评议不包括「区发改委」');
      expect((await loadRoundDetail(round.id))!.results.departments[0]).toMatchObject({ target: '区商务局', responses: 1, overall: 0.5, rank: 1 });
    });
  });

  it('refuses a round edit that would lose answers, and an import with one bad form saves none', async () => {
    const zhang = await laptop('张敏', 'laptop-zhang');
    const e1 = await addEnterprise(zhang, '2000002');
    await at(zhang, async () => {
      const round = await saveRound(setup, undefined, zhang.who);
      await saveRating(round.id, { enterpriseId: e1, targetKind: 'department', target: '区税务局', answers: { 办事效率: '满意' } }, zhang.who);
      const refused = saveRound({ ...setup, departments: ['区商务局'], questions: ['服务态度'] }, round.id, zhang.who);
      await expect(refused).rejects.toBeInstanceOf(RuleError);
      await expect(refused).rejects.toMatchObject({
        issues: [
          { field: 'departments', message: '评议部门「区税务局」已有 1 份评议表，不能移除' },
          { field: 'questions', message: '评议项目「办事效率」已有 1 份答案，不能移除或改名' },
        ],
      });
      // Adding a department is fine.
      expect((await saveRound({ ...setup, departments: ['区商务局', '区税务局', '区发改委'] }, round.id, zhang.who)).departments).toHaveLength(3);

      const good = { enterpriseId: e1, targetKind: 'department' as const, target: '区商务局', answers: { 服务态度: '满意' as const }, comment: '' };
      await expect(importRatings(round.id, [good, { ...good, enterpriseId: 'no-such-enterprise' }], zhang.who)).rejects.toThrow('该企业不存在或已删除');
      expect(await zhang.db.ratings.count()).toBe(1);
      expect(await importRatings(round.id, [good, { ...good, target: '区税务局' }], zhang.who)).toEqual({ added: 1, replaced: 1 });
      expect(await zhang.db.ratings.count()).toBe(2);
    });
  });
});

describe('ratings between laptops', () => {
  it('two officers entering the same paper form make one record: the later kept, the other a conflict', async () => {
    const zhang = await laptop('张敏', 'laptop-zhang');
    const li = await laptop('李强', 'laptop-li');
    const e1 = await addEnterprise(zhang, '2000003');
    const round = await at(zhang, () => saveRound(setup, undefined, zhang.who));
    await send(zhang, li);
    const form = { enterpriseId: e1, targetKind: 'department', target: '区商务局' };
    await at(zhang, () => saveRating(round.id, { ...form, answers: { 服务态度: '满意' } }, zhang.who, new Date('2026-11-05T02:00:00Z')));
    await at(li, () => saveRating(round.id, { ...form, answers: { 服务态度: '基本满意' } }, li.who, new Date('2026-11-06T02:00:00Z')));
    const result = await send(zhang, li);
    expect(result.conflicts).toBe(1);
    expect((await li.db.ratings.toArray()).map((r) => [r.answers.服务态度, r.updatedBy])).toEqual([['基本满意', '李强']]);
    const open = await at(li, () => openConflicts());
    expect(open.map((c) => [c.conflict.table, (c.conflict.loser as Rating).answers.服务态度])).toEqual([['ratings', '满意']]);
  });

  it('carries the candidates and the year’s weights; the ranking on the other laptop is the same', async () => {
    const zhang = await laptop('张敏', 'laptop-zhang');
    const li = await laptop('李强', 'laptop-li');
    const e1 = await addEnterprise(zhang, '2000004');
    const e2 = await addEnterprise(zhang, '2000005');
    await at(zhang, async () => {
      await saveCsrCandidate({ year: 2026, enterpriseId: e1, taxPaid: '100', jobs: '50', welfare: '0', environment: '优秀', labour: '优秀' }, zhang.who);
      await saveCsrCandidate({ year: 2026, enterpriseId: e2, taxPaid: '50', jobs: '100', welfare: '0', environment: '优秀', labour: '优秀' }, zhang.who);
      // Equal weights: a tie. 就业 alone: e2 first.
      expect((await loadCsrYear(2026)).scores.map((s) => s.rank)).toEqual([1, 1]);
      await saveCsrWeights(2026, { taxPaid: 0, jobs: 1, environment: 0, welfare: 0, labour: 0 }, zhang.who);
    });
    await send(zhang, li);
    const there = await at(li, () => loadCsrYear(2026));
    expect(there.defaultWeights).toBe(false);
    expect(there.scores.map((s) => [s.candidate.enterpriseId, s.total, s.rank])).toEqual([
      [e2, 100, 1],
      [e1, 50, 2],
    ]);
  });
});
