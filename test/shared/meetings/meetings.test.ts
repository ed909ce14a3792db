// Meetings and supervision (issue 16): the agenda proposed from escalated problems, decisions moving
// the deadline on the working-day calendar (the National Day holiday and its make-up Saturday), the
// lights at their boundaries, and the 部门红黄榜 on a fixture counted by hand.
import { describe, expect, it } from 'vitest';
import type { Enterprise, Problem } from '../../../shared/domain/records';
import { makeProblem, recordMetaFixture } from '../../fixtures/records';
import {
  addAgendaItems,
  attendeeNames,
  dropAgendaItem,
  meetingFields,
  moveAgendaItem,
  proposeAgenda,
} from '../../../shared/meetings/meetingAgenda';
import { decideProblem, escalateProblem, answerProblem, closeProblem, type ProblemContext } from '../../../shared/problems/problemWorkflow';
import { decisionDoneDate } from '../../../shared/problems/meetingDecision';
import { problemIndexFields } from '../../../shared/problems/problemTally';
import { decisionState, lightOf, problemLight } from '../../../shared/meetings/supervisionLight';
import { departmentLeague, type PeriodDecision } from '../../../shared/meetings/departmentLeague';
import { RuleError } from '../../../shared/errors/ruleError';

const ctx: ProblemContext = {
  who: { officerName: '张敏', deviceId: 'laptop-1', officerDepartment: '区商务局' },
  now: new Date('2026-09-28T06:00:00Z'),
  overrides: {},
};

const enterprises = new Map<string, Pick<Enterprise, 'town'>>([
  ['ent-a', { town: '松陵镇' }],
  ['ent-b', { town: '盛泽镇' }],
  ['ent-c', { town: '松陵镇' }],
]);

function escalated(id: string, over: Partial<Problem>): Problem {
  return makeProblem({
    ...recordMetaFixture(id),
    raisedDate: '2026-09-01',
    status: '已升级',
    escalation: { meeting: '督办会', date: '2026-09-10', note: '' },
    ...over,
  });
}

describe('the agenda proposal', () => {
  const problems = [
    escalated('p-1', { department: '区人社局', enterpriseId: 'ent-a', escalation: { meeting: '督办会', date: '2026-09-15', note: '' } }),
    escalated('p-2', { department: '区住建局', enterpriseId: 'ent-b' }),
    escalated('p-3', { department: '区人社局', enterpriseId: 'ent-c', escalation: { meeting: '督办会', date: '2026-09-05', note: '' } }),
    escalated('p-4', { department: '区人社局', escalation: { meeting: '点评会', date: '2026-09-01', note: '' } }),
    // decided already, answered, deleted, no department: only the last is proposed
    escalated('p-5', {
      meetingDecision: { meetingId: 'm0', meetingType: '督办会', meetingDate: '2026-09-20', department: '区人社局', task: '协调', workingDays: 5, deadline: '2026-09-27' },
    }),
    makeProblem({ ...recordMetaFixture('p-6'), status: '已答复', escalation: { meeting: '督办会', date: '2026-09-01', note: '' } }),
    escalated('p-7', { deletedAt: '2026-09-20T00:00:00.000Z' }),
    escalated('p-8', { department: '', enterpriseId: 'ent-a' }),
  ];

  it('takes the undecided problems escalated to this kind of meeting, grouped by department in list order, longest waiting first', () => {
    const agenda = proposeAgenda(problems, '督办会', 'department', enterprises, ['区住建局', '区人社局']);
    expect(agenda.map((i) => i.problemId)).toEqual(['p-2', 'p-3', 'p-1', 'p-8']);
    expect(new Set(agenda.map((i) => i.id)).size).toBe(4);
  });

  it('groups by the enterprise’s town when asked, and a 点评会 takes its own problems', () => {
    expect(proposeAgenda(problems, '督办会', 'town', enterprises, ['松陵镇', '盛泽镇']).map((i) => i.problemId)).toEqual(['p-3', 'p-8', 'p-1', 'p-2']);
    expect(proposeAgenda(problems, '点评会', 'department', enterprises).map((i) => i.problemId)).toEqual(['p-4']);
    expect(proposeAgenda(problems, '专题协调会', 'department', enterprises)).toHaveLength(5);
  });

  it('adds without repeats, drops an undecided item only, and moves items within the ends', () => {
    let agenda = addAgendaItems([], ['p-1', 'p-2']);
    agenda = addAgendaItems(agenda, ['p-2', 'p-3']);
    expect(agenda.map((i) => i.problemId)).toEqual(['p-1', 'p-2', 'p-3']);
    agenda = moveAgendaItem(agenda, agenda[2]!.id, -1);
    expect(agenda.map((i) => i.problemId)).toEqual(['p-1', 'p-3', 'p-2']);
    expect(moveAgendaItem(agenda, agenda[0]!.id, -1).map((i) => i.problemId)).toEqual(['p-1', 'p-3', 'p-2']);
    agenda = dropAgendaItem(agenda, agenda[0]!.id);
    expect(agenda.map((i) => i.problemId)).toEqual(['p-3', 'p-2']);
    const decided = agenda.map((i, n) =>
      n === 0 ? { ...i, decision: { department: '区人社局', task: '协调', workingDays: 5, deadline: '2026-10-10', decidedAt: '2026-09-28T06:00:00.000Z', decidedBy: '张敏' } } : i,
    );
    expect(() => dropAgendaItem(decided, decided[0]!.id)).toThrow('该议题已记录会议决定，不能移出议程');
  });

  it('checks the meeting and splits the attendees as typed', () => {
    expect(attendeeNames('王局长，李科长、 赵主任 王局长')).toEqual(['王局长', '李科长', '赵主任']);
    expect(() => meetingFields({ type: '督办会', date: '2026-13-01' })).toThrow('会议日期“2026-13-01”无效');
    const refused = (() => {
      try {
        meetingFields({ type: '督办会', date: '' });
      } catch (e) {
        return e as RuleError;
      }
    })();
    expect(refused?.issues).toEqual([{ field: 'date', message: '请填写会议日期' }]);
  });
});

