// Reads a CSV roster (UTF-8 with or without BOM, or GBK as Chinese Excel saves "CSV") within the
// roster limits. The bytes are scanned once for their encoding, then decoded 1 MB at a time and
// parsed as they are decoded: rows are kept only while they stay within the caps, a cell is never
// grown past the character cap (a quote that never closes is refused naming the line it opened
// on, instead of swallowing the rest of the file into one cell), and empty columns to the right
// (Excel's used range dragged to column XFD) cost nothing.
import type { RosterCell, RosterSheet } from './readRosterFile';
import {
  cellTooLong,
  maxRosterCellChars,
  maxRosterCells,
  maxRosterColumns,
  maxRosterRows,
  RosterFileError,
  rosterRowAllowance,
  tooManyCells,
  tooManyColumns,
  tooManyRows,
} from './rosterLimits';

/** Bytes decoded and parsed at a time. */
const decodeChunkBytes = 1024 * 1024;

// ─── encodings ─────────────────────────────────────────────────────────────────────────────────

/** UTF-8 (with or without BOM) when it decodes cleanly, else GBK — what Chinese Excel saves as "CSV". */
export function decodeCsvBytes(data: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    return new TextDecoder('gbk').decode(data);
  }
}

/** How many lines of each kind to name in a message; the rest are counted. */
const namedLines = 8;

export interface CsvByteScan {
  /** Lines (1-based) that are valid UTF-8 with at least 4 non-ASCII characters: the first few. */
  utf8: number[];
  /** Lines that are not valid UTF-8 (so GBK): the first few. */
  gbk: number[];
  utf8Count: number;
  gbkCount: number;
  /** Line feeds in the file: the number of lines, less one. */
  lineBreaks: number;
}

/**
 * One pass over the bytes, line by line, without decoding: which lines are UTF-8 and which are
 * not. A file is UTF-8 when no line is invalid UTF-8 (exactly when a strict decoder accepts it).
 * A short GBK line can pass as UTF-8 by chance (two GBK characters often do): only a line with
 * several non-ASCII characters counts as evidence of UTF-8.
 */
export function scanCsvBytes(data: Uint8Array): CsvByteScan {
  const scan: CsvByteScan = { utf8: [], gbk: [], utf8Count: 0, gbkCount: 0, lineBreaks: 0 };
  const n = data.length;
  let line = 1;
  let nonAscii = 0;
  let high = false;
  let invalid = false;
  for (let i = 0; i <= n; ) {
    if (i === n || data[i] === 0x0a) {
      if (high) {
        if (invalid) {
          if (scan.gbkCount++ < namedLines) scan.gbk.push(line);
        } else if (nonAscii >= 4) {
          if (scan.utf8Count++ < namedLines) scan.utf8.push(line);
        }
      }
      if (i < n) scan.lineBreaks++;
      nonAscii = 0;
      high = false;
      invalid = false;
      line++;
      i++;
      continue;
    }
    const b = data[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    high = true;
    if (invalid) {
      i++;
      continue;
    }
    // A UTF-8 sequence as the WHATWG decoder accepts it: no overlong forms, no surrogates, ≤ U+10FFFF.
    let need = 0;
    let low = 0x80;
    let top = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) top = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) top = 0x8f;
    }
    let ok = need > 0 && i + need < n + 1;
    for (let k = 1; ok && k <= need; k++) {
      const next = data[i + k];
      if (next === undefined || next < (k === 1 ? low : 0x80) || next > (k === 1 ? top : 0xbf)) ok = false;
    }
    if (ok) {
      nonAscii++;
      i += need + 1;
    } else {
      invalid = true;
      i++;
    }
  }
  return scan;
}

/**
 * The lines of a CSV written in two encodings — a clerk pastes rows saved as UTF-8 into a GBK file —
 * (the first few of each, and how many), or null when the file is in one encoding. Decoded either
 * way, one group of rows would come out garbled, so such a file is refused with the rows named.
 */
export function mixedEncodingLines(data: Uint8Array): CsvByteScan | null {
  const scan = scanCsvBytes(data);
  return scan.utf8Count > 0 && scan.gbkCount > 0 ? scan : null;
}

