// 经营数据: an enterprise's operations month by month. The enterprise page reads its last twelve
// months; the entry dialog reads the month it is on and the month before. A save checks the entry
// with shared/operations against the enterprise's other months of the year inside one transaction,
// so a refused figure stores nothing, and writes through the one write path. One report per
// enterprise and month: its id is made from the two, so saving a month again edits it (and two
// laptops' entries of one month merge as versions of one record).
import type { OperationReport, RecordMeta } from '../../../../shared/domain/records';
import { RuleError } from '../../../../shared/errors/ruleError';
import { lastMonthOf, operationReportId, parseOperationInput, type OperationInput } from '../../../../shared/operations/operationEntry';
import { figureOfferKey, figureOffers, type FigureOffer } from '../../../../shared/operations/figureOffers';
import { figureJumps, type FigureJump } from '../../../../shared/operations/operationJumps';
import { monthsEndingWith, trendMonths } from '../../../../shared/operations/operationTrend';
import { previousMonth, shanghaiMonth } from '../../../../shared/projects/monthlyProgress';
import { isLive, type Stamper } from '../../../../shared/sync/recordStamp';
import { ledgerDb } from '../../db/db';
import { writeTransaction, type LedgerWriter } from '../../db/ledgerWrites';
import { loadDraft, saveDraft } from '../visits/draftStore';

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
  parseOperationInput({ ...(input as object), confirmJumps: true }, shanghaiMonth(now));
  return writeTransaction(['operationReports', 'enterprises'], async (w) => {
    const enterprise = await ledgerDb().enterprises.get(enterpriseId);
    if (!enterprise || !isLive(enterprise)) throw new RuleError([{ field: '', message: '该企业不存在或已删除' }]);
    return writeOperationReport(w, enterpriseId, input, now);
  }, { actor, now });
}

/**
 * The month's report as the officer last saw it, when a save must not replace anything else: `rev` of
 * the live report they saw, or null when they saw none.
 */
export interface SeenReport {
  rev: number | null;
}

/**
 * Checks and writes an enterprise's report for the input's month inside a write transaction the caller
 * opened with `operationReports` (the visit save writes it with the visit). With `seen`, a live report
 * the officer did not see — entered meanwhile on the enterprise page, another visit or a merge — is
 * not replaced: the save is refused, naming who entered it.
 */
export async function writeOperationReport(w: LedgerWriter, enterpriseId: string, input: unknown, now: Date, seen?: SeenReport): Promise<SavedOperationReport> {
  const { month } = parseOperationInput({ ...(input as object), confirmJumps: true }, shanghaiMonth(now));
  const fields: OperationInput = parseOperationInput(input, shanghaiMonth(now), await historyFor(enterpriseId, month));
  const id = operationReportId(enterpriseId, fields.month);
  const existing = await ledgerDb().operationReports.get(id);
  const live = existing !== undefined && isLive(existing);
  if (seen && (live ? existing.rev : null) !== seen.rev) {
    throw new RuleError([{
      field: 'month',
      message: live
        ? `${fields.month} 的经营数据刚由${existing.updatedBy}填报或修改，请核对该月已有的数据后再保存`
        : `${fields.month} 的经营数据已被删除或尚未保存，请核对后再保存`,
    }]);
  }
  const report = existing
    ? await w.save<OperationReport>('operationReports', { ...metaOf(existing), enterpriseId, ...fields })
    : await w.create<OperationReport>('operationReports', { id, enterpriseId, ...fields });
  return { report, replaced: live };
}

/** Where this laptop keeps the offers the officer ignored for an enterprise (local, like drafts: never sent). */
const ignoredOffersKey = (enterpriseId: string) => `figure-offers-ignored:${enterpriseId}`;

async function ignoredOffersOf(enterpriseId: string): Promise<string[]> {
  const stored = (await loadDraft(ignoredOffersKey(enterpriseId)))?.data as { ignored?: unknown } | undefined;
  return Array.isArray(stored?.ignored) ? stored.ignored.filter((k): k is string => typeof k === 'string') : [];
}

/**
 * The figures offered from the enterprise's visits of the twelve months ending with `lastMonth`
 * (shared/operations/figureOffers.ts): read out of their free text, for months without that figure,
 * less those the officer ignored. Nothing is written.
 */
export async function figureOffersOf(enterpriseId: string, lastMonth = shanghaiMonth()): Promise<FigureOffer[]> {
  const first = monthsEndingWith(lastMonth, trendMonths)[0]!;
  const [visits, reports, ignored] = await Promise.all([
    ledgerDb().visits.where('[enterpriseId+date]').between([enterpriseId, `${first}-01`], [enterpriseId, `${lastMonth}-31`], true, true).filter(isLive).toArray(),
    recentOperationReports(enterpriseId, lastMonth),
    ignoredOffersOf(enterpriseId),
  ]);
  return figureOffers(visits, reports, lastMonth, new Set(ignored));
}

/** 忽略: the offer is not shown again on this laptop (the visit's text stays as it is). */
export async function ignoreFigureOffer(enterpriseId: string, offer: FigureOffer): Promise<void> {
  const ignored = await ignoredOffersOf(enterpriseId);
  await saveDraft(ignoredOffersKey(enterpriseId), { ignored: [...new Set([...ignored, figureOfferKey(offer)])] });
}
