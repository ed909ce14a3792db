// 经营监测 (issue 15, seed 004: 每月跟踪企业生产经营情况，确保产值、新增投资应统尽统): one month's
// 经营数据 of the enterprises in scope, totalled overall, by town and by industry, with the change
// against last month (本月产值、用工人数: 环比) and against the same month last year (本年累计产值、本年新增投资:
// 同比); the enterprises whose output or jobs fell most against last month; and the enterprises in
// scope with no figures this month. Pure: the screen and the report sheet both take their figures here.
//
// A change is counted like for like (同口径): only enterprises that gave the figure in both months
// enter it, so an enterprise that did not report last month does not show as growth, nor one missing
// this month as a fall (those are in the missing list instead). Totals are of what was given.
import type { OperationReport } from '../domain/records';
import { previousMonth } from '../projects/monthlyProgress';
import type { OperationFigures } from './operationFigures';

/** The enterprise fields the monitor groups and lists by. */
export interface MonitorEnterprise {
  id: string;
  name: string;
  town: string;
  industry: string;
}

export type MonitorReport = Pick<OperationReport, 'enterpriseId' | 'month'> & OperationFigures & { deletedAt?: string };

export interface MonitorInput {
  /** `YYYY-MM`. */
  month: string;
  /** The enterprises in scope (live). Reports of any other enterprise are left out. */
  enterprises: readonly MonitorEnterprise[];
  /** This month's reports, last month's, and the same month last year's (empty when none). */
  current: readonly MonitorReport[];
  previous: readonly MonitorReport[];
  lastYear: readonly MonitorReport[];
}

/** The figures a monitor totals, and what each is compared with. */
export const monitorFigures = [
  { key: 'outputValue', label: '本月产值', unit: '万元', against: 'previous' },
  { key: 'outputValueYtd', label: '本年累计产值', unit: '万元', against: 'lastYear' },
  { key: 'employees', label: '用工人数', unit: '人', against: 'previous' },
  { key: 'newInvestmentYtd', label: '本年新增投资', unit: '万元', against: 'lastYear' },
] as const;
export type MonitorFigureKey = (typeof monitorFigures)[number]['key'];

export interface FigureTotal {
  /** Sum of the figure over the enterprises that gave it this month. */
  total: number;
  /** How many enterprises gave it. */
  given: number;
  /** Like for like: Σ(this − then) over the enterprises that gave it in both months; undefined when none did. */
  change?: number;
  /** Σ then over those enterprises: the base of the share. */
  base?: number;
  /** change ÷ base; undefined when the base is 0 or there is no comparison. */
  share?: number;
}

export interface MonitorGroup {
  /** Town or industry (未填区镇 / 未填行业 when blank); 合计 for the overall row. */
  label: string;
  /** Enterprises in scope in the group. */
  enterprises: number;
  /** Of those, how many have a report this month. */
  reported: number;
  figures: Record<MonitorFigureKey, FigureTotal>;
}

export interface Faller {
  enterprise: MonitorEnterprise;
  previous: number;
  current: number;
  /** current − previous (negative). */
  change: number;
  /** change ÷ previous (negative); undefined when last month's was 0. */
  share?: number;
}

export interface MonitorMissing {
  enterprise: MonitorEnterprise;
  /** Whether last month had a report (a month missed after reporting is the one to chase first). */
  reportedLastMonth: boolean;
}

export interface OperationsMonitor {
  month: string;
  previousMonth: string;
  lastYearMonth: string;
  overall: MonitorGroup;
  byTown: MonitorGroup[];
  byIndustry: MonitorGroup[];
  /** Enterprises whose 本月产值 / 用工人数 fell against last month: the top N by amount and by share. */
  fallers: {
    outputByAmount: Faller[];
    outputByShare: Faller[];
    employeesByAmount: Faller[];
    employeesByShare: Faller[];
  };
  /** Enterprises in scope with no report this month (应统尽统), by town then name. */
  missing: MonitorMissing[];
}

export const NO_TOWN = '未填区镇';
export const NO_INDUSTRY = '未填行业';
/** How many enterprises each faller list keeps. */
export const FALLERS_TOP = 10;

export function lastYearMonthOf(month: string): string {
  return `${Number(month.slice(0, 4)) - 1}${month.slice(4)}`;
}

const collator = new Intl.Collator('zh-CN');

/** Sums kept to the cent: 0.1 + 0.2 adds up to 0.3, as a clerk's calculator would. */
const round = (n: number): number => Math.round(n * 100) / 100;

function byEnterprise(reports: readonly MonitorReport[], month: string): Map<string, MonitorReport> {
  const map = new Map<string, MonitorReport>();
  for (const r of reports) if (r.deletedAt === undefined && r.month === month) map.set(r.enterpriseId, r);
  return map;
}

interface Accumulator {
  enterprises: number;
  reported: number;
  sums: Record<MonitorFigureKey, { total: number; given: number; change: number; base: number; compared: number }>;
}

