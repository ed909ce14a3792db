// The 评议结果 workbook and the 社会责任先进企业 list: the layout is shared/reports/ratingResultsSheet.ts and
// the writing the one workbook export helper, as for every report, so they print and read like them
// and show progress and can be cancelled the same way.
import type { CsrWeights, RatingRound } from '../../../../shared/domain/ratingRecords';
import type { RoundResults } from '../../../../shared/ratings/ratingResults';
import {
  csrFileName,
  csrSheetRows,
  csrSheetSpec,
  ratingCommentsSheetRows,
  ratingCommentsSheetSpec,
  ratingResultsFileName,
  ratingResultsSheetRows,
  ratingResultsSheetSpec,
  ratingPaperFileName,
  ratingPaperSheetRows,
  ratingPaperSheetSpec,
  ratingTemplateFileName,
  ratingTemplateSheetSpec,
  type CsrRow,
  type RatingExportMeta,
} from '../../../../shared/reports/ratingResultsSheet';
import { exportWorkbook, type ExportBridge, type ExportOptions, type ExportOutcome } from '../../export/workbookExport';

export async function exportRatingResults(
  bridge: ExportBridge,
  round: RatingRound,
  results: RoundResults,
  meta: RatingExportMeta,
  options: ExportOptions = {},
): Promise<ExportOutcome> {
  const table = ratingResultsSheetRows(round, results);
  const comments = ratingCommentsSheetRows(results);
  return exportWorkbook(
    bridge,
    { suggestedName: ratingResultsFileName(round, meta.today), totalRows: table.length + comments.length },
    async (book) => {
      await book.sheet(ratingResultsSheetSpec(round, results, meta), (sink) => sink.appendAll(table));
      await book.sheet(ratingCommentsSheetSpec(round, comments.length, meta), (sink) => sink.appendAll(comments));
    },
    options,
  );
}

export async function exportCsrList(
  bridge: ExportBridge,
  year: number,
  weights: CsrWeights,
  rows: readonly CsrRow[],
  meta: RatingExportMeta,
  options: ExportOptions = {},
): Promise<ExportOutcome> {
  return exportWorkbook(
    bridge,
    { suggestedName: csrFileName(year, meta.today), totalRows: rows.length },
    (book) => book.sheet(csrSheetSpec(year, weights, rows.length, meta), (sink) => sink.appendAll(csrSheetRows(rows))),
    options,
  );
}

/** The blank workbook of the round's forms that 导入评议表 reads. */
export async function exportRatingTemplate(bridge: ExportBridge, round: RatingRound, options: ExportOptions = {}): Promise<ExportOutcome> {
  return exportWorkbook(bridge, { suggestedName: ratingTemplateFileName(round), totalRows: 0 }, (book) => book.sheet(ratingTemplateSheetSpec(round), async () => {}), options);
}

/** The blank paper form of the round, to print and leave with the enterprises. */
export async function exportRatingPaperForm(bridge: ExportBridge, round: RatingRound, unit: string, options: ExportOptions = {}): Promise<ExportOutcome> {
  const rows = ratingPaperSheetRows(round);
  return exportWorkbook(bridge, { suggestedName: ratingPaperFileName(round), totalRows: rows.length }, (book) => book.sheet(ratingPaperSheetSpec(round, unit), (sink) => sink.appendAll(rows)), options);
}
