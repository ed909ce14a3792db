// An enterprise's operations for a month (经营数据) as the officer enters them: read every figure,
// refuse what cannot be right — text that is not a number, a negative figure, a month not yet over,
// a year-to-date total below an earlier month's of the same year — naming the field in Chinese, and
// refuse a figure that jumped against last month unless the officer confirmed it (operationJumps.ts).
// Nothing is saved unless the whole entry passes. Pure.
import { z } from 'zod';
import { cappedText, type OperationReport, type RecordMeta } from '../domain/records';
import { RuleError, ruleErrorFromZod, type RuleIssue } from '../errors/ruleError';
import { formatFigure, operationFigureSpecs, readFigure, type OperationFigures } from './operationFigures';
import { figureJumps, formatShare } from './operationJumps';
import { previousMonth } from '../projects/monthlyProgress';

/** The entry's own fields: no record fields, no enterprise. */
export type OperationInput = Omit<OperationReport, keyof RecordMeta | 'enterpriseId'>;

/** The months an entry is checked against: the enterprise's live reports (other months; the entry's own is ignored). */
export type OperationHistory = readonly Pick<OperationReport, 'month' | keyof OperationFigures>[];

/**
 * The one id of an enterprise's report for a month. Made from the two rather than drawn at random, so
 * that two laptops entering the same enterprise's month write versions of the same record, which the
 * merge joins (or keeps as a conflict) — never two reports of one month.
 */
export function operationReportId(enterpriseId: string, month: string): string {
  return `ops-${enterpriseId}-${month}`;
}

const textSchema = z.object({
  month: z.string({ error: '请选择填报月份' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, '填报月份应为 YYYY-MM'),
  supplyChainIssues: cappedText('产业链配套问题', 300)
    .nullish()
    .transform((value) => (value ?? '').trim()),
  /** Set by the form once the officer confirmed the figures that jumped against last month. */
  confirmJumps: z.boolean().nullish(),
});

/** The report of the month before `month`, if there is one. */
export function lastMonthOf<T extends { month: string }>(history: readonly T[], month: string): T | undefined {
  const last = previousMonth(month);
  return history.find((r) => r.month === last);
}

/**
 * The checked entry. `currentMonth` is this month in Asia/Shanghai: an entry reports a month that has
 * begun, never a later one. `history` is the enterprise's other months: a year-to-date figure may not
 * fall below the latest earlier month's of the same year, nor rise above the next later one's, and the
 * figures are compared with last month's for jumps.
 */
export function parseOperationInput(raw: unknown, currentMonth: string, history: OperationHistory = []): OperationInput {
  const source = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const text = textSchema.safeParse(source);
  const issues: RuleIssue[] = text.success ? [] : [...ruleErrorFromZod(text.error).issues];
  if (text.success && text.data.month > currentMonth) {
    issues.push({ field: 'month', message: `不能填报以后的月份（本月为 ${currentMonth}）` });
  }

  const figures: OperationFigures = {};
  for (const spec of operationFigureSpecs) {
    const read = readFigure(spec, source[spec.key]);
    if ('message' in read) issues.push({ field: spec.key, message: read.message });
    else if (read.value !== undefined) figures[spec.key] = read.value;
  }
  if (issues.length > 0) throw new RuleError(issues);
  const { month, supplyChainIssues, confirmJumps } = text.data!;

  if (Object.keys(figures).length === 0) {
    throw new RuleError([{ field: '', message: '请至少填写一项经营数据（如本月产值或用工人数）' }]);
  }
  if (figures.outputValue !== undefined && figures.outputValueYtd !== undefined && figures.outputValueYtd < figures.outputValue) {
    issues.push({ field: 'outputValueYtd', message: `本年累计产值不能小于本月产值（${formatFigure(operationFigureSpecs[0]!, figures.outputValue)}）` });
  }
  const others = history.filter((r) => r.month !== month);
  const sameYear = others.filter((r) => r.month.slice(0, 4) === month.slice(0, 4));
  for (const spec of operationFigureSpecs.filter((s) => s.yearToDate)) {
    const value = figures[spec.key];
    if (value === undefined || issues.some((i) => i.field === spec.key)) continue;
    const earlier = sameYear.filter((r) => r.month < month && r[spec.key] !== undefined).sort((a, b) => b.month.localeCompare(a.month))[0];
    const later = sameYear.filter((r) => r.month > month && r[spec.key] !== undefined).sort((a, b) => a.month.localeCompare(b.month))[0];
    if (earlier && value < earlier[spec.key]!) {
      issues.push({ field: spec.key, message: `${spec.label}不能小于 ${earlier.month} 的本年累计（${formatFigure(spec, earlier[spec.key])}）` });
    } else if (later && value > later[spec.key]!) {
      issues.push({ field: spec.key, message: `${spec.label}不能大于 ${later.month} 已填的本年累计（${formatFigure(spec, later[spec.key])}）` });
    }
  }
  if (issues.length > 0) throw new RuleError(issues);

  if (confirmJumps !== true) {
    const jumps = figureJumps(month, figures, lastMonthOf(others, month));
    if (jumps.length > 0) {
      throw new RuleError(
        jumps.map((j) => ({
          field: j.spec.key,
          message: `${j.spec.label}较上月（${formatFigure(j.spec, j.previous)}）变动 ${formatShare(j.share)}，请核对后确认保存`,
        })),
      );
    }
  }
  return { month, supplyChainIssues, ...figures };
}
