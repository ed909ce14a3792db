// The key-project library over the real Dexie schema (fake-indexeddb): stamped saves, one progress
// entry per project and month, a later-stage entry moving the project, exit and re-entry, refusals
// that store nothing, and tombstones kept out of the lists.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../../shared/domain/records';
import { ledgerDb } from '../../../renderer/src/db/db';
const db = ledgerDb();
import { tombstonedRecord as tombstoned } from '../../../shared/sync/recordStamp';
import { defaultSettings } from '../../../renderer/src/db/settingsStore';
import {
  deleteProject,
  exitProjectLibrary,
  loadProjectRows,
  progressEntriesNewestFirst,
  projectProblems,
  reenterProjectLibrary,
  saveProgressEntry,
  saveProject,
} from '../../../renderer/src/features/projects/projectRepo';
import { makeEnterprise, makeProblem } from '../../fixtures/records';
import { RuleError } from '../../../shared/errors/ruleError';

const who: Settings = { ...defaultSettings('device-test'), officerName: '张敏' };
const other: Settings = { ...defaultSettings('device-other'), officerName: '李四' };
const now = new Date('2026-11-26T02:00:00Z'); // Shanghai month 2026-11
const later = new Date('2026-11-27T02:00:00Z');

const projectInput = {
  name: '恒力新材料二期项目',
  enterpriseId: 'ent-0001',
  town: '吴江开发区',
  investorRegion: '港澳台',
  totalInvestment: 12000,
  registeredForeignCapital: 5000,
  stage: '在建',
  leadOfficer: '张敏',
  inLibrary: true,
  libraryEntryDate: '2026-03-10',
  libraryEntrySource: '签约项目',
};

async function rejection(promise: Promise<unknown>): Promise<Record<string, string>> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RuleError);
  return Object.fromEntries((error as RuleError).issues.map((i) => [i.field, i.message]));
}

beforeEach(async () => {
  await Promise.all([db.enterprises.clear(), db.projects.clear(), db.progressEntries.clear(), db.problems.clear()]);
  await db.enterprises.put(makeEnterprise({ id: 'ent-0001', name: '恒力（苏州）新材料有限公司', town: '吴江开发区' }));
});

describe('saving a project', () => {
  it('stores a new project stamped with the officer and device, and edits it in place', async () => {
    const saved = await saveProject(projectInput, who, undefined, now);
    expect(await db.projects.get(saved.id)).toMatchObject({
      name: '恒力新材料二期项目',
      stage: '在建',
      createdAt: now.toISOString(),
      updatedBy: '张敏',
      deviceId: 'device-test',
    });
    const edited = await saveProject({ ...projectInput, totalInvestment: null, enterpriseId: undefined }, other, saved.id, later);
    const stored = await db.projects.get(saved.id);
    expect(stored).toEqual(edited);
    expect(stored).toMatchObject({ createdAt: now.toISOString(), updatedAt: later.toISOString(), updatedBy: '李四', deviceId: 'device-other' });
    expect(stored && 'totalInvestment' in stored).toBe(false);
    expect(stored && 'enterpriseId' in stored).toBe(false);
    expect(await db.projects.count()).toBe(1);
  });

  it('refuses bad input at its fields and stores nothing', async () => {
    expect(await rejection(saveProject({ ...projectInput, totalInvestment: -1, inLibrary: false }, who))).toEqual({
      totalInvestment: '总投资不能为负数',
      libraryExitDate: '移出项目库须填写移出日期',
      libraryExitReasonKind: '移出项目库须选择移出原因',
    });
    expect(await rejection(saveProject({ ...projectInput, enterpriseId: 'no-such-enterprise' }, who))).toEqual({
      enterpriseId: '所选企业不存在或已删除',
    });
    expect(await db.projects.count()).toBe(0);
  });
});

