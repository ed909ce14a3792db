import { describe, expect, it } from 'vitest';
import { problemSchema, type Problem } from '../../../shared/domain/records';
import { replyDeadline } from '../../../shared/problems/problemDeadline';
import {
  answerProblem,
  closeProblem,
  createProblem,
  escalateProblem,
  listForRectification,
  recordSatisfaction,
  reopenProblem,
  transferProblem,
  recalculateDeadline,
  updateProblemDates,
  type ProblemContext,
} from '../../../shared/problems/problemWorkflow';
import { RuleError } from '../../../shared/errors/ruleError';

const ctx = (iso = '2026-11-26T02:00:00Z', officerName = '张敏'): ProblemContext => ({
  who: { officerName, deviceId: 'laptop-1', officerDepartment: '区商务局' },
  now: new Date(iso),
  overrides: {},
});

const base = {
  enterpriseId: 'ent-1',
  raisedDate: '2026-09-24',
  category: '用工',
  description: '招工难，缺少熟练焊工',
};

function ruleError(fn: () => unknown): RuleError {
  try {
    fn();
  } catch (error) {
    if (error instanceof RuleError) return error;
    throw error;
  }
  throw new Error('expected a RuleError');
}

describe('deadlines under 首问负责制', () => {
  it('own department: 3 working days after raising', () => {
    const p = createProblem(base, ctx());
    expect(p.status).toBe('待处理');
    expect(p.department).toBe('区商务局');
    expect(p.replyDeadline).toBe('2026-09-30');
    expect(p.officer).toBe('张敏');
  });
  it('transferred: 5 working days after the transfer date, status 已转办', () => {
    const p = createProblem(
      { ...base, raisedDate: '2026-09-29', handling: '转办', department: '区人社局', transferDate: '2026-09-29' },
      ctx(),
    );
    expect(p.status).toBe('已转办');
    expect(p.replyDeadline).toBe('2026-10-12'); // 30, 10-08, 09, 10 (Sat, worked), 12
    expect(replyDeadline({ handling: '转办', raisedDate: '2026-09-29', transferDate: '2026-09-30' })).toBe('2026-10-13');
  });
  it('the stored record passes the domain schema', () => {
    expect(() => problemSchema.parse(createProblem(base, ctx()))).not.toThrow();
  });
});

