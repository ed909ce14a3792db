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
  type PaperSize,
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

/** Excel's paper codes, and the printed height of a landscape page in points. */
const paperCodes: Record<PaperSize, number> = { A4: 9, A3: 8 };
const landscapeHeight: Record<PaperSize, number> = { A4: 595.28, A3: 841.89 };
/** Inches, as Excel stores them; the top and bottom leave room for the page number in the footer. */
export const PAGE_MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
const TITLE_HEIGHT = 32;
const INFO_HEIGHT = 20;
const HEADER_HEIGHT = 32;
const SECTION_HEIGHT = 22;
/**
 * Share of a page's height the writer fills when it paginates tables itself: readers differ a little
 * in how they fit rows, and a page the reader breaks before the writer does would start mid-table.
 */
const PAGE_FILL = 0.95;

interface RowBreak {
  id: number;
  max: number;
  man: number;
}
/** A table starts on a new page unless its heading and this many of its rows fit on the current one. */
const MIN_ROWS_UNDER_HEADING = 3;

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
export function estimateLines(text: string, widthChars: number): number {
  // One pass over the code units (no split, no string iterator: this runs for most cells of a 200k-row
  // ledger). A surrogate pair is one character, as a code point iterator would count it.
  const perLine = Math.max(4, widthChars - 1);
  let lines = 0;
  let w = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      lines += Math.max(1, Math.ceil(w / perLine));
      w = 0;
    } else if (code > 0x2e80) {
      w += 2;
      if (code >= 0xd800 && code <= 0xdbff) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) i += 1;
      }
    } else {
      w += 1;
    }
  }
  return lines + Math.max(1, Math.ceil(w / perLine));
}

// ExcelJS's cell value types (doc/enums.js), as its style lookup takes them.
const VALUE_NULL = 0;
const VALUE_NUMBER = 2;
const VALUE_STRING = 3;
const VALUE_DATE = 4;

