import { describe, expect, it } from 'vitest';
import { checkCreditCode } from '../../../shared/creditCode';
import { addCalendarDays } from '../../../shared/calendar/workingDays';
import {
  defaultDemoPolicyIds,
  demoScales,
  generateDemoBatches,
  generateDemoData,
  type DemoData,
} from '../../../shared/demo/demoData';
import {
  enterpriseSchema,
  keyProjectSchema,
  problemSchema,
  problemStatuses,
  progressEntrySchema,
  visitSchema,
} from '../../../shared/domain/records';
import { replyDeadline } from '../../../shared/problems/problemDeadline';
import { problemTimeliness } from '../../../shared/problems/problemTimeliness';
import { defaultDepartments } from '../../../shared/reference/departments';
import { defaultTowns } from '../../../shared/reference/towns';
import { normalizeSearchQuery } from '../../../shared/search/searchTokens';

const today = '2026-11-26';
const small: DemoData = generateDemoData({ seed: 'test', today, ...demoScales.small });

describe('generateDemoData', () => {
  it('gives the same records for the same seed, and different ones for another seed', () => {
    const again = generateDemoData({ seed: 'test', today, ...demoScales.small });
    expect(again).toEqual(small);
    const other = generateDemoData({ seed: 'other', today, ...demoScales.small });
    expect(other.enterprises[0]!.name === small.enterprises[0]!.name && other.enterprises[0]!.id === small.enterprises[0]!.id).toBe(false);
  });

  it('produces exactly the requested counts, with monthly progress for the key projects', () => {
    expect(small.enterprises).toHaveLength(200);
    expect(small.visits).toHaveLength(1200);
    expect(small.problems).toHaveLength(600);
    expect(small.projects.length).toBeGreaterThanOrEqual(6);
    expect(small.progressEntries.length).toBeGreaterThan(small.projects.length);
    const custom = generateDemoData({ seed: 1, today, enterprises: 37, visits: 101, problems: 53, projects: 3 });
    expect([custom.enterprises.length, custom.visits.length, custom.problems.length, custom.projects.length]).toEqual([37, 101, 53, 3]);
  });

  it('fills every placeholder of its texts: an officer never reads “{n}”', () => {
    const texts = JSON.stringify([small.problems, small.visits, small.projects, small.progressEntries]);
    expect(texts).not.toMatch(/\{[a-z]+\}/);
    // A request that quotes an amount quotes the one its description raised.
    const loan = small.problems.find((p) => p.request.includes('万元流动资金贷款'));
    expect(loan?.request).toMatch(/争取\d+00万元流动资金贷款/);
  });

  it('every record passes the schema the app validates imports with', () => {
    for (const e of small.enterprises) enterpriseSchema.parse(e);
    for (const v of small.visits) visitSchema.parse(v);
    for (const p of small.problems) problemSchema.parse(p);
    for (const p of small.projects) keyProjectSchema.parse(p);
    for (const p of small.progressEntries) progressEntrySchema.parse(p);
    const all = [...small.enterprises, ...small.visits, ...small.problems, ...small.projects, ...small.progressEntries];
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    for (const r of all) {
      expect(r.id).toMatch(/^demo-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(r.deviceId).toBe('demo-device');
      expect(r.deletedAt).toBeUndefined();
    }
  });

  it('gives every enterprise a valid, unique credit code, a unique name and searchable tokens', () => {
    const codes = new Set<string>();
    const names = new Set<string>();
    for (const e of small.enterprises) {
      expect(checkCreditCode(e.creditCode)).toEqual({ ok: true, code: e.creditCode });
      codes.add(e.creditCode);
      names.add(e.name);
      expect(defaultTowns).toContain(e.town);
      expect(e.searchTokens).toContain(normalizeSearchQuery(e.name).slice(0, 24));
      expect(e.searchTokens).toContain(e.creditCode.toLowerCase());
    }
    expect(codes.size).toBe(200);
    expect(names.size).toBe(200);
  });

  it('spreads visits over the 12 months before today and keeps each enterprise’s last visit date', () => {
    const yearAgo = addCalendarDays(today, -365);
    const latest = new Map<string, string>();
    for (const v of small.visits) {
      expect(v.date > yearAgo && v.date <= today).toBe(true);
      for (const id of v.policyIds) expect(defaultDemoPolicyIds).toContain(id);
      if ((latest.get(v.enterpriseId) ?? '') < v.date) latest.set(v.enterpriseId, v.date);
    }
    const months = new Set(small.visits.map((v) => v.date.slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(12);
    for (const e of small.enterprises) expect(e.lastVisitDate).toBe(latest.get(e.id));
  });

  it('has problems in every status, with late transfers, late and missing replies, complaints, escalations and 挂牌整改', () => {
    const byStatus = new Map<string, number>();
    for (const p of small.problems) byStatus.set(p.status, (byStatus.get(p.status) ?? 0) + 1);
    for (const status of problemStatuses) expect(byStatus.get(status) ?? 0).toBeGreaterThan(0);

    const timeliness = small.problems.map((p) => problemTimeliness(p, today));
    expect(timeliness.filter((t) => t.transferLate).length).toBeGreaterThan(0);
    expect(timeliness.filter((t) => t.answeredLate).length).toBeGreaterThan(0);
    expect(timeliness.filter((t) => t.overdue).length).toBeGreaterThan(0);
    expect(small.problems.filter((p) => p.isComplaint).length).toBeGreaterThan(0);
    expect(new Set(small.problems.map((p) => p.outcomeClass).filter(Boolean)).size).toBe(3);
    expect(new Set(small.problems.map((p) => p.satisfaction).filter(Boolean)).size).toBe(3);
    expect(new Set(small.problems.map((p) => p.escalation?.meeting).filter(Boolean))).toEqual(new Set(['督办会', '点评会']));
    expect(small.problems.some((p) => p.rectification !== undefined)).toBe(true);
    expect(small.problems.some((p) => p.history.some((h) => h.previousReply !== undefined))).toBe(true);
    expect(small.problems.some((p) => p.visitId === undefined && p.projectId === undefined)).toBe(true);
    expect(small.problems.some((p) => p.projectId !== undefined)).toBe(true);
  });

  it('gives problems deadlines under 首问负责制 and a history that tells their story in order', () => {
    const departments = new Set(defaultDepartments);
    for (const p of small.problems) {
      expect(p.replyDeadline).toBe(replyDeadline(p));
      expect(departments.has(p.department)).toBe(true);
      if (p.handling === '转办' && p.transferDate) expect(p.transferDate >= p.raisedDate).toBe(true);
      if (p.replyDate) expect(p.replyDate >= (p.transferDate ?? p.raisedDate)).toBe(true);
      if (p.replyDate) expect(p.replyDate <= today).toBe(true);
      expect(p.history[0]!.from).toBeUndefined();
      expect(['待处理', '已转办']).toContain(p.history[0]!.to);
      for (let i = 1; i < p.history.length; i++) {
        expect(p.history[i]!.from).toBe(p.history[i - 1]!.to);
        expect(p.history[i]!.at >= p.history[i - 1]!.at).toBe(true);
      }
      expect(p.history[p.history.length - 1]!.to).toBe(p.status);
      expect(p.createdAt).toBe(p.history[0]!.at);
      expect(p.updatedAt).toBe(p.history[p.history.length - 1]!.at);
      if (p.status === '已办结' || p.status === '已答复') expect(p.replyDate).toBeDefined();
      if (p.status === '已升级') expect(p.escalation).toBeDefined();
      if (p.status === '待处理' || p.status === '已转办') expect(p.replyDate).toBeUndefined();
    }
  });

  it('comes in batches whose visits and problems belong to the batch’s own enterprises', () => {
    const options = { seed: 'test', today, ...demoScales.small, enterprisesPerBatch: 60 };
    const batches = [...generateDemoBatches(options)];
    expect(batches.map((b) => b.enterprises.length)).toEqual([60, 60, 60, 20]);
    for (const batch of batches) {
      const ids = new Set(batch.enterprises.map((e) => e.id));
      for (const v of batch.visits) expect(ids.has(v.enterpriseId)).toBe(true);
      for (const p of batch.problems) expect(ids.has(p.enterpriseId)).toBe(true);
    }
    expect(batches.reduce((n, b) => n + b.visits.length, 0)).toBe(1200);
    expect(batches.reduce((n, b) => n + b.problems.length, 0)).toBe(600);
    expect(generateDemoData(options)).toEqual({
      enterprises: batches.flatMap((b) => b.enterprises),
      visits: batches.flatMap((b) => b.visits),
      problems: batches.flatMap((b) => b.problems),
      projects: batches.flatMap((b) => b.projects),
      progressEntries: batches.flatMap((b) => b.progressEntries),
    });
  });

  it('keeps 20,000 enterprise names and credit codes distinct (bureau scale)', () => {
    const names = new Set<string>();
    const codes = new Set<string>();
    for (const batch of generateDemoBatches({ seed: 'bureau', today, enterprises: 20_000, visits: 0, problems: 0, projects: 0 })) {
      for (const e of batch.enterprises) {
        names.add(e.name);
        codes.add(e.creditCode);
      }
    }
    expect(names.size).toBe(20_000);
    expect(codes.size).toBe(20_000);
  });
});

describe('demo data at the year end', () => {
  it('marks the deadlines that run into a year the calendar does not know as provisional, and only those', () => {
    const yearEnd = generateDemoData({ seed: 'test', today: '2026-12-30', ...demoScales.small });
    const provisional = yearEnd.problems.filter((p) => p.replyDeadlineProvisional);
    expect(provisional.length).toBeGreaterThan(0);
    expect(provisional.every((p) => (p.replyDeadline ?? '') >= '2027-01-01')).toBe(true);
    expect(yearEnd.problems.filter((p) => (p.replyDeadline ?? '') >= '2027-01-01' && !p.replyDeadlineProvisional)).toEqual([]);
    expect(small.problems.some((p) => p.replyDeadlineProvisional)).toBe(false);
  });
});
