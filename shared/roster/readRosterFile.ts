// Turns the bytes of a roster file (.xlsx from Excel, WPS or LibreOffice; .csv in UTF-8 or GBK)
// into rows of cells, or a clear Chinese message saying why it cannot. Pure: ExcelJS reads from an
// ArrayBuffer in the browser and in Node alike; TextDecoder decodes GBK in both.
import type ExcelJS from 'exceljs';

/** A cell as the import sees it: text, a number, a boolean, or a formula (never evaluated). */
export type RosterCell = string | number | boolean | null | { formula: string };

export interface RosterSheet {
  sheetName: string;
  /** The rows in sheet order; `rowNumbers[i]` is row i's number as the user sees it (1-based). */
  rows: RosterCell[][];
  rowNumbers: number[];
}

/** The most data rows one import takes; above it the user is asked to split the file (e.g. by town). Chosen so a
 * 50,000-row workbook still parses in a worker in seconds; the preview of 100,000 rows would hold the page. */
export const maxRosterRows = 50_000;

export class RosterFileError extends Error {
  override name = 'RosterFileError';
}

const zipMagic = [0x50, 0x4b, 0x03, 0x04];
const oleMagic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (data: Uint8Array, magic: number[]) => magic.every((byte, i) => data[i] === byte);

export async function readRosterFile(fileName: string, data: Uint8Array): Promise<RosterSheet> {
  if (data.length === 0) throw new RosterFileError(`文件「${fileName}」是空文件，没有任何内容`);
  if (startsWith(data, oleMagic)) {
    // Excel wraps a password-protected .xlsx in an OLE2 container with an "EncryptedPackage" stream;
    // a legacy .xls is OLE2 too. Neither can be read here.
    throw new RosterFileError(
      containsUtf16(data, 'EncryptedPackage')
        ? `文件「${fileName}」设置了打开密码，无法读取。请在 Excel/WPS 中取消密码后另存为 .xlsx 再导入`
        : `文件「${fileName}」是旧版 .xls 格式，请在 Excel/WPS 中另存为 .xlsx 后再导入`,
    );
  }
  if (startsWith(data, zipMagic)) return readXlsx(fileName, data);
  if (/\.xlsx?$/i.test(fileName)) throw new RosterFileError(`文件「${fileName}」已损坏或不是有效的 Excel 工作簿`);
  if (looksBinary(data)) throw new RosterFileError(`文件「${fileName}」不是表格文件，请选择 .xlsx 或 .csv 文件`);
  return readCsv(fileName, data);
}

async function readXlsx(fileName: string, data: Uint8Array): Promise<RosterSheet> {
  // Loaded on first use: ExcelJS is large, and most screens never need it.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  try {
    const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
    await workbook.xlsx.load(buffer);
  } catch {
    throw new RosterFileError(`文件「${fileName}」已损坏或不是有效的 Excel 工作簿，无法打开`);
  }
  if (workbook.worksheets.length === 0) throw new RosterFileError(`文件「${fileName}」不是 Excel 工作簿（没有工作表）`);
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw new RosterFileError(`文件「${fileName}」的工作表是空的，没有可导入的数据`);
  if (sheet.actualRowCount > maxRosterRows + 10) throw tooManyRows(fileName, sheet.actualRowCount);
  const rows: RosterCell[][] = [];
  const rowNumbers: number[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: RosterCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellValue(cell.value);
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    rows.push(cells);
    rowNumbers.push(rowNumber);
  });
  return { sheetName: sheet.name, rows, rowNumbers };
}

function tooManyRows(fileName: string, count: number): RosterFileError {
  return new RosterFileError(
    `文件「${fileName}」约有 ${count} 行，超过单次导入上限 ${maxRosterRows} 行。请按区镇拆分成几个文件分批导入`,
  );
}

function cellValue(value: ExcelJS.CellValue): RosterCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('formula' in value && typeof value.formula === 'string') return { formula: value.formula };
    if ('sharedFormula' in value && typeof value.sharedFormula === 'string') return { formula: value.sharedFormula };
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((run) => run.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text; // hyperlink
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

/** UTF-8 (with or without BOM) when it decodes cleanly, else GBK — what Chinese Excel saves as "CSV". */
export function decodeCsvBytes(data: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    return new TextDecoder('gbk').decode(data);
  }
}

