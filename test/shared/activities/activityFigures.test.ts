// The activity figures on a fixture counted by hand: five enterprises, two of 平望镇 assigned to 王敏;
// visits and activities in November and one in October (outside the period); the coverage by visits,
// by activities and either (全覆盖), the counts by type and month, and the policy reach table.
import { describe, expect, it } from 'vitest';
import { activityFigures } from '../../../shared/activities/activityFigures';
import type { Activity } from '../../../shared/domain/activityRecords';
import type { Visit } from '../../../shared/domain/records';
import type { ReportEnterprise } from '../../../shared/reports/reportScope';
import { monthPeriod } from '../../../shared/reports/reportScope';
import { activitySheetRows } from '../../../shared/reports/activitySheet';
import { draftNarrative } from '../../../shared/reports/reportNarrative';
import { serviceMonthFigures } from '../../../shared/reports/serviceMonthFigures';

const meta = { createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z', updatedBy: '王敏', deviceId: 'd', rev: 1, versionVector: { d: 1 } };
const enterprise = (id: string, town: string, assignedOfficer: string): ReportEnterprise => ({ id, name: `企业${id}`, creditCode: '', town, assignedOfficer });
const enterprises = new Map(
  [enterprise('A', '平望镇', '王敏'), enterprise('B', '平望镇', '王敏'), enterprise('C', '平望镇', '李强'), enterprise('D', '黎里镇', '李强'), enterprise('E', '黎里镇', '李强')].map((e) => [e.id, e]),
);
const policies = ['01', '02', '03'].map((code) => ({ id: `policy-${code}`, code, title: `措施${code}` }));

const visit = (id: string, enterpriseId: string, date: string, policyIds: string[], extra: Partial<Visit> = {}): Visit => ({
  ...meta, id, enterpriseId, date, type: '日常走访', officers: ['王敏'], peopleMet: '', summary: '', operations: { employment: '', orders: '', supplyChain: '', outputValue: '', newInvestment: '' }, policyIds, ...extra,
});
const activity = (id: string, type: Activity['type'], date: string, attendeeEnterpriseIds: string[], policyIds: string[], extra: Partial<Activity> = {}): Activity => ({
  ...meta, id, type, date, topic: `活动${id}`, place: '', organiser: '', speakers: [], policyIds, attendeeEnterpriseIds, attendeePeople: {}, summary: '', ...extra,
});

const visits = [
  visit('v1', 'A', '2026-11-03', ['policy-01']),
  visit('v2', 'A', '2026-11-10', ['policy-01', 'policy-02']),
  visit('v3', 'D', '2026-11-12', []),
  visit('v4', 'C', '2026-10-30', ['policy-03']), // October: not in the period
  visit('v5', 'E', '2026-11-15', ['policy-03'], { deletedAt: '2026-11-16T00:00:00.000Z' }), // deleted
];
const activities = [
  activity('x1', '政策宣讲', '2026-11-05', ['A', 'B', 'C'], ['policy-01', 'policy-03']),
  activity('x2', '对话沙龙', '2026-11-20', ['B', 'D', 'gone'], ['policy-03']), // 'gone': a deleted enterprise
  activity('x3', '政策宣讲', '2026-11-25', ['C'], []),
  activity('x4', '现场联合办公', '2026-10-28', ['E'], ['policy-02']), // October
  activity('x5', '政策宣讲', '2026-11-26', ['E'], ['policy-02'], { deletedAt: '2026-11-27T00:00:00.000Z' }),
];

describe('activity figures', () => {
  it('counts the district: coverage by visits, by activities and either, by type and month, and the policy reach', () => {
    const f = activityFigures({ visits, activities }, { period: monthPeriod('2026-11'), scope: { kind: 'all' }, enterprises, policies });
    // Visited in November: A, D. Attended: A, B, C (x1), B, D (x2), C (x3) → A, B, C, D. Either: A, B, C, D. E: neither.
    expect(f.coverage).toEqual({ assigned: 5, visited: 2, attended: 4, reached: 4, attendedOnly: 2, visitedRate: 0.4, attendedRate: 0.8, reachedRate: 0.8 });
    expect(f.activities).toBe(3);
    expect(f.attendances).toBe(6); // 3 + 2 (gone not counted) + 1
    expect(f.enterprisesReached).toBe(4);
    expect(f.byTypeMonth).toEqual([
      { month: '2026-11', type: '政策宣讲', activities: 2, attendances: 4, enterprises: 3 },
      { month: '2026-11', type: '对话沙龙', activities: 1, attendances: 2, enterprises: 2 },
    ]);
    expect(f.byType.map((t) => [t.type, t.activities, t.enterprises])).toEqual([['政策宣讲', 2, 3], ['对话沙龙', 1, 2], ['现场联合办公', 0, 0]]);
    // 01: visits v1, v2 (A); activity x1 (A, B, C) → by visit 1, by activity 3, either 3.
    // 02: visit v2 (A); x4 is October, x5 deleted → 1, 0, 1.
    // 03: v4 October, v5 deleted; activities x1 (A, B, C), x2 (B, D) → 0 visits, 2 activities, 4 enterprises.
    expect(f.policyReach.map((p) => [p.code, p.visits, p.activities, p.byVisit, p.byActivity, p.reached])).toEqual([
      ['01', 2, 1, 1, 3, 3],
      ['02', 1, 0, 1, 0, 1],
      ['03', 0, 2, 0, 4, 4],
    ]);
  });

  it('counts an officer’s scope: only their enterprises, whoever else came', () => {
    const f = activityFigures({ visits, activities }, { period: monthPeriod('2026-11'), scope: { kind: 'officer', officer: '王敏' }, enterprises, policies });
    // 王敏's: A (visited, attended x1), B (attended x1, x2). x3 had only C: not counted.
    expect(f.coverage).toEqual({ assigned: 2, visited: 1, attended: 2, reached: 2, attendedOnly: 1, visitedRate: 0.5, attendedRate: 1, reachedRate: 1 });
    expect(f.activities).toBe(2);
    expect(f.attendances).toBe(3); // x1: A, B; x2: B
    expect(f.policyReach.find((p) => p.code === '03')?.reached).toBe(2); // A, B at x1 (B again at x2)
    // The officer's visit to D (another officer's enterprise) still counts for the policy heard there: none.
    expect(f.policyReach.find((p) => p.code === '01')?.byVisit).toBe(1);
  });

  it('lays the figures out as the 集体活动 sheet, every measure listed', () => {
    const f = activityFigures({ visits, activities }, { period: monthPeriod('2026-11'), scope: { kind: 'all' }, enterprises, policies });
    const rows = activitySheetRows(f, [{ activity: activities[0]!, enterpriseNames: ['企业A', '企业B', '企业C'] }]);
    const find = (label: string) => rows.find((r) => r.cells[0] === label)?.cells;
    expect(find('走访或活动覆盖（全覆盖）')).toEqual(['走访或活动覆盖（全覆盖）', 4, 5, null, null, null, 0.8, null]);
    expect(find('03 措施03')).toEqual(['03 措施03', 0, 2, 0, 4, 4, 0.8, null]);
    expect(find('合计')?.slice(0, 4)).toEqual(['合计', 3, 6, 4]);
    expect(rows.at(-1)?.cells).toEqual(['2026-11-05　活动x1', '政策宣讲', 3, null, null, null, null, '参加企业：企业A、企业B、企业C']);
  });
});

describe('the report text', () => {
  it('says the activities and the coverage by visits or activities in 成效', () => {
    const ctx = { period: monthPeriod('2026-11'), scope: { kind: 'all' as const }, asOf: '2026-11-30', enterprises, policies: policies.map((p) => ({ ...p, sourceDocument: '' })) };
    const figures = { ...serviceMonthFigures({ visits, problems: [] }, ctx), activities: activityFigures({ visits, activities }, ctx) };
    expect(draftNarrative(figures).results.split('\n')[1]).toBe('开展政策宣讲 2 场、对话沙龙 1 场，4 家企业参加；走访或参加活动覆盖联系企业 4 家，覆盖率 80.0%。');
  });
});
