// The review list as the user filtered it, as the 联系企业 workbook: the layout is
// shared/reports/contactListSheet.ts and the writing the one workbook export helper, as for every
// report, so it prints and reads like them, streams in chunks (up to 20,000 enterprises) and shows
// progress and can be cancelled the same way.
import { contactListRow, contactListSheetSpec } from '../../../../shared/reports/contactListSheet';
import { exportWorkbook, type ExportBridge, type ExportOptions, type ExportOutcome } from '../../export/workbookExport';
import type { ReviewRow } from './reviewData';

export interface ContactListExport {
  /** The day of the export, `YYYY-MM-DD`: in the file name and on the sheet. */
  today: string;
  /** Whose list it is and how it was narrowed (e.g. 服务专员：张三); '' for none. */
  scope: string;
}

export function contactListFileName(today: string): string {
  return `联系企业-${today}.xlsx`;
}

export async function exportContactList(
  bridge: ExportBridge,
  rows: readonly ReviewRow[],
  { today, scope }: ContactListExport,
  options: ExportOptions = {},
): Promise<ExportOutcome> {
  return exportWorkbook(
    bridge,
    { suggestedName: contactListFileName(today), totalRows: rows.length },
    // Values are written as plain strings, numbers and dates: user text is never a formula.
    (book) => book.sheet(contactListSheetSpec({ today, scope, count: rows.length }), (sink) => sink.appendAll(rows.map((row, i) => contactListRow(i + 1, row)))),
    options,
  );
}
