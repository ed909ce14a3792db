// The meetings repository on a real (fake-indexeddb) database: a new 督办会 proposes the escalated
// problems; a decision writes the problem and the agenda item together, a refused one writes neither;
// a decided item stays on the agenda and fixes the meeting date; the next meeting shows 上次会议决定 and
// offers the still-open decision; a meeting with nothing decided can be deleted and restored; the league counts a period's problems and its meetings' decisions.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Problem, Settings } from '../../../shared/domain/records';
import { RuleError } from '../../../shared/errors/ruleError';
import { escalateProblem } from '../../../shared/problems/problemWorkflow';
import { ledgerDb, switchLedgerDb } from '../../../renderer/src/db/db';
import { LedgerDatabase } from '../../../renderer/src/db/schema';
import { defaultSettings } from '../../../renderer/src/db/settingsStore';
import { changeProblem, saveNewProblem } from '../../../renderer/src/features/problems/problemRepo';
import {
  createMeeting,
  deleteMeeting,
  dropFromAgenda,
  listMeetings,
  loadLeague,
  loadMeetingView,
  openDecisionRows,
  recordDecision,
  updateMeetingHead,
} from '../../../renderer/src/features/meetings/meetingsRepo';
import { listDeleted, restoreDeleted } from '../../../renderer/src/features/recycleBin/recycleBinRepo';
import { saveYearSchedule } from '../../../renderer/src/features/settings/calendarRepo';
import { makeEnterprise, recordMetaFixture } from '../../fixtures/records';

const settings: Settings = { ...defaultSettings('laptop-zhang'), officerName: '张敏', officerDepartment: '区商务局' };
const at = (day: string) => new Date(`${day}T02:00:00Z`);

async function escalated(enterpriseId: string, description: string, meeting: '督办会' | '点评会', department = '区商务局'): Promise<Problem> {
  const p = await saveNewProblem(
    { enterpriseId, raisedDate: '2026-09-01', category: '用工', description, handling: '转办', department, transferDate: '2026-09-01' },
    settings,
    at('2026-09-01'),
  );
  return changeProblem(p.id, settings, (q, ctx) => escalateProblem(q, { meeting, date: '2026-09-10' }, ctx), at('2026-09-10'));
}

let problems: Problem[];
beforeEach(async () => {
  switchLedgerDb(new LedgerDatabase(`meetings-repo-${Math.random()}`));
  await ledgerDb().settings.put({ key: 'app', value: settings });
  await ledgerDb().enterprises.bulkPut([
    makeEnterprise({ ...recordMetaFixture('ent-a'), name: '甲公司', town: '盛泽镇' }),
    makeEnterprise({ ...recordMetaFixture('ent-b'), name: '乙公司', town: '松陵镇' }),
  ]);
  problems = [
    await escalated('ent-a', '招工难', '督办会', '区人社局'),
    await escalated('ent-b', '消防验收慢', '督办会', '区住建局'),
    await escalated('ent-b', '能耗指标', '点评会', '区发改委'),
  ];
});

