// 经营数据 recorded on a visit: which month the figures are for, whether the officer typed any, how
// they differ from the month's stored figures (so an update is asked, never done silently), and the
// refusals of the entry rules placed under the visit form's figures. Pure.
import { RuleError } from '../errors/ruleError';
import { previousMonth } from '../projects/monthlyProgress';
import { formatFigure, operationFigureSpecs, readFigure, type OperationFigureKey, type OperationFigures, type OperationFigureSpec } from './operationFigures';

/** The figures as typed on the visit form (text, as in the entry dialog), and their month. */
export type VisitFiguresValues = { month: string } & Partial<Record<OperationFigureKey, string>>;

/** The months a visit's figures may be for: the visit's month and the month before. */
export function visitFigureMonths(visitDate: string): [string, string] {
  const month = visitDate.slice(0, 7);
  return [month, previousMonth(month)];
}

/**
 * The month a visit's figures are for unless the officer chooses: the visit's month once that month is
 * over, the month before while it is not (an enterprise knows last month's output, not this month's).
 */
export function defaultVisitFigureMonth(visitDate: string, currentMonth: string): string {
  const [month, before] = visitFigureMonths(visitDate);
  return month < currentMonth ? month : before;
}

/** True when at least one figure is typed (the supply-chain note alone records no figures). */
export function hasTypedFigures(values: Partial<VisitFiguresValues> | undefined): boolean {
  return operationFigureSpecs.some((spec) => (values?.[spec.key] ?? '').trim() !== '');
}

/** The stored figures as the form shows them (text; empty when not given). */
export function figuresAsText(figures: OperationFigures | undefined): Record<OperationFigureKey, string> {
  return Object.fromEntries(operationFigureSpecs.map((spec) => [spec.key, figures?.[spec.key] === undefined ? '' : String(figures[spec.key])])) as Record<OperationFigureKey, string>;
}

export interface FigureChange {
  spec: OperationFigureSpec;
  before?: number;
  after?: number;
}

/**
 * The figures whose typed value differs from the stored one (a cleared figure included). A figure that
 * cannot be read counts as changed (the save refuses it at its field anyway).
 */
export function figureChanges(typed: Partial<VisitFiguresValues>, stored: OperationFigures): FigureChange[] {
  const changes: FigureChange[] = [];
  for (const spec of operationFigureSpecs) {
    const read = readFigure(spec, typed[spec.key] ?? '');
    const after = 'value' in read ? read.value : undefined;
    if ('message' in read || after !== stored[spec.key]) changes.push({ spec, before: stored[spec.key], after });
  }
  return changes;
}

/** A change as the officer reads it: 用工人数 320 人 → 330 人. */
export function formatFigureChange(change: FigureChange): string {
  return `${change.spec.label} ${formatFigure(change.spec, change.before)} → ${formatFigure(change.spec, change.after)}`;
}

/** An entry refusal (fields `outputValue`, `month`, '') placed under the visit form's figures. */
export function underVisitFigures(error: unknown): unknown {
  if (!(error instanceof RuleError)) return error;
  return new RuleError(error.issues.map((issue) => ({ field: `figures.${issue.field || 'month'}`, message: `经营数据：${issue.message}` })));
}