describe('monthly progress', () => {
  it('keeps one entry per project and month: a second save for the month edits the first', async () => {
    const project = await saveProject(projectInput, who, undefined, now);
    const first = await saveProgressEntry(project.id, { month: '2026-11', stage: '在建', progress: '主体施工', investmentToDate: 3000 }, who, now);
    expect(first.replaced).toBe(false);
    const second = await saveProgressEntry(project.id, { month: '2026-11', stage: '在建', progress: '主体结构封顶' }, other, later);
    expect(second.replaced).toBe(true);
    expect(second.entry.id).toBe(first.entry.id);
    const stored = await db.progressEntries.toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ progress: '主体结构封顶', createdAt: now.toISOString(), updatedBy: '李四' });
    expect(stored[0] && 'investmentToDate' in stored[0]).toBe(false);
  });

  it('an entry at a later stage moves the project; an earlier one does not move it back', async () => {
    const project = await saveProject(projectInput, who, undefined, now);
    const moved = await saveProgressEntry(project.id, { month: '2026-11', stage: '设备安装', progress: '设备进场' }, who, later);
    expect(moved.project.stage).toBe('设备安装');
    expect(await db.projects.get(project.id)).toMatchObject({ stage: '设备安装', updatedAt: later.toISOString() });
    await saveProgressEntry(project.id, { month: '2026-09', stage: '在建', progress: '补报九月' }, who, later);
    expect((await db.projects.get(project.id))?.stage).toBe('设备安装');
  });

  it('refuses an empty progress text or a future month, storing nothing', async () => {
    const project = await saveProject(projectInput, who, undefined, now);
    expect(await rejection(saveProgressEntry(project.id, { month: '2026-12', stage: '竣工投产', progress: '' }, who, now))).toEqual({
      progress: '请填写本月进展',
    });
    expect(await rejection(saveProgressEntry(project.id, { month: '2026-12', stage: '竣工投产', progress: '投产' }, who, now))).toEqual({
      month: '不能填报以后的月份（本月为 2026-11）',
    });
    expect(await db.progressEntries.count()).toBe(0);
    expect((await db.projects.get(project.id))?.stage).toBe('在建');
  });

  it('lists entries newest month first, without tombstones', async () => {
    const project = await saveProject(projectInput, who, undefined, now);
    for (const month of ['2026-09', '2026-11', '2026-10']) {
      await saveProgressEntry(project.id, { month, stage: '在建', progress: `进展 ${month}` }, who, now);
    }
    const october = (await db.progressEntries.where('month').equals('2026-10').first())!;
    await db.progressEntries.put(tombstoned(october, who, later));
    expect((await progressEntriesNewestFirst(project.id)).map((e) => e.month)).toEqual(['2026-11', '2026-09']);
    // A deleted month may be reported again: a new entry, not the tombstone revived.
    await saveProgressEntry(project.id, { month: '2026-10', stage: '在建', progress: '重报' }, who, later);
    expect((await progressEntriesNewestFirst(project.id)).map((e) => e.month)).toEqual(['2026-11', '2026-10', '2026-09']);
    expect(await db.progressEntries.count()).toBe(4);
  });
});

describe('progress checked against the project', () => {
  it('refuses a month before the entry and an unconfirmed investment above the total, storing nothing', async () => {
    const project = await saveProject(projectInput, who, undefined, now); // entered 2026-03, total 12000
    const entry = { month: '2026-02', stage: '设备安装', progress: '设备进场', investmentToDate: 100 };
    expect(await rejection(saveProgressEntry(project.id, entry, who, now))).toEqual({ month: '不能填报入库以前的月份（该项目 2026-03 入库）' });
    const over = { ...entry, month: '2026-11', investmentToDate: 12500 };
    expect(await rejection(saveProgressEntry(project.id, over, who, now))).toEqual({
      investmentToDate: '累计完成投资（12500 万美元）超过总投资（12000 万美元），请确认后再保存',
    });
    expect(await db.progressEntries.count()).toBe(0);
    expect((await db.projects.get(project.id))?.stage).toBe('在建');
    // Confirmed, it is saved and moves the stage.
    const saved = await saveProgressEntry(project.id, { ...over, confirmOverTotal: true }, who, now);
    expect(saved.entry).toMatchObject({ month: '2026-11', investmentToDate: 12500 });
    expect(saved.entry).not.toHaveProperty('confirmOverTotal');
    expect((await db.projects.get(project.id))?.stage).toBe('设备安装');
  });
});

