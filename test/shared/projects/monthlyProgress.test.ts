// One progress report a month per project: the entry's checks, the Shanghai month, who still owes one.
import { describe, expect, it } from 'vitest';
import { parseProgressInput, projectsLackingMonth, shanghaiMonth } from '../../../shared/projects/monthlyProgress';
import { stageAfterProgress, isLaterStage } from '../../../shared/projects/projectStageOrder';
import { RuleError } from '../../../shared/errors/ruleError';

describe('shanghaiMonth', () => {
  it('is the month of the Shanghai calendar day, whatever the laptop zone', () => {
    expect(shanghaiMonth(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11');
    expect(shanghaiMonth(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12');
  });
});

describe('parseProgressInput', () => {
  const entry = { month: '2026-11', stage: '在建', progress: ' 主体结构封顶 ', investmentToDate: 3200, blockers: null };

  it('keeps the trimmed entry', () => {
    expect(parseProgressInput(entry, '2026-11')).toEqual({
      month: '2026-11',
      stage: '在建',
      progress: '主体结构封顶',
      investmentToDate: 3200,
      blockers: '',
    });
  });

  it('refuses with a Chinese message at the field', () => {
    const fields = (raw: unknown) => {
      try {
        parseProgressInput(raw, '2026-11');
        return {};
      } catch (error) {
        expect(error).toBeInstanceOf(RuleError);
        return Object.fromEntries((error as RuleError).issues.map((i) => [i.field, i.message]));
      }
    };
    expect(fields({ ...entry, progress: '  ' })).toEqual({ progress: '请填写本月进展' });
    expect(fields({ ...entry, investmentToDate: -5 })).toEqual({ investmentToDate: '累计完成投资不能为负数' });
    expect(fields({ ...entry, month: '2026-13' })).toEqual({ month: '填报月份应为 YYYY-MM' });
    expect(fields({ ...entry, month: '2026-12' })).toEqual({ month: '不能填报以后的月份（本月为 2026-11）' });
  });
});

describe('projectsLackingMonth', () => {
  it('lists the live in-library projects without a live entry for the month', () => {
    const projects = [
      { id: 'a', inLibrary: true },
      { id: 'b', inLibrary: true },
      { id: 'c', inLibrary: false },
      { id: 'd', inLibrary: true, deletedAt: '2026-11-01T00:00:00Z' },
      { id: 'e', inLibrary: true },
    ];
    const entries = [
      { projectId: 'a', month: '2026-11' },
      { projectId: 'b', month: '2026-10' },
      { projectId: 'e', month: '2026-11', deletedAt: '2026-11-02T00:00:00Z' },
    ];
    expect([...projectsLackingMonth(projects, entries, '2026-11')].sort()).toEqual(['b', 'e']);
  });
});

describe('stage order', () => {
  it('moves a project on to a later stage only', () => {
    expect(isLaterStage('设备安装', '在建')).toBe(true);
    expect(stageAfterProgress('在建', '设备安装')).toBe('设备安装');
    expect(stageAfterProgress('在建', '已设立·前期手续')).toBe('在建');
    expect(stageAfterProgress('竣工投产', '竣工投产')).toBe('竣工投产');
  });
});