const lineList = (lines: number[], count: number) =>
  count > lines.length ? `${lines.join('、')} 等 ${count} 行` : `${lines.join('、')} 行`;

// ─── records ───────────────────────────────────────────────────────────────────────────────────

export interface CsvLimits {
  maxColumns: number;
  maxCellChars: number;
}

const quoteCode = 0x22;
const lineFeed = 0x0a;
const carriageReturn = 0x0d;

function columnName(index: number): string {
  let out = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/**
 * RFC 4180 CSV, fed as text chunks: quoted fields with "" escapes and line breaks inside quotes;
 * , or ; or tab separated (whichever the first line has most of). Each record (1-based number,
 * blank ones included, as a spreadsheet numbers rows) goes to `onRecord`; the caps apply as it
 * reads: a field is never grown past `maxCellChars`, and fields right of `maxColumns` are dropped
 * when empty and refused when not.
 */
export class CsvRecordReader {
  private separator = 0x2c;
  private started = false;
  private row: string[] = [];
  /** Fields ended so far in this record (kept or not). */
  private column = 0;
  private field = '';
  private quoted = false;
  private quoteLine = 0;
  private quoteColumn = 0;
  /** A quote inside a quoted field was the chunk's last character: an escape or the end? */
  private pendingQuote = false;
  /** A CR was the chunk's last character: a LF starting the next one belongs to it. */
  private pendingCR = false;
  /** The physical line being read (1-based), for naming where a quote opened. */
  private line = 1;
  private record = 0;

  constructor(
    private readonly fileName: string,
    private readonly limits: CsvLimits,
    private readonly onRecord: (cells: string[], record: number) => void,
  ) {}

  push(text: string): void {
    const n = text.length;
    let i = 0;
    if (!this.started && n > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) i = 1;
      this.separator = detectSeparator(text);
    }
    if (this.pendingCR && i < n) {
      this.pendingCR = false;
      if (text.charCodeAt(i) === lineFeed) i++;
    }
    if (this.pendingQuote && i < n) {
      this.pendingQuote = false;
      if (text.charCodeAt(i) === quoteCode) {
        this.append('"');
        i++;
      } else this.quoted = false;
    }
    let segment = i;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (this.quoted) {
        if (c === quoteCode) {
          this.take(text, segment, i);
          if (i + 1 === n) {
            this.pendingQuote = true;
            segment = n;
            break;
          }
          if (text.charCodeAt(i + 1) === quoteCode) {
            this.append('"');
            i++;
          } else this.quoted = false;
          segment = i + 1;
        } else if (c === lineFeed) this.line++;
        continue;
      }
      if (c === quoteCode) {
        if (this.field.length === 0 && segment === i) {
          this.quoted = true;
          this.quoteLine = this.line;
          this.quoteColumn = this.column;
          segment = i + 1;
        }
        continue;
      }
      if (c === this.separator) {
        this.take(text, segment, i);
        this.endField();
        segment = i + 1;
      } else if (c === lineFeed || c === carriageReturn) {
        this.take(text, segment, i);
        this.endField();
        this.endRecord();
        this.line++;
        if (c === carriageReturn) {
          if (i + 1 < n) {
            if (text.charCodeAt(i + 1) === lineFeed) i++;
          } else this.pendingCR = true;
        }
        segment = i + 1;
      }
    }
    this.take(text, segment, n);
  }

  end(): void {
    if (this.pendingQuote) {
      this.pendingQuote = false;
      this.quoted = false;
    }
    if (this.quoted) {
      throw new RosterFileError(
        `文件「${this.fileName}」第 ${this.quoteLine} 行 ${columnName(this.quoteColumn)} 列的引号（"）没有闭合：从这个引号到文件末尾都没有结束的引号，没有导入任何数据。` +
          `请在该处补上结束的引号，或删除多余的引号后再导入`,
      );
    }
    if (this.field !== '' || this.column > 0) {
      this.endField();
      this.endRecord();
    }
  }

  private take(text: string, from: number, to: number): void {
    if (to > from) this.append(text.slice(from, to));
  }

  private append(text: string): void {
    this.field += text;
    if (this.field.length <= this.limits.maxCellChars) return;
    if (this.quoted) {
      throw new RosterFileError(
        `文件「${this.fileName}」第 ${this.quoteLine} 行 ${columnName(this.quoteColumn)} 列以引号（"）开头的单元格，到 ${this.limits.maxCellChars} 个字符仍没有结束的引号：` +
          `引号没有闭合（每个单元格最多 ${this.limits.maxCellChars} 个字符），没有导入任何数据。请在该处补上结束的引号，或删除多余的引号后再导入`,
      );
    }
    throw cellTooLong(this.fileName, this.record + 1, this.column);
  }

  private endField(): void {
    const text = this.field;
    this.field = '';
    if (this.column < this.limits.maxColumns) this.row.push(text);
    else if (text.trim() !== '') throw tooManyColumns(this.fileName, this.record + 1, this.column);
    this.column++;
  }

  private endRecord(): void {
    const cells = this.row;
    this.row = [];
    this.column = 0;
    this.record++;
    this.onRecord(cells, this.record);
  }
}

