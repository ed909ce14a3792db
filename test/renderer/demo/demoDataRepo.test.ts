// 清除示例数据 over the real Dexie schema (fake-indexeddb): exactly the demo records go, the officer's
// own stay, and a demo record the officer's own work hangs on is kept.
import { beforeEach, describe, expect, it } from 'vitest';
import { isDemoRecord } from '../../../shared/demo/demoData';
import { LedgerDatabase } from '../../../renderer/src/db/schema';
import { countDemoData, hasDemoData, removeDemoData } from '../../../renderer/src/features/demo/demoDataRepo';
import { loadDemoData } from '../../../renderer/src/features/demo/loadDemoData';
import { makeEnterprise, makeProblem, makeVisit, recordMetaFixture } from '../../fixtures/records';

let db: LedgerDatabase;
let dbCount = 0;
const scale = { enterprises: 30, visits: 90, problems: 40, projects: 6 };

beforeEach(async () => {
  db = new LedgerDatabase(`demo-remove-test-${++dbCount}`);
  await db.open();
  await loadDemoData(db, scale, undefined, { today: '2026-11-26' });
});

describe('清除示例数据', () => {
  it('recognises every demo record, also one the officer edited', async () => {
    const enterprises = await db.enterprises.toArray();
    expect(enterprises.every(isDemoRecord)).toBe(true);
    const edited = { ...enterprises[0]!, deviceId: 'device-officer', updatedBy: '张敏' };
    expect(isDemoRecord(edited)).toBe(true);
    expect(isDemoRecord(makeEnterprise({ id: 'ent-own-1', deviceId: 'device-officer' }))).toBe(false);
  });

  it('removes exactly the demo records and keeps the officer’s own and the policies', async () => {
    const demoEnterprises = await db.enterprises.toArray();
    const [withOwnVisit, edited] = demoEnterprises;
    await db.enterprises.put({ ...edited!, deviceId: 'device-officer', updatedBy: '张敏', name: '改过名的示例企业' });
    // The officer's own enterprise, visit and problem; one own visit on a demo enterprise.
    await db.enterprises.put(makeEnterprise({ id: 'ent-own-1', deviceId: 'device-officer', name: '自己的企业有限公司' }));
    await db.visits.bulkPut([
      makeVisit({ id: 'visit-own-1', enterpriseId: 'ent-own-1', deviceId: 'device-officer' }),
      makeVisit({ id: 'visit-own-2', enterpriseId: withOwnVisit!.id, deviceId: 'device-officer' }),
    ]);
    await db.problems.put(makeProblem({ id: 'prob-own-1', enterpriseId: 'ent-own-1', visitId: 'visit-own-1', deviceId: 'device-officer' }));
    // A demo record loaded by the version before ids carried the prefix.
    await db.enterprises.put(makeEnterprise({ id: 'ent-old-demo', deviceId: 'demo-device' }));

    expect(await hasDemoData(db)).toBe(true);
    const before = await countDemoData(db);
    expect(before).toMatchObject({ enterprises: scale.enterprises, visits: scale.visits, problems: scale.problems, projects: scale.projects, kept: 1 });
    expect(await db.enterprises.count()).toBe(scale.enterprises + 2); // counting wrote nothing

    const removed = await removeDemoData(db);
    expect(removed).toEqual(before);
    expect((await db.enterprises.toArray()).map((e) => e.id).sort()).toEqual(['ent-own-1', withOwnVisit!.id].sort());
    expect((await db.visits.toArray()).map((v) => v.id).sort()).toEqual(['visit-own-1', 'visit-own-2']);
    expect((await db.problems.toArray()).map((p) => p.id)).toEqual(['prob-own-1']);
    expect(await db.projects.count()).toBe(0);
    expect(await db.progressEntries.count()).toBe(0);
    expect(await db.policies.count()).toBe(30);
  });

  it('keeps a demo enterprise the officer entered 经营数据 for, with the figures', async () => {
    const [demo] = await db.enterprises.toArray();
    await db.operationReports.put({
      ...recordMetaFixture(`ops-${demo!.id}-2026-11`, { deviceId: 'device-officer' }),
      enterpriseId: demo!.id,
      month: '2026-11',
      employees: 320,
      supplyChainIssues: '',
    });
    expect(await countDemoData(db)).toMatchObject({ enterprises: scale.enterprises - 1, kept: 1 });
    await removeDemoData(db);
    expect((await db.enterprises.toArray()).map((e) => e.id)).toEqual([demo!.id]);
    expect(await db.operationReports.count()).toBe(1);
  });

  it('keeps the demo enterprises the officer’s 培育库 and activities name, and a demo problem on a meeting’s agenda with its enterprise', async () => {
    const [first, second, third] = await db.enterprises.toArray();
    const problem = (await db.problems.toArray()).find((p) => p.enterpriseId !== first!.id && p.enterpriseId !== second!.id && p.enterpriseId !== third!.id)!;
    const officer = { deviceId: 'device-officer' };
    await db.cultivationCandidates.put({ ...recordMetaFixture(`cult-2026-规上-${first!.id}`, officer), enterpriseId: first!.id, year: 2026, target: '规上', note: '' });
    await db.activities.put({
      ...recordMetaFixture('activity-own-1', officer),
      type: '政策宣讲',
      date: '2026-11-20',
      topic: '政策宣讲会',
      place: '',
      organiser: '',
      speakers: [],
      policyIds: [],
      attendeeEnterpriseIds: [second!.id, third!.id],
      attendeePeople: {},
      summary: '',
    });
    await db.meetings.put({ ...recordMetaFixture('meeting-own-1', officer), type: '督办会', date: '2026-11-25', title: '', chair: '', attendees: [], agenda: [{ id: 'item-1', problemId: problem.id }] });
    await removeDemoData(db);
    const left = new Set((await db.enterprises.toArray()).map((e) => e.id));
    expect(left).toEqual(new Set([first!.id, second!.id, third!.id, problem.enterpriseId]));
    expect((await db.problems.toArray()).map((p) => p.id)).toEqual([problem.id]);
  });

  it('leaves nothing to clear on a database without demo data', async () => {
    await removeDemoData(db);
    expect(await hasDemoData(db)).toBe(false);
    expect(await db.enterprises.count()).toBe(0);
  });
});
