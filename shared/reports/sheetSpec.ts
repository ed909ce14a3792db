// What a report sheet looks like, as plain data: the layout step of every workbook produces these,
// and the writing step (a streaming file in main, an in-memory build in the browser) only follows
// them. Plain data so it can cross the IPC bridge and be validated there with the same schemas.
import { z } from 'zod';

/** How a column's values are stored and shown. Dates travel as `YYYY-MM-DD` and become real dates. */
export const columnTypes = ['text', 'date', 'integer', 'number', 'percent'] as const;
export type ColumnType = (typeof columnTypes)[number];

/**
 * Row kinds: `data` a ledger row, `late` a ledger row to highlight, `section` a bold band across the
 * sheet, `header` a table header inside the 汇总 sheet, `total` a bold 合计 row, `text` a long
 * paragraph merged across the sheet.
 */
export const rowKinds = ['data', 'late', 'section', 'header', 'total', 'text'] as const;
export type RowKind = (typeof rowKinds)[number];

export const paperSizes = ['A4', 'A3'] as const;
export type PaperSize = (typeof paperSizes)[number];

/** Sheet tab names: Excel allows 31 characters and none of these. */
const sheetName = z
  .string()
  .min(1)
  .max(31)
  .refine((name) => !/[[\]:*?/\\]/.test(name), '工作表名称含有不允许的字符');

export const columnSpecSchema = z.object({
  header: z.string().max(100),
  /** Excel character widths. */
  width: z.number().min(2).max(120),
  type: z.enum(columnTypes),
  /** The 合计 row sums this column. */
  sum: z.boolean().optional(),
});
export type ColumnSpec = z.infer<typeof columnSpecSchema>;

export const sheetSpecSchema = z.object({
  name: sheetName,
  /** Row 1, merged across every column, bold. */
  title: z.string().max(200),
  /** Rows under the title, each merged across the sheet (e.g. 填报单位 and 填报日期). */
  infoLines: z.array(z.string().max(500)).max(5),
  columns: z.array(columnSpecSchema).min(1).max(60),
  /**
   * Ledgers get one bordered header row from the column headers, frozen, with an autofilter; the 汇总
   * sheet has several small tables and writes its own `header` rows instead.
   */
  columnHeader: z.boolean(),
  /** A 合计 row after the last data row: this label in the first column, the sums of `sum` columns. */
  totalLabel: z.string().max(50).optional(),
  /**
   * Fixed height (points) of data and 合计 rows, for one-line tables (汇总); ledgers leave it out so
   * wrapped text sets each row's height.
   */
  rowHeight: z.number().min(10).max(100).optional(),
  /** A row written when there is no data row at all (e.g. 暂无数据). */
  emptyText: z.string().max(100).optional(),
  /**
   * Paper, always landscape and one page wide. A4 unless a ledger has too many columns to print at a
   * readable size on it (the export page then says to print that sheet on A3).
   */
  paper: z.enum(paperSizes).optional(),
  /**
   * Only the first N columns print (the print area); the columns after them are reference data kept
   * for filtering and re-use (e.g. the credit code), which would shrink the printed text below 8 pt.
   */
  printColumns: z.number().int().min(1).max(60).optional(),
  /**
   * For a sheet of several small tables (汇总), where one set of repeated print rows cannot fit every
   * table: the writer starts a table on a new page when its heading would be stranded at the foot of
   * a page, and a table that runs over a page continues under its section and header rows again.
   */
  pageTables: z.boolean().optional(),
});
export type SheetSpec = z.infer<typeof sheetSpecSchema>;

const MAX_CELL_TEXT = 32_767;
const MAX_ROW_CELLS = 60;

/** One cell: text, a number, a `YYYY-MM-DD` date in a date column, or empty. */
export const cellValueSchema = z.union([z.string().max(MAX_CELL_TEXT), z.number().finite(), z.null()]);
export type CellValue = z.infer<typeof cellValueSchema>;

export const sheetRowSchema = z.object({
  kind: z.enum(rowKinds),
  cells: z.array(cellValueSchema).max(MAX_ROW_CELLS),
});
export type SheetRow = z.infer<typeof sheetRowSchema>;

const rowKindSet: ReadonlySet<string> = new Set(rowKinds);

/**
 * The rows `sheetRowSchema` accepts, checked by hand: the same answer as parsing each row with it
 * (zod would copy each row with only `kind` and `cells`; so does this), or undefined when any row
 * is not one, and then the caller parses with zod for the message. A 200k-row export sends 200
 * chunks of 1,000 rows; zod's per-cell union cost more than a sixth of the writing (issue 13).
 */
export function plainSheetRows(value: unknown, maxRows: number): SheetRow[] | undefined {
  if (!Array.isArray(value) || value.length > maxRows) return undefined;
  const rows: SheetRow[] = new Array<SheetRow>(value.length);
  for (let r = 0; r < value.length; r += 1) {
    const row: unknown = value[r];
    if (typeof row !== 'object' || row === null || Array.isArray(row)) return undefined;
    const { kind, cells } = row as { kind?: unknown; cells?: unknown };
    if (typeof kind !== 'string' || !rowKindSet.has(kind) || !Array.isArray(cells) || cells.length > MAX_ROW_CELLS) return undefined;
    const copy: CellValue[] = new Array<CellValue>(cells.length);
    for (let c = 0; c < cells.length; c += 1) {
      const cell: unknown = cells[c];
      if (cell === null || (typeof cell === 'string' && cell.length <= MAX_CELL_TEXT) || (typeof cell === 'number' && Number.isFinite(cell))) {
        copy[c] = cell;
      } else {
        return undefined;
      }
    }
    rows[r] = { kind: kind as SheetRow['kind'], cells: copy };
  }
  return rows;
}

/** How many rows the renderer sends per call: big enough to amortise IPC, small enough to stay flat. */
export const EXPORT_CHUNK_ROWS = 1000;

/** How a date column and a percent column are shown in Excel/WPS/LibreOffice. */
export const DATE_FORMAT = 'yyyy-mm-dd';
export const PERCENT_FORMAT = '0.0%';
export const INTEGER_FORMAT = '0';
export const NUMBER_FORMAT = '#,##0.00';

/** The 1-based row of the column header (title, info lines, then the header). */
export function headerRowNumber(spec: Pick<SheetSpec, 'infoLines'>): number {
  return 2 + spec.infoLines.length;
}
