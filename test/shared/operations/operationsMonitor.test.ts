// 经营监测 figures on a small fixture checked by hand, and properties: the by-town and by-industry
// groups add up to the overall row, every enterprise in scope is either reported or missing, and the
// fallers only fell.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { operationsMonitor, type MonitorEnterprise, type MonitorReport } from '../../../shared/operations/operationsMonitor';

const e = (id: string, name: string, town: string, industry: string): MonitorEnterprise => ({ id, name, town, industry });
const e1 = e('e1', '甲精密', '松陵', '机械');
const e2 = e('e2', '乙电子', '松陵', '电子');
const e3 = e('e3', '丙纺织', '盛泽', '纺织');
const e4 = e('e4', '丁材料', '盛泽', '机械');
const e5 = e('e5', '戊科技', '', '');

const r = (enterpriseId: string, month: string, figures: Omit<MonitorReport, 'enterpriseId' | 'month'>): MonitorReport => ({ enterpriseId, month, ...figures });

// 2026-11, five enterprises in scope:
//            本月产值 (上月)   本年累计 (去年同月)  用工 (上月)   本年新增投资 (去年同月)
//   e1 甲    1000 (1200)       9000 (8000)          300 (320)     500 (400)
//   e2 乙     500 (400)        5000 (—)             200 (200)     —
//   e3 丙     300 (600)        —                    100 (150)     —
//   e4 丁    no report (October reported)
//   e5 戊    no report, no October either, no town, no industry
// Overall: 5 enterprises, 3 reported.
//   本月产值 1000+500+300 = 1800; 环比 (1000−1200)+(500−400)+(300−600) = −400 on a base of 1200+400+600 = 2200.
//   本年累计 9000+5000 = 14000; 同比 only e1 compares: +1000 on 8000 = 12.5%.
//   用工 300+200+100 = 600; 环比 −20+0−50 = −70 on 670.
//   本年新增投资 500; 同比 +100 on 400 = 25%.
// 盛泽 (e3, e4): 2 enterprises, 1 reported, 产值 300, −300 on 600 = −50%. 松陵 (e1, e2): 1500, −100 on 1600.
// Falls in 产值: 丙 −300 (−50%), 甲 −200 (−16.7%); in 用工: 丙 −50 (−33.3%), 甲 −20 (−6.25%). 乙 rose.
const fixture = {
  month: '2026-11',
  enterprises: [e1, e2, e3, e4, e5],
  current: [
    r('e1', '2026-11', { outputValue: 1000, outputValueYtd: 9000, employees: 300, newInvestmentYtd: 500 }),
    r('e2', '2026-11', { outputValue: 500, outputValueYtd: 5000, employees: 200 }),
    r('e3', '2026-11', { outputValue: 300, employees: 100 }),
    // Deleted: e4 has no figures this month.
    r('e4', '2026-11', { outputValue: 999, deletedAt: '2026-11-20T00:00:00.000Z' }),
    // Not in scope.
    r('e9', '2026-11', { outputValue: 5000, employees: 50 }),
  ],
  previous: [
    r('e1', '2026-10', { outputValue: 1200, outputValueYtd: 8000, employees: 320 }),
    r('e2', '2026-10', { outputValue: 400, employees: 200 }),
    r('e3', '2026-10', { outputValue: 600, employees: 150 }),
    r('e4', '2026-10', { outputValue: 80 }),
  ],
  lastYear: [r('e1', '2025-11', { outputValueYtd: 8000, newInvestmentYtd: 400 })],
};

