// The 汇总 figures of seeded demo data against the same figures counted another way: plain filters
// over the arrays and the problem counts of shared/problems (which the problem list also shows).
import { describe, expect, test } from 'vitest';
import { generateDemoData } from '../../../shared/demo/demoData';
import { countProblems } from '../../../shared/problems/problemStats';
import { monthPeriod } from '../../../shared/reports/reportScope';
import { serviceMonthFigures } from '../../../shared/reports/serviceMonthFigures';

const today = '2026-11-26';
const data = generateDemoData({ seed: 'report-figures', today, enterprises: 200, visits: 1500, problems: 800 });
const enterprises = new Map(data.enterprises.filter((e) => e.deletedAt === undefined).map((e) => [e.id, e]));

describe.each(['2026-11', '2026-09', '2026-03'])('demo data, month %s', (month) => {
  const period = monthPeriod(month);
  const inMonth = (d: string) => d.startsWith(month);

  test('all: visits, enterprises, coverage and problem counts', () => {
    const f = serviceMonthFigures(data, { period, scope: { kind: 'all' }, asOf: today, enterprises, policies: [] });
    const visits = data.visits.filter((v) => v.deletedAt === undefined && inMonth(v.date));
    const visited = new Set(visits.map((v) => v.enterpriseId));
    expect(visits.length).toBeGreaterThan(0);
    expect(f.visits).toBe(visits.length);
    expect(f.enterprisesVisited).toBe(visited.size);
    expect(f.enterprisesAssigned).toBe(enterprises.size);
    expect(f.coverageRate).toBeCloseTo([...visited].filter((id) => enterprises.has(id)).length / enterprises.size);
    const counts = countProblems(data.problems.filter((p) => inMonth(p.raisedDate)), today);
    expect(f.problems).toEqual(counts);
    expect(f.byTown.reduce((sum, t) => sum + t.visits, 0)).toBe(visits.length);
    expect(f.byCategory.reduce((sum, c) => sum + c.problems, 0)).toBe(counts.total);
    expect(f.byDepartment.reduce((sum, d) => sum + d.overdue, 0)).toBe(counts.overdue);
  });

  test('each town scope adds up to the whole', () => {
    const towns = [...new Set(data.enterprises.map((e) => e.town))];
    const all = serviceMonthFigures(data, { period, scope: { kind: 'all' }, asOf: today, enterprises, policies: [] });
    let visits = 0;
    let problems = 0;
    for (const town of towns) {
      const f = serviceMonthFigures(data, { period, scope: { kind: 'town', town }, asOf: today, enterprises, policies: [] });
      visits += f.visits;
      problems += f.problems.total;
    }
    expect([visits, problems]).toEqual([all.visits, all.problems.total]);
  });
});
