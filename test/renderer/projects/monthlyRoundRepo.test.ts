// 月度填报 over the real Dexie schema (fake-indexeddb): the officer's (or a town's) in-library projects
// for a month, last month's entry beside this month's, the missing ones flagged and counted, and a
// blocker turned into a problem linked to the project and its enterprise.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../../shared/domain/records';
import { ledgerDb } from '../../../renderer/src/db/db';
import { defaultSettings } from '../../../renderer/src/db/settingsStore';
import { exitProjectLibrary, saveProgressEntry, saveProject } from '../../../renderer/src/features/projects/projectRepo';
import { loadMonthlyRound, raiseProblemFromBlocker } from '../../../renderer/src/features/projects/monthlyRoundRepo';
import { makeEnterprise } from '../../fixtures/records';
import { RuleError } from '../../../shared/errors/ruleError';

const db = ledgerDb();
const who: Settings = { ...defaultSettings('device-test'), officerName: '张敏' };
const now = new Date('2026-11-26T02:00:00Z'); // Shanghai month 2026-11

const base = {
  enterpriseId: 'ent-0001',
  town: '吴江开发区',
  totalInvestment: 12000,
  stage: '在建',
  leadOfficer: '张敏',
  inLibrary: true,
  libraryEntryDate: '2026-03-10',
  libraryEntrySource: '签约项目',
};

beforeEach(async () => {
  await Promise.all([db.enterprises.clear(), db.projects.clear(), db.progressEntries.clear(), db.problems.clear()]);
  await db.enterprises.put(makeEnterprise({ id: 'ent-0001', name: '恒力（苏州）新材料有限公司', town: '吴江开发区' }));
});

async function fixture() {
  const a = await saveProject({ ...base, name: '甲 精密二期项目' }, who, undefined, now);
  const b = await saveProject({ ...base, name: '乙 新材料项目', enterpriseId: undefined }, who, undefined, now);
  const others = await saveProject({ ...base, name: '丙 他人项目', leadOfficer: '李四', town: '汾湖高新区' }, who, undefined, now);
  const late = await saveProject({ ...base, name: '丁 十二月入库项目', libraryEntryDate: '2026-11-20' }, who, undefined, now);
  const left = await saveProject({ ...base, name: '戊 已出库项目' }, who, undefined, now);
  await exitProjectLibrary(left.id, { date: '2026-09-30', reasonKind: '项目终止' }, who, now);
  await saveProgressEntry(a.id, { month: '2026-10', stage: '在建', progress: '桩基完成', investmentToDate: 3000 }, who, now);
  await saveProgressEntry(a.id, { month: '2026-11', stage: '设备安装', progress: '设备进场', investmentToDate: 5000, blockers: '施工许可证办理慢' }, who, now);
  await saveProgressEntry(b.id, { month: '2026-10', stage: '在建', progress: '主体开工', blockers: '缺少用地指标' }, who, now);
  return { a, b, others, late, left };
}

describe('loadMonthlyRound', () => {
  it("lists the officer's in-library projects with last month beside this month, flags and counts the missing", async () => {
    const { a, b, late } = await fixture();
    const round = await loadMonthlyRound('2026-11', { kind: 'officer', officer: '张敏' });
    expect(round.rows.map((r) => [r.project.name, r.missing, r.entry?.progress ?? '', r.previous?.progress ?? ''])).toEqual([
      ['丁 十二月入库项目', true, '', ''],
      ['甲 精密二期项目', false, '设备进场', '桩基完成'],
      ['乙 新材料项目', true, '', '主体开工'],
    ]);
    expect([round.done, round.total]).toEqual([1, 3]);
    const rowA = round.rows.find((r) => r.project.id === a.id)!;
    expect(rowA.previous).toMatchObject({ month: '2026-10', stage: '在建', investmentToDate: 3000 });
    expect(rowA.enterprise?.name).toBe('恒力（苏州）新材料有限公司');
    expect(round.rows.find((r) => r.project.id === b.id)?.enterprise).toBeUndefined();

    // October: the project that entered in November owes nothing yet.
    const october = await loadMonthlyRound('2026-10', { kind: 'officer', officer: '张敏' });
    expect(october.rows.map((r) => r.project.id)).not.toContain(late.id);
    expect([october.done, october.total]).toEqual([2, 2]);
  });

  it('lists a town, or the whole library, instead', async () => {
    await fixture();
    const town = await loadMonthlyRound('2026-11', { kind: 'town', town: '汾湖高新区' });
    expect(town.rows.map((r) => r.project.name)).toEqual(['丙 他人项目']);
    const all = await loadMonthlyRound('2026-11', { kind: 'all' });
    expect([all.done, all.total]).toEqual([1, 4]); // the project out of the library owes nothing
  });
});

describe('raiseProblemFromBlocker', () => {
  it("raises the month's blocker as a problem of the project's enterprise, and the row links to it", async () => {
    const { a } = await fixture();
    const problem = await raiseProblemFromBlocker(a.id, '2026-11', '建设审批', who, now);
    expect(await db.problems.get(problem.id)).toMatchObject({
      enterpriseId: 'ent-0001',
      projectId: a.id,
      category: '建设审批',
      description: '施工许可证办理慢',
      raisedDate: '2026-11-26',
      officer: '张敏',
    });
    const round = await loadMonthlyRound('2026-11', { kind: 'officer', officer: '张敏' });
    expect(round.rows.find((r) => r.project.id === a.id)?.blockerProblem?.id).toBe(problem.id);
  });

  it('refuses a project without an enterprise or a month without a blocker, writing nothing', async () => {
    const { a, b } = await fixture();
    const refusal = async (promise: Promise<unknown>) => {
      const error = await promise.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RuleError);
      return (error as RuleError).issues.map((i) => i.message);
    };
    expect(await refusal(raiseProblemFromBlocker(b.id, '2026-10', '用地保障', who, now))).toEqual(['该项目尚未关联企业，不能转为问题诉求']);
    expect(await refusal(raiseProblemFromBlocker(a.id, '2026-10', '用地保障', who, now))).toEqual(['2026-10 没有填报存在问题']);
    expect(await db.problems.count()).toBe(0);
  });
});
