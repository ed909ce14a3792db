// The problem screens' data access over the real Dexie schema (fake-indexeddb): saving in one
// transaction, transitions that store nothing when a rule is broken, the list's index queries and
// counts, and the home page's due / overdue lists per officer.
import { searchEnterprises } from '../../../renderer/src/features/enterprises/enterpriseRepo';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Enterprise, Settings } from '../../../shared/domain/records';
import { blankEnterpriseFields } from '../../../shared/domain/enterpriseFields';
import { answerProblem, transferProblem } from '../../../shared/problems/problemWorkflow';
import { ledgerDb } from '../../../renderer/src/db/db';
const db = ledgerDb();
import { createdRecord, tombstonedRecord as tombstoned } from '../../../shared/sync/recordStamp';
import { defaultSettings } from '../../../renderer/src/db/settingsStore';
import {
  changeProblem,
  dueList,
  knownOfficers,
  problemCountsOf,
  summarizeFromTallies,
  pageNewestProblems,
  queryProblemIds,
  saveNewProblem,
  summarizeProblems,
} from '../../../renderer/src/features/problems/problemRepo';
import { RuleError } from '../../../shared/errors/ruleError';
import { tombstoneById } from '../../../renderer/src/db/ledgerWrites';
import { restoreDeleted } from '../../../renderer/src/features/recycleBin/recycleBinRepo';

const settings: Settings = { ...defaultSettings('device-test'), officerName: '张敏', officerDepartment: '区商务局' };
const lisi: Settings = { ...settings, officerName: '李四' };
const now = new Date('2026-11-26T02:00:00Z');

async function enterprise(name: string, town: string, searchTokens: string[] = [name]): Promise<Enterprise> {
  const e = createdRecord<Enterprise>({ ...blankEnterpriseFields(), name, town, searchTokens }, settings, now);
  await db.enterprises.put(e);
  return e;
}

const raise = (enterpriseId: string, raisedDate: string, extra: object = {}, who: Settings = settings) =>
  saveNewProblem({ enterpriseId, raisedDate, category: '用工', description: `问题 ${raisedDate}`, ...extra }, who, now);

beforeEach(async () => {
  await Promise.all([db.enterprises.clear(), db.problems.clear(), db.projects.clear(), db.tallies.clear()]);
});

describe('saving', () => {
  it('stores a raised problem with its deadline, stamp and first history entry', async () => {
    const e = await enterprise('苏州甲公司', '吴江开发区');
    const p = await raise(e.id, '2026-11-20');
    const stored = await db.problems.get(p.id);
    expect(stored).toMatchObject({ status: '待处理', replyDeadline: '2026-11-25', officer: '张敏', deviceId: 'device-test' });
    expect(stored?.history).toHaveLength(1);
  });
  it('refuses an unknown enterprise and stores nothing', async () => {
    const error = await raise('no-such-enterprise', '2026-11-20').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuleError);
    expect((error as RuleError).field).toBe('enterpriseId');
    expect(await db.problems.count()).toBe(0);
  });
  it('a broken rule in a transition leaves the stored problem as it was', async () => {
    const e = await enterprise('苏州甲公司', '吴江开发区');
    const p = await raise(e.id, '2026-11-20');
    const error = await changeProblem(p.id, settings, (q, ctx) =>
      answerProblem(q, { replyDate: '2026-11-19', replyContent: '已答复', outcomeClass: '解决或已有明确途径' }, ctx),
    ).catch((x: unknown) => x);
    expect((error as RuleError).field).toBe('replyDate');
    expect(await db.problems.get(p.id)).toEqual(p);
  });
  it('finds enterprises by a search-token prefix, live ones only', async () => {
    await enterprise('苏州甲公司', '吴江开发区', ['苏州甲公司', 'szjgs']);
    const gone = await enterprise('苏州乙公司', '吴江开发区', ['苏州乙公司', 'szygs']);
    await db.enterprises.put(tombstoned(gone, settings, now));
    expect((await searchEnterprises('SZ')).map((e) => e.name)).toEqual(['苏州甲公司']);
    expect(await searchEnterprises('  ')).toEqual([]);
  });
});

