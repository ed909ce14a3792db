// One progress report a month per project: the entry's checks, the Shanghai month, who still owes one.
import { describe, expect, it } from 'vitest';
import {
  firstLibraryMonth,
  monthsInLibrary,
  parseProgressInput,
  previousMonth,
  projectsLackingMonth,
  shanghaiMonth,
} from '../../../shared/projects/monthlyProgress';
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

describe('parseProgressInput against the project', () => {
  const entry = { month: '2026-11', stage: '在建', progress: '主体结构封顶', investmentToDate: 3200, blockers: '' };
  const project = { totalInvestment: 3000, libraryEntryDate: '2026-09-15' };
  const fieldsOf = (raw: unknown, facts = project) => {
    try {
      return parseProgressInput(raw, '2026-11', facts);
    } catch (error) {
      expect(error).toBeInstanceOf(RuleError);
      return Object.fromEntries((error as RuleError).issues.map((i) => [i.field, i.message]));
    }
  };

  it('refuses an investment to date above the total unless the officer confirmed it', () => {
    expect(fieldsOf(entry)).toEqual({ investmentToDate: '累计完成投资（3200 万美元）超过总投资（3000 万美元），请确认后再保存' });
    expect(fieldsOf({ ...entry, confirmOverTotal: false })).toHaveProperty('investmentToDate');
    expect(fieldsOf({ ...entry, confirmOverTotal: true })).toMatchObject({ investmentToDate: 3200 });
    // The confirmation is not part of the entry.
    expect(fieldsOf({ ...entry, confirmOverTotal: true })).not.toHaveProperty('confirmOverTotal');
    // Equal to the total, or a project without a total, needs no confirmation.
    expect(fieldsOf({ ...entry, investmentToDate: 3000 })).toMatchObject({ investmentToDate: 3000 });
    expect(fieldsOf(entry, { libraryEntryDate: '2026-09-15' } as typeof project)).toMatchObject({ investmentToDate: 3200 });
  });

  it('refuses a month before the project entered the library, at the month', () => {
    expect(fieldsOf({ ...entry, month: '2026-08', investmentToDate: 100 })).toEqual({ month: '不能填报入库以前的月份（该项目 2026-09 入库）' });
    expect(fieldsOf({ ...entry, month: '2026-09', investmentToDate: 100 })).toMatchObject({ month: '2026-09' });
    // A project that left and came back may still report the months of its first stay.
    const reentered = {
      totalInvestment: 3000,
      libraryEntryDate: '2026-10-20',
      history: [
        { id: 'h1', kind: '入库' as const, date: '2026-03-01', reason: '', source: '', by: '' },
        { id: 'h2', kind: '移出' as const, date: '2026-06-30', reason: '', source: '', by: '' },
        { id: 'h3', kind: '入库' as const, date: '2026-10-20', reason: '', source: '', by: '' },
      ],
    };
    expect(firstLibraryMonth(reentered)).toBe('2026-03');
    expect(fieldsOf({ ...entry, month: '2026-04', investmentToDate: 100 }, reentered)).toMatchObject({ month: '2026-04' });
    expect(fieldsOf({ ...entry, month: '2026-12', investmentToDate: 100 })).toEqual({ month: '不能填报以后的月份（本月为 2026-11）' });
  });
});

describe('months in the library', () => {
  it('lists every month from each entry to its exit (or this month), so the gaps show', () => {
    const history = [
      { kind: '入库' as const, date: '2026-01-20' },
      { kind: '阶段变更' as const, date: '2026-02-03' },
      { kind: '移出' as const, date: '2026-03-05' },
      { kind: '入库' as const, date: '2026-10-08' },
    ];
    expect(monthsInLibrary(history, '2026-12')).toEqual(['2026-01', '2026-02', '2026-03', '2026-10', '2026-11', '2026-12']);
    expect(monthsInLibrary([], '2026-12')).toEqual([]);
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-11')).toBe('2026-10');
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