describe('a meeting decision', () => {
  const decision = { meetingId: 'm-1', meetingType: '督办会', meetingDate: '2026-09-28', department: '区人社局', task: '对接劳务基地，补齐用工缺口', workingDays: 5 };

  it('counts the deadline in working days from the meeting day, over the National Day holiday to the make-up Saturday', () => {
    // 2026-09-28 (Mon): 9-29, 9-30 work; 10-1…10-7 holiday; 10-8, 10-9 work; 10-10 (Sat) is a make-up working day.
    const decided = decideProblem(escalated('p-1', {}), decision, ctx);
    expect(decided.meetingDecision).toMatchObject({ deadline: '2026-10-10', department: '区人社局', workingDays: 5 });
    expect(decided.meetingDecision?.deadlineProvisional).toBeUndefined();
    expect(decided.status).toBe('已升级');
    expect(decided.history.at(-1)?.comment).toBe('督办会（2026-09-28）决定：由区人社局对接劳务基地，补齐用工缺口，5 个工作日内（2026-10-10）办结');
    // Two working days from Friday 2026-09-24 (Thu): the 25th is Mid-Autumn, so Mon 28 and Tue 29.
    expect(decideProblem(escalated('p-1', {}), { ...decision, meetingDate: '2026-09-24', workingDays: 2 }, ctx).meetingDecision?.deadline).toBe('2026-09-29');
  });

  it('lists for rectification with the owner and the same deadline, and is 待确认 in a year the calendar does not know', () => {
    const listed = decideProblem(escalated('p-1', {}), { ...decision, rectificationOwner: '李科长' }, ctx);
    expect(listed.rectification).toEqual({ owner: '李科长', deadline: '2026-10-10', note: '对接劳务基地，补齐用工缺口' });
    expect(listed.history.at(-1)?.comment).toContain('挂牌整改，责任人李科长');
    const later = decideProblem(escalated('p-1', {}), { ...decision, meetingDate: '2030-12-30', workingDays: 3 }, { ...ctx, now: new Date('2030-12-30T06:00:00Z') });
    expect(later.meetingDecision).toMatchObject({ deadline: '2031-01-02', deadlineProvisional: true });
  });

  it('refuses a decision without department, task or a sensible time, naming each field', () => {
    try {
      decideProblem(escalated('p-1', {}), { ...decision, department: ' ', task: '', workingDays: 0, rectificationOwner: '' }, ctx);
      expect.unreachable();
    } catch (e) {
      expect((e as RuleError).issues).toEqual([
        { field: 'decisionDepartment', message: '请选择责任部门' },
        { field: 'decisionTask', message: '请填写交办事项' },
        { field: 'decisionWorkingDays', message: '办理时限应为 1–60 个工作日' },
        { field: 'decisionOwner', message: '挂牌整改须填写整改责任人' },
      ]);
    }
    expect(() => decideProblem(makeProblem({ raisedDate: '2026-09-01', status: '已办结', replyDate: '2026-09-01' }), decision, ctx)).toThrow('状态为“已办结”的问题不能记录会议决定');
  });

  it('carries the decided deadline in the sparse index until the department answers; escalating again clears it', () => {
    const decided = decideProblem(escalated('p-1', {}), decision, ctx);
    expect(problemIndexFields(decided).decisionDeadline).toBe('2026-10-10');
    const answered = answerProblem(decided, { replyDate: '2026-10-12', replyContent: '已对接', outcomeClass: '解决或已有明确途径' }, { ...ctx, now: new Date('2026-10-12T06:00:00Z') });
    expect(decisionDoneDate(answered)).toBe('2026-10-12');
    expect(problemIndexFields(answered).decisionDeadline).toBeUndefined();
    const again = escalateProblem(answered, { meeting: '点评会', date: '2026-10-20' }, { ...ctx, now: new Date('2026-10-20T06:00:00Z') });
    expect(again.meetingDecision).toBeUndefined();
    expect(again.history.map((h) => h.to)).toEqual(['已升级', '已答复', '已升级']);
  });

  it('is carried out on closing too, on the day it was closed', () => {
    const decided = decideProblem(escalated('p-1', { replyDate: '2026-09-12', replyContent: '会商中', outcomeClass: '提交会商协调' }), decision, ctx);
    expect(decisionDoneDate(decided)).toBeUndefined(); // answered before the meeting: not done yet
    const closed = closeProblem(decided, {}, { ...ctx, now: new Date('2026-10-09T03:00:00Z') });
    expect(decisionDoneDate(closed)).toBe('2026-10-09');
  });
});

