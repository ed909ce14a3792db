// The limits a roster file is read within, and the one error a refused file throws. A file from
// outside may be a mistake (Excel's used range dragged to column XFD, a stray quote) or built to
// hurt (a zip bomb): every limit is checked while reading — the file size before a byte is read,
// the workbook's zip directory before anything is inflated, rows, columns and cells as they stream
// by — so such a file is refused within seconds with a Chinese message naming the limit it hit,
// and the database is never touched (reading writes nothing).
//
// Memory while reading (the worker, rosterReader.worker.ts) stays bounded by these limits:
//   the file itself                    ≤ 20 MB
// + one inflated piece of a workbook   ≤ 16 KB × 1032 (deflate's largest ratio) ≈ 16.5 MB,
//   and its text decoded               ≤ 33 MB
// + the shared-string table kept       ≤ 1,500,000 strings, ≤ 30,000,000 characters (≈ 120 MB worst)
// + the cells kept                     ≤ 1,500,000 non-empty cells of ≤ 1,000 characters each, their
//                                        text ≤ the file's own (CSV) or shared with the table (xlsx)
// which is ≈ 250 MB in the worst case a hostile file can reach and far less for a real roster
// (a 50,000-row, 12-column roster measures in docs/benchmarks.md, bench:hostile).

/** A roster file above this size is refused before it is read. */
export const maxRosterFileBytes = 20 * 1024 * 1024;

/** The most data rows one import takes; above it the user is asked to split the file (e.g. by town). Chosen so a
 * 50,000-row workbook still parses in a worker in seconds; the preview of 100,000 rows would hold the page. */
export const maxRosterRows = 50_000;

/** Rows above the data-row cap a file may still have: the title, the header, totals and signatures. */
export const rosterRowAllowance = 10;

/** The most columns a row (the header included) may use; a cell with content further right is refused. */
export const maxRosterColumns = 200;

/** The most characters in one cell. Longer is refused (never cut), naming the row and column. */
export const maxRosterCellChars = 1_000;

/** The most non-empty cells one file may hold (50,000 rows × 30 columns). */
export const maxRosterCells = 1_500_000;

/** A workbook whose zip entries declare more than this in all, uncompressed, is refused unopened. */
export const maxWorkbookInflatedBytes = 100 * 1024 * 1024;

/** A workbook of more zip entries than this is refused unopened (a real one has a few dozen). */
export const maxWorkbookEntries = 10_000;

/**
 * A zip entry of at least `zipBombMinEntryBytes` that inflates more than this many times its
 * compressed size is a zip bomb: real worksheets measure ~12:1 (docs/benchmarks.md, bench:hostile).
 */
export const zipBombRatio = 100;
export const zipBombMinEntryBytes = 1024 * 1024;

/** The shared-string table of a workbook: at most this many characters kept in all. */
export const maxSharedStringChars = 30_000_000;

/** "A", "Z", "AA"… for a 0-based column (rosterRows.ts has the same; that module is not for the worker). */
function columnLetter(index: number): string {
  let out = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** The one error reading a roster file throws; `message` is for the officer, in Chinese. */
export class RosterFileError extends Error {
  override name = 'RosterFileError';
}

/** "20 MB", "4.3 MB", "812 KB". */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${bytes} 字节`;
}

/** The limits as the page states them next to the file picker. */
export const rosterLimitsText =
  `单个文件不超过 ${formatFileSize(maxRosterFileBytes)}，最多 ${maxRosterRows} 行、${maxRosterColumns} 列，` +
  `每个单元格不超过 ${maxRosterCellChars} 个字符`;

export function fileTooLarge(fileName: string, size: number): RosterFileError {
  return new RosterFileError(
    `文件「${fileName}」有 ${formatFileSize(size)}，超过名单文件 ${formatFileSize(maxRosterFileBytes)} 的上限，没有读取。` +
      `请删除多余的工作表和图片，或按区镇拆分成几个文件后再导入`,
  );
}

export function tooManyRows(fileName: string, about?: number): RosterFileError {
  const count = about !== undefined && about > maxRosterRows ? `约有 ${about} 行，` : '';
  return new RosterFileError(
    `文件「${fileName}」${count}超过单次导入上限 ${maxRosterRows} 行，已停止读取，没有导入任何数据。请按区镇拆分成几个文件分批导入`,
  );
}

/** `column` is 0-based. */
export function tooManyColumns(fileName: string, row: number, column: number): RosterFileError {
  return new RosterFileError(
    `文件「${fileName}」第 ${row} 行的第 ${column + 1} 列（${columnLetter(column)} 列）还有内容，超过每行最多 ${maxRosterColumns} 列的上限` +
      `（表头也算在内），没有导入任何数据。请删除表格右侧多余的列后再导入`,
  );
}

/** `column` is 0-based. */
export function cellTooLong(fileName: string, row: number, column: number): RosterFileError {
  return new RosterFileError(
    `文件「${fileName}」第 ${row} 行 ${columnLetter(column)} 列的单元格超过 ${maxRosterCellChars} 个字符` +
      `（每个单元格最多 ${maxRosterCellChars} 个字符），没有导入任何数据。请缩短或删除该单元格的内容后再导入`,
  );
}

export function tooManyCells(fileName: string): RosterFileError {
  return new RosterFileError(
    `文件「${fileName}」有内容的单元格超过 ${maxRosterCells} 个（单次导入的上限），已停止读取，没有导入任何数据。` +
      `请删除不需要导入的列，或按区镇拆分成几个文件后再导入`,
  );
}
