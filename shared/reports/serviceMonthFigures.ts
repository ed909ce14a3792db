// The figures of the service-month report (seed 000: 成效、存在问题、下一步措施; seed 001: the three
// outcome classes) as a pure function of the records, the period and the scope. The accumulator form
// lets the renderer feed visits and problems a chunk at a time from the database; the array form
// (`serviceMonthFigures`) is the same computation for tests and small data.
import type { ActivityFigures } from '../activities/activityFigures';
import type { CalendarOverrides } from '../calendar/workingDays';
import { outcomeClasses, type OutcomeClass, type Policy, type Problem, type Visit } from '../domain/records';
import { problemTimeliness, dueSoonUntil } from '../problems/problemTimeliness';
import { addToProblemCounts, emptyProblemCounts, finishProblemCounts, type ProblemCounts } from '../problems/problemStats';
import {
  enterpriseInScope,
  inPeriod,
  problemInScope,
  visitInScope,
  type ReportEnterprise,
  type ReportPeriod,
  type ReportScope,
} from './reportScope';

export interface TownFigures {
  town: string;
  visits: number;
  enterprisesVisited: number;
  enterprisesAssigned: number;
  coverageRate: number | null;
  problems: number;
}

export interface CategoryFigures {
  category: string;
  problems: number;
  answered: number;
  answerRate: number | null;
  overdue: number;
  unanswered: number;
}

export interface DepartmentFigures {
  department: string;
  problems: number;
  answeredOnTime: number;
  onTimeRate: number | null;
  answeredLate: number;
  overdue: number;
}

export interface PolicyFigures {
  policyId: string;
  code: string;
  title: string;
  sourceDocument: string;
  visits: number;
  enterprises: number;
}

export interface ServiceMonthFigures {
  period: ReportPeriod;
  scope: ReportScope;
  /** The day timeliness was judged on (the 填报日期). */
  asOf: string;
  visits: number;
  /** Distinct enterprises visited in the period (in scope). */
  enterprisesVisited: number;
  /** Enterprises the scope is responsible for (all / the town's / the officer's 联系企业). */
  enterprisesAssigned: number;
  /** Assigned enterprises visited at least once ÷ assigned; null when none are assigned. */
  coverageRate: number | null;
  /** Problems raised in the period (in scope), judged as of `asOf`. */
  problems: ProblemCounts;
  /** Problems with no outcome class yet. */
  unclassified: number;
  outcomeShares: Record<OutcomeClass, number | null>;
  byTown: TownFigures[];
  byCategory: CategoryFigures[];
  byDepartment: DepartmentFigures[];
  policies: PolicyFigures[];
  /** Group activities and the coverage by visits and activities (issue 17), when the report read them. */
  activities?: ActivityFigures;
}

export interface FiguresContext {
  period: ReportPeriod;
  scope: ReportScope;
  asOf: string;
  overrides?: CalendarOverrides;
  /** Every live enterprise (by id): names for rows, towns for breakdowns, the coverage base. */
  enterprises: ReadonlyMap<string, ReportEnterprise>;
  policies: readonly Pick<Policy, 'id' | 'code' | 'title' | 'sourceDocument' | 'deletedAt'>[];
  /** The order towns, categories and departments are listed in (settings); others follow, sorted. */
  towns?: readonly string[];
  categories?: readonly string[];
  departments?: readonly string[];
}

const rate = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

function ordered<T>(map: Map<string, T>, preferred: readonly string[] = []): [string, T][] {
  const known = preferred.filter((k) => map.has(k));
  const rest = [...map.keys()].filter((k) => !preferred.includes(k)).sort((a, b) => a.localeCompare(b, 'zh-CN'));
  return [...known, ...rest].map((k) => [k, map.get(k) as T]);
}

export interface FiguresAccumulator {
  /** Counts the visit when it is live, in the period and in scope; says whether it counted. */
  addVisit(v: Visit): boolean;
  /** Counts the problem when it is live, raised in the period and in scope; says whether it counted. */
  addProblem(p: Problem): boolean;
  result(): ServiceMonthFigures;
}

