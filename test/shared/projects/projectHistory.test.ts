// The history a project stored before histories existed gets in the upgrade, rebuilt from its entry
// and exit fields and its monthly progress entries.
import { describe, expect, it } from 'vitest';
import type { KeyProject, ProgressEntry } from '../../../shared/domain/records';
import { backfillProjectHistory, historyAfterChange, projectHistoryOf } from '../../../shared/projects/projectHistory';
import { recordMetaFixture } from '../../fixtures/records';

const oldProject = (overrides: Partial<KeyProject> = {}): KeyProject => ({
  ...recordMetaFixture('prj-0001', { updatedAt: '2026-10-15T02:00:00Z' }),
  name: '恒力新材料二期项目',
  investorRegion: '港澳台',
  stage: '设备安装',
  inLibrary: false,
  libraryEntryDate: '2026-01-10',
  libraryExitDate: '2026-10-12',
  libraryExitReason: '投资方调整计划，项目暂缓',
  leadOfficer: '张敏',
  town: '吴江开发区',
  ...overrides,
});

const entry = (month: string, stage: ProgressEntry['stage'], filed: string, deletedAt?: string): ProgressEntry => ({
  ...recordMetaFixture(`pe-${month}`, { createdAt: filed, updatedBy: '王芳', ...(deletedAt ? { deletedAt } : {}) }),
  projectId: 'prj-0001',
  month,
  stage,
  progress: '按计划推进',
  blockers: '',
});

describe('backfilling the history of a project stored without one', () => {
  it('rebuilds the entry, the stage changes month by month and the exit with its reason', () => {
    const entries = [
      entry('2026-05', '在建', '2026-05-25T02:00:00Z'),
      entry('2026-03', '签约未设立', '2026-03-24T02:00:00Z'),
      entry('2026-04', '已设立·前期手续', '2026-04-23T02:00:00Z'),
      entry('2026-06', '竣工投产', '2026-06-20T02:00:00Z', '2026-06-21T02:00:00Z'), // deleted: no change
      entry('2026-07', '在建', '2026-07-22T02:00:00Z'),
    ];
    const filled = backfillProjectHistory(oldProject(), entries);
    expect(filled.history?.map((e) => [e.kind, e.date, e.from ?? '', e.to ?? '', e.reason])).toEqual([
      ['入库', '2026-01-10', '', '', ''],
      ['阶段变更', '2026-04-23', '签约未设立', '已设立·前期手续', ''],
      ['阶段变更', '2026-05-25', '已设立·前期手续', '在建', ''],
      ['阶段变更', '2026-10-15', '在建', '设备安装', ''], // changed in the form after the last entry
      ['移出', '2026-10-12', '', '', '投资方调整计划，项目暂缓'],
    ].sort((a, b) => a[1]!.localeCompare(b[1]!)));
    expect(filled.history?.every((e) => e.reconstructed)).toBe(true);
    expect(filled.history?.[1]?.source).toBe('2026-04 月度进展');
  });

  it('leaves a project that has a history as it is, and gives one without entries its entry only', () => {
    const withHistory = oldProject({ history: [] });
    expect(backfillProjectHistory(withHistory, [entry('2026-03', '在建', '2026-03-24T02:00:00Z')])).toBe(withHistory);
    const inLibrary = oldProject({ inLibrary: true, libraryExitDate: undefined, libraryExitReason: '' });
    expect(projectHistoryOf(inLibrary, []).map((e) => e.kind)).toEqual(['入库']);
  });
});

describe('entries with their source and exits with their reason', () => {
  const ctx = (source: string, day: string) => ({ now: new Date(`${day}T02:00:00Z`), by: '张敏', source });
  const fields = {
    stage: '在建' as const,
    inLibrary: true,
    libraryEntryDate: '2026-03-10',
    libraryEntrySource: '签约项目' as const,
    libraryExitReason: '',
  };

  it('keeps the source of each entry and the reason kind and words of each exit', () => {
    const created = historyAfterChange([], undefined, fields, ctx('新建项目', '2026-03-10'));
    const exited = historyAfterChange(
      created,
      fields,
      { ...fields, inLibrary: false, libraryExitDate: '2026-08-01', libraryExitReasonKind: '转出', libraryExitReason: '转至相城区' },
      ctx('移出项目库', '2026-08-01'),
    );
    const back = historyAfterChange(
      exited,
      { ...fields, inLibrary: false, libraryExitDate: '2026-08-01', libraryExitReasonKind: '转出', libraryExitReason: '转至相城区' },
      { ...fields, libraryEntryDate: '2026-10-01', libraryEntrySource: '区镇推送' },
      ctx('重新入库', '2026-10-01'),
    );
    expect(back.filter((e) => e.kind !== '阶段变更').map((e) => [e.kind, e.date, e.entrySource ?? '', e.reasonKind ?? '', e.reason])).toEqual([
      ['入库', '2026-03-10', '签约项目', '', ''],
      ['移出', '2026-08-01', '', '转出', '转至相城区'],
      ['入库', '2026-10-01', '区镇推送', '', ''],
    ]);
  });

  it('a source corrected in the form corrects the entry instead of adding one', () => {
    const created = historyAfterChange([], undefined, fields, ctx('新建项目', '2026-03-10'));
    const corrected = historyAfterChange(created, fields, { ...fields, libraryEntrySource: '其他' }, ctx('编辑项目', '2026-03-11'));
    expect(corrected.filter((e) => e.kind === '入库').map((e) => [e.date, e.entrySource, e.source])).toEqual([
      ['2026-03-10', '其他', '新建项目（编辑项目更正）'],
    ]);
  });

  it('a project stored before the lists keeps its exit in words; one with them rebuilds them too', () => {
    expect(projectHistoryOf(oldProject(), []).find((e) => e.kind === '移出')).toMatchObject({ reason: '投资方调整计划，项目暂缓' });
    expect(projectHistoryOf(oldProject(), []).find((e) => e.kind === '移出')?.reasonKind).toBeUndefined();
    const withKinds = oldProject({ libraryEntrySource: '区镇推送', libraryExitReasonKind: '项目终止' });
    expect(projectHistoryOf(withKinds, []).map((e) => [e.kind, e.entrySource ?? e.reasonKind])).toEqual([
      ['入库', '区镇推送'],
      ['移出', '项目终止'],
    ]);
  });
});