describe('bad input is refused at the field, nothing returned', () => {
  it('a transfer without a department', () => {
    const e = ruleError(() => createProblem({ ...base, handling: '转办', transferDate: '2026-09-24' }, ctx()));
    expect(e.field).toBe('department');
    expect(e.message).toContain('责任部门');
  });
  it('a transfer date before the raised date', () => {
    const e = ruleError(() =>
      createProblem({ ...base, handling: '转办', department: '区人社局', transferDate: '2026-09-23' }, ctx()),
    );
    expect(e.field).toBe('transferDate');
    expect(e.message).toBe('转办日期不能早于提出日期（2026-09-24）');
  });
  it('a reply date before the raised date', () => {
    const p = createProblem(base, ctx());
    const e = ruleError(() =>
      answerProblem(p, { replyDate: '2026-09-20', replyContent: '已协调', outcomeClass: '解决或已有明确途径' }, ctx()),
    );
    expect(e.field).toBe('replyDate');
    expect(e.message).toBe('答复日期不能早于提出日期（2026-09-24）');
  });
  it('a deadline in a year the calendar does not cover is saved, provisional, never refused (the year-end lockout)', () => {
    const late = { ...base, raisedDate: '2026-12-28' };
    const saved = createProblem(late, ctx('2026-12-28T02:00:00Z'));
    expect(saved.replyDeadline).toBe('2026-12-31');
    expect(saved.replyDeadlineProvisional).toBeUndefined();
    const lateInYear = createProblem({ ...base, raisedDate: '2026-12-30' }, ctx('2026-12-30T02:00:00Z'));
    expect(lateInYear.replyDeadline).toBe('2027-01-04'); // weekday guess: 31, 01-01, 01-04
    expect(lateInYear.replyDeadlineProvisional).toBe(true);
    expect(problemSchema.parse(lateInYear).replyDeadlineProvisional).toBe(true);
    const transferred = createProblem(
      { ...base, raisedDate: '2026-12-25', handling: '转办', department: '区人社局', transferDate: '2026-12-25' },
      ctx('2026-12-25T02:00:00Z'),
    );
    expect(transferred.replyDeadlineProvisional).toBe(true);
  });
  it('one override day in 2027 does not make 2027 known; its confirmed notice does', () => {
    const late = { ...base, raisedDate: '2026-12-30' };
    const oneDay = { ...ctx('2027-01-02T02:00:00Z'), overrides: { '2027-01-01': false } };
    const withOneDay = createProblem(late, oneDay);
    expect(withOneDay.replyDeadline).toBe('2027-01-05');
    expect(withOneDay.replyDeadlineProvisional).toBe(true);
    const confirmed = createProblem(late, { ...oneDay, knownYears: [2027] });
    expect(confirmed.replyDeadline).toBe('2027-01-05');
    expect(confirmed.replyDeadlineProvisional).toBeUndefined();
  });
  it('recalculateDeadline makes a provisional deadline firm once the year is known, and says so in the history', () => {
    const provisional = createProblem({ ...base, raisedDate: '2026-12-30' }, ctx('2026-12-30T02:00:00Z'));
    const known = { ...ctx('2027-01-03T02:00:00Z'), overrides: { '2027-01-01': false, '2027-01-04': false }, knownYears: [2027] };
    const firm = recalculateDeadline(provisional, known);
    expect(firm.replyDeadline).toBe('2027-01-06');
    expect(firm.replyDeadlineProvisional).toBeUndefined();
    expect(firm.status).toBe(provisional.status);
    expect(firm.history.at(-1)?.comment).toBe('按 2027 年节假日安排重新计算答复期限：2027-01-04（待确认） → 2027-01-06');
    expect(recalculateDeadline(firm, known)).toBe(firm);
  });
  it('several faults at once are all named', () => {
    const e = ruleError(() => createProblem({ ...base, category: '', description: ' ', raisedDate: '2026-13-01' }, ctx()));
    expect(e.issues.map((i) => i.field).sort()).toEqual(['category', 'description', 'raisedDate']);
  });
  it('a reply dated in the future', () => {
    const p = createProblem(base, ctx());
    const e = ruleError(() =>
      answerProblem(p, { replyDate: '2026-11-27', replyContent: '已协调', outcomeClass: '解决或已有明确途径' }, ctx()),
    );
    expect(e.field).toBe('replyDate');
  });
});

describe('status history', () => {
  it('keeps who, when, from and to for every change, in order', () => {
    let p: Problem = createProblem({ ...base, raisedDate: '2026-11-02' }, ctx('2026-11-02T01:00:00Z'));
    p = transferProblem(p, { department: '区人社局', transferDate: '2026-11-03' }, ctx('2026-11-03T01:00:00Z', '李强'));
    p = answerProblem(
      p,
      { replyDate: '2026-11-09', replyContent: '组织专场招聘会', outcomeClass: '已有方案或正在争取' },
      ctx('2026-11-09T01:00:00Z'),
    );
    p = recordSatisfaction(p, { satisfaction: '满意' }, ctx('2026-11-10T01:00:00Z'));
    p = closeProblem(p, {}, ctx('2026-11-11T01:00:00Z'));
    expect(p.history.map((h) => [h.from, h.to])).toEqual([
      [undefined, '待处理'],
      ['待处理', '已转办'],
      ['已转办', '已答复'],
      ['已答复', '已答复'],
      ['已答复', '已办结'],
    ]);
    expect(p.history[1]).toMatchObject({ by: '李强', at: '2026-11-03T01:00:00.000Z' });
    expect(p.history[1]?.comment).toContain('未在提出当日转办');
    expect(p.history[3]?.comment).toBe('企业评价：满意');
    expect(p.replyDeadline).toBe('2026-11-10');
    // The record's own stamps are the write path's (test/renderer/db/ledgerWrites.test.ts).
    expect(p.history.at(-1)?.at).toBe('2026-11-11T01:00:00.000Z');
    expect(() => problemSchema.parse(p)).not.toThrow();
  });
  it('escalation and 挂牌整改 record the meeting, owner and deadline', () => {
    let p = createProblem(base, ctx());
    p = listForRectification(p, { owner: '王伟', deadline: '2026-10-30', note: '' }, ctx());
    expect(p.status).toBe('待处理');
    expect(p.rectification).toEqual({ owner: '王伟', deadline: '2026-10-30', note: '' });
    p = escalateProblem(p, { meeting: '督办会', date: '2026-10-09', note: '用地指标' }, ctx());
    expect(p.status).toBe('已升级');
    expect(p.escalation).toEqual({ meeting: '督办会', date: '2026-10-09', note: '用地指标' });
    expect(p.history.at(-1)?.comment).toContain('督办会');
    expect(ruleError(() => closeProblem(p, {}, ctx())).field).toBe('replyDate');
    expect(ruleError(() => listForRectification(p, { owner: ' ', deadline: '2026-09-01' }, ctx())).issues).toHaveLength(2);
  });
  it('a transition not allowed in the current status is refused', () => {
    const p = createProblem(base, ctx());
    expect(ruleError(() => closeProblem(p, {}, ctx())).field).toBe('status');
    expect(ruleError(() => recordSatisfaction(p, { satisfaction: '满意' }, ctx())).field).toBe('satisfaction');
    expect(ruleError(() => reopenProblem(p, '企业不满意', ctx())).field).toBe('status');
  });
});

