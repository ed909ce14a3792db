// 项目库概况 as seed 001 reports it, every figure worked out by hand on the fixture (libraryFixture.ts):
// 2026-11, all towns — in the library at the end of November 甲 乙 丁 辛, at the end of October 甲 丙 丁 辛.
import { describe, expect, it } from 'vitest';
import { inLibraryAt, libraryOverview, monthEnd, previousMonth, stageInMonth } from '../../../shared/projects/libraryOverview';
import { libraryEntries, libraryProjects, libraryRequests } from './libraryFixture';

const overview = (month: string, town?: string) =>
  libraryOverview({ projects: libraryProjects, entries: libraryEntries, problems: libraryRequests, month, town });

describe('libraryOverview, 2026-11, all towns', () => {
  const o = overview('2026-11');

  it('counts the library at the end of the month: projects, investment, average, registered capital, 1 亿美元 and above', () => {
    expect(o.current).toEqual({
      projects: 4,
      totalInvestment: 29_999.5, // 12000 + 8000 + 9999.5 (丁 has none)
      withInvestment: 3,
      averageInvestment: 9_999.83, // 29999.5 ÷ 3
      registeredForeignCapital: 8_000.5, // 5000 + 3000.5 + 0
      over100m: 1, // 甲 12000; 辛 9999.5 is just under
      over100mShare: 0.25,
      over100mInvestment: 12_000,
    });
  });

  it('lists the members by town, then name (pinyin: 甲 jia, 辛 xin, 乙 yi; 平望镇 before 盛泽镇)', () => {
    expect(o.members.map((p) => p.id)).toEqual(['prj-a', 'prj-h', 'prj-b', 'prj-d']);
  });

  it('compares with the library at the end of last month', () => {
    expect(o.previous).toEqual({
      projects: 4, // 甲 丙 丁 辛: 乙 entered in November, 戊 left on 10-15
      totalInvestment: 41_999.5, // 12000 + 20000 + 9999.5
      withInvestment: 3,
      averageInvestment: 13_999.83,
      registeredForeignCapital: 15_000, // 5000 + 10000 + 0
      over100m: 2, // 甲 and 丙
      over100mShare: 0.5,
      over100mInvestment: 32_000,
    });
    expect(o.change).toEqual({ projects: 0, totalInvestment: -12_000, registeredForeignCapital: -6_999.5, over100m: -1 });
  });

  it('splits by the stage each project stood at in the month, every stage listed', () => {
    // 甲 reported 在建 for November (设备安装 only in December); 乙 已设立·前期手续; 丁 and 辛 their stage.
    expect(o.byStage).toEqual([
      { name: '签约未设立', count: 1, share: 0.25, totalInvestment: 0 },
      { name: '已设立·前期手续', count: 1, share: 0.25, totalInvestment: 8_000 },
      { name: '在建', count: 2, share: 0.5, totalInvestment: 21_999.5 },
      { name: '设备安装', count: 0, share: 0, totalInvestment: 0 },
      { name: '竣工投产', count: 0, share: 0, totalInvestment: 0 },
    ]);
  });

  it('splits by source region, most projects first, a blank region as 未填写', () => {
    expect(o.byRegion).toEqual([
      { name: '港澳台', count: 2, share: 0.5, totalInvestment: 21_999.5 },
      { name: '欧美', count: 1, share: 0.25, totalInvestment: 8_000 },
      { name: '未填写', count: 1, share: 0.25, totalInvestment: 0 },
    ]);
  });

  it('lists the month’s entries and exits (a deleted project and a December entry left out)', () => {
    expect(o.entries.map((m) => [m.kind, m.project.name, m.date, m.reason])).toEqual([['入库', '乙新能源电池项目', '2026-11-05', '']]);
    expect(o.exits.map((m) => [m.kind, m.project.name, m.date, m.reason])).toEqual([['出库', '丙半导体封测项目', '2026-11-20', '项目终止：投资方撤回']]);
  });

  it('counts the requests of library projects up to the month end, split by the three outcome classes', () => {
    // req-1 req-2 (甲), req-3 (乙), req-8 (丁); not req-4 (丙 left), req-5 (December), req-6 (deleted), req-7 (no project).
    expect(o.requests).toEqual({
      total: 4,
      raisedThisMonth: 2,
      projects: 3,
      byOutcome: { 解决或已有明确途径: 1, 已有方案或正在争取: 1, 提交会商协调: 1 },
      outcomeShares: { 解决或已有明确途径: 0.25, 已有方案或正在争取: 0.25, 提交会商协调: 0.25 },
      unclassified: 1,
    });
  });
});