describe('meetings', () => {
  it('proposes the problems escalated to that kind of meeting, in the order of the departments list', async () => {
    const meeting = await createMeeting({ type: '督办会', date: '2026-09-28', chair: '王局长', attendees: ['李科长'] }, 'department', settings, at('2026-09-28'));
    // Grouped by department in the order of the settings' list.
    const order = settings.departments;
    const expected = [problems[0]!, problems[1]!].sort((a, b) => order.indexOf(a.department) - order.indexOf(b.department)).map((p) => p.id);
    expect(meeting.agenda.map((i) => i.problemId)).toEqual(expected);
    expect(meeting.agendaGrouping).toBe('department');
  });

  it('records a decision on the problem and the item together; a refused one stores neither', async () => {
    const meeting = await createMeeting({ type: '督办会', date: '2026-09-28' }, 'town', settings, at('2026-09-28'));
    const item = meeting.agenda.find((i) => i.problemId === problems[0]!.id)!;
    const before = { meeting: await ledgerDb().meetings.get(meeting.id), problem: await ledgerDb().problems.get(problems[0]!.id) };
    await expect(recordDecision(meeting.id, item.id, { department: '区人社局', task: ' ', workingDays: 5 }, settings, at('2026-09-28'))).rejects.toThrow(RuleError);
    expect(await ledgerDb().meetings.get(meeting.id)).toEqual(before.meeting);
    expect(await ledgerDb().problems.get(problems[0]!.id)).toEqual(before.problem);

    const saved = await recordDecision(meeting.id, item.id, { department: '区人社局', task: '组织专场招聘', workingDays: 5, rectificationOwner: '李科长' }, settings, at('2026-09-28'));
    expect(saved.agenda.find((i) => i.id === item.id)?.decision).toMatchObject({ department: '区人社局', deadline: '2026-10-10', rectificationOwner: '李科长', decidedBy: '张敏' });
    const problem = (await ledgerDb().problems.get(problems[0]!.id)) as Problem & { decisionDeadline?: string };
    expect(problem.meetingDecision).toMatchObject({ meetingId: meeting.id, deadline: '2026-10-10' });
    expect(problem.rectification).toEqual({ owner: '李科长', deadline: '2026-10-10', note: '组织专场招聘' });
    expect(problem.decisionDeadline).toBe('2026-10-10');
    expect(problem.history.at(-1)?.comment).toContain('督办会（2026-09-28）决定：由区人社局组织专场招聘');
    expect((await openDecisionRows()).map((r) => [r.enterpriseName, r.deadline])).toEqual([['甲公司', '2026-10-10']]);

    // Decided: it stays on the agenda, and the meeting day (the deadline counts from it) stays too.
    await expect(dropFromAgenda(meeting.id, item.id)).rejects.toThrow('该议题已记录会议决定，不能移出议程');
    await expect(updateMeetingHead(meeting.id, { type: '督办会', date: '2026-09-29' })).rejects.toThrow('已记录会议决定，不能再改会议日期');
    await updateMeetingHead(meeting.id, { type: '督办会', date: '2026-09-28', title: '9月份督办会' });
  });

  it('shows the next meeting last time’s decisions and offers the open one to add again', async () => {
    const first = await createMeeting({ type: '督办会', date: '2026-09-28' }, 'department', settings, at('2026-09-28'));
    const item = first.agenda.find((i) => i.problemId === problems[0]!.id)!;
    await recordDecision(first.id, item.id, { department: '区人社局', task: '组织专场招聘', workingDays: 5 }, settings, at('2026-09-28'));
    const next = await createMeeting({ type: '督办会', date: '2026-10-26' }, 'department', settings, at('2026-10-26'));
    // Only the undecided problem is proposed again.
    expect(next.agenda.map((i) => i.problemId)).toEqual([problems[1]!.id]);
    const view = (await loadMeetingView(next.id))!;
    expect(view.previous?.meeting.id).toBe(first.id);
    expect(view.previous?.items.map((i) => i.problemId)).toEqual([problems[0]!.id]);
    expect(view.problems.get(problems[0]!.id)?.description).toBe('招工难');
    // The open decision and the 点评会's problem may be added; what is on the agenda is not offered.
    expect(view.candidates.map((p) => p.id).sort()).toEqual([problems[0]!.id, problems[2]!.id].sort());
  });

  it('deletes a meeting with nothing decided to 回收站 and brings it back; a decided one stays', async () => {
    const slip = await createMeeting({ type: '点评会', date: '2026-09-29' }, 'department', settings, at('2026-09-29'));
    const held = await createMeeting({ type: '督办会', date: '2026-09-28' }, 'department', settings, at('2026-09-28'));
    const item = held.agenda.find((i) => i.problemId === problems[0]!.id)!;
    await recordDecision(held.id, item.id, { department: '区人社局', task: '组织专场招聘', workingDays: 5 }, settings, at('2026-09-28'));

    const before = await ledgerDb().meetings.get(held.id);
    await expect(deleteMeeting(held.id, at('2026-09-30'))).rejects.toThrow('该会议已记录 1 项决定（已写入问题办理记录并据此督办），不能删除');
    expect(await ledgerDb().meetings.get(held.id)).toEqual(before);

    await deleteMeeting(slip.id, at('2026-09-30'));
    expect((await listMeetings()).map((m) => m.id)).toEqual([held.id]);
    // Its escalated problem waits for the next 点评会 as before.
    expect((await ledgerDb().problems.get(problems[2]!.id))?.status).toBe('已升级');
    expect((await listDeleted(at('2026-10-01'))).map((e) => [e.kind, e.title, e.enterpriseName, e.deletedBy])).toEqual([['meeting', '2026-09-29 点评会', '1 项议题', '张敏']]);
    expect(await restoreDeleted('meeting', slip.id, undefined, at('2026-10-01'))).toBe('会议已恢复');
    expect((await listMeetings()).map((m) => m.id)).toEqual([slip.id, held.id]);
    expect(await listDeleted(at('2026-10-01'))).toEqual([]);
  });

  it('counts the league from the period’s problems and its meetings’ decisions', async () => {
    const meeting = await createMeeting({ type: '督办会', date: '2026-09-28' }, 'department', settings, at('2026-09-28'));
    const item = meeting.agenda.find((i) => i.problemId === problems[0]!.id)!;
    await recordDecision(meeting.id, item.id, { department: '区人社局', task: '组织专场招聘', workingDays: 5 }, settings, at('2026-09-28'));
    const rows = await loadLeague('2026-09-01', '2026-09-30', 'department', settings, '2026-10-20');
    const hr = rows.find((r) => r.name === '区人社局')!;
    // One problem, unanswered past its 5-day transfer deadline; one decision, past 2026-10-10 today.
    expect([hr.received, hr.answeredOnTime, hr.late, hr.decisions, hr.overdueAfterDecision, hr.board]).toEqual([1, 0, 1, 1, 1, '黄榜']);
    expect(rows.filter((r) => r.received > 0).map((r) => r.name).sort()).toEqual(['区住建局', '区人社局', '区发改委'].sort());
    // Every department of the list is there, nothing received is ranked last.
    expect(rows).toHaveLength(settings.departments.length);
    const towns = await loadLeague('2026-09-01', '2026-09-30', 'town', settings, '2026-10-20');
    expect(towns.find((r) => r.name === '松陵镇')?.received).toBe(2);
  });

  it('counts a decision into a year the calendar does not know as 待确认, and firm once the year’s notice is entered — on the problem, its 挂牌整改 and the minutes', async () => {
    const meeting = await createMeeting({ type: '督办会', date: '2026-12-30' }, 'department', settings, at('2026-12-30'));
    const item = meeting.agenda.find((i) => i.problemId === problems[0]!.id)!;
    // 31 Dec, then weekdays guessed: 1 Jan, 4 Jan.
    await recordDecision(meeting.id, item.id, { department: '区人社局', task: '组织专场招聘', workingDays: 3, rectificationOwner: '李科长' }, settings, at('2026-12-30'));
    expect((await ledgerDb().problems.get(problems[0]!.id))?.meetingDecision).toMatchObject({ deadline: '2027-01-04', deadlineProvisional: true });

    await saveYearSchedule(
      { year: 2027, holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }, { name: '春节', from: '2027-02-05', to: '2027-02-11' }], workdays: ['2027-02-13'], source: '手工录入' },
      at('2027-01-02'),
    );
    // 31 Dec, then (1–3 Jan off) 4 and 5 Jan.
    const firm = (await ledgerDb().problems.get(problems[0]!.id)) as Problem & { decisionDeadline?: string };
    expect(firm.meetingDecision?.deadline).toBe('2027-01-05');
    expect(firm.meetingDecision?.deadlineProvisional).toBeUndefined();
    expect(firm.rectification?.deadline).toBe('2027-01-05');
    expect(firm.decisionDeadline).toBe('2027-01-05');
    expect(firm.history.at(-1)?.comment).toBe('按 2027 年节假日安排重新计算会议决定的办理期限：2027-01-04（待确认） → 2027-01-05');
    const decision = (await ledgerDb().meetings.get(meeting.id))?.agenda.find((i) => i.id === item.id)?.decision;
    expect(decision?.deadline).toBe('2027-01-05');
    expect(decision?.deadlineProvisional).toBeUndefined();
  });
});
