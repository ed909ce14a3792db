// The figures of group activities for a period and scope (issue 17): activities by type and month,
// the enterprises they reached, the coverage of the roster by visits and by activities apart and
// together (全覆盖: an enterprise that attended an activity counts as reached, but visits and
// attendance are reported separately), and the policy reach table — for each policy measure, how many
// enterprises heard it on a visit, at an activity, and either. Pure; fed a chunk at a time like the
// service-month figures (shared/reports/serviceMonthFigures.ts), whose scope rules it follows: an
// activity counts in a town's or an officer's report for the attending enterprises of that scope.
import type { Activity } from '../domain/activityRecords';
import { activityTypes, type ActivityType } from '../domain/activityRecords';
import type { Policy, Visit } from '../domain/records';
import { enterpriseInScope, inPeriod, periodMonths, visitInScope, type ReportEnterprise, type ReportPeriod, type ReportScope } from '../reports/reportScope';

export interface ActivityTypeMonth {
  month: string;
  type: ActivityType;
  activities: number;
  /** Enterprise attendances (an enterprise at two activities counts twice). */
  attendances: number;
  /** Distinct enterprises that attended. */
  enterprises: number;
}

export interface ActivityCoverage {
  /** Enterprises the scope is responsible for. */
  assigned: number;
  visited: number;
  attended: number;
  /** Visited or attended (全覆盖). */
  reached: number;
  /** Attended but not visited: what the activities added. */
  attendedOnly: number;
  visitedRate: number | null;
  attendedRate: number | null;
  reachedRate: number | null;
}

export interface PolicyReach {
  policyId: string;
  code: string;
  title: string;
  /** Visits and activities that presented it. */
  visits: number;
  activities: number;
  /** Distinct enterprises reached by visit, by activity, and by either. */
  byVisit: number;
  byActivity: number;
  reached: number;
}

export interface ActivityFigures {
  activities: number;
  attendances: number;
  /** Distinct enterprises in scope that attended an activity in the period. */
  enterprisesReached: number;
  byTypeMonth: ActivityTypeMonth[];
  byType: Omit<ActivityTypeMonth, 'month'>[];
  coverage: ActivityCoverage;
  policyReach: PolicyReach[];
}

export interface ActivityFiguresContext {
  period: ReportPeriod;
  scope: ReportScope;
  enterprises: ReadonlyMap<string, ReportEnterprise>;
  /** Every policy measure listed in the reach table, in code order (the 30 of seed 003), live ones only. */
  policies: readonly Pick<Policy, 'id' | 'code' | 'title' | 'deletedAt'>[];
}

export interface ActivityFiguresAccumulator {
  addVisit(v: Visit): void;
  addActivity(a: Activity): void;
  result(): ActivityFigures;
}

const rate = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

function setOf<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}

