// The review list as the user filtered it, as an .xlsx built in memory (at most the officer's
// enterprises, 20,000 rows at the very most — small enough not to need the streaming writer). The
// layout is shared/reports/contactListSheet.ts and the writing SheetWriter, as for every report, so
// it prints and reads like them.
import { contactListRow, contactListSheetSpec } from '../../../../shared/reports/contactListSheet';
import { SheetWriter } from '../../../../shared/reports/sheetWriter';
import type { ReviewRow } from './reviewData';

/** `scope` names whose list it is (e.g. 服务专员：张三); '' for none. */
export async function buildReviewWorkbook(rows: readonly ReviewRow[], today: string, scope = ''): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs'); // loaded on first export only
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Visit Ledger 企业走访台账';
  const sheet = new SheetWriter(workbook, contactListSheetSpec({ today, scope, count: rows.length }));
  // Values are written as plain strings, numbers and dates: user text is never a formula.
  sheet.appendRows(rows.map((row, i) => contactListRow(i + 1, row)));
  sheet.commit();
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
