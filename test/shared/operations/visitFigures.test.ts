// 经营数据 on a visit: the month its figures are for (the visit's month once over, else the month
// before), what counts as typed, the changes against the month's stored figures that the save asks
// about, and entry refusals placed under the visit form's figures.
import { describe, expect, it } from 'vitest';
import { RuleError } from '../../../shared/errors/ruleError';
import {
  defaultVisitFigureMonth,
  figureChanges,
  figuresAsText,
  formatFigureChange,
  hasTypedFigures,
  underVisitFigures,
  visitFigureMonths,
} from '../../../shared/operations/visitFigures';

describe('the month of a visit\'s figures', () => {
  it('is the visit\'s month once it is over, the month before while it is not', () => {
    expect(defaultVisitFigureMonth('2026-11-12', '2026-12')).toBe('2026-11');
    expect(defaultVisitFigureMonth('2026-12-04', '2026-12')).toBe('2026-11');
    expect(defaultVisitFigureMonth('2026-01-05', '2026-01')).toBe('2025-12');
    expect(visitFigureMonths('2026-01-05')).toEqual(['2026-01', '2025-12']);
  });
});

describe('typed figures against the stored ones', () => {
  it('counts a figure typed, not a blank or the month alone', () => {
    expect(hasTypedFigures({ month: '2026-11' })).toBe(false);
    expect(hasTypedFigures({ month: '2026-11', employees: '  ' })).toBe(false);
    expect(hasTypedFigures({ month: '2026-11', employees: '0' })).toBe(true);
  });

  it('lists every figure changed, added or cleared, and none when the stored ones are left as filled in', () => {
    const stored = { outputValue: 1200, employees: 320 };
    expect(figureChanges({ month: '2026-11', ...figuresAsText(stored) }, stored)).toEqual([]);
    // Typed as the officer types: separators and full-width digits are the same figure.
    expect(figureChanges({ month: '2026-11', outputValue: '1,200', employees: '３２０' }, stored)).toEqual([]);
    const changes = figureChanges({ month: '2026-11', outputValue: '', employees: '330', exports: '50' }, stored);
    expect(changes.map(formatFigureChange)).toEqual(['本月产值 1,200 万元 → 未填', '用工人数 320 人 → 330 人', '本月出口额 未填 → 50 万元']);
  });

  it('counts a figure that cannot be read as changed (the save refuses it at its field)', () => {
    expect(figureChanges({ month: '2026-11', employees: '约320' }, { employees: 320 }).map((c) => c.spec.key)).toEqual(['employees']);
  });
});

describe('refusals on the visit form', () => {
  it('go under the figures, saying they are about 经营数据', () => {
    const placed = underVisitFigures(new RuleError([{ field: 'employees', message: '用工人数应为整数（人），如 320' }, { field: '', message: '请至少填写一项经营数据' }]));
    expect((placed as RuleError).issues).toEqual([
      { field: 'figures.employees', message: '经营数据：用工人数应为整数（人），如 320' },
      { field: 'figures.month', message: '经营数据：请至少填写一项经营数据' },
    ]);
    const other = new Error('磁盘已满');
    expect(underVisitFigures(other)).toBe(other);
  });
});
