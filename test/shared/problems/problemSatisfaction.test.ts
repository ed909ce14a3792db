// 不满意 is not a dead end the officer can close silently: the reason is recorded, and closing a
// problem the enterprise is unhappy with needs either a reopening or an explained decision.
import { describe, expect, it } from 'vitest';
import { problemSchema, type Problem } from '../../../shared/domain/records';
import {
  answerProblem,
  closeProblem,
  createProblem,
  recordSatisfaction,
  reopenProblem,
  type ProblemContext,
} from '../../../shared/problems/problemWorkflow';
import { RuleError } from '../../../shared/errors/ruleError';

const ctx = (iso = '2026-11-26T02:00:00Z'): ProblemContext => ({
  who: { officerName: '张敏', deviceId: 'laptop-1', officerDepartment: '区商务局' },
  now: new Date(iso),
  overrides: {},
});

function answered(): Problem {
  const p = createProblem(
    { enterpriseId: 'ent-1', raisedDate: '2026-11-02', category: '用工', description: '招工难，缺少熟练焊工' },
    ctx(),
  );
  return answerProblem(p, { replyDate: '2026-11-04', replyContent: '组织专场招聘会', outcomeClass: '已有方案或正在争取' }, ctx());
}

function ruleError(fn: () => unknown): RuleError {
  try {
    fn();
  } catch (error) {
    if (error instanceof RuleError) return error;
    throw error;
  }
  throw new Error('expected a RuleError');
}

describe('不满意 needs its reason', () => {
  it('is refused without a reason, at the reason field, and nothing changes', () => {
    const p = answered();
    for (const reason of [undefined, '', '   ']) {
      const e = ruleError(() => recordSatisfaction(p, { satisfaction: '不满意', reason }, ctx()));
      expect(e.field).toBe('satisfactionReason');
      expect(e.message).toBe('企业不满意时须填写不满意的原因');
    }
    expect(p.satisfaction).toBeUndefined();
  });
  it('keeps the reason in the history entry', () => {
    const p = recordSatisfaction(answered(), { satisfaction: '不满意', reason: ' 招聘会岗位不对口 ' }, ctx());
    expect(p.satisfaction).toBe('不满意');
    expect(p.history.at(-1)).toMatchObject({ from: '已答复', to: '已答复', comment: '企业评价：不满意；原因：招聘会岗位不对口' });
    expect(() => problemSchema.parse(p)).not.toThrow();
  });
  it('满意 needs no reason; a note given is kept', () => {
    expect(recordSatisfaction(answered(), { satisfaction: '满意' }, ctx()).history.at(-1)?.comment).toBe('企业评价：满意');
    expect(
      recordSatisfaction(answered(), { satisfaction: '基本满意', reason: '希望更快' }, ctx()).history.at(-1)?.comment,
    ).toBe('企业评价：基本满意；说明：希望更快');
  });
});

describe('办结 after 不满意', () => {
  const unhappy = () => recordSatisfaction(answered(), { satisfaction: '不满意', reason: '岗位不对口' }, ctx());

  it('is refused without an explicit decision, pointing at the decision', () => {
    const e = ruleError(() => closeProblem(unhappy(), { comment: '已答复' }, ctx()));
    expect(e.field).toBe('closeDespiteDissatisfaction');
    expect(e.message).toBe('企业对答复不满意：请先重新办理，或勾选“企业不满意，仍然办结”并说明理由');
  });
  it('with the decision, an explanation is required', () => {
    const e = ruleError(() => closeProblem(unhappy(), { comment: ' ', closeDespiteDissatisfaction: true }, ctx()));
    expect(e.field).toBe('comment');
    expect(e.message).toBe('企业不满意仍然办结，须说明理由');
  });
  it('with the decision and an explanation, closes and says so in the history', () => {
    const p = closeProblem(
      unhappy(),
      { comment: '政策范围内已尽力，企业诉求超出权限', closeDespiteDissatisfaction: true },
      ctx(),
    );
    expect(p.status).toBe('已办结');
    expect(p.history.at(-1)?.comment).toBe('企业不满意，仍然办结：政策范围内已尽力，企业诉求超出权限');
  });
  it('after reopening and a new answer, closes as usual', () => {
    let p = reopenProblem(unhappy(), '企业不满意，要求再协调', ctx());
    p = answerProblem(p, { replyDate: '2026-11-10', replyContent: '对接对口岗位', outcomeClass: '解决或已有明确途径' }, ctx());
    expect(closeProblem(p, {}, ctx()).status).toBe('已办结');
  });
  it('a satisfied enterprise needs no decision', () => {
    const p = recordSatisfaction(answered(), { satisfaction: '满意' }, ctx());
    expect(closeProblem(p, {}, ctx()).status).toBe('已办结');
  });
});
