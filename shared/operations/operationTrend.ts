// The enterprise page's trend of each figure over the last twelve months: one value per month, a gap
// where a month has no report or the figure was not given (a gap, not a zero: 应统尽统 wants the
// missing months seen). Pure.
import type { OperationReport } from '../domain/records';
import { nextMonth, previousMonth } from '../projects/monthlyProgress';
import { operationFigureSpecs, type OperationFigureKey, type OperationFigures } from './operationFigures';

/** How many months the enterprise page shows. */
export const trendMonths = 12;

/** The `count` months ending with `lastMonth`, oldest first. */
export function monthsEndingWith(lastMonth: string, count = trendMonths): string[] {
  let first = lastMonth;
  for (let i = 1; i < count; i++) first = previousMonth(first);
  const months: string[] = [];
  for (let m = first; months.length < count; m = nextMonth(m)) months.push(m);
  return months;
}

export interface OperationTrend {
  months: string[];
  /** Per figure, the value of each month (null: no figure that month). */
  series: Record<OperationFigureKey, (number | null)[]>;
  /** Figures with at least one value in the window. */
  reported: OperationFigureKey[];
}

export function operationTrend(reports: readonly (Pick<OperationReport, 'month'> & OperationFigures)[], lastMonth: string, count = trendMonths): OperationTrend {
  const months = monthsEndingWith(lastMonth, count);
  const byMonth = new Map(reports.map((r) => [r.month, r]));
  const series = Object.fromEntries(
    operationFigureSpecs.map((spec) => [spec.key, months.map((m) => byMonth.get(m)?.[spec.key] ?? null)]),
  ) as Record<OperationFigureKey, (number | null)[]>;
  const reported = operationFigureSpecs.map((s) => s.key).filter((key) => series[key].some((v) => v !== null));
  return { months, series, reported };
}
