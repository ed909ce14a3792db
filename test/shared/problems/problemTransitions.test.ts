// The state machine's table and the workflow agree: for any problem state, an action is offered
// exactly when its transition (given good input) succeeds — offering 升级 where it cannot be done,
// or refusing an offered action, fails here.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { problemStatuses, satisfactionLevels, type Problem } from '../../../shared/domain/records';
import { availableProblemActions, openProblemStatuses, problemTransitionNames, type ProblemTransition } from '../../../shared/problems/problemTransitions';
import {
  answerProblem,
  closeProblem,
  decideProblem,
  escalateProblem,
  listForRectification,
  recordSatisfaction,
  reopenProblem,
  transferProblem,
  type ProblemContext,
} from '../../../shared/problems/problemWorkflow';

const ctx: ProblemContext = {
  who: { officerName: '张敏', deviceId: 'laptop-1', officerDepartment: '区商务局' },
  now: new Date('2026-11-26T02:00:00Z'),
  overrides: {},
};

const run: Record<ProblemTransition, (p: Problem) => Problem> = {
  transfer: (p) => transferProblem(p, { department: '区人社局', transferDate: p.raisedDate }, ctx),
  answer: (p) => answerProblem(p, { replyDate: '2026-11-20', replyContent: '已对接', outcomeClass: '解决或已有明确途径' }, ctx),
  close: (p) => closeProblem(p, { comment: '经研究仍然办结', closeDespiteDissatisfaction: true }, ctx),
  escalate: (p) => escalateProblem(p, { meeting: '督办会', date: '2026-11-20' }, ctx),
  rectify: (p) => listForRectification(p, { owner: '李四', deadline: '2026-12-20' }, ctx),
  satisfaction: (p) => recordSatisfaction(p, { satisfaction: '不满意', reason: '进度慢' }, ctx),
  reopen: (p) => reopenProblem(p, '企业不满意，重新办理', ctx),
  decide: (p) =>
    decideProblem(
      p,
      { meetingId: 'mtg-1', meetingType: '督办会', meetingDate: '2026-11-20', department: '区人社局', task: '协调招工', workingDays: 5 },
      ctx,
    ),
};

const problemArb = fc
  .record({
    status: fc.constantFrom(...problemStatuses),
    answered: fc.boolean(),
    transferred: fc.boolean(),
    satisfaction: fc.option(fc.constantFrom(...satisfactionLevels), { nil: undefined }),
  })
  .map(({ status, answered, transferred, satisfaction }): Problem => {
    const p: Problem = {
      id: 'prob-0001',
      createdAt: '2026-11-10T02:00:00.000Z',
      updatedAt: '2026-11-10T02:00:00.000Z',
      updatedBy: '张敏',
      deviceId: 'laptop-1',
      rev: 1,
      versionVector: { 'laptop-1': 1 },
      enterpriseId: 'ent-0001',
      raisedDate: '2026-11-10',
      category: '用工',
      description: '招工难',
      request: '',
      isComplaint: false,
      handling: transferred ? '转办' : '本部门办理',
      department: transferred ? '区人社局' : '区商务局',
      replyDeadline: '2026-11-13',
      replyContent: answered ? '已答复' : '',
      status,
      officer: '张敏',
      history: [],
    };
    if (transferred) p.transferDate = '2026-11-10';
    if (answered) {
      p.replyDate = '2026-11-12';
      p.outcomeClass = '解决或已有明确途径';
      if (satisfaction) p.satisfaction = satisfaction;
    }
    return p;
  });

describe('the problem state machine', () => {
  it('offers an action exactly when its transition succeeds, in every state', () => {
    fc.assert(
      fc.property(problemArb, fc.constantFrom(...problemTransitionNames), (problem, action) => {
        const offered = availableProblemActions(problem)[action];
        let succeeded = true;
        try {
          run[action](problem);
        } catch {
          succeeded = false;
        }
        expect({ action, status: problem.status, answered: problem.replyDate !== undefined, offered }).toEqual({
          action,
          status: problem.status,
          answered: problem.replyDate !== undefined,
          offered: succeeded,
        });
      }),
      { numRuns: 400 },
    );
  });

  it('has one list of open statuses: the unanswered ones', () => {
    expect([...openProblemStatuses]).toEqual(['待处理', '已转办', '已升级']);
    expect(availableProblemActions({ status: '已办结', replyDate: '2026-11-12' })).toMatchObject({ escalate: false, transfer: false, answer: false });
  });
});
