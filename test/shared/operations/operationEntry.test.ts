// An operations entry (经营数据): what is refused at which field, with which message, and the jump
// check that asks before a figure typed with a zero too many or too few is saved.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RuleError } from '../../../shared/errors/ruleError';
import { operationReportId, parseOperationInput, type OperationHistory } from '../../../shared/operations/operationEntry';
import { formatFigure, operationFigureSpec, readFigure } from '../../../shared/operations/operationFigures';
import { figureJumps, formatShare, MONTHLY_JUMP_SHARE } from '../../../shared/operations/operationJumps';
import { monthsEndingWith, operationTrend } from '../../../shared/operations/operationTrend';

/** The issues of the RuleError `run` throws, as field → message. */
function refusal(run: () => unknown): Record<string, string> {
  try {
    run();
  } catch (error) {
    if (error instanceof RuleError) return Object.fromEntries(error.issues.map((i) => [i.field, i.message]));
    throw error;
  }
  throw new Error('not refused');
}

const october = { month: '2026-10', outputValue: 1200, outputValueYtd: 11000, employees: 320, vacancies: 15, orderMonths: 3, newInvestmentYtd: 800 };

describe('readFigure', () => {
  const output = operationFigureSpec('outputValue');
  const employees = operationFigureSpec('employees');

  it('reads numbers as typed, full-width and with thousands separators, and empty as not given', () => {
    expect(readFigure(output, '1200')).toEqual({ value: 1200 });
    expect(readFigure(output, ' 1,200.5 ')).toEqual({ value: 1200.5 });
    expect(readFigure(output, '１，２００')).toEqual({ value: 1200 });
    expect(readFigure(output, 0)).toEqual({ value: 0 });
    expect(readFigure(output, '')).toEqual({});
    expect(readFigure(output, null)).toEqual({});
    expect(readFigure(output, undefined)).toEqual({});
  });

  it('refuses text, negatives and part-people with the field named', () => {
    expect(readFigure(output, '约1200')).toEqual({ message: '本月产值应为数字（万元），如 1200 或 1200.5' });
    expect(readFigure(output, '1200万元')).toEqual({ message: '本月产值应为数字（万元），如 1200 或 1200.5' });
    expect(readFigure(output, '-5')).toEqual({ message: '本月产值不能为负数' });
    expect(readFigure(output, Number.NaN)).toEqual({ message: '本月产值应为数字（万元），如 1200 或 1200.5' });
    expect(readFigure(employees, '320.5')).toEqual({ message: '用工人数应为整数（人），如 320' });
  });

  it('reads back every non-negative figure it formats as plain text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e11 }).map((cents) => cents / 100), (value) => {
        expect(readFigure(output, String(value))).toEqual({ value });
      }),
    );
  });
});

describe('parseOperationInput', () => {
  it('returns the month, the figures given and the trimmed text', () => {
    expect(parseOperationInput({ month: '2026-11', outputValue: '1300', employees: '318', exports: '', supplyChainIssues: ' 芯片交期长 ' }, '2026-11')).toEqual({
      month: '2026-11',
      outputValue: 1300,
      employees: 318,
      supplyChainIssues: '芯片交期长',
    });
  });

  it('refuses every bad field at once, and saves nothing', () => {
    expect(refusal(() => parseOperationInput({ month: '2026-11', outputValue: 'abc', vacancies: '-3', orderMonths: '三个月' }, '2026-11'))).toEqual({
      outputValue: '本月产值应为数字（万元），如 1200 或 1200.5',
      vacancies: '缺工人数不能为负数',
      orderMonths: '在手订单应为数字（个月），如 1200 或 1200.5',
    });
  });

  it('refuses a month not yet begun, a missing month, and an entry with no figure', () => {
    expect(refusal(() => parseOperationInput({ month: '2026-12', outputValue: 1 }, '2026-11'))).toEqual({ month: '不能填报以后的月份（本月为 2026-11）' });
    expect(refusal(() => parseOperationInput({ outputValue: 1 }, '2026-11'))).toEqual({ month: '请选择填报月份' });
    expect(refusal(() => parseOperationInput({ month: '2026-11', supplyChainIssues: '无' }, '2026-11'))).toEqual({ '': '请至少填写一项经营数据（如本月产值或用工人数）' });
  });

  it('refuses a year-to-date figure below the month’s own, below an earlier month’s of the year, or above a later one’s', () => {
    const history: OperationHistory = [october, { month: '2026-12', outputValueYtd: 14000 }];
    expect(refusal(() => parseOperationInput({ month: '2026-11', outputValue: 1300, outputValueYtd: 1200 }, '2026-12', history))).toEqual({
      outputValueYtd: '本年累计产值不能小于本月产值（1,300 万元）',
    });
    expect(refusal(() => parseOperationInput({ month: '2026-11', outputValueYtd: 10900, newInvestmentYtd: 700 }, '2026-12', history))).toEqual({
      outputValueYtd: '本年累计产值不能小于 2026-10 的本年累计（11,000 万元）',
      newInvestmentYtd: '本年新增投资不能小于 2026-10 的本年累计（800 万元）',
    });
    expect(refusal(() => parseOperationInput({ month: '2026-11', outputValueYtd: 14500 }, '2026-12', history))).toEqual({
      outputValueYtd: '本年累计产值不能大于 2026-12 已填的本年累计（14,000 万元）',
    });
    // A new year starts again from zero; the month's own earlier version is no yardstick.
    expect(parseOperationInput({ month: '2027-01', outputValueYtd: 900 }, '2027-01', [{ month: '2026-12', outputValueYtd: 14000 }]).outputValueYtd).toBe(900);
    expect(parseOperationInput({ month: '2026-10', outputValueYtd: 10000 }, '2026-11', [october]).outputValueYtd).toBe(10000);
  });

  it('asks for confirmation of a figure typed with a zero too many, and takes it once confirmed', () => {
    // The year-to-date total carries the same slip (11,000 + 12,000): it more than doubled.
    const typed = { month: '2026-11', outputValue: '12000', outputValueYtd: '23000', employees: '32' };
    expect(refusal(() => parseOperationInput(typed, '2026-11', [october]))).toEqual({
      outputValue: '本月产值较上月（1,200 万元）变动 +900%，请核对后确认保存',
      outputValueYtd: '本年累计产值较上月（11,000 万元）变动 +109%，请核对后确认保存',
      employees: '用工人数较上月（320 人）变动 −90%，请核对后确认保存',
    });
    expect(parseOperationInput({ ...typed, confirmJumps: true }, '2026-11', [october])).toMatchObject({ outputValue: 12000, employees: 32 });
  });
});