/**
 * The lines of a CSV written in two encodings — a clerk pastes rows saved as UTF-8 into a GBK file —
 * as { utf8, gbk } line numbers (1-based), or null when the file is in one encoding. Decoded either
 * way, one group of rows would come out garbled, so such a file is refused with the rows named.
 */
export function mixedEncodingLines(data: Uint8Array): { utf8: number[]; gbk: number[] } | null {
  const strict = new TextDecoder('utf-8', { fatal: true });
  const utf8: number[] = [];
  const gbk: number[] = [];
  let start = 0;
  let line = 1;
  for (let i = 0; i <= data.length; i++) {
    if (i < data.length && data[i] !== 0x0a) continue;
    const bytes = data.subarray(start, i);
    if (bytes.some((b) => b >= 0x80)) {
      try {
        // A short GBK line can pass as UTF-8 by chance (two GBK characters often do): only a line
        // with several non-ASCII characters counts as evidence of UTF-8.
        if ([...strict.decode(bytes)].filter((ch) => ch.charCodeAt(0) >= 0x80).length >= 4) utf8.push(line);
      } catch {
        gbk.push(line);
      }
    }
    start = i + 1;
    line++;
  }
  return utf8.length > 0 && gbk.length > 0 ? { utf8, gbk } : null;
}

const lineList = (lines: number[]) => (lines.length > 8 ? `${lines.slice(0, 8).join('、')} 等 ${lines.length} 行` : `${lines.join('、')} 行`);

function readCsv(fileName: string, data: Uint8Array): RosterSheet {
  const mixed = mixedEncodingLines(data);
  if (mixed) {
    // Name the smaller group: those are the rows that were pasted in from elsewhere.
    const [few, fewName, manyName] =
      mixed.gbk.length <= mixed.utf8.length ? [mixed.gbk, 'GBK', 'UTF-8'] : [mixed.utf8, 'UTF-8', 'GBK'];
    throw new RosterFileError(
      `文件「${fileName}」混用了两种文字编码：第 ${lineList(few)}是 ${fewName} 编码，其余是 ${manyName} 编码，按任何一种读取都会出现乱码，没有导入任何数据。` +
        `请在 Excel/WPS 中核对这些行的文字后整体另存为「CSV UTF-8」或 .xlsx 再导入`,
    );
  }
  const text = decodeCsvBytes(data);
  const parsed = parseCsv(text);
  const rows: RosterCell[][] = [];
  const rowNumbers: number[] = [];
  parsed.forEach((cells, index) => {
    if (cells.every((cell) => cell.trim() === '')) return;
    // A CSV has no formulas; a cell that starts with "=" was a formula Excel wrote out as text.
    rows.push(cells.map((cell) => (/^=[A-Za-z(]/.test(cell.trim()) ? { formula: cell.trim().slice(1) } : cell)));
    rowNumbers.push(index + 1);
  });
  if (rows.length === 0) throw new RosterFileError(`文件「${fileName}」没有任何数据行`);
  if (rows.length > maxRosterRows + 10) throw tooManyRows(fileName, rows.length);
  return { sheetName: fileName.replace(/\.[^.]*$/, ''), rows, rowNumbers };
}

/** RFC 4180 CSV: quoted fields with "" escapes and line breaks inside quotes; , or ; or tab separated. */
export function parseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length);
  const separator = [',', '\t', ';'].reduce((best, sep) => (count(firstLine, sep) > count(firstLine, best) ? sep : best), ',');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const count = (text: string, sep: string) => text.split(sep).length - 1;

function looksBinary(data: Uint8Array): boolean {
  const n = Math.min(data.length, 4096);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = data[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) controls++;
  }
  return controls > n / 50;
}

function containsUtf16(data: Uint8Array, text: string): boolean {
  const pattern: number[] = [];
  for (const ch of text) pattern.push(ch.charCodeAt(0), 0);
  outer: for (let i = 0; i + pattern.length <= data.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (data[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}