describe('library membership', () => {
  it('exits with a date and reason, then re-enters on a later date', async () => {
    const project = await saveProject(projectInput, who, undefined, now);
    expect(await rejection(exitProjectLibrary(project.id, { date: '2026-10-31', reason: '投资方调整投资计划' }, who))).toEqual({
      libraryExitReasonKind: '移出项目库须选择移出原因',
    });
    expect(await rejection(exitProjectLibrary(project.id, { date: '2026-10-31', reasonKind: '其他', reason: ' ' }, who))).toEqual({
      libraryExitReason: '移出原因为“其他”时须写明具体原因',
    });
    expect((await db.projects.get(project.id))?.inLibrary).toBe(true);

    await exitProjectLibrary(project.id, { date: '2026-10-31', reasonKind: '其他', reason: '投资方调整投资计划' }, who, later);
    expect(await db.projects.get(project.id)).toMatchObject({
      inLibrary: false,
      libraryExitDate: '2026-10-31',
      libraryExitReason: '投资方调整投资计划',
      updatedAt: later.toISOString(),
    });

    expect(await rejection(reenterProjectLibrary(project.id, { date: '2026-10-01', source: '区镇推送' }, who))).toEqual({
      libraryEntryDate: '重新入库日期不能早于移出日期（2026-10-31）',
    });
    await reenterProjectLibrary(project.id, { date: '2026-11-20', source: '区镇推送' }, who, later);
    const back = await db.projects.get(project.id);
    expect(back).toMatchObject({ inLibrary: true, libraryEntryDate: '2026-11-20', libraryEntrySource: '区镇推送', libraryExitReason: '' });
    // The history keeps each entry's source and the exit's reason, kind and words.
    expect(back?.history?.filter((e) => e.kind !== '阶段变更').map((e) => [e.kind, e.date, e.entrySource ?? e.reasonKind, e.reason])).toEqual([
      ['入库', '2026-03-10', '签约项目', ''],
      ['移出', '2026-10-31', '其他', '投资方调整投资计划'],
      ['入库', '2026-11-20', '区镇推送', ''],
    ]);
    expect(back && 'libraryExitDate' in back).toBe(false);
  });
});

describe('lists', () => {
  it('lists live projects with their enterprise and whether this month is missing', async () => {
    const reported = await saveProject(projectInput, who, undefined, now);
    await saveProject({ ...projectInput, name: '未填报项目', enterpriseId: undefined }, who, undefined, now);
    await saveProject(
      { ...projectInput, name: '已出库项目', inLibrary: false, libraryExitDate: '2026-10-01', libraryExitReasonKind: '项目终止', libraryExitReason: '暂缓' },
      who,
      undefined,
      now,
    );
    const deleted = await saveProject({ ...projectInput, name: '已删除项目' }, who, undefined, now);
    await saveProgressEntry(reported.id, { month: '2026-11', stage: '在建', progress: '施工' }, who, now);
    await deleteProject(deleted.id, who, later);
    expect((await db.projects.get(deleted.id))?.deletedAt).toBe(later.toISOString());

    const rows = await loadProjectRows('2026-11');
    const byName = Object.fromEntries(rows.map((r) => [r.project.name, r]));
    expect(Object.keys(byName).sort()).toEqual(['已出库项目', '恒力新材料二期项目', '未填报项目'].sort());
    expect(byName['恒力新材料二期项目']).toMatchObject({ missingMonth: false, enterprise: { name: '恒力（苏州）新材料有限公司' } });
    expect(byName['未填报项目']).toMatchObject({ missingMonth: true, enterprise: undefined });
    expect(byName['已出库项目']?.missingMonth).toBe(false);
  });

  it('finds the live problems raised for a project, newest first', async () => {
    const project = await saveProject(projectInput, who, undefined, now);
    await db.problems.bulkPut([
      makeProblem({ id: 'pro-1', projectId: project.id, raisedDate: '2026-11-02' }),
      makeProblem({ id: 'pro-2', projectId: project.id, raisedDate: '2026-11-20' }),
      tombstoned(makeProblem({ id: 'pro-3', projectId: project.id }), who, now),
      makeProblem({ id: 'pro-4' }),
    ]);
    expect((await projectProblems(project.id)).map((p) => p.id)).toEqual(['pro-2', 'pro-1']);
  });
});

