// 经营数据: an enterprise's operations month by month. The enterprise page reads its last twelve
// months; the entry dialog reads the month it is on and the month before. A save checks the entry
// with shared/operations against the enterprise's other months of the year inside one transaction,
// so a refused figure stores nothing, and writes through the one write path. One report per
// enterprise and month: its id is made from the two, so saving a month again edits it (and two
// laptops' entries of one month merge as versions of one record).
import type { OperationReport, RecordMeta } from '../../../../shared/domain/records';
import { RuleError } from '../../../../shared/errors/ruleError';
import { lastMonthOf, operationReportId, parseOperationInput, type OperationInput } from '../../../../shared/operations/operationEntry';
import { figureJumps, type FigureJump } from '../../../../shared/operations/operationJumps';
import { monthsEndingWith, trendMonths } from '../../../../shared/operations/operationTrend';
import { previousMonth, shanghaiMonth } from '../../../../shared/projects/monthlyProgress';
import { isLive, type Stamper } from '../../../../shared/sync/recordStamp';
import { ledgerDb } from '../../db/db';
import { writeTransaction } from '../../db/ledgerWrites';

/** The record fields of a stored report, so that its own fields are replaced as a whole (a figure cleared is gone). */
function metaOf({ id, createdAt, updatedAt, updatedBy, deviceId, rev, versionVector }: RecordMeta): RecordMeta {
  return { id, createdAt, updatedAt, updatedBy, deviceId, rev, versionVector };
}

/** The enterprise's live reports from `first` to `last` (months, inclusive), oldest first, by the [enterpriseId+month] index. */
function reportsBetween(enterpriseId: string, first: string, last: string): Promise<OperationReport[]> {
  return ledgerDb()
    .operationReports.where('[enterpriseId+month]')
    .between([enterpriseId, first], [enterpriseId, last], true, true)
    .filter(isLive)
    .toArray();
}

/** The enterprise's live reports of the twelve months ending with `lastMonth` (default this month), oldest first. */
export function recentOperationReports(enterpriseId: string, lastMonth = shanghaiMonth()): Promise<OperationReport[]> {
  return reportsBetween(enterpriseId, monthsEndingWith(lastMonth, trendMonths)[0]!, lastMonth);
}

/** What the entry dialog shows for a month: its report, if any, and last month's beside it. */
export interface OperationMonth {
  entry?: OperationReport;
  previous?: OperationReport;
}

export async function operationMonthOf(enterpriseId: string, month: string): Promise<OperationMonth> {
  const [previous, entry] = await Promise.all([
    reportsBetween(enterpriseId, previousMonth(month), previousMonth(month)),
    reportsBetween(enterpriseId, month, month),
  ]);
  return { entry: entry[0], previous: previous[0] };
}

/** The months a `month` entry is checked against: the rest of its year and the December before (the jump check's last month). */
function historyFor(enterpriseId: string, month: string): Promise<OperationReport[]> {
  const year = Number(month.slice(0, 4));
  return reportsBetween(enterpriseId, `${year - 1}-12`, `${year}-12`);
}

/**
 * The figures of the entry that jumped against last month, for the dialog to confirm: empty when none
 * did. Refuses (RuleError at the field) whatever else is wrong with the entry, so the dialog asks
 * about jumps only in an entry that would otherwise save.
 */
export async function operationJumpsOf(enterpriseId: string, input: unknown, now = new Date()): Promise<FigureJump[]> {
  const { month } = parseOperationInput({ ...(input as object), confirmJumps: true }, shanghaiMonth(now));
  const history = await historyFor(enterpriseId, month);
  const fields = parseOperationInput({ ...(input as object), confirmJumps: true }, shanghaiMonth(now), history);
  return figureJumps(fields.month, fields, lastMonthOf(history, fields.month));
}

export interface SavedOperationReport {
  report: OperationReport;
  /** The month had a report already, which was edited. */
  replaced: boolean;
}

/**
 * Saves the enterprise's report for the input's month: the month's report is edited when there is one
 * (a deleted one comes back with the new figures), a new one is added otherwise. A figure that jumped
 * against last month is refused unless the input carries `confirmJumps: true`.
 */
export async function saveOperationReport(enterpriseId: string, input: unknown, actor?: Stamper, now = new Date()): Promise<SavedOperationReport> {
  // Checked alone first (nothing opened for bad input), then against the other months in the transaction.
  const { month } = parseOperationInput({ ...(input as object), confirmJumps: true }, shanghaiMonth(now));
  return writeTransaction(['operationReports', 'enterprises'], async (w) => {
    const enterprise = await ledgerDb().enterprises.get(enterpriseId);
    if (!enterprise || !isLive(enterprise)) throw new RuleError([{ field: '', message: '该企业不存在或已删除' }]);
    const fields: OperationInput = parseOperationInput(input, shanghaiMonth(now), await historyFor(enterpriseId, month));
    const id = operationReportId(enterpriseId, fields.month);
    const existing = await ledgerDb().operationReports.get(id);
    const report = existing
      ? await w.save<OperationReport>('operationReports', { ...metaOf(existing), enterpriseId, ...fields })
      : await w.create<OperationReport>('operationReports', { id, enterpriseId, ...fields });
    return { report, replaced: existing !== undefined && isLive(existing) };
  }, { actor, now });
}