function emptyAccumulator(): Accumulator {
  const sums = Object.fromEntries(monitorFigures.map((f) => [f.key, { total: 0, given: 0, change: 0, base: 0, compared: 0 }]));
  return { enterprises: 0, reported: 0, sums: sums as Accumulator['sums'] };
}

function finish(label: string, acc: Accumulator): MonitorGroup {
  const figures = Object.fromEntries(
    monitorFigures.map((f) => {
      const s = acc.sums[f.key];
      const total: FigureTotal = { total: round(s.total), given: s.given };
      if (s.compared > 0) {
        total.change = round(s.change);
        total.base = round(s.base);
        if (s.base > 0) total.share = s.change / s.base;
      }
      return [f.key, total];
    }),
  ) as Record<MonitorFigureKey, FigureTotal>;
  return { label, enterprises: acc.enterprises, reported: acc.reported, figures };
}

function fallers(list: Faller[], top: number): { byAmount: Faller[]; byShare: Faller[] } {
  const byName = (a: Faller, b: Faller) => collator.compare(a.enterprise.name, b.enterprise.name) || a.enterprise.id.localeCompare(b.enterprise.id);
  const byAmount = [...list].sort((a, b) => a.change - b.change || byName(a, b)).slice(0, top);
  const byShare = list
    .filter((f) => f.share !== undefined)
    .sort((a, b) => a.share! - b.share! || a.change - b.change || byName(a, b))
    .slice(0, top);
  return { byAmount, byShare };
}

export function operationsMonitor(input: MonitorInput, top = FALLERS_TOP): OperationsMonitor {
  const { month, enterprises } = input;
  const prevMonth = previousMonth(month);
  const lastYearMonth = lastYearMonthOf(month);
  const current = byEnterprise(input.current, month);
  const previous = byEnterprise(input.previous, prevMonth);
  const lastYear = byEnterprise(input.lastYear, lastYearMonth);

  const overall = emptyAccumulator();
  const towns = new Map<string, Accumulator>();
  const industries = new Map<string, Accumulator>();
  const outputFalls: Faller[] = [];
  const employeeFalls: Faller[] = [];
  const missing: MonitorMissing[] = [];

  for (const e of enterprises) {
    const town = e.town.trim() || NO_TOWN;
    const industry = e.industry.trim() || NO_INDUSTRY;
    if (!towns.has(town)) towns.set(town, emptyAccumulator());
    if (!industries.has(industry)) industries.set(industry, emptyAccumulator());
    const groups = [overall, towns.get(town)!, industries.get(industry)!];
    const now = current.get(e.id);
    const before = previous.get(e.id);
    for (const g of groups) g.enterprises += 1;
    if (!now) {
      missing.push({ enterprise: e, reportedLastMonth: before !== undefined });
      continue;
    }
    for (const g of groups) g.reported += 1;
    for (const f of monitorFigures) {
      const value = now[f.key];
      if (value === undefined) continue;
      const then = (f.against === 'previous' ? before : lastYear.get(e.id))?.[f.key];
      for (const g of groups) {
        const s = g.sums[f.key];
        s.total += value;
        s.given += 1;
        if (then !== undefined) {
          s.change += value - then;
          s.base += then;
          s.compared += 1;
        }
      }
    }
    for (const [key, list] of [['outputValue', outputFalls], ['employees', employeeFalls]] as const) {
      const value = now[key];
      const then = before?.[key];
      if (value === undefined || then === undefined || value >= then) continue;
      list.push({ enterprise: e, previous: then, current: value, change: round(value - then), ...(then > 0 ? { share: (value - then) / then } : {}) });
    }
  }

  const groupsOf = (map: Map<string, Accumulator>, blank: string) =>
    [...map.entries()]
      // Named groups in Chinese order, the blank one last.
      .sort(([a], [b]) => Number(a === blank) - Number(b === blank) || collator.compare(a, b))
      .map(([label, acc]) => finish(label, acc));

  const output = fallers(outputFalls, top);
  const jobs = fallers(employeeFalls, top);
  const townOf = (m: MonitorMissing) => m.enterprise.town.trim();
  missing.sort(
    (a, b) =>
      // Blank town last, as in the groups.
      Number(townOf(a) === '') - Number(townOf(b) === '') ||
      collator.compare(townOf(a), townOf(b)) ||
      collator.compare(a.enterprise.name, b.enterprise.name) ||
      a.enterprise.id.localeCompare(b.enterprise.id),
  );
  return {
    month,
    previousMonth: prevMonth,
    lastYearMonth,
    overall: finish('合计', overall),
    byTown: groupsOf(towns, NO_TOWN),
    byIndustry: groupsOf(industries, NO_INDUSTRY),
    fallers: {
      outputByAmount: output.byAmount,
      outputByShare: output.byShare,
      employeesByAmount: jobs.byAmount,
      employeesByShare: jobs.byShare,
    },
    missing,
  };
}