describe('the lights', () => {
  const at = (today: string) => ({ today, lateDays: 3 });
  // Deadline Sat 2026-10-10 (a make-up working day).
  it.each([
    ['2026-09-30', 'green'], // the 2nd working day counting today is 10-08
    ['2026-10-08', 'green'], // …is 10-09
    ['2026-10-09', 'yellow'], // …is 10-10: within two working days
    ['2026-10-10', 'yellow'], // due today
    ['2026-10-11', 'yellow'], // Sunday: no working day late yet
    ['2026-10-14', 'yellow'], // 10-12, 10-13, 10-14: three working days late = N
    ['2026-10-15', 'red'], // four working days late
  ] as const)('on %s a deadline of 2026-10-10 is %s', (today, light) => {
    expect(lightOf('2026-10-10', at(today))).toBe(light);
  });

  it('takes N from the settings: with N = 0 the first working day late is red', () => {
    expect(lightOf('2026-10-10', { today: '2026-10-11', lateDays: 0 })).toBe('yellow');
    expect(lightOf('2026-10-10', { today: '2026-10-12', lateDays: 0 })).toBe('red');
  });

  it('follows the decision while it is open, else the reply deadline while unanswered; none once answered', () => {
    const open = makeProblem({ raisedDate: '2026-09-25', replyDeadline: '2026-09-30' });
    expect(problemLight(open, at('2026-10-09'))).toBe('yellow'); // 10-08, 10-09: two working days late
    const decided = decideProblem(escalated('p-1', { replyDeadline: '2026-09-15' }), { meetingId: 'm', meetingType: '督办会', meetingDate: '2026-09-28', department: '区人社局', task: '协调', workingDays: 5 }, ctx);
    expect(problemLight(decided, at('2026-10-09'))).toBe('yellow');
    expect(problemLight(decided, at('2026-09-29'))).toBe('green');
    expect(problemLight(makeProblem({ status: '已答复', replyDate: '2026-09-20' }), at('2026-10-09'))).toBeUndefined();
  });

  it('tells how last meeting’s decision stands', () => {
    const p = makeProblem({ status: '已答复', replyDate: '2026-10-12' });
    expect(decisionState(p, '2026-09-28', '2026-10-10', at('2026-10-20'))).toEqual({ state: '逾期完成', doneDate: '2026-10-12' });
    expect(decisionState(makeProblem({ status: '已升级' }), '2026-09-28', '2026-10-10', at('2026-10-20'))).toEqual({ state: '办理中', light: 'red' });
  });
});