export function createFiguresAccumulator(ctx: FiguresContext): FiguresAccumulator {
  const { period, scope, asOf, enterprises } = ctx;
  const overrides = ctx.overrides ?? {};
  const dueSoonLimit = dueSoonUntil(asOf, overrides);
  let visits = 0;
  const visited = new Set<string>();
  const townVisits = new Map<string, { visits: number; enterprises: Set<string>; problems: number }>();
  const policyVisits = new Map<string, { visits: number; enterprises: Set<string> }>();
  const problems = emptyProblemCounts();
  const byCategory = new Map<string, Omit<CategoryFigures, 'category' | 'answerRate'>>();
  const byDepartment = new Map<string, Omit<DepartmentFigures, 'department' | 'onTimeRate'>>();

  const townEntry = (town: string) => {
    let entry = townVisits.get(town);
    if (!entry) townVisits.set(town, (entry = { visits: 0, enterprises: new Set(), problems: 0 }));
    return entry;
  };

  return {
    addVisit(v) {
      if (v.deletedAt !== undefined || !inPeriod(v.date, period)) return false;
      const e = enterprises.get(v.enterpriseId);
      if (!visitInScope(v, e, scope)) return false;
      visits += 1;
      visited.add(v.enterpriseId);
      const town = townEntry(e?.town || '未填区镇');
      town.visits += 1;
      town.enterprises.add(v.enterpriseId);
      for (const policyId of new Set(v.policyIds)) {
        let entry = policyVisits.get(policyId);
        if (!entry) policyVisits.set(policyId, (entry = { visits: 0, enterprises: new Set() }));
        entry.visits += 1;
        entry.enterprises.add(v.enterpriseId);
      }
      return true;
    },
    addProblem(p) {
      if (p.deletedAt !== undefined || !inPeriod(p.raisedDate, period)) return false;
      const e = enterprises.get(p.enterpriseId);
      if (!problemInScope(p, e, scope)) return false;
      addToProblemCounts(problems, p, asOf, overrides, dueSoonLimit);
      townEntry(e?.town || '未填区镇').problems += 1;
      const t = problemTimeliness(p, asOf, overrides, dueSoonLimit);
      const category = p.category || '其他';
      let c = byCategory.get(category);
      if (!c) byCategory.set(category, (c = { problems: 0, answered: 0, overdue: 0, unanswered: 0 }));
      c.problems += 1;
      if (t.answered) c.answered += 1;
      else c.unanswered += 1;
      if (t.overdue) c.overdue += 1;
      const department = p.department || '未指定部门';
      let d = byDepartment.get(department);
      if (!d) byDepartment.set(department, (d = { problems: 0, answeredOnTime: 0, answeredLate: 0, overdue: 0 }));
      d.problems += 1;
      if (t.answered && !t.answeredLate) d.answeredOnTime += 1;
      if (t.answeredLate) d.answeredLate += 1;
      if (t.overdue) d.overdue += 1;
      return true;
    },
    result() {
      finishProblemCounts(problems);
      let assigned = 0;
      let assignedVisited = 0;
      const townAssigned = new Map<string, { assigned: number; visited: number }>();
      for (const e of enterprises.values()) {
        if (!enterpriseInScope(e, scope)) continue;
        assigned += 1;
        const isVisited = visited.has(e.id);
        if (isVisited) assignedVisited += 1;
        const town = e.town || '未填区镇';
        const t = townAssigned.get(town) ?? { assigned: 0, visited: 0 };
        t.assigned += 1;
        if (isVisited) t.visited += 1;
        townAssigned.set(town, t);
        if (!townVisits.has(town)) townEntry(town);
      }
      const byTown = ordered(townVisits, ctx.towns).map(([town, t]) => {
        const a = townAssigned.get(town) ?? { assigned: 0, visited: 0 };
        return {
          town,
          visits: t.visits,
          enterprisesVisited: t.enterprises.size,
          enterprisesAssigned: a.assigned,
          coverageRate: rate(a.visited, a.assigned),
          problems: t.problems,
        };
      });
      const classified = outcomeClasses.reduce((sum, c) => sum + problems.byOutcome[c], 0);
      const outcomeShares = Object.fromEntries(
        outcomeClasses.map((c) => [c, rate(problems.byOutcome[c], problems.total)]),
      ) as Record<OutcomeClass, number | null>;
      const policyById = new Map(ctx.policies.map((p) => [p.id, p]));
      const policies = [...policyVisits.entries()]
        .map(([policyId, v]) => {
          const policy = policyById.get(policyId);
          return {
            policyId,
            code: policy?.code ?? '',
            title: policy?.title ?? '（已删除的政策）',
            sourceDocument: policy?.sourceDocument ?? '',
            visits: v.visits,
            enterprises: v.enterprises.size,
          };
        })
        .sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }) || a.title.localeCompare(b.title, 'zh-CN'));
      return {
        period,
        scope,
        asOf,
        visits,
        enterprisesVisited: visited.size,
        enterprisesAssigned: assigned,
        coverageRate: rate(assignedVisited, assigned),
        problems,
        unclassified: problems.total - classified,
        outcomeShares,
        byTown,
        byCategory: ordered(byCategory, ctx.categories).map(([category, c]) => ({
          category,
          ...c,
          answerRate: rate(c.answered, c.problems),
        })),
        byDepartment: ordered(byDepartment, ctx.departments).map(([department, d]) => ({
          department,
          ...d,
          onTimeRate: rate(d.answeredOnTime, d.problems),
        })),
        policies,
      };
    },
  };
}

/** The figures from whole arrays (tests, small data); the export feeds the accumulator in chunks. */
export function serviceMonthFigures(
  records: { visits: readonly Visit[]; problems: readonly Problem[] },
  ctx: FiguresContext,
): ServiceMonthFigures {
  const acc = createFiguresAccumulator(ctx);
  for (const v of records.visits) acc.addVisit(v);
  for (const p of records.problems) acc.addProblem(p);
  return acc.result();
}