describe('the list', () => {
  it('filters by indexes (status, officer, town, dates) and orders newest raised first', async () => {
    const a = await enterprise('苏州甲公司', '吴江开发区');
    const b = await enterprise('苏州乙公司', '盛泽镇');
    const p1 = await raise(a.id, '2026-11-02');
    const p2 = await raise(b.id, '2026-11-10', { handling: '转办', department: '区人社局', transferDate: '2026-11-10' });
    const p3 = await raise(b.id, '2026-11-05', {}, lisi);
    expect(await queryProblemIds({})).toEqual([p2.id, p3.id, p1.id]);
    expect(await queryProblemIds({ town: '盛泽镇' })).toEqual([p2.id, p3.id]);
    expect(await queryProblemIds({ status: '已转办' })).toEqual([p2.id]);
    expect(await queryProblemIds({ officer: '李四' })).toEqual([p3.id]);
    expect(await queryProblemIds({ department: '区人社局', town: '盛泽镇' })).toEqual([p2.id]);
    expect(await queryProblemIds({ from: '2026-11-03', to: '2026-11-09' })).toEqual([p3.id]);
    expect(await queryProblemIds({ from: '2026-11-05' })).toEqual([p2.id, p3.id]);
  });
  it('narrows by outcome class (the workbench links here), combined with an index filter', async () => {
    const e = await enterprise('苏州甲公司', '吴江开发区');
    const solved = await raise(e.id, '2026-11-18');
    const pending = await raise(e.id, '2026-11-19');
    const otherCategory = await raise(e.id, '2026-11-20', { category: '物流' });
    for (const p of [solved, otherCategory]) {
      await changeProblem(p.id, settings, (q, ctx) =>
        answerProblem(q, { replyDate: '2026-11-20', replyContent: '已协调', outcomeClass: '解决或已有明确途径' }, ctx),
      );
    }
    expect(await queryProblemIds({ outcome: '解决或已有明确途径' })).toEqual([otherCategory.id, solved.id]);
    expect(await queryProblemIds({ outcome: '解决或已有明确途径', category: '用工' })).toEqual([solved.id]);
    expect(await queryProblemIds({ outcome: '提交会商协调' })).toEqual([]);
    expect(await queryProblemIds({ category: '用工' })).toContain(pending.id);
  });
  it('counts a transferred problem answered after its deadline as answered late, and lists the tabs', async () => {
    const a = await enterprise('苏州甲公司', '吴江开发区');
    // Raised 11-02, transferred a day late on 11-03 → deadline 11-10; answered 11-12.
    let late = await raise(a.id, '2026-11-02', { isComplaint: true });
    late = await changeProblem(late.id, settings, (q, ctx) =>
      transferProblem(q, { department: '区人社局', transferDate: '2026-11-03' }, ctx),
    );
    await changeProblem(late.id, settings, (q, ctx) =>
      answerProblem(q, { replyDate: '2026-11-12', replyContent: '已协调', outcomeClass: '解决或已有明确途径' }, ctx),
    );
    const overdue = await raise(a.id, '2026-11-16'); // deadline 11-19
    const dueSoon = await raise(a.id, '2026-11-23'); // deadline 11-26
    const gone = await raise(a.id, '2026-11-24');
    await db.problems.put(tombstoned(gone, settings, now));

    const summary = await summarizeProblems(await queryProblemIds({}), '2026-11-26', {});
    expect(summary.counts).toMatchObject({
      total: 3,
      answeredOnTime: 0,
      answeredLate: 1,
      overdue: 1,
      dueSoon: 1,
      unanswered: 2,
      transferLate: 1,
      complaints: 1,
      complaintsClosed: 0,
      complaintClosureRate: 0,
    });
    expect(summary.overdueIds).toEqual([overdue.id]);
    expect(summary.dueSoonIds).toEqual([dueSoon.id]);
    expect([...summary.deletedIds]).toEqual([gone.id]);
  });
});

describe('paging the unfiltered list by key range', () => {
  it('walks every live problem once, newest first, across pages that split a day', async () => {
    const a = await enterprise('苏州甲公司', '吴江开发区');
    const template = await raise(a.id, '2026-11-16');
    await db.problems.clear();
    const dates = ['2026-11-02', '2026-11-03', '2026-11-03', '2026-11-03', '2026-11-03', '2026-11-04', '2026-11-05'];
    await db.problems.bulkPut(dates.map((raisedDate, i) => ({ ...template, id: `p-${i}`, raisedDate })));
    await db.problems.put(tombstoned({ ...template, id: 'p-gone', raisedDate: '2026-11-03' }, settings, now));
    const seen: string[] = [];
    let after: { raisedDate: string; id: string } | undefined;
    for (;;) {
      const page = await pageNewestProblems(after, 3);
      seen.push(...page.map((r) => r.problem.id));
      if (page.length < 3) break;
      const last = page.at(-1)!.problem;
      after = { raisedDate: last.raisedDate, id: last.id };
    }
    expect(seen).toEqual(['p-6', 'p-5', 'p-4', 'p-3', 'p-2', 'p-1', 'p-0']);
    expect(seen).toEqual(await queryProblemIds({}).then((ids) => ids.filter((id) => id !== 'p-gone')));
  });
});