describe('the 部门红黄榜', () => {
  // Hand-counted fixture, today 2026-10-20, the period September 2026.
  const d = (id: string, over: Partial<Problem>) => makeProblem({ ...recordMetaFixture(id), raisedDate: '2026-09-01', replyDeadline: '2026-09-04', ...over });
  const problems: Problem[] = [
    // 区人社局: 4 received; on time 2 (p1, p2), late 2 (p3 answered late, p4 unanswered past its deadline); 1 closed; rated 2, satisfied 1
    d('p1', { department: '区人社局', enterpriseId: 'ent-a', status: '已办结', replyDate: '2026-09-03', satisfaction: '满意' }),
    d('p2', { department: '区人社局', enterpriseId: 'ent-a', status: '已答复', replyDate: '2026-09-04', satisfaction: '不满意' }),
    d('p3', { department: '区人社局', enterpriseId: 'ent-b', status: '已答复', replyDate: '2026-09-08' }),
    d('p4', { department: '区人社局', enterpriseId: 'ent-b', status: '已升级' }),
    // 区住建局: 2 received, both on time, 2 closed, both 基本满意
    d('p5', { department: '区住建局', enterpriseId: 'ent-c', status: '已办结', replyDate: '2026-09-02', satisfaction: '基本满意' }),
    d('p6', { department: '区住建局', enterpriseId: 'ent-a', status: '已办结', replyDate: '2026-09-02', satisfaction: '基本满意' }),
    // deleted: not counted
    d('p7', { department: '区住建局', deletedAt: '2026-09-10T00:00:00.000Z' }),
  ];
  // One meeting decision each: 区人社局's (p4) still open past 10-10; 区住建局's (p6) done on 09-30, before its deadline.
  const decisions: PeriodDecision[] = [
    { problem: problems[3]!, department: '区人社局', meetingDate: '2026-09-28', deadline: '2026-10-10' },
    { problem: { ...problems[5]!, replyDate: '2026-09-30' }, department: '区住建局', meetingDate: '2026-09-28', deadline: '2026-10-10' },
  ];
  const townOf = (id: string) => enterprises.get(id)?.town;

  it('counts each department and ranks the clean record first, on the 红榜 (on time ≥ 90 %), the late one on the 黄榜', () => {
    const rows = departmentLeague({ problems, decisions, grouping: 'department', townOf, today: '2026-10-20', groups: ['区发改委'] });
    expect(rows.map((r) => [r.rank, r.name, r.received, r.answeredOnTime, r.late, r.resolved, r.satisfactionRate, r.decisions, r.overdueAfterDecision, r.board])).toEqual([
      [1, '区住建局', 2, 2, 0, 2, 1, 1, 0, '红榜'],
      [2, '区人社局', 4, 2, 2, 1, 0.5, 1, 1, '黄榜'],
      [3, '区发改委', 0, 0, 0, 0, null, 0, 0, ''],
    ]);
  });

  it('counts by the enterprise’s town', () => {
    const rows = departmentLeague({ problems, decisions, grouping: 'town', townOf, today: '2026-10-20' });
    // 松陵镇: p1, p2, p5, p6 (ent-a, ent-c) — all on time; 盛泽镇: p3 late, p4 overdue, and p4's decision overdue.
    expect(rows.map((r) => [r.name, r.received, r.answeredOnTime, r.late, r.overdueAfterDecision, r.board])).toEqual([
      ['松陵镇', 4, 4, 0, 0, '红榜'],
      ['盛泽镇', 2, 0, 2, 1, '黄榜'],
    ]);
  });
});

describe('the boards', () => {
  const p = (id: string, replyDate: string) => makeProblem({ ...recordMetaFixture(id), department: '区科技局', raisedDate: '2026-09-01', replyDeadline: '2026-09-04', status: '已答复', replyDate });
  const board = (onTime: number, late: number) =>
    departmentLeague({
      problems: [...Array.from({ length: onTime }, (_, i) => p(`on-${i}`, '2026-09-03')), ...Array.from({ length: late }, (_, i) => p(`late-${i}`, '2026-09-08'))],
      decisions: [],
      grouping: 'department',
      townOf: () => undefined,
      today: '2026-10-20',
    })[0]!.board;
  it('puts 90 % on time on the 红榜, 89 % on neither, 70 % on neither, 69 % on the 黄榜', () => {
    expect(board(9, 1)).toBe('红榜');
    expect(board(8, 1)).toBe(''); // 88.9 %
    expect(board(7, 3)).toBe('');
    expect(board(69, 31)).toBe('黄榜');
  });
});
