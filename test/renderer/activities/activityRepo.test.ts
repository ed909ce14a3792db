// 活动 on the laptop: an activity for several enterprises is saved with who came for each, read for
// each enterprise's timeline by the attendee index, refused (storing nothing) when typed wrong or when
// an enterprise was deleted meanwhile; a problem raised at it keeps the activity and the deadline of
// any problem; deleting the activity leaves that problem with its enterprise.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../../shared/creditCode';
import type { Settings } from '../../../shared/domain/records';
import { RuleError } from '../../../shared/errors/ruleError';
import { switchLedgerDb } from '../../../renderer/src/db/db';
import { LedgerDatabase } from '../../../renderer/src/db/schema';
import { defaultSettings } from '../../../renderer/src/db/settingsStore';
import { deleteEnterprise, saveEnterprise } from '../../../renderer/src/features/enterprises/enterpriseRepo';
import {
  activitiesBetween,
  activitiesOfEnterprise,
  deleteActivity,
  loadActivityForView,
  saveActivity,
} from '../../../renderer/src/features/activities/activityRepo';
import { saveNewProblem } from '../../../renderer/src/features/problems/problemRepo';
import { loadReviewRows } from '../../../renderer/src/features/review/reviewData';
import { loadWorkbenchFigures } from '../../../renderer/src/features/review/workbenchData';
import { contactStatus } from '../../../shared/reports/contactListSheet';
import { listDeleted, restoreDeleted } from '../../../renderer/src/features/recycleBin/recycleBinRepo';

const who = { officerName: '王敏', deviceId: 'device-activities' };
const settings: Settings = { ...defaultSettings('device-activities'), officerName: '王敏', officerDepartment: '区商务局' };
const now = new Date('2026-11-20T02:00:00Z');
let db: LedgerDatabase;
let previous: LedgerDatabase;

beforeEach(async () => {
  db = new LedgerDatabase(`activities-${Math.random()}`);
  await db.settings.put({ key: 'app', value: settings });
  previous = switchLedgerDb(db);
});
afterEach(() => {
  switchLedgerDb(previous);
  db.close();
});

async function addEnterprise(serial: string, name: string): Promise<string> {
  const input = { name, creditCode: makeCreditCode(`91320509MA${serial}`), town: '平望镇', address: '', industry: '电子', isKeyEnterprise: false, isAboveScale: true, contactPerson: '', contactPhone: '', assignedOfficer: '王敏', linkedLeader: '' };
  return (await saveEnterprise(input, who, undefined, new Date('2026-09-01T02:00:00Z'))).id;
}

const briefing = (attendees: { enterpriseId: string; name?: string; people?: string }[]) => ({
  type: '政策宣讲',
  date: '2026-11-18',
  topic: '开放再出发政策集中宣讲',
  place: '区行政服务中心三楼会议室',
  organiser: '区商务局',
  speakers: ['李强（区商务局副局长）', '  '],
  policyIds: ['policy-01', 'policy-01', 'policy-07'],
  attendees,
});

