import { describe, expect, test } from 'vitest';
import { draftNarrative } from '../../../shared/reports/reportNarrative';
import { monthPeriod, reportFileName, type ReportEnterprise, type ReportScope } from '../../../shared/reports/reportScope';
import { serviceMonthFigures } from '../../../shared/reports/serviceMonthFigures';
import { enterprises, policies, problems, visits } from './reportFixture';

const period = monthPeriod('2026-11');
const enterpriseMap = new Map<string, ReportEnterprise>(
  enterprises.filter((e) => e.deletedAt === undefined).map((e) => [e.id, e]),
);
const figuresFor = (scope: ReportScope) =>
  serviceMonthFigures({ visits, problems }, { period, scope, asOf: '2026-11-30', enterprises: enterpriseMap, policies });

describe('service-month figures (hand-checked against reportFixture)', () => {
  test('all of the district: visits, coverage, problem timeliness, outcomes, complaints', () => {
    const f = figuresFor({ kind: 'all' });
    expect(f.visits).toBe(4); // vis-0004 is October, vis-0006 deleted
    expect(f.enterprisesVisited).toBe(3);
    expect(f.enterprisesAssigned).toBe(4); // the tombstoned enterprise does not count
    expect(f.coverageRate).toBeCloseTo(0.75);
    expect(f.problems.total).toBe(5);
    expect(f.problems.answeredOnTime).toBe(2);
    expect(f.problems.answeredLate).toBe(1);
    expect(f.problems.overdue).toBe(1);
    expect(f.problems.unanswered).toBe(2);
    expect(f.problems.byOutcome).toEqual({ 解决或已有明确途径: 1, 已有方案或正在争取: 1, 提交会商协调: 1 });
    expect(f.unclassified).toBe(2);
    expect(f.outcomeShares.解决或已有明确途径).toBeCloseTo(0.2);
    expect(f.problems.complaints).toBe(2);
    expect(f.problems.complaintClosureRate).toBeCloseTo(0.5);
  });

  test('breakdowns by town, category, department and policy', () => {
    const f = figuresFor({ kind: 'all' });
    const town = Object.fromEntries(f.byTown.map((t) => [t.town, t]));
    expect(town['吴江开发区']).toMatchObject({ visits: 2, enterprisesVisited: 1, enterprisesAssigned: 2, coverageRate: 0.5, problems: 3 });
    expect(town['平望镇']).toMatchObject({ visits: 1, enterprisesVisited: 1, enterprisesAssigned: 1, coverageRate: 1, problems: 1 });
    expect(town['震泽镇']).toMatchObject({ visits: 1, enterprisesAssigned: 1, problems: 1 });
    const category = Object.fromEntries(f.byCategory.map((c) => [c.category, c]));
    expect(category['用工']).toMatchObject({ problems: 2, answered: 1, unanswered: 1, overdue: 0 });
    expect(category['资金融资']).toMatchObject({ problems: 1, answered: 0, overdue: 1 });
    const department = Object.fromEntries(f.byDepartment.map((d) => [d.department, d]));
    expect(department['区商务局']).toMatchObject({ problems: 3, answeredOnTime: 2, overdue: 0 });
    expect(department['区交通运输局']).toMatchObject({ problems: 1, answeredOnTime: 0, answeredLate: 1 });
    expect(f.policies.map((p) => [p.code, p.visits, p.enterprises])).toEqual([
      ['3-01', 2, 1],
      ['3-07', 2, 2],
    ]);
  });

  test('a town scope counts only that town; an officer scope their enterprises and their own visits', () => {
    const town = figuresFor({ kind: 'town', town: '吴江开发区' });
    expect([town.visits, town.enterprisesVisited, town.enterprisesAssigned, town.problems.total]).toEqual([2, 1, 2, 3]);
    expect(town.coverageRate).toBeCloseTo(0.5);
    const officer = figuresFor({ kind: 'officer', officer: '王五' });
    expect(officer.visits).toBe(1); // vis-0003, where 王五 took part
    expect(officer.enterprisesAssigned).toBe(0);
    expect(officer.coverageRate).toBeNull();
  });

  test('the drafted texts state the figures and list open problems by category', () => {
    const n = draftNarrative(figuresFor({ kind: 'all' }));
    expect(n.results).toContain('本期共开展走访 4 次，走访企业 3 家');
    expect(n.results).toContain('走访覆盖率 75.0%');
    expect(n.issues).toContain('尚有 2 个问题未答复，其中已超过答复期限 1 个');
    expect(n.issues).toMatch(/资金融资 1 个/);
    expect(n.nextSteps).toContain('对逾期未答复的 1 个问题逐一督办');
  });

  test('file name: period then unit, characters a file may not hold removed', () => {
    expect(reportFileName(period, '吴江开发区')).toBe('服务月报告-2026-11-吴江开发区.xlsx');
    expect(reportFileName({ from: '2026-11-01', to: '2026-11-15' }, 'a/b:c')).toBe('服务月报告-2026-11-01至2026-11-15-abc.xlsx');
    expect(reportFileName(period, '')).toBe('服务月报告-2026-11.xlsx');
  });
});
