// The jump check of an operations entry: a figure that moved much more against last month than a
// month's business moves is usually a typing slip — a zero too many or too few turns 1200 into 12000
// or 120 — so the form lists each such figure with last month's value and asks before saving. The
// entry rules (operationEntry.ts) refuse it unless the officer confirmed. Pure.
import type { OperationReport } from '../domain/records';
import { previousMonth } from '../projects/monthlyProgress';
import { operationFigureSpecs, type OperationFigures, type OperationFigureSpec } from './operationFigures';

/**
 * A monthly figure (本月产值, 用工人数, 在手订单, 出口额) that moved by more than half against last
 * month asks for confirmation. Half is well outside an ordinary month (a seasonal dip or a new shift
 * moves output by a fifth or a third) and far inside the slip it is there for: a zero too many is
 * +900 %, a zero too few −90 %.
 */
export const MONTHLY_JUMP_SHARE = 0.5;

/**
 * A year-to-date figure (本年累计产值, 本年新增投资) may double from one month to the next: at a
 * steady pace February's total is twice January's, and later months grow by less. More than doubling
 * (or a zero too many) asks. Across a new year the totals restart, so January is not compared.
 */
export const YEAR_TO_DATE_JUMP_SHARE = 1;

/**
 * 缺工人数 is a small count whose halving or doubling is an ordinary month (3 → 6 vacancies): it is
 * not checked.
 */
const unchecked = new Set<string>(['vacancies']);

export interface FigureJump {
  spec: OperationFigureSpec;
  /** Last month's value and this one. */
  previous: number;
  current: number;
  /** The change as a share of last month's value (+9 for a zero too many, −0.9 for one too few). */
  share: number;
}

/**
 * The figures of `month` that moved more than their share against `previous` — last month's report;
 * a report of another month is no yardstick and gives none. A figure absent in either month, or zero
 * last month (no share to speak of), is not compared.
 */
export function figureJumps(month: string, figures: OperationFigures, previous: Pick<OperationReport, 'month' | keyof OperationFigures> | undefined): FigureJump[] {
  if (!previous || previous.month !== previousMonth(month)) return [];
  const newYear = month.endsWith('-01');
  const jumps: FigureJump[] = [];
  for (const spec of operationFigureSpecs) {
    if (unchecked.has(spec.key) || (spec.yearToDate && newYear)) continue;
    const current = figures[spec.key];
    const before = previous[spec.key];
    if (current === undefined || before === undefined || before <= 0) continue;
    const share = (current - before) / before;
    if (Math.abs(share) > (spec.yearToDate ? YEAR_TO_DATE_JUMP_SHARE : MONTHLY_JUMP_SHARE)) jumps.push({ spec, previous: before, current, share });
  }
  return jumps;
}

/** The change as the officer reads it: +900%, −90%. */
export function formatShare(share: number): string {
  const percent = Math.round(share * 100);
  return `${percent > 0 ? '+' : percent < 0 ? '−' : ''}${Math.abs(percent)}%`;
}
