// Figures offered from older visits' free-text snapshots (snapshotFigures.ts): for the month of each
// visit, a figure read out of its text is offered to the officer when that month has no such figure
// yet — 采用 puts it in the 填报经营数据 dialog, to be saved by the officer; 忽略 hides it on this
// laptop. Nothing here writes. Pure.
import type { OperationReport, Visit } from '../domain/records';
import type { OperationFigures } from './operationFigures';
import { snapshotFigures, type SnapshotFigure } from './snapshotFigures';

export interface FigureOffer {
  /** The month of the visit: the month the figure is offered for. */
  month: string;
  visitId: string;
  visitDate: string;
  /** The visit's text the figure was read from, as it stands. */
  text: string;
  figure: SnapshotFigure;
}

/** What identifies an offer the officer ignored: the visit, the figure and the value (an edited text offers again). */
export function figureOfferKey(offer: Pick<FigureOffer, 'visitId' | 'figure'>): string {
  return `${offer.visitId}:${offer.figure.key}:${offer.figure.value}`;
}

/**
 * The offers from `visits` (live ones of one enterprise) against its `reports`: one per month and
 * figure, from the month's latest visit that reads one (by date, then id), for a month not after
 * `currentMonth` whose report lacks that figure, and not ignored. Newest month first, then in the
 * order of the figures.
 */
export function figureOffers(
  visits: readonly Pick<Visit, 'id' | 'date' | 'operations'>[],
  reports: readonly (Pick<OperationReport, 'month'> & OperationFigures)[],
  currentMonth: string,
  ignored: ReadonlySet<string> = new Set(),
): FigureOffer[] {
  const byMonth = new Map(reports.map((r) => [r.month, r]));
  const chosen = new Map<string, FigureOffer>();
  const latestFirst = [...visits].sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id));
  for (const visit of latestFirst) {
    const month = visit.date.slice(0, 7);
    if (month > currentMonth) continue;
    for (const figure of snapshotFigures(visit.operations)) {
      const slot = `${month}:${figure.key}`;
      if (chosen.has(slot) || byMonth.get(month)?.[figure.key] !== undefined) continue;
      const offer: FigureOffer = { month, visitId: visit.id, visitDate: visit.date, text: visit.operations[figure.source], figure };
      if (ignored.has(figureOfferKey(offer))) continue;
      chosen.set(slot, offer);
    }
  }
  return [...chosen.values()];
}