describe('the history of the library and of the stage', () => {
  it('keeps every entry and exit with date and reason, and each stage change, through a re-entry', async () => {
    const saved = await saveProject({ ...projectInput, stage: '已设立·前期手续' }, who, undefined, now);
    await saveProgressEntry(saved.id, { month: '2026-10', stage: '在建', progress: '主体施工' }, who, now);
    await exitProjectLibrary(saved.id, { date: '2026-11-20', reasonKind: '其他', reason: '投资方调整计划，项目暂缓' }, who, now);
    await reenterProjectLibrary(saved.id, { date: '2026-11-25', source: '区镇推送' }, other, later);
    await exitProjectLibrary(saved.id, { date: '2026-11-26', reasonKind: '其他', reason: '项目竣工投产' }, other, later);
    const stored = await db.projects.get(saved.id);
    expect(stored?.history?.map((e) => [e.kind, e.date, e.from ?? '', e.to ?? '', e.reason, e.by])).toEqual([
      ['入库', '2026-03-10', '', '', '', '张敏'],
      ['移出', '2026-11-20', '', '', '投资方调整计划，项目暂缓', '张敏'],
      ['入库', '2026-11-25', '', '', '', '李四'],
      // Stage changes are dated the day they were recorded; the same day's exit comes after them.
      ['阶段变更', '2026-11-26', '', '已设立·前期手续', '', '张敏'],
      ['阶段变更', '2026-11-26', '已设立·前期手续', '在建', '', '张敏'],
      ['移出', '2026-11-26', '', '', '项目竣工投产', '李四'],
    ]);
    expect(stored?.history?.[4]?.source).toBe('2026-10 月度进展');
  });

  it('records a stage changed in the project form, and corrects the entry date instead of adding an entry', async () => {
    const saved = await saveProject(projectInput, who, undefined, now);
    await saveProject({ ...projectInput, stage: '设备安装', libraryEntryDate: '2026-03-12' }, who, saved.id, later);
    const history = (await db.projects.get(saved.id))?.history ?? [];
    expect(history.map((e) => [e.kind, e.date, e.from ?? '', e.to ?? ''])).toEqual([
      ['入库', '2026-03-12', '', ''],
      ['阶段变更', '2026-11-26', '', '在建'],
      ['阶段变更', '2026-11-27', '在建', '设备安装'],
    ]);
  });

  it('continues the history of a project stored before histories existed from its rebuilt one', async () => {
    const saved = await saveProject(projectInput, who, undefined, now);
    const { history: _, ...withoutHistory } = (await db.projects.get(saved.id))!;
    await db.projects.put(withoutHistory);
    await exitProjectLibrary(saved.id, { date: '2026-11-26', reasonKind: '其他', reason: '项目暂缓' }, who, later);
    const history = (await db.projects.get(saved.id))?.history ?? [];
    expect(history.map((e) => [e.kind, e.date, e.reconstructed ?? false])).toEqual([
      ['入库', '2026-03-10', true],
      ['移出', '2026-11-26', false],
    ]);
  });
});
