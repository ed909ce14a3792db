// The settled tally plus today's index counts must be exactly what counting every problem gives,
// for any problems, any edits between them and any day they are looked at: the home page and the
// problem list show the former, the reports the latter, and an officer compares them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outcomeClasses, problemStatuses, type Problem } from '../../../shared/domain/records';
import { countProblems } from '../../../shared/problems/problemStats';
import {
  ProblemTallyDelta,
  addSettled,
  combineProblemCounts,
  emptySettledCounts,
  isEmptySettled,
  movingCountsOf,
  problemIndexFields,
  sumSettled,
  withProblemIndexFields,
} from '../../../shared/problems/problemTally';
import { dueSoonUntil } from '../../../shared/problems/problemTimeliness';
import { makeProblem } from '../../fixtures/records';

const day = fc.integer({ min: 0, max: 40 }).map((n) => {
  const d = new Date(Date.UTC(2026, 10, 1 + n));
  return d.toISOString().slice(0, 10);
});

const problemArb = fc.record({
    raised: day,
    deadlineAfter: fc.integer({ min: 0, max: 10 }),
    replyAfter: fc.option(fc.integer({ min: 0, max: 15 }), { nil: undefined }),
    transfer: fc.constantFrom('none', 'pending', 'sameDay', 'late'),
    status: fc.constantFrom(...problemStatuses),
    outcome: fc.option(fc.constantFrom(...outcomeClasses), { nil: undefined }),
    complaint: fc.boolean(),
    officer: fc.constantFrom('', '张敏', '李强'),
    category: fc.constantFrom('用工', '融资', '物流'),
    deleted: fc.boolean(),
    storedDeadline: fc.boolean(),
  });
type ProblemShape = typeof problemArb extends fc.Arbitrary<infer T> ? T : never;

function plus(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function build(r: ProblemShape, id: string): Problem {
  return makeProblem({
    id,
    raisedDate: r.raised,
    // A problem saved before deadlines were stored has none: the calendar decides it (both must agree).
    replyDeadline: r.storedDeadline ? plus(r.raised, r.deadlineAfter) : undefined,
    replyDate: r.replyAfter === undefined ? undefined : plus(r.raised, r.replyAfter),
    handling: r.transfer === 'none' ? '本部门办理' : '转办',
    department: r.transfer === 'none' ? '' : '区人社局',
    transferDate: r.transfer === 'sameDay' ? r.raised : r.transfer === 'late' ? plus(r.raised, 1) : undefined,
    status: r.status,
    outcomeClass: r.outcome,
    isComplaint: r.complaint,
    officer: r.officer,
    category: r.category,
    deletedAt: r.deleted ? '2026-11-30T00:00:00.000Z' : undefined,
  });
}

/** What the repository does: the tallies of every officer, and the index ranges counted for today. */
function fromTallies(problems: Problem[], today: string) {
  const delta = new ProblemTallyDelta();
  for (const p of problems) delta.replace(undefined, p);
  const settled = sumSettled(delta.officers.map((o) => delta.deltaOf(o)));
  const moving = movingCountsOf(problems.map((p) => problemIndexFields(p)), today, dueSoonUntil(today));
  return combineProblemCounts(settled, moving);
}

describe('problem tallies', () => {
  it('settled tally + index counts = counting every problem, for any problems and any day', () => {
    fc.assert(
      fc.property(fc.array(problemArb, { maxLength: 40 }), day, (records, today) => {
        const problems = records.map((r, i) => build(r, `p-${i}`));
        expect(fromTallies(problems, today)).toEqual(countProblems(problems, today));
      }),
      { numRuns: 300 },
    );
  });

  it('replacing versions one by one keeps the tally equal to one built from the final versions', () => {
    fc.assert(
      fc.property(fc.array(problemArb, { minLength: 1, maxLength: 20 }), fc.array(fc.tuple(fc.nat(), problemArb), { maxLength: 30 }), (first, edits) => {
        const stored = new Map(first.map((r, i) => [`p-${i}`, build(r, `p-${i}`)]));
        const running = new ProblemTallyDelta();
        for (const p of stored.values()) running.replace(undefined, p);
        for (const [which, r] of edits) {
          const id = `p-${which % first.length}`;
          const next = build(r, id);
          running.replace(stored.get(id), next);
          stored.set(id, next);
        }
        const rebuilt = new ProblemTallyDelta();
        for (const p of stored.values()) rebuilt.replace(undefined, p);
        const sum = (d: ProblemTallyDelta) => sumSettled(d.officers.map((o) => d.deltaOf(o)));
        expect(sum(running)).toEqual(sum(rebuilt));
      }),
      { numRuns: 200 },
    );
  });

  it('counts live problems per category and per 承办部门 (the 工作台 charts), whatever was edited', () => {
    fc.assert(
      fc.property(fc.array(problemArb, { maxLength: 40 }), (records) => {
        const problems = records.map((r, i) => build(r, `p-${i}`));
        const delta = new ProblemTallyDelta();
        for (const p of problems) delta.replace(undefined, p);
        for (const p of problems.slice(0, 5)) {
          delta.replace(p, { ...p, category: '其他', department: '区发改委' });
          delta.replace({ ...p, category: '其他', department: '区发改委' }, p);
        }
        const settled = sumSettled(delta.officers.map((o) => delta.deltaOf(o)));
        const live = problems.filter((p) => p.deletedAt === undefined);
        const grouped = (key: (p: Problem) => string) =>
          live.reduce<Record<string, number>>((sum, p) => ({ ...sum, [key(p)]: (sum[key(p)] ?? 0) + 1 }), {});
        expect(settled.byCategory).toEqual(grouped((p) => p.category));
        expect(settled.byDepartment).toEqual(grouped((p) => p.department));
      }),
      { numRuns: 200 },
    );
  });

  it('only live problems that can still move carry index fields, and stale ones are dropped', () => {
    const open = makeProblem({ id: 'a', raisedDate: '2026-11-02', replyDeadline: '2026-11-05', handling: '转办', department: '区人社局' });
    expect(problemIndexFields(open)).toEqual({ openDeadline: '2026-11-05', transferPendingSince: '2026-11-02' });
    const answered = withProblemIndexFields({ ...withProblemIndexFields(open), replyDate: '2026-11-04', transferDate: '2026-11-02' });
    expect(answered).not.toHaveProperty('openDeadline');
    expect(answered).not.toHaveProperty('transferPendingSince');
    expect(problemIndexFields({ ...open, deletedAt: '2026-11-30T00:00:00.000Z' })).toEqual({});
  });

  it('an officer whose problems all went elsewhere has an empty tally', () => {
    const counts = emptySettledCounts();
    const p = makeProblem({ id: 'a', officer: '张敏', status: '已办结', isComplaint: true, outcomeClass: outcomeClasses[0], replyDate: '2026-11-03' });
    addSettled(counts, p, 1);
    expect(isEmptySettled(counts)).toBe(false);
    addSettled(counts, p, -1);
    expect(isEmptySettled(counts)).toBe(true);
  });
});
