// 集体活动 between laptops: an activity recorded on one officer's laptop reaches another's in a data
// package with who came; the second laptop's enterprise page finds it by the attendee index; two
// officers' concurrent edits of it keep one (the later) and the other as a conflict to resolve.
import { describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../../shared/creditCode';
import type { Activity } from '../../../shared/domain/activityRecords';
import type { Settings } from '../../../shared/domain/records';
import { switchLedgerDb } from '../../../renderer/src/db/db';
import { LedgerDatabase } from '../../../renderer/src/db/schema';
import { defaultSettings } from '../../../renderer/src/db/settingsStore';
import { saveEnterprise } from '../../../renderer/src/features/enterprises/enterpriseRepo';
import { applyMerge, buildChangesPackage, openConflicts, previewMerge, readLedgerPackage } from '../../../renderer/src/features/exchange/exchangeRepo';
import { activitiesOfEnterprise, saveActivity } from '../../../renderer/src/features/activities/activityRepo';

interface Laptop {
  db: LedgerDatabase;
  who: { officerName: string; deviceId: string };
}

async function laptop(name: string, deviceId: string): Promise<Laptop> {
  const db = new LedgerDatabase(`activity-merge-${name}-${Math.random()}`);
  const settings: Settings = { ...defaultSettings(deviceId), officerName: name, officerDepartment: '区商务局' };
  await db.settings.put({ key: 'app', value: settings });
  return { db, who: { officerName: name, deviceId } };
}

async function at<T>(on: Laptop, work: () => Promise<T>): Promise<T> {
  const previous = switchLedgerDb(on.db);
  try {
    return await work();
  } finally {
    switchLedgerDb(previous);
  }
}

async function send(from: Laptop, to: Laptop) {
  const built = await at(from, () => buildChangesPackage({ destination: '区商务局' }, from.db));
  await built.markSent();
  const pkg = await readLedgerPackage(built.bytes);
  return { preview: await previewMerge(pkg, to.db), result: await applyMerge(pkg, { takeReference: false }, to.db) };
}

const now = new Date('2026-11-20T02:00:00Z');

describe('activities between laptops', () => {
  it('travel with who came, are found by enterprise on the other laptop, and concurrent edits keep a conflict', async () => {
    const zhang = await laptop('张敏', 'laptop-zhang');
    const li = await laptop('李强', 'laptop-li');
    const [a, b] = await at(zhang, async () => {
      const base = { town: '平望镇', address: '', industry: '', isKeyEnterprise: false, isAboveScale: false, contactPerson: '', contactPhone: '', assignedOfficer: '', linkedLeader: '' };
      const first = await saveEnterprise({ ...base, name: '苏州甲公司', creditCode: makeCreditCode('91320509MA1AAAAA0') }, zhang.who, undefined, now);
      const second = await saveEnterprise({ ...base, name: '苏州乙公司', creditCode: makeCreditCode('91320509MA1BBBBB0') }, zhang.who, undefined, now);
      return [first.id, second.id];
    });
    const input = { type: '对话沙龙', date: '2026-11-19', topic: '外资企业对话沙龙', attendees: [{ enterpriseId: a!, people: '张伟' }, { enterpriseId: b! }] };
    const activity = await at(zhang, () => saveActivity(input, undefined, zhang.who, now));

    const first = await send(zhang, li);
    expect(first.preview.tables.find((t) => t.table === 'activities')).toMatchObject({ label: '活动', counts: { added: 1 } });
    const arrived = await at(li, () => activitiesOfEnterprise(b!));
    expect(arrived.map((x) => [x.topic, x.attendeePeople[a!]])).toEqual([['外资企业对话沙龙', '张伟']]);

    // Both officers edit it before exchanging again.
    await at(zhang, () => saveActivity({ ...input, place: '区商务局会议室' }, activity.id, zhang.who, new Date('2026-11-20T03:00:00Z')));
    await at(li, () => saveActivity({ ...input, attendees: [{ enterpriseId: a!, people: '张伟' }, { enterpriseId: b!, people: '李娜' }] }, activity.id, li.who, new Date('2026-11-20T04:00:00Z')));
    const second = await send(zhang, li);
    expect(second.result.conflicts).toBe(1);
    const kept = (await li.db.activities.get(activity.id)) as Activity;
    expect([kept.updatedBy, kept.attendeePeople[b!], kept.place]).toEqual(['李强', '李娜', '']);
    const open = await at(li, () => openConflicts());
    expect(open.map((c) => [c.conflict.table, (c.conflict.loser as Activity).place])).toEqual([['activities', '区商务局会议室']]);
  });
});
