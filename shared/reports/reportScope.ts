// What a report covers: a period (a month or a date range, both ends included) and a scope (all,
// one town, one officer), plus the names the file and the title are built from.
import type { Enterprise, KeyProject, Problem, Visit } from '../domain/records';

export interface ReportPeriod {
  /** First and last calendar day, `YYYY-MM-DD`, both included. */
  from: string;
  to: string;
  /** Set when the period is a whole month (`YYYY-MM`): titles and file names say the month. */
  month?: string;
}

export type ReportScope =
  | { kind: 'all' }
  | { kind: 'town'; town: string }
  | { kind: 'officer'; officer: string };

/** The enterprise fields reports use; a ledger of 20k enterprises stays small in memory. */
export type ReportEnterprise = Pick<Enterprise, 'id' | 'name' | 'creditCode' | 'town' | 'assignedOfficer'>;

export function monthPeriod(month: string): ReportPeriod {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(lastDay).padStart(2, '0')}`, month };
}

/** The months (`YYYY-MM`) a period touches, for progress entries that are kept per month. */
export function periodMonths(period: ReportPeriod): string[] {
  const months: string[] = [];
  let year = Number(period.from.slice(0, 4));
  let m = Number(period.from.slice(5, 7));
  const last = period.to.slice(0, 7);
  for (;;) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    months.push(month);
    if (month >= last || months.length > 240) break;
    m += 1;
    if (m > 12) {
      m = 1;
      year += 1;
    }
  }
  return months;
}

export function periodLabel(period: ReportPeriod): string {
  if (period.month) return `${period.month.slice(0, 4)}年${Number(period.month.slice(5, 7))}月`;
  return `${period.from} 至 ${period.to}`;
}

export function scopeLabel(scope: ReportScope): string {
  switch (scope.kind) {
    case 'all':
      return '全部';
    case 'town':
      return scope.town;
    case 'officer':
      return `服务专员：${scope.officer}`;
  }
}

/**
 * `服务月报告-2026-11-吴江开发区.xlsx`: the report, the period, then the unit (characters a file may not
 * hold removed); `report` names another workbook (月度进展表).
 */
export function reportFileName(period: ReportPeriod, unit: string, report = '服务月报告'): string {
  const when = period.month ?? `${period.from}至${period.to}`;
  const safeUnit = [...unit.replace(/[\\/:*?"<>|]/g, '')].filter((c) => c.charCodeAt(0) >= 32).join('').trim();
  return `${report}-${when}${safeUnit ? `-${safeUnit.slice(0, 60)}` : ''}.xlsx`;
}

export function inPeriod(date: string | undefined, period: ReportPeriod): boolean {
  return date !== undefined && date >= period.from && date <= period.to;
}

/** The enterprises a scope is responsible for (the base of the coverage rate). */
export function enterpriseInScope(e: ReportEnterprise, scope: ReportScope): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'town':
      return e.town === scope.town;
    case 'officer':
      return e.assignedOfficer === scope.officer;
  }
}

/** A visit counts for an officer when it was to one of their enterprises or they took part in it. */
export function visitInScope(v: Pick<Visit, 'officers'>, e: ReportEnterprise | undefined, scope: ReportScope): boolean {
  if (scope.kind === 'officer') return (e !== undefined && enterpriseInScope(e, scope)) || v.officers.includes(scope.officer);
  return scope.kind === 'all' || (e !== undefined && enterpriseInScope(e, scope));
}

/** A problem counts for an officer when it is one of their enterprises' or they were its first responder. */
export function problemInScope(p: Pick<Problem, 'officer'>, e: ReportEnterprise | undefined, scope: ReportScope): boolean {
  if (scope.kind === 'officer') return (e !== undefined && enterpriseInScope(e, scope)) || p.officer === scope.officer;
  return scope.kind === 'all' || (e !== undefined && enterpriseInScope(e, scope));
}

export function projectInScope(p: Pick<KeyProject, 'town' | 'leadOfficer'>, scope: ReportScope): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'town':
      return p.town === scope.town;
    case 'officer':
      return p.leadOfficer === scope.officer;
  }
}
