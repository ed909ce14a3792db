// The writing step: follows a SheetSpec onto an ExcelJS worksheet, row by row. The same code serves
// the streaming WorkbookWriter in main (rows are committed, i.e. flushed to the file, as they come)
// and the in-memory Workbook of the browser (commit is a no-op there), so both sinks produce the
// same file. It touches only the worksheet object it is given: no file, no DOM.
import type { Alignment, Borders, Fill, Font, Row, Style, Workbook, Worksheet } from 'exceljs';
import {
  DATE_FORMAT,
  INTEGER_FORMAT,
  NUMBER_FORMAT,
  PERCENT_FORMAT,
  headerRowNumber,
  type CellValue,
  type ColumnSpec,
  type SheetRow,
  type SheetSpec,
} from './sheetSpec';

/** What both workbook kinds offer (ExcelJS types its streaming writer as a Workbook too). */
export type WorkbookLike = Pick<Workbook, 'addWorksheet'>;

const thin = { style: 'thin' as const, color: { argb: 'FF808080' } };
const allBorders: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const headerFill: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const sectionFill: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
/** Late problems: a pale red a clerk can still print in black and white. */
export const LATE_FILL_ARGB = 'FFFCE4E4';
const lateFill: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: LATE_FILL_ARGB } };
// Named, so readers without the default font still print every bold cell in the same face.
const baseFont: Partial<Font> = { name: 'Calibri', size: 11 };
const bold: Partial<Font> = { ...baseFont, bold: true };

/** Column letter of a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function numberFormat(type: ColumnSpec['type']): string | undefined {
  switch (type) {
    case 'date':
      return DATE_FORMAT;
    case 'percent':
      return PERCENT_FORMAT;
    case 'integer':
      return INTEGER_FORMAT;
    case 'number':
      return NUMBER_FORMAT;
    default:
      return undefined;
  }
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A cell value as ExcelJS should store it. Text is always a plain string (a string cell is never a
 * formula, whatever it starts with); XML cannot carry a bare CR, every reader turns it into LF, so
 * line breaks are written as LF to read back exactly as written. Dates become UTC midnights, since
 * Excel dates have no time zone.
 */
export function excelValue(value: CellValue, type: ColumnSpec['type']): string | number | Date | null {
  // An empty text is an empty cell (the streaming writer would drop it anyway; both sinks agree).
  if (value === null || value === '') return null;
  if (typeof value === 'number') return value;
  if (type === 'date') {
    const m = isoDate.exec(value);
    if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  }
  return value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value;
}

/** Lines a paragraph needs in a merged cell `widthChars` wide (CJK characters count double). */
function estimateLines(text: string, widthChars: number): number {
  let lines = 0;
  for (const line of text.split('\n')) {
    let w = 0;
    for (const ch of line) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
    lines += Math.max(1, Math.ceil(w / Math.max(4, widthChars - 1)));
  }
  return lines;
}

export class SheetWriter {
  readonly worksheet: Worksheet;
  private readonly spec: SheetSpec;
  private readonly lastColumn: string;
  private readonly sums: number[];
  private readonly dataStyles: Partial<Style>[];
  private readonly lateStyles: Partial<Style>[];
  private readonly totalStyles: Partial<Style>[];
  private nextRow = 1;
  private dataRows = 0;
  private written = 0;

  constructor(workbook: WorkbookLike, spec: SheetSpec) {
    this.spec = spec;
    const columnCount = spec.columns.length;
    this.lastColumn = columnLetter(columnCount);
    this.sums = spec.columns.map(() => 0);
    const header = headerRowNumber(spec);
    const frozenRows = spec.columnHeader ? header : 1 + spec.infoLines.length;
    this.worksheet = workbook.addWorksheet(spec.name, {
      pageSetup: {
        paperSize: 9, // A4
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0, // as many pages down as it takes
        printTitlesRow: `1:${frozenRows}`,
        horizontalCentered: true,
        margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      },
      headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
      views: [{ state: 'frozen', xSplit: 0, ySplit: frozenRows }],
      ...(spec.columnHeader
        ? { autoFilter: { from: { row: header, column: 1 }, to: { row: header, column: columnCount } } }
        : {}),
    });
    this.worksheet.columns = spec.columns.map((column) => ({ width: column.width }));
    // One style object per column and row kind, shared by every cell: ExcelJS caches a style's index
    // by object identity, so 200k rows cost one style lookup each instead of one serialisation.
    this.dataStyles = spec.columns.map((column) => {
      const numFmt = numberFormat(column.type);
      // Fixed-height rows centre their one line; wrapped ledger rows read from the top.
      const vertical = spec.rowHeight === undefined ? 'top' : 'middle';
      const alignment: Partial<Alignment> = column.type === 'text' ? { vertical, wrapText: true } : { vertical };
      return { alignment, border: allBorders, ...(numFmt ? { numFmt } : {}) };
    });
    this.lateStyles = this.dataStyles.map((style) => ({ ...style, fill: lateFill }));
    this.totalStyles = this.dataStyles.map((style) => ({ ...style, font: bold }));
    this.writeHead();
  }

  /** Rows written so far (data rows, not the title, header or 合计). */
  get rowCount(): number {
    return this.written;
  }