describe('saving an activity', () => {
  it('stores the enterprises, who came for each, and finds it from each enterprise', async () => {
    const a = await addEnterprise('1AAAAA0', '苏州甲精密公司');
    const b = await addEnterprise('1BBBBB0', '苏州乙电子公司');
    const saved = await saveActivity(briefing([{ enterpriseId: a, people: '张伟（总经理）、刘洋' }, { enterpriseId: b }]), undefined, who, now);
    expect(saved.attendeeEnterpriseIds).toEqual([a, b]);
    expect(saved.attendeePeople).toEqual({ [a]: '张伟（总经理）、刘洋' });
    expect(saved.speakers).toEqual(['李强（区商务局副局长）']);
    expect(saved.policyIds).toEqual(['policy-01', 'policy-07']);
    expect(saved.updatedBy).toBe('王敏');
    expect((await activitiesOfEnterprise(b)).map((x) => x.id)).toEqual([saved.id]);
    expect((await activitiesBetween('2026-11-01', '2026-11-30')).map((x) => x.topic)).toEqual(['开放再出发政策集中宣讲']);

    // Editing replaces the list: an enterprise taken off no longer finds it.
    const edited = await saveActivity(briefing([{ enterpriseId: a, people: '张伟' }]), saved.id, who, now);
    expect(edited.rev).toBe(2);
    expect(await activitiesOfEnterprise(b)).toEqual([]);
    expect(edited.attendeePeople).toEqual({ [a]: '张伟' });
  });

  it('refuses bad input at its field, in Chinese, and stores nothing', async () => {
    const a = await addEnterprise('1AAAAA0', '苏州甲精密公司');
    const refusal = async (input: object) => {
      const error = await saveActivity(input, undefined, who, now).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RuleError);
      return (error as RuleError).issues;
    };
    expect(await refusal({ ...briefing([]), topic: ' ' })).toEqual([
      { field: 'topic', message: '请填写活动主题' },
      { field: 'attendees', message: '请至少选择一家参加活动的企业' },
    ]);
    expect(await refusal({ ...briefing([{ enterpriseId: a }]), date: '2026-11-21' })).toEqual([
      { field: 'date', message: '活动日期 2026-11-21 晚于今天（2026-11-20），请在活动举办后再登记' },
    ]);
    expect(await refusal({ ...briefing([{ enterpriseId: a, name: '苏州甲精密公司' }, { enterpriseId: a, name: '苏州甲精密公司' }]) })).toEqual([
      { field: 'attendees.1.enterpriseId', message: '「苏州甲精密公司」与第 1 家重复，一家企业只需登记一次' },
    ]);
    expect(await refusal({ ...briefing([{ enterpriseId: a }]), type: '座谈' })).toEqual([{ field: 'type', message: '请选择活动类型' }]);
    expect(await refusal({ ...briefing([{ enterpriseId: a }]), place: '会'.repeat(201) })).toEqual([
      { field: 'place', message: '活动地点最多 200 字，现有 201 字，请删减 1 字' },
    ]);
    await deleteEnterprise(a, who, now);
    expect(await refusal(briefing([{ enterpriseId: a, name: '苏州甲精密公司' }]))).toEqual([
      { field: 'attendees', message: '参加企业「苏州甲精密公司」已被删除，请从名单中移除后再保存' },
    ]);
    expect(await db.activities.count()).toBe(0);
  });
});

describe('a problem raised at an activity', () => {
  it('belongs to the enterprise that raised it, carries the activity and the same deadline as any problem, and stays when the activity goes', async () => {
    const a = await addEnterprise('1AAAAA0', '苏州甲精密公司');
    const b = await addEnterprise('1BBBBB0', '苏州乙电子公司');
    const c = await addEnterprise('1CCCCC0', '苏州丙材料公司');
    const activity = await saveActivity(briefing([{ enterpriseId: a }, { enterpriseId: b }]), undefined, who, now);
    const input = { enterpriseId: b, activityId: activity.id, raisedDate: '2026-11-18', category: '用工', description: '普工招聘难', handling: '本部门办理' as const };
    const problem = await saveNewProblem(input, settings, now);
    const plain = await saveNewProblem({ ...input, activityId: undefined }, settings, now);
    expect(problem.activityId).toBe(activity.id);
    expect(problem.enterpriseId).toBe(b);
    // 2026-11-18 is a Wednesday: three working days later is Monday 2026-11-23, as for any problem.
    expect(problem.replyDeadline).toBe('2026-11-23');
    expect(problem.replyDeadline).toBe(plain.replyDeadline);

    const notThere = await saveNewProblem({ ...input, enterpriseId: c }, settings, now).catch((e: unknown) => e);
    expect((notThere as RuleError).issues).toEqual([{ field: 'enterpriseId', message: '「苏州丙材料公司」没有参加该活动，请先把它加入参加企业' }]);

    // The enterprise that raised it cannot be dropped from the list (its problem would name an activity
    // it did not attend); the other can.
    const dropped = await saveActivity(briefing([{ enterpriseId: a }]), activity.id, who, now).catch((e: unknown) => e);
    expect((dropped as RuleError).issues).toEqual([
      { field: 'attendees', message: '「苏州乙电子公司」在本次活动中提出了问题，不能从参加企业中移除；如确属误登记，请先删除或改动该问题' },
    ]);
    expect((await db.activities.get(activity.id))?.attendeeEnterpriseIds).toEqual([a, b]);
    expect((await saveActivity(briefing([{ enterpriseId: b }]), activity.id, who, now)).attendeeEnterpriseIds).toEqual([b]);

    const view = await loadActivityForView(activity.id);
    expect(view.found && view.problems.map((p) => p.id)).toEqual([problem.id]);
    await deleteActivity(activity.id, who, now);
    expect((await loadActivityForView(activity.id)).found).toBe(false);
    expect((await db.problems.get(problem.id))?.deletedAt).toBeUndefined();
    expect(await activitiesOfEnterprise(a)).toEqual([]);
  });
});