describe('operationsMonitor on the hand-checked fixture', () => {
  const m = operationsMonitor(fixture);

  it('names the months it compares', () => {
    expect([m.month, m.previousMonth, m.lastYearMonth]).toEqual(['2026-11', '2026-10', '2025-11']);
  });

  it('totals the month and compares like for like', () => {
    expect(m.overall.enterprises).toBe(5);
    expect(m.overall.reported).toBe(3);
    expect(m.overall.figures.outputValue).toEqual({ total: 1800, given: 3, change: -400, base: 2200, share: -400 / 2200 });
    expect(m.overall.figures.outputValueYtd).toEqual({ total: 14000, given: 2, change: 1000, base: 8000, share: 0.125 });
    expect(m.overall.figures.employees).toEqual({ total: 600, given: 3, change: -70, base: 670, share: -70 / 670 });
    expect(m.overall.figures.newInvestmentYtd).toEqual({ total: 500, given: 1, change: 100, base: 400, share: 0.25 });
  });

  it('by town in Chinese order, the blank town last', () => {
    expect(m.byTown.map((g) => [g.label, g.enterprises, g.reported, g.figures.outputValue.total, g.figures.outputValue.change])).toEqual([
      ['盛泽', 2, 1, 300, -300],
      ['松陵', 2, 2, 1500, -100],
      ['未填区镇', 1, 0, 0, undefined],
    ]);
    expect(m.byTown[0]!.figures.outputValue.share).toBe(-0.5);
  });

  it('by industry', () => {
    expect(m.byIndustry.map((g) => [g.label, g.enterprises, g.reported, g.figures.outputValue.total])).toEqual([
      ['电子', 1, 1, 500],
      ['纺织', 1, 1, 300],
      ['机械', 2, 1, 1000],
      ['未填行业', 1, 0, 0],
    ]);
  });

  it('the enterprises whose output or jobs fell most, by amount and by share', () => {
    const names = (list: { enterprise: MonitorEnterprise }[]) => list.map((f) => f.enterprise.name);
    expect(names(m.fallers.outputByAmount)).toEqual(['丙纺织', '甲精密']);
    expect(m.fallers.outputByAmount[0]).toMatchObject({ previous: 600, current: 300, change: -300, share: -0.5 });
    expect(names(m.fallers.outputByShare)).toEqual(['丙纺织', '甲精密']);
    expect(names(m.fallers.employeesByAmount)).toEqual(['丙纺织', '甲精密']);
    expect(m.fallers.employeesByShare.map((f) => f.share)).toEqual([-50 / 150, -20 / 320]);
  });

  it('amount and share can disagree: a small enterprise that halved is first by share, not by amount', () => {
    const big = e('b', '大厂', '松陵', '机械');
    const small = e('s', '小厂', '松陵', '机械');
    const x = operationsMonitor({
      month: '2026-11',
      enterprises: [big, small],
      current: [r('b', '2026-11', { outputValue: 9000 }), r('s', '2026-11', { outputValue: 10 })],
      previous: [r('b', '2026-10', { outputValue: 10000 }), r('s', '2026-10', { outputValue: 20 })],
      lastYear: [],
    });
    expect(x.fallers.outputByAmount.map((f) => f.enterprise.name)).toEqual(['大厂', '小厂']);
    expect(x.fallers.outputByShare.map((f) => f.enterprise.name)).toEqual(['小厂', '大厂']);
  });

  it('the enterprises in scope with no figures this month, by town (blank last), saying whether last month had some', () => {
    expect(m.missing.map((x) => [x.enterprise.name, x.reportedLastMonth])).toEqual([
      ['丁材料', true],
      ['戊科技', false],
    ]);
  });

  it('keeps the top N only', () => {
    expect(operationsMonitor(fixture, 1).fallers.outputByAmount.map((f) => f.enterprise.id)).toEqual(['e3']);
  });
});

describe('operationsMonitor properties', () => {
  const towns = ['松陵', '盛泽', '平望', ''];
  const industries = ['机械', '电子', ''];
  const figure = fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined });
  const world = fc
    .array(
      fc.record({
        town: fc.constantFrom(...towns),
        industry: fc.constantFrom(...industries),
        now: fc.option(fc.record({ outputValue: figure, outputValueYtd: figure, employees: figure, newInvestmentYtd: figure }), { nil: undefined }),
        before: fc.option(fc.record({ outputValue: figure, employees: figure }), { nil: undefined }),
      }),
      { maxLength: 30 },
    )
    .map((rows) => {
      const enterprises = rows.map((row, i) => e(`e${i}`, `企业${i}`, row.town, row.industry));
      const current = rows.flatMap((row, i) => (row.now ? [r(`e${i}`, '2026-03', row.now)] : []));
      const previous = rows.flatMap((row, i) => (row.before ? [r(`e${i}`, '2026-02', row.before)] : []));
      return { month: '2026-03', enterprises, current, previous, lastYear: [] };
    });

  it('the groups add up to the overall row, and reported + missing is every enterprise', () => {
    fc.assert(
      fc.property(world, (input) => {
        const m = operationsMonitor(input);
        for (const groups of [m.byTown, m.byIndustry]) {
          expect(groups.reduce((s, g) => s + g.enterprises, 0)).toBe(m.overall.enterprises);
          expect(groups.reduce((s, g) => s + g.reported, 0)).toBe(m.overall.reported);
          for (const key of ['outputValue', 'outputValueYtd', 'employees', 'newInvestmentYtd'] as const) {
            expect(groups.reduce((s, g) => s + g.figures[key].total, 0)).toBe(m.overall.figures[key].total);
            expect(groups.reduce((s, g) => s + (g.figures[key].change ?? 0), 0)).toBe(m.overall.figures[key].change ?? 0);
          }
        }
        expect(m.overall.enterprises).toBe(input.enterprises.length);
        expect(m.overall.reported + m.missing.length).toBe(input.enterprises.length);
      }),
    );
  });

  it('fallers only fell, most first', () => {
    fc.assert(
      fc.property(world, (input) => {
        const { outputByAmount, employeesByShare } = operationsMonitor(input).fallers;
        for (const f of outputByAmount) expect(f.change).toBeLessThan(0);
        for (let i = 1; i < outputByAmount.length; i++) expect(outputByAmount[i]!.change).toBeGreaterThanOrEqual(outputByAmount[i - 1]!.change);
        for (let i = 1; i < employeesByShare.length; i++) expect(employeesByShare[i]!.share!).toBeGreaterThanOrEqual(employeesByShare[i - 1]!.share!);
      }),
    );
  });
});