  private mergeAcross(rowNumber: number): void {
    this.worksheet.mergeCells(`A${rowNumber}:${this.lastColumn}${rowNumber}`);
  }

  private addRow(values: (string | number | Date | null)[]): Row {
    const row = this.worksheet.getRow(this.nextRow);
    row.values = values;
    this.nextRow += 1;
    return row;
  }

  private writeBand(text: string, font: Partial<Font>, height: number, alignment: Partial<Alignment>): void {
    const row = this.addRow([text]);
    row.height = height;
    const cell = row.getCell(1);
    cell.font = font;
    cell.alignment = alignment;
    for (let c = 1; c <= this.spec.columns.length; c += 1) row.getCell(c).border = {};
    this.mergeAcross(row.number);
    row.commit();
  }

  private writeHead(): void {
    this.writeBand(this.spec.title, { ...baseFont, bold: true, size: 16 }, 32, { horizontal: 'center', vertical: 'middle' });
    for (const line of this.spec.infoLines) {
      this.writeBand(line, baseFont, 20, { horizontal: 'left', vertical: 'middle' });
    }
    if (this.spec.columnHeader) this.writeHeaderRow(this.spec.columns.map((c) => c.header));
  }

  private writeHeaderRow(cells: CellValue[]): void {
    const row = this.addRow(cells.map((v) => (v === null ? null : String(v))));
    row.height = 32;
    for (let c = 1; c <= this.spec.columns.length; c += 1) {
      const cell = row.getCell(c);
      cell.font = bold;
      cell.fill = headerFill;
      cell.border = allBorders;
      cell.numFmt = '@';
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    }
    row.commit();
  }

  /** Writes rows in order; ledger rows are flushed as they go, so memory stays flat. */
  appendRows(rows: readonly SheetRow[]): void {
    for (const row of rows) this.appendRow(row);
  }

  private appendRow(sheetRow: SheetRow): void {
    const { kind, cells } = sheetRow;
    const columns = this.spec.columns;
    if (kind === 'header') {
      this.writeHeaderRow(cells);
      return;
    }
    if (kind === 'section' || kind === 'text') {
      const text = excelValue(cells[0] ?? '', 'text') as string;
      const width = columns.reduce((sum, c) => sum + c.width, 0);
      const height = kind === 'section' ? 22 : Math.min(409, 16 * estimateLines(text, width) + 8);
      const row = this.addRow([text]);
      row.height = height;
      const cell = row.getCell(1);
      if (kind === 'section') {
        cell.font = bold;
        cell.fill = sectionFill;
        cell.alignment = { vertical: 'middle' };
      } else {
        cell.alignment = { vertical: 'top', wrapText: true };
      }
      this.mergeAcross(row.number);
      row.commit();
      return;
    }
    const styles = kind === 'late' ? this.lateStyles : kind === 'total' ? this.totalStyles : this.dataStyles;
    const row = this.worksheet.getRow(this.nextRow);
    this.nextRow += 1;
    const counted = kind === 'data' || kind === 'late';
    for (let i = 0; i < columns.length; i += 1) {
      const column = columns[i] as ColumnSpec;
      const value = excelValue(cells[i] ?? null, column.type);
      const cell = row.getCell(i + 1);
      cell.value = value;
      cell.style = styles[i] as Style;
      if (counted && column.sum && typeof value === 'number') this.sums[i] = (this.sums[i] ?? 0) + value;
    }
    if (this.spec.rowHeight !== undefined) row.height = this.spec.rowHeight;
    else {
      // Readers do not grow a row for wrapped text on opening (LibreOffice, WPS, Excel all keep the
      // default height), so give rows with long text the lines they need.
      let lines = 1;
      for (let i = 0; i < columns.length; i += 1) {
        const text = cells[i];
        if (typeof text === 'string' && columns[i]?.type === 'text' && text.length * 2 > (columns[i]?.width ?? 0)) {
          lines = Math.max(lines, estimateLines(text, columns[i]?.width ?? 10));
        }
      }
      if (lines > 1) row.height = Math.min(409, lines * 14.5 + 3);
    }
    if (counted) {
      this.dataRows += 1;
      this.written += 1;
    }
    row.commit();
  }

  /** Writes 暂无数据 or the 合计 row, then flushes the sheet (in the streaming writer it is final). */
  commit(): void {
    const { spec } = this;
    if (this.dataRows === 0 && spec.emptyText !== undefined) {
      this.appendRow({ kind: 'text', cells: [spec.emptyText] });
    } else if (spec.totalLabel !== undefined) {
      const cells: CellValue[] = spec.columns.map((column, i) => (column.sum ? (this.sums[i] ?? 0) : null));
      cells[0] = spec.totalLabel;
      // The second column says how many rows the table has, unless it is itself summed.
      if (spec.columns.length > 1 && !spec.columns[1]?.sum) cells[1] = `共 ${this.dataRows} 条`;
      this.appendRow({ kind: 'total', cells });
    }
    const commitSheet = (this.worksheet as Worksheet & { commit?: () => void }).commit;
    if (typeof commitSheet === 'function') commitSheet.call(this.worksheet);
  }
}