describe('the monthly cadence (我的联系企业)', () => {
  it('counts an activity attended this month apart from a visit: not due, shown as 已参加活动', async () => {
    const a = await addEnterprise('1AAAAA0', '苏州甲精密公司');
    const b = await addEnterprise('1BBBBB0', '苏州乙电子公司');
    const before = await loadReviewRows({ officer: '王敏', today: '2026-11-20' });
    expect(before.map((r) => [r.name, r.dueThisMonth])).toEqual(expect.arrayContaining([['苏州甲精密公司', true], ['苏州乙电子公司', true]]));
    await saveActivity(briefing([{ enterpriseId: a }]), undefined, who, now);
    // Last month's activity does not count for this month.
    await saveActivity({ ...briefing([{ enterpriseId: b }]), date: '2026-10-30' }, undefined, who, now);
    const rows = new Map((await loadReviewRows({ officer: '王敏', today: '2026-11-20' })).map((r) => [r.id, r]));
    expect(rows.get(a)).toMatchObject({ dueThisMonth: false, activityThisMonth: '2026-11-18', lastVisitDate: '' });
    expect(contactStatus(rows.get(a)!)).toBe('已参加活动');
    expect(rows.get(b)).toMatchObject({ dueThisMonth: true });
    expect(contactStatus(rows.get(b)!)).toBe('待走访');
    // 工作台: visited 0 of 2, and apart from that one enterprise reached by an activity this month.
    for (const officer of ['王敏', '']) {
      const figures = await loadWorkbenchFigures(officer, '2026-11-20');
      expect([figures.visited, figures.assigned, figures.attendedOnly]).toEqual([0, 2, 1]);
    }
  });
});

describe('回收站', () => {
  it('lists a deleted activity with how many enterprises came, and 恢复 brings it back to their timelines', async () => {
    const a = await addEnterprise('1AAAAA0', '苏州甲精密公司');
    const b = await addEnterprise('1BBBBB0', '苏州乙电子公司');
    const activity = await saveActivity(briefing([{ enterpriseId: a }, { enterpriseId: b }]), undefined, who, now);
    await deleteActivity(activity.id, who, new Date('2026-11-21T02:00:00Z'));
    const deleted = await listDeleted(new Date('2026-11-22T02:00:00Z'));
    expect(deleted.map((d) => [d.kind, d.title, d.enterpriseName, d.deletedBy])).toEqual([
      ['activity', '2026-11-18 政策宣讲「开放再出发政策集中宣讲」', '2 家企业', '王敏'],
    ]);
    expect(await restoreDeleted('activity', activity.id, who, new Date('2026-11-22T02:00:00Z'))).toBe('集体活动已恢复');
    expect((await activitiesOfEnterprise(b)).map((x) => [x.id, x.rev])).toEqual([[activity.id, 3]]); // saved, deleted, restored
  });
});