/** What ExcelJS's XML writer escapes in text and attributes (utils.xmlEncode); control characters are dropped. */
// eslint-disable-next-line no-control-regex -- these are the characters it matches
const xmlSpecial = /[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/;

/** ExcelJS's xmlEncode, character for character, so rows written here read back byte for byte the same. */
function xmlText(text: string): string {
  const found = xmlSpecial.exec(text);
  if (!found) return text;
  let result = '';
  let last = 0;
  for (let i = found.index; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    let escape: string;
    if (code === 34) escape = '&quot;';
    else if (code === 38) escape = '&amp;';
    else if (code === 39) escape = '&apos;';
    else if (code === 60) escape = '&lt;';
    else if (code === 62) escape = '&gt;';
    else if (code === 127 || (code <= 31 && (code <= 8 || (code >= 11 && code !== 13)))) escape = '';
    else continue;
    if (last !== i) result += text.substring(last, i);
    last = i + 1;
    result += escape;
  }
  return last !== text.length ? result + text.substring(last) : result;
}

/**
 * The parts of ExcelJS's streaming worksheet (stream/xlsx/worksheet-writer.js) that writing a row
 * takes: its uncommitted rows, the next row number, the sheet's XML stream and the workbook's styles.
 */
interface StreamingSheet {
  _rows: unknown[];
  _rowZero: number;
  startedData: boolean;
  useSharedStrings: boolean;
  stream: { write(xml: string): unknown };
  _workbook: { styles: { addStyleModel(style: Partial<Style>, valueType: number): number } };
}

/**
 * The streaming worksheet, when it is one whose rows can be written as XML here: every row before
 * this one flushed, inline strings, and the internals above where this ExcelJS keeps them.
 */
function streamingSheet(worksheet: Worksheet): StreamingSheet | undefined {
  const ws = worksheet as unknown as Partial<StreamingSheet> & { _commitRow?: unknown };
  if (typeof ws._commitRow !== 'function' || !Array.isArray(ws._rows) || typeof ws._rowZero !== 'number') return undefined;
  if (ws.startedData !== true || ws.useSharedStrings !== false) return undefined;
  if (typeof ws._workbook?.styles?.addStyleModel !== 'function') return undefined;
  if (typeof ws.stream?.write !== 'function') return undefined;
  return ws as StreamingSheet;
}

export interface SheetWriterOptions {
  /**
   * Table rows (data, late, 合计) on ExcelJS's streaming writer go straight to the sheet's XML, the
   * XML ExcelJS itself would write for them, without a Row and a Cell object per cell and ExcelJS's
   * generic serialiser (most of the writing time of a 200k-row ledger, issue 13). Default true;
   * false writes them through ExcelJS (tests compare the two). The in-memory workbook always does.
   */
  directRows?: boolean;
}

export class SheetWriter {
  readonly worksheet: Worksheet;
  private readonly spec: SheetSpec;
  private readonly lastColumn: string;
  private readonly sums: number[];
  private readonly dataStyles: Partial<Style>[];
  private readonly lateStyles: Partial<Style>[];
  private readonly totalStyles: Partial<Style>[];
  /** The streaming sheet table rows are written to as XML, and the XML not yet handed to it. */
  private readonly direct: StreamingSheet | undefined;
  private pendingXml = '';
  private readonly cellRefs: string[];
  /** ` s="…" customFormat="1"` when ExcelJS gives a fresh row's empty style an index, else ''. */
  private readonly rowStyleXml: string;
  private nextRow = 1;
  private dataRows = 0;
  private written = 0;
  /** With `pageTables`: the height a page holds under the repeated title rows, and what is used. */
  private readonly pageBudget: number | undefined;
  private pageUsed = 0;
  /** The table being written (its section text and header cells), to repeat on a new page. */
  private section: string | null = null;
  private tableHeader: CellValue[] | null = null;

  constructor(workbook: WorkbookLike, spec: SheetSpec, options: SheetWriterOptions = {}) {
    this.spec = spec;
    const columnCount = spec.columns.length;
    this.lastColumn = columnLetter(columnCount);
    this.sums = spec.columns.map(() => 0);
    const header = headerRowNumber(spec);
    const frozenRows = spec.columnHeader ? header : 1 + spec.infoLines.length;
    const paper = spec.paper ?? 'A4';
    if (spec.pageTables) {
      const titleRows = TITLE_HEIGHT + INFO_HEIGHT * spec.infoLines.length + (spec.columnHeader ? HEADER_HEIGHT : 0);
      const body = landscapeHeight[paper] - (PAGE_MARGINS.top + PAGE_MARGINS.bottom) * 72;
      this.pageBudget = (body - titleRows) * PAGE_FILL;
    }
    const printColumns = Math.min(spec.printColumns ?? columnCount, columnCount);
    this.worksheet = workbook.addWorksheet(spec.name, {
      pageSetup: {
        paperSize: paperCodes[paper],
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0, // as many pages down as it takes
        printTitlesRow: `1:${frozenRows}`,
        // Whole columns, so the area needs no last row (the streaming writer does not know it yet).
        ...(printColumns < columnCount ? { printArea: `A:${columnLetter(printColumns)}` } : {}),
        horizontalCentered: true,
        margins: PAGE_MARGINS,
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
      // Fixed-height rows centre their one line; wrapped ledger rows read from the top. Date columns
      // wrap too: a date that is only provisional is text with a note after it.
      const vertical = spec.rowHeight === undefined ? 'top' : 'middle';
      const wraps = column.type === 'text' || column.type === 'date';
      const alignment: Partial<Alignment> = wraps ? { vertical, wrapText: true } : { vertical };
      return { alignment, border: allBorders, ...(numFmt ? { numFmt } : {}) };
    });
    this.lateStyles = this.dataStyles.map((style) => ({ ...style, fill: lateFill }));
    this.totalStyles = this.dataStyles.map((style) => ({ ...style, font: bold }));
    this.writeHead();
    this.direct = options.directRows === false ? undefined : streamingSheet(this.worksheet);
    this.cellRefs = spec.columns.map((_, i) => columnLetter(i + 1));
    // A Row starts with an empty style, which ExcelJS looks up for every row it writes (the title row
    // above has registered it, so this is a lookup: the same index every time).
    const rowStyleId = this.direct ? this.direct._workbook.styles.addStyleModel({}, VALUE_NUMBER) : 0;
    this.rowStyleXml = rowStyleId ? ` s="${rowStyleId}" customFormat="1"` : '';
  }

  /** Rows written so far (data rows, not the title, header or 合计). */
  get rowCount(): number {
    return this.written;
  }

  private mergeAcross(rowNumber: number): void {
    this.worksheet.mergeCells(`A${rowNumber}:${this.lastColumn}${rowNumber}`);
  }

  /** Hands the XML of table rows written here to the sheet's stream (before ExcelJS writes a row). */
  private flushXml(): void {
    if (this.pendingXml === '' || !this.direct) return;
    this.direct.stream.write(this.pendingXml);
    this.pendingXml = '';
  }

  private addRow(values: (string | number | Date | null)[]): Row {
    this.flushXml();
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
    this.writeBand(this.spec.title, { ...baseFont, bold: true, size: 16 }, TITLE_HEIGHT, { horizontal: 'center', vertical: 'middle' });
    for (const line of this.spec.infoLines) {
      this.writeBand(line, baseFont, INFO_HEIGHT, { horizontal: 'left', vertical: 'middle' });
    }
    if (this.spec.columnHeader) this.writeHeaderRow(this.spec.columns.map((c) => c.header));
  }

  private writeHeaderRow(cells: CellValue[]): void {
    const row = this.addRow(cells.map((v) => (v === null ? null : String(v))));
    row.height = HEADER_HEIGHT;
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
    for (let i = 0; i < rows.length; i += 1) {
      const row = rows[i] as SheetRow;
      if (this.pageBudget !== undefined) this.keepTablesOnPages(rows, i, this.pageBudget);
      this.appendRow(row);
    }
    this.flushXml();
  }

  /** The printed height of a row (points), as appendRow sets it. */
  private heightOf(sheetRow: SheetRow): number {
    const { kind, cells } = sheetRow;
    const columns = this.spec.columns;
    if (kind === 'header') return HEADER_HEIGHT;
    if (kind === 'section') return SECTION_HEIGHT;
    if (kind === 'text') {
      const text = excelValue(cells[0] ?? '', 'text') as string;
      const width = columns.reduce((sum, c) => sum + c.width, 0);
      return Math.min(409, 16 * estimateLines(text, width) + 8);
    }
    if (this.spec.rowHeight !== undefined) return this.spec.rowHeight;
    // Readers do not grow a row for wrapped text on opening (LibreOffice, WPS, Excel all keep the
    // default height), so give rows with long text the lines they need.
    let lines = 1;
    for (let i = 0; i < columns.length; i += 1) {
      const text = cells[i];
      const width = columns[i]?.width ?? 10;
      if (typeof text === 'string' && text.length * 2 > width) lines = Math.max(lines, estimateLines(text, width));
    }
    // 16 pt a line: LibreOffice sets CJK text in Noto Sans CJK, whose lines are taller than Excel's.
    return lines > 1 ? Math.min(409, lines * 16 + 4) : 15;
  }

  /**
   * Before writing `row` on a sheet of several tables: a section heading goes to the next page with
   * its header and first row rather than stay alone at the foot of a page; a table row that does not
   * fit starts a new page under the table's section and header rows again (marked 续), since one set
   * of repeated print rows cannot be the right header for every table.
   */
  private keepTablesOnPages(rows: readonly SheetRow[], index: number, budget: number): void {
    const row = rows[index] as SheetRow;
    let need = this.heightOf(row);
    if (row.kind === 'section' || row.kind === 'header') {
      // The heading, the table's header row, and the first rows under it (or the text it heads).
      let tableRows = 0;
      for (let j = index + 1; j < rows.length && tableRows < MIN_ROWS_UNDER_HEADING; j += 1) {
        const next = rows[j] as SheetRow;
        if (next.kind === 'section') break;
        need += this.heightOf(next);
        if (next.kind === 'text') break;
        if (next.kind !== 'header') tableRows += 1;
      }
    }
    if (this.pageUsed === 0 || this.pageUsed + need <= budget) return;
    // A manual break after the last row written (both ExcelJS worksheets keep their breaks here;
    // Row.addPageBreak would need the row, which the streaming writer has already flushed).
    (this.worksheet as Worksheet & { rowBreaks: RowBreak[] }).rowBreaks.push({ id: this.nextRow - 1, max: 16383, man: 1 });
    this.pageUsed = 0;
    const header = this.tableHeader;
    if (row.kind !== 'section' && row.kind !== 'header' && row.kind !== 'text' && header !== null) {
      if (this.section !== null) this.writeSection(`${this.section}（续）`);
      this.writeHeaderRow(header);
      this.pageUsed += SECTION_HEIGHT + HEADER_HEIGHT;
    }
  }

  private writeSection(text: string): void {
    const row = this.addRow([text]);
    row.height = SECTION_HEIGHT;
    const cell = row.getCell(1);
    cell.font = bold;
    cell.fill = sectionFill;
    cell.alignment = { vertical: 'middle' };
    this.mergeAcross(row.number);
    row.commit();
  }

  private appendRow(sheetRow: SheetRow): void {
    const { kind, cells } = sheetRow;
    const height = this.heightOf(sheetRow);
    this.pageUsed += height;
    if (kind === 'header') {
      this.tableHeader = cells;
      this.writeHeaderRow(cells);
      return;
    }
    if (kind === 'section') {
      this.section = excelValue(cells[0] ?? '', 'text') as string;
      this.tableHeader = null;
      this.writeSection(this.section);
      return;
    }
    if (kind === 'text') {
      this.tableHeader = null;
      const text = excelValue(cells[0] ?? '', 'text') as string;
      const row = this.addRow([text]);
      row.height = height;
      row.getCell(1).alignment = { vertical: 'top', wrapText: true };
      this.mergeAcross(row.number);
      row.commit();
      return;
    }
    const styles = kind === 'late' ? this.lateStyles : kind === 'total' ? this.totalStyles : this.dataStyles;
    const counted = kind === 'data' || kind === 'late';
    if (counted) {
      this.dataRows += 1;
      this.written += 1;
    }
    const rowHeight = this.spec.rowHeight !== undefined || height > 15 ? height : undefined;
    if (this.direct) this.writeRowXml(this.direct, cells, styles, rowHeight, counted);
    else this.writeRowCells(cells, styles, rowHeight, counted);
  }

  /** A table row through ExcelJS's Row and Cell objects (the in-memory workbook of the browser). */
  private writeRowCells(cells: readonly CellValue[], styles: Partial<Style>[], height: number | undefined, counted: boolean): void {
    const columns = this.spec.columns;
    const row = this.worksheet.getRow(this.nextRow);
    this.nextRow += 1;
    for (let i = 0; i < columns.length; i += 1) {
      const column = columns[i] as ColumnSpec;
      const value = excelValue(cells[i] ?? null, column.type);
      const cell = row.getCell(i + 1);
      cell.value = value;
      cell.style = styles[i] as Style;
      if (counted && column.sum && typeof value === 'number') this.sums[i] = (this.sums[i] ?? 0) + value;
    }
    if (height !== undefined) row.height = height;
    row.commit();
  }

  /**
   * The same row as the XML ExcelJS writes for it (row-xform and cell-xform: the row's number, height
   * and spans; each cell's reference, style index and value, a null cell kept for its borders), added
   * to the XML the next flush hands to the sheet's stream. Style indexes come from ExcelJS's own
   * lookup, cell by cell in the same order, so styles.xml is the same too.
   */
  private writeRowXml(sheet: StreamingSheet, cells: readonly CellValue[], styles: Partial<Style>[], height: number | undefined, counted: boolean): void {
    const columns = this.spec.columns;
    const lookUp = sheet._workbook.styles;
    const rowNumber = this.nextRow;
    this.nextRow += 1;
    if (sheet._rows.length !== 0 || sheet._rowZero !== rowNumber) throw new Error(`工作表行号不一致（第 ${rowNumber} 行）`);
    let xml = '';
    let hasValues = false;
    for (let i = 0; i < columns.length; i += 1) {
      const column = columns[i] as ColumnSpec;
      const value = excelValue(cells[i] ?? null, column.type);
      const style = styles[i] as Partial<Style>;
      const ref = `${this.cellRefs[i] as string}${rowNumber}`;
      if (value === null) {
        const styleId = lookUp.addStyleModel(style, VALUE_NULL);
        if (styleId) xml += `<c r="${ref}" s="${styleId}"/>`;
        continue;
      }
      hasValues = true;
      let type: number;
      let text: string;
      let t = '';
      if (typeof value === 'number') {
        type = VALUE_NUMBER;
        text = String(value);
        if (counted && column.sum) this.sums[i] = (this.sums[i] ?? 0) + value;
      } else if (typeof value === 'string') {
        type = VALUE_STRING;
        text = xmlText(value);
        t = ' t="str"';
      } else {
        type = VALUE_DATE;
        text = String(25569 + value.getTime() / (24 * 3600 * 1000));
      }
      const styleId = lookUp.addStyleModel(style, type);
      xml += `<c r="${ref}"${styleId ? ` s="${styleId}"` : ''}${t}><v>${text}</v></c>`;
    }
    // ExcelJS leaves out a row with no value and no height (and still moves on to the next row).
    sheet._rowZero = rowNumber + 1;
    if (!hasValues && !height) return;
    const ht = height ? ` ht="${xmlText(String(height))}" customHeight="1"` : '';
    this.pendingXml += `<row r="${rowNumber}"${ht} spans="1:${columns.length}"${this.rowStyleXml} x14ac:dyDescent="0.25">${xml}</row>`;
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
    this.flushXml();
    const commitSheet = (this.worksheet as Worksheet & { commit?: () => void }).commit;
    if (typeof commitSheet === 'function') commitSheet.call(this.worksheet);
  }
}