describe('counting many problems', () => {
  it('streams a large match set through key-range pages and counts only the matches', async () => {
    const a = await enterprise('苏州甲公司', '吴江开发区');
    const template = await raise(a.id, '2026-11-16'); // overdue on 11-26
    const rows = Array.from({ length: 6001 }, (_, i) => ({
      ...template,
      id: `bulk-${String(i).padStart(5, '0')}`,
      replyDate: i % 3 === 0 ? undefined : '2026-11-18',
      status: i % 3 === 0 ? ('待处理' as const) : ('已答复' as const),
    }));
    await db.problems.bulkPut(rows);
    const ids = (await queryProblemIds({})).filter((id) => id !== 'bulk-00001');
    expect(ids).toHaveLength(6001);
    const summary = await summarizeProblems(ids, '2026-11-26', {});
    expect(summary.counts.total).toBe(6001);
    expect(summary.counts.overdue).toBe(2001 + 1); // every third bulk row, plus the template
    expect(summary.counts.answeredOnTime).toBe(6001 - 2002);
    expect((await summarizeProblems('all', '2026-11-26', {})).counts.total).toBe(6002);
    // Same deadline throughout: by id, as the deadline index lists them.
    expect(summary.overdueIds).toEqual([...summary.overdueIds].sort());
  });
});

describe('the home page', () => {
  it("shows the officer's own due and overdue problems, everyone's when no name is set, earliest deadline first", async () => {
    const a = await enterprise('苏州甲公司', '吴江开发区');
    const mine = await raise(a.id, '2026-11-16');
    const older = await raise(a.id, '2026-11-10');
    const theirs = await raise(a.id, '2026-11-23', {}, lisi);
    await raise(a.id, '2026-11-26'); // deadline 12-01: not yet due soon
    const overdue = await dueList('overdue', '张敏', '2026-11-26', {});
    expect(overdue.rows.map((r) => r.problem.id)).toEqual([older.id, mine.id]);
    expect(overdue.total).toBe(2);
    expect((await dueList('dueSoon', '张敏', '2026-11-26', {})).rows).toEqual([]);
    const forAll = await dueList('dueSoon', '', '2026-11-26', {});
    expect(forAll.rows.map((r) => [r.problem.id, r.enterpriseName])).toEqual([[theirs.id, '苏州甲公司']]);
    // Answered: off the list at once.
    await changeProblem(older.id, settings, (q, ctx) =>
      answerProblem(q, { replyDate: '2026-11-26', replyContent: '已答复', outcomeClass: '解决或已有明确途径' }, ctx),
    );
    expect((await dueList('overdue', '张敏', '2026-11-26', {})).rows.map((r) => r.problem.id)).toEqual([mine.id]);
  });
});

describe('counts from the tallies', () => {
  it('are what counting every problem gives, after raising, transfers, answers, deletions and restores', async () => {
    const a = await enterprise('苏州甲公司', '吴江开发区');
    const late = await raise(a.id, '2026-11-02', { isComplaint: true });
    await changeProblem(late.id, settings, (q, ctx) => transferProblem(q, { department: '区人社局', transferDate: '2026-11-03' }, ctx));
    await changeProblem(late.id, settings, (q, ctx) =>
      answerProblem(q, { replyDate: '2026-11-12', replyContent: '已协调', outcomeClass: '解决或已有明确途径' }, ctx),
    );
    await raise(a.id, '2026-11-16');
    await raise(a.id, '2026-11-23', { handling: '转办', department: '区人社局' }, lisi); // to transfer, not yet
    const gone = await raise(a.id, '2026-11-24');
    const back = await raise(a.id, '2026-11-25', {}, lisi);
    await tombstoneById('problems', gone.id);
    await tombstoneById('problems', back.id);
    await restoreDeleted('problem', back.id);

    for (const today of ['2026-11-02', '2026-11-23', '2026-11-26', '2026-12-20']) {
      const counted = await summarizeProblems('all', today, {});
      expect(await problemCountsOf(undefined, today, {}), today).toEqual(counted.counts);
      const forZhang = await summarizeProblems(await queryProblemIds({ officer: '张敏' }), today, {});
      const fromTallies = await summarizeFromTallies('张敏', today, {});
      expect(fromTallies.counts, today).toEqual(forZhang.counts);
      expect(fromTallies.overdueIds, today).toEqual(forZhang.overdueIds);
      expect(fromTallies.dueSoonIds, today).toEqual(forZhang.dueSoonIds);
    }
    expect(await knownOfficers()).toEqual(['张敏', '李四'].sort());
  });
});