export function createActivityFiguresAccumulator(ctx: ActivityFiguresContext): ActivityFiguresAccumulator {
  const { period, scope, enterprises } = ctx;
  const visited = new Set<string>();
  const attended = new Set<string>();
  const policyVisits = new Map<string, number>();
  const policyActivities = new Map<string, number>();
  const policyByVisit = new Map<string, Set<string>>();
  const policyByActivity = new Map<string, Set<string>>();
  const cells = new Map<string, { activities: number; attendances: number; enterprises: Set<string> }>();
  let activities = 0;
  let attendances = 0;

  const inScope = (enterpriseId: string) => {
    const e = enterprises.get(enterpriseId);
    return e !== undefined && enterpriseInScope(e, scope);
  };

  return {
    addVisit(v) {
      if (v.deletedAt !== undefined || !inPeriod(v.date, period)) return;
      if (!visitInScope(v, enterprises.get(v.enterpriseId), scope)) return;
      visited.add(v.enterpriseId);
      for (const policyId of new Set(v.policyIds)) {
        policyVisits.set(policyId, (policyVisits.get(policyId) ?? 0) + 1);
        setOf(policyByVisit, policyId).add(v.enterpriseId);
      }
    },
    addActivity(a) {
      if (a.deletedAt !== undefined || !inPeriod(a.date, period)) return;
      // The enterprises of the scope that came (a deleted enterprise is on no roster any more).
      const came = [...new Set(a.attendeeEnterpriseIds)].filter((id) => (scope.kind === 'all' ? enterprises.has(id) : inScope(id)));
      if (came.length === 0) return;
      activities += 1;
      attendances += came.length;
      const key = `${a.date.slice(0, 7)}|${a.type}`;
      let cell = cells.get(key);
      if (!cell) cells.set(key, (cell = { activities: 0, attendances: 0, enterprises: new Set() }));
      cell.activities += 1;
      cell.attendances += came.length;
      for (const id of came) {
        attended.add(id);
        cell.enterprises.add(id);
      }
      for (const policyId of new Set(a.policyIds)) {
        policyActivities.set(policyId, (policyActivities.get(policyId) ?? 0) + 1);
        const reached = setOf(policyByActivity, policyId);
        for (const id of came) reached.add(id);
      }
    },
    result() {
      let assigned = 0;
      let assignedVisited = 0;
      let assignedAttended = 0;
      let assignedReached = 0;
      let attendedOnly = 0;
      for (const e of enterprises.values()) {
        if (!enterpriseInScope(e, scope)) continue;
        assigned += 1;
        const v = visited.has(e.id);
        const a = attended.has(e.id);
        if (v) assignedVisited += 1;
        if (a) assignedAttended += 1;
        if (v || a) assignedReached += 1;
        if (a && !v) attendedOnly += 1;
      }
      const byTypeMonth: ActivityTypeMonth[] = [];
      for (const month of periodMonths(period)) {
        for (const type of activityTypes) {
          const cell = cells.get(`${month}|${type}`);
          if (cell) byTypeMonth.push({ month, type, activities: cell.activities, attendances: cell.attendances, enterprises: cell.enterprises.size });
        }
      }
      const byType = activityTypes.map((type) => {
        const rows = byTypeMonth.filter((r) => r.type === type);
        const distinct = new Set<string>();
        for (const [key, cell] of cells) if (key.endsWith(`|${type}`)) for (const id of cell.enterprises) distinct.add(id);
        return {
          type,
          activities: rows.reduce((s, r) => s + r.activities, 0),
          attendances: rows.reduce((s, r) => s + r.attendances, 0),
          enterprises: distinct.size,
        };
      });
      const listed = ctx.policies.filter((p) => p.deletedAt === undefined);
      const known = new Set(listed.map((p) => p.id));
      const policyReach: PolicyReach[] = listed
        .map((p) => ({ policyId: p.id, code: p.code, title: p.title }))
        // A measure presented but since deleted from the list still shows what it reached.
        .concat(
          [...new Set([...policyVisits.keys(), ...policyActivities.keys()])]
            .filter((id) => !known.has(id))
            .map((id) => ({ policyId: id, code: '', title: '（已删除的政策）' })),
        )
        .map((p) => {
          const byVisit = policyByVisit.get(p.policyId) ?? new Set<string>();
          const byActivity = policyByActivity.get(p.policyId) ?? new Set<string>();
          return {
            ...p,
            visits: policyVisits.get(p.policyId) ?? 0,
            activities: policyActivities.get(p.policyId) ?? 0,
            byVisit: byVisit.size,
            byActivity: byActivity.size,
            reached: new Set([...byVisit, ...byActivity]).size,
          };
        })
        .sort((a, b) => (a.code === '' ? 1 : 0) - (b.code === '' ? 1 : 0) || a.code.localeCompare(b.code, 'en', { numeric: true }));
      return {
        activities,
        attendances,
        enterprisesReached: attended.size,
        byTypeMonth,
        byType,
        coverage: {
          assigned,
          visited: assignedVisited,
          attended: assignedAttended,
          reached: assignedReached,
          attendedOnly,
          visitedRate: rate(assignedVisited, assigned),
          attendedRate: rate(assignedAttended, assigned),
          reachedRate: rate(assignedReached, assigned),
        },
        policyReach,
      };
    },
  };
}

/** The figures from whole arrays (tests, small data). */
export function activityFigures(records: { visits: readonly Visit[]; activities: readonly Activity[] }, ctx: ActivityFiguresContext): ActivityFigures {
  const acc = createActivityFiguresAccumulator(ctx);
  for (const v of records.visits) acc.addVisit(v);
  for (const a of records.activities) acc.addActivity(a);
  return acc.result();
}