describe('figureJumps (hand-checked)', () => {
  it('lists the monthly figures that moved by more than half, and year-to-date ones that more than doubled', () => {
    const jumps = figureJumps('2026-11', { outputValue: 1800, employees: 150, vacancies: 40, orderMonths: 3, newInvestmentYtd: 2000, outputValueYtd: 12200 }, october);
    expect(jumps.map((j) => [j.spec.key, j.previous, j.current, formatShare(j.share)])).toEqual([
      ['employees', 320, 150, '−53%'],
      ['newInvestmentYtd', 800, 2000, '+150%'],
    ]);
    // 1200 → 1800 is exactly +50%: not more than half. Vacancies 15 → 40 are not checked.
    expect(MONTHLY_JUMP_SHARE).toBe(0.5);
  });

  it('compares only with the month before, never across January for year-to-date totals, and never from zero', () => {
    expect(figureJumps('2026-12', { outputValue: 12000 }, october)).toEqual([]);
    expect(figureJumps('2027-01', { outputValueYtd: 100, outputValue: 1100 }, { month: '2026-12', outputValueYtd: 14000, outputValue: 1000 })).toEqual([]);
    expect(figureJumps('2026-11', { exports: 500 }, { month: '2026-10', exports: 0 })).toEqual([]);
    expect(figureJumps('2026-11', { outputValue: 0 }, october).map((j) => formatShare(j.share))).toEqual(['−100%']);
  });

  it('always lists a monthly figure typed with a zero too many or too few', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e7 }), fc.boolean(), (value, tooMany) => {
        const typed = tooMany ? value * 10 : value / 10;
        const jumps = figureJumps('2026-11', { outputValue: typed }, { month: '2026-10', outputValue: value });
        expect(jumps.map((j) => j.spec.key)).toEqual(['outputValue']);
      }),
    );
  });

  it('never lists a figure that moved by half or less', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e7 }), fc.double({ min: -0.5, max: 0.5, noNaN: true }), (value, share) => {
        const typed = value * (1 + share);
        fc.pre(Math.abs((typed - value) / value) <= MONTHLY_JUMP_SHARE);
        expect(figureJumps('2026-11', { outputValue: typed, employees: value }, { month: '2026-10', outputValue: value, employees: value })).toEqual([]);
      }),
    );
  });
});

describe('operationReportId', () => {
  it('is the same for the same enterprise and month on every laptop', () => {
    expect(operationReportId('ent-1', '2026-11')).toBe('ops-ent-1-2026-11');
    expect(operationReportId('ent-1', '2026-11')).not.toBe(operationReportId('ent-1', '2026-10'));
  });
});

describe('operationTrend', () => {
  it('gives the twelve months up to the last, oldest first, across a new year', () => {
    expect(monthsEndingWith('2027-02')).toEqual([
      '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02',
    ]);
  });

  it('puts each month’s figure in its place and leaves gaps where nothing was given', () => {
    const trend = operationTrend([october, { month: '2026-11', outputValue: 1300 }, { month: '2025-10', outputValue: 9 }], '2026-11');
    expect(trend.series.outputValue.slice(-3)).toEqual([null, 1200, 1300]);
    expect(trend.series.employees.slice(-2)).toEqual([320, null]);
    expect(trend.series.exports.every((v) => v === null)).toBe(true);
    expect(trend.reported).toEqual(['outputValue', 'outputValueYtd', 'employees', 'vacancies', 'orderMonths', 'newInvestmentYtd']);
    expect(formatFigure(operationFigureSpec('orderMonths'), undefined)).toBe('未填');
  });
});