describe('reopening an unsatisfied answer', () => {
  it('keeps the first answer in the history and clears the reply', () => {
    let p = createProblem(
      { ...base, raisedDate: '2026-11-02', handling: '转办', department: '区资规局', transferDate: '2026-11-02' },
      ctx(),
    );
    p = answerProblem(p, { replyDate: '2026-11-05', replyContent: '暂无用地指标', outcomeClass: '提交会商协调' }, ctx());
    p = recordSatisfaction(p, { satisfaction: '不满意', reason: '指标未落实' }, ctx());
    expect(ruleError(() => reopenProblem(p, '  ', ctx())).field).toBe('comment');
    p = reopenProblem(p, '企业不满意，要求再协调', ctx());
    expect(p.status).toBe('已转办');
    expect(p.replyDate).toBeUndefined();
    expect(p.replyContent).toBe('');
    expect(p.outcomeClass).toBeUndefined();
    expect(p.satisfaction).toBeUndefined();
    expect(p.history.at(-1)).toMatchObject({
      from: '已答复',
      to: '已转办',
      comment: '企业不满意，要求再协调',
      previousReply: { date: '2026-11-05', content: '暂无用地指标', satisfaction: '不满意' },
    });
    p = answerProblem(p, { replyDate: '2026-11-20', replyContent: '调剂指标', outcomeClass: '解决或已有明确途径' }, ctx());
    expect(p.replyContent).toBe('调剂指标');
    expect(p.history.filter((h) => h.previousReply)).toHaveLength(1);
  });
});

describe('changing the dates recomputes the deadline', () => {
  it('follows the raised date, the handling and the transfer date', () => {
    const p = createProblem({ ...base, raisedDate: '2026-09-24' }, ctx());
    const moved = updateProblemDates(p, { raisedDate: '2026-09-28' }, ctx());
    expect(moved.replyDeadline).toBe('2026-10-08'); // 29, 30, 10-08
    const transferred = updateProblemDates(
      moved,
      { handling: '转办', department: '区人社局', transferDate: '2026-09-29' },
      ctx(),
    );
    expect(transferred.status).toBe('已转办');
    expect(transferred.replyDeadline).toBe('2026-10-12');
    const back = updateProblemDates(transferred, { handling: '本部门办理', department: '区商务局' }, ctx());
    expect(back.status).toBe('待处理');
    expect(back.transferDate).toBeUndefined();
    expect(back.replyDeadline).toBe('2026-10-08');
  });
  it('refuses a raised date after an existing reply', () => {
    let p = createProblem(base, ctx());
    p = answerProblem(p, { replyDate: '2026-09-28', replyContent: '已答复', outcomeClass: '解决或已有明确途径' }, ctx());
    const e = ruleError(() => updateProblemDates(p, { raisedDate: '2026-09-29' }, ctx()));
    expect(e.field).toBe('replyDate');
  });
});