/** The separator the first line (of the first chunk) has most of; a comma on a tie. */
function detectSeparator(text: string): number {
  const newline = text.indexOf('\n');
  const end = newline < 0 ? text.length : newline;
  let commas = 0;
  let tabs = 0;
  let semicolons = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2c) commas++;
    else if (c === 0x09) tabs++;
    else if (c === 0x3b) semicolons++;
  }
  let best = 0x2c;
  let most = commas;
  if (tabs > most) [best, most] = [0x09, tabs];
  if (semicolons > most) best = 0x3b;
  return best;
}

/** Every record of a CSV text, blank ones included, with no limits: for tests and small texts. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  const reader = new CsvRecordReader('', { maxColumns: Infinity, maxCellChars: Infinity }, (cells) => rows.push(cells));
  reader.push(text);
  reader.end();
  return rows;
}

// ─── the roster ────────────────────────────────────────────────────────────────────────────────

export function readCsvRoster(fileName: string, data: Uint8Array): RosterSheet {
  const scan = scanCsvBytes(data);
  if (scan.utf8Count > 0 && scan.gbkCount > 0) {
    // Name the smaller group: those are the rows that were pasted in from elsewhere.
    const [few, count, fewName, manyName] =
      scan.gbkCount <= scan.utf8Count ? [scan.gbk, scan.gbkCount, 'GBK', 'UTF-8'] : [scan.utf8, scan.utf8Count, 'UTF-8', 'GBK'];
    throw new RosterFileError(
      `文件「${fileName}」混用了两种文字编码：第 ${lineList(few, count)}是 ${fewName} 编码，其余是 ${manyName} 编码，按任何一种读取都会出现乱码，没有导入任何数据。` +
        `请在 Excel/WPS 中核对这些行的文字后整体另存为「CSV UTF-8」或 .xlsx 再导入`,
    );
  }
  const rows: RosterCell[][] = [];
  const rowNumbers: number[] = [];
  let cells = 0;
  const reader = new CsvRecordReader(fileName, { maxColumns: maxRosterColumns, maxCellChars: maxRosterCellChars }, (record, number) => {
    let filled = 0;
    for (const cell of record) if (cell.trim() !== '') filled++;
    if (filled === 0) return;
    if (rows.length >= maxRosterRows + rosterRowAllowance) throw tooManyRows(fileName, scan.lineBreaks + 1);
    cells += filled;
    if (cells > maxRosterCells) throw tooManyCells(fileName);
    // A CSV has no formulas; a cell that starts with "=" was a formula Excel wrote out as text.
    rows.push(record.map((cell) => (/^=[A-Za-z(]/.test(cell.trim()) ? { formula: cell.trim().slice(1) } : cell)));
    rowNumbers.push(number);
  });
  const decoder = new TextDecoder(scan.gbkCount === 0 ? 'utf-8' : 'gbk');
  for (let offset = 0; offset < data.length; offset += decodeChunkBytes) {
    reader.push(decoder.decode(data.subarray(offset, offset + decodeChunkBytes), { stream: true }));
  }
  reader.push(decoder.decode());
  reader.end();
  if (rows.length === 0) throw new RosterFileError(`文件「${fileName}」没有任何数据行`);
  return { sheetName: fileName.replace(/\.[^.]*$/, ''), rows, rowNumbers };
}