describe('libraryOverview for one town', () => {
  it('counts only that town’s projects, and the change against its own last month', () => {
    const o = overview('2026-11', '平望镇');
    expect(o.members.map((p) => p.id)).toEqual(['prj-a', 'prj-h', 'prj-b']);
    expect(o.current.projects).toBe(3);
    expect(o.current.totalInvestment).toBe(29_999.5);
    expect(o.previous.projects).toBe(2); // 甲 辛 (戊 left in October)
    expect(o.change.projects).toBe(1);
    expect(o.entries.map((m) => m.project.id)).toEqual(['prj-b']);
    expect(o.exits).toEqual([]);
    expect(o.requests.total).toBe(3);
    expect(o.byRegion.map((r) => [r.name, r.count])).toEqual([['港澳台', 2], ['欧美', 1]]);
  });

  it('an empty library gives zeros and no shares, not NaN', () => {
    const o = overview('2026-11', '七都镇');
    expect(o.current).toEqual({
      projects: 0,
      totalInvestment: 0,
      withInvestment: 0,
      averageInvestment: null,
      registeredForeignCapital: 0,
      over100m: 0,
      over100mShare: null,
      over100mInvestment: 0,
    });
    expect(o.byStage.every((s) => s.count === 0 && s.share === null)).toBe(true);
    expect(o.requests.outcomeShares).toEqual({ 解决或已有明确途径: null, 已有方案或正在争取: null, 提交会商协调: null });
  });
});

describe('membership and stage of a month', () => {
  const [a, , c, d, e] = libraryProjects;
  it('a project is in the library from its entry day and out from its exit day', () => {
    expect(inLibraryAt(a!, '2026-03-08')).toBe(false);
    expect(inLibraryAt(a!, '2026-03-09')).toBe(true);
    expect(inLibraryAt(c!, '2026-11-19')).toBe(true);
    expect(inLibraryAt(c!, '2026-11-20')).toBe(false);
    expect(inLibraryAt(d!, '2000-01-01')).toBe(true); // in the library, no entry date: always was
    expect(inLibraryAt(e!, '2026-10-14')).toBe(true);
  });

  it('the stage of a month is the one reported then; the stage now once nothing was reported after; the first reported before any report', () => {
    expect(stageInMonth(a!, libraryEntries, '2026-10')).toBe('已设立·前期手续');
    expect(stageInMonth(a!, libraryEntries, '2026-11')).toBe('在建');
    expect(stageInMonth(a!, libraryEntries, '2026-12')).toBe('设备安装');
    expect(stageInMonth(a!, libraryEntries, '2026-09')).toBe('已设立·前期手续');
    expect(stageInMonth(d!, libraryEntries, '2026-09')).toBe('签约未设立'); // never reported: its stage now
  });

  it('months step back across the year', () => {
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(monthEnd('2028-02')).toBe('2028-02-29');
    const january = overview('2026-01');
    expect(january.previous.projects).toBe(2); // 丁 (always) and 戊 at the end of 2025-12
    expect(january.current.projects).toBe(3); // + 丙 entered 2026-01-10
    expect(january.entries.map((m) => m.project.id)).toEqual(['prj-c']);
  });
});
