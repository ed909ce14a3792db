import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../shared/domain/records';
import { countProblems, formatClosureRate } from '../../../shared/problems/problemStats';
import { dueSoonUntil, problemTimeliness } from '../../../shared/problems/problemTimeliness';
import { makeProblem } from '../../fixtures/records';

let seq = 0;
function problem(patch: Partial<Problem>): Problem {
  seq += 1;
  return makeProblem({ id: `problem-${seq}`, ...patch });
}

describe('timeliness of one problem', () => {
  // Raised Mon 2026-11-02, own department: deadline Thu 11-05.
  it('answered on the deadline is on time', () => {
    const t = problemTimeliness(problem({ replyDate: '2026-11-05', status: '已答复' }), '2026-11-20');
    expect(t).toMatchObject({ deadline: '2026-11-05', answered: true, answeredLate: false, overdue: false, daysLate: 0 });
  });
  it('answered after the deadline is late, by natural days', () => {
    const t = problemTimeliness(problem({ replyDate: '2026-11-09', status: '已答复' }), '2026-11-20');
    expect(t).toMatchObject({ answeredLate: true, overdue: false, dueSoon: false, daysLate: 4 });
  });
  it('unanswered past the deadline is overdue until today', () => {
    const t = problemTimeliness(problem({}), '2026-11-06');
    expect(t).toMatchObject({ answered: false, overdue: true, dueSoon: false, daysLate: 1 });
    expect(problemTimeliness(problem({}), '2026-11-05').overdue).toBe(false);
  });
  it('due soon: the deadline is today or the next working day', () => {
    expect(problemTimeliness(problem({}), '2026-11-05').dueSoon).toBe(true); // deadline today
    expect(problemTimeliness(problem({}), '2026-11-04').dueSoon).toBe(true); // tomorrow
    expect(problemTimeliness(problem({}), '2026-11-03').dueSoon).toBe(false); // two working days away
  });
  it('over a weekend and a holiday the window counts working days', () => {
    expect(dueSoonUntil('2026-11-06')).toBe('2026-11-09'); // Friday → Monday
    expect(dueSoonUntil('2026-11-07')).toBe('2026-11-10'); // Saturday → Mon, Tue
    expect(dueSoonUntil('2026-09-30')).toBe('2026-10-08'); // before National Day
  });
  it('a transfer after the raised day is late; a pending one becomes late the next day', () => {
    const late = problem({ handling: '转办', department: '区人社局', transferDate: '2026-11-03', status: '已转办' });
    expect(problemTimeliness(late, '2026-11-03').transferLate).toBe(true);
    const sameDay = problem({ handling: '转办', department: '区人社局', transferDate: '2026-11-02', status: '已转办' });
    expect(problemTimeliness(sameDay, '2026-11-20').transferLate).toBe(false);
    const pending = problem({ handling: '转办', department: '区人社局' });
    expect(problemTimeliness(pending, '2026-11-02').transferLate).toBe(false);
    expect(problemTimeliness(pending, '2026-11-03').transferLate).toBe(true);
  });
  it('a stored deadline is used as saved', () => {
    expect(problemTimeliness(problem({ replyDeadline: '2026-11-12' }), '2026-11-10').overdue).toBe(false);
  });
});

describe('counts', () => {
  it('counts timeliness, outcome, status and the complaint closure rate, without tombstones', () => {
    const today = '2026-11-10';
    const problems = [
      problem({ replyDate: '2026-11-04', status: '已办结', outcomeClass: '解决或已有明确途径', isComplaint: true }),
      problem({ replyDate: '2026-11-09', status: '已答复', outcomeClass: '提交会商协调', isComplaint: true }),
      problem({ status: '待处理' }), // overdue since 11-05
      problem({ raisedDate: '2026-11-09', status: '待处理' }), // deadline 11-12: not yet due soon
      problem({ raisedDate: '2026-11-06', status: '待处理' }), // deadline 11-11: due soon
      problem({ handling: '转办', department: '区人社局', transferDate: '2026-11-04', status: '已转办', isComplaint: true }), // deadline 11-11: due soon, transferred late
      problem({ status: '已办结', replyDate: '2026-11-03', isComplaint: true, deletedAt: '2026-11-09T00:00:00.000Z' }),
    ];
    const c = countProblems(problems, today);
    expect(c).toMatchObject({
      total: 6,
      answeredOnTime: 1,
      answeredLate: 1,
      overdue: 1,
      unanswered: 4,
      dueSoon: 2,
      transferLate: 1,
      complaints: 3,
      complaintsClosed: 1,
    });
    expect(c.byOutcome).toEqual({ 解决或已有明确途径: 1, 已有方案或正在争取: 0, 提交会商协调: 1 });
    expect(c.byStatus).toEqual({ 待处理: 3, 已转办: 1, 已答复: 1, 已办结: 1, 已升级: 0 });
    expect(c.complaintClosureRate).toBeCloseTo(1 / 3);
    expect(formatClosureRate(c.complaintClosureRate)).toBe('33.3%');
  });
  it('with no complaints the closure rate is not a number to show', () => {
    const c = countProblems([problem({})], '2026-11-03');
    expect(c.complaintClosureRate).toBeNull();
    expect(formatClosureRate(null)).toBe('—');
  });
});
