// Reads the first non-empty worksheet of an .xlsx (Excel, WPS, LibreOffice, openpyxl, ExcelJS)
// within the roster limits. The zip's central directory is checked before anything is inflated
// (total declared size, zip-bomb ratio, entry count); then the parts are inflated piece by piece,
// never past their declared size, and streamed through a small XML reader: the worksheet is never
// held whole, reading stops at the row cap, and a cell over the character cap or right of the
// column cap stops it with the row and column named. What is kept is what ExcelJS's reading gave
// the import before: text, numbers, booleans, dates (as YYYY-MM-DD), formulas (never evaluated),
// and a merged range's value in each of its cells.
import { inflateEntryPieces, readZipDirectory, ZipReadError, type ZipEntry } from '../zip/zipReader';
import type { RosterCell, RosterSheet } from './readRosterFile';
import {
  cellTooLong,
  formatFileSize,
  maxRosterCellChars,
  maxRosterCells,
  maxRosterColumns,
  maxRosterRows,
  maxSharedStringChars,
  maxWorkbookEntries,
  maxWorkbookInflatedBytes,
  RosterFileError,
  rosterRowAllowance,
  tooManyCells,
  tooManyColumns,
  tooManyRows,
  zipBombMinEntryBytes,
  zipBombRatio,
} from './rosterLimits';
import { XmlStream, XmlStreamError, type XmlAttributes, type XmlHandler } from './xmlStream';

/** Compressed bytes per Inflate push: one push yields at most 16 KB × 1032 ≈ 16.5 MB (rosterLimits.ts). */
const inflatePieceBytes = 16 * 1024;
/** Sheets, relationships, styles and number formats a workbook may list; far above any real one. */
const maxListedParts = 100_000;

const damagedMessage = (fileName: string, detail?: string) =>
  `文件「${fileName}」已损坏或不是有效的 Excel 工作簿，无法打开${detail ? `（${detail}）` : ''}`;

class Damaged extends RosterFileError {
  constructor(fileName: string, detail?: string) {
    super(damagedMessage(fileName, detail));
  }
}

// ─── the zip directory ─────────────────────────────────────────────────────────────────────────

function workbookEntries(fileName: string, zip: Uint8Array): Map<string, ZipEntry> {
  let totalBytes = 0;
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(zip, {
      entryCount(count) {
        if (count > maxWorkbookEntries) {
          throw new RosterFileError(
            `文件「${fileName}」的压缩包中有 ${count} 个文件，超过 Excel 工作簿 ${maxWorkbookEntries} 个的上限，没有读取。请在 Excel/WPS 中另存为 .xlsx 后再导入`,
          );
        }
      },
      entry({ name, flags, compression, compressedSize, size }) {
        // Bit 0 (and 6): zip's own encryption, which no spreadsheet program writes.
        if ((flags & 0x0041) !== 0 || (compression !== 0 && compression !== 8)) throw new Damaged(fileName, `不支持的压缩方式：${name}`);
        if (size >= zipBombMinEntryBytes && size > zipBombRatio * Math.max(compressedSize, 1)) {
          const ratio = compressedSize > 0 ? `${Math.round(size / compressedSize)}:1` : '无穷大';
          throw new RosterFileError(
            `文件「${fileName}」中的「${name}」压缩了 ${ratio}（解压后 ${formatFileSize(size)}），超过 ${zipBombRatio}:1 的压缩比上限，` +
              `像是恶意构造的“压缩炸弹”，没有读取。请向发送方索取原始表格，或在 Excel/WPS 中另存为 .xlsx 后再导入`,
          );
        }
        totalBytes += size;
        if (totalBytes > maxWorkbookInflatedBytes) {
          throw new RosterFileError(
            `文件「${fileName}」解压后超过 ${formatFileSize(maxWorkbookInflatedBytes)}（Excel 工作簿解压后的上限），没有读取。` +
              `请删除多余的工作表和图片，或按区镇拆分成几个文件后再导入`,
          );
        }
      },
    });
  } catch (error) {
    throw translated(fileName, error);
  }
  const byName = new Map<string, ZipEntry>();
  for (const entry of entries) {
    // Part names are case-insensitive (OPC); two entries of one name are no spreadsheet's.
    const key = entry.name.toLowerCase();
    if (byName.has(key)) throw new Damaged(fileName, `重复的文件：${entry.name}`);
    byName.set(key, entry);
  }
  return byName;
}

function translated(fileName: string, error: unknown): unknown {
  if (error instanceof ZipReadError) {
    if (error.fault === 'entry-too-long') {
      return new RosterFileError(
        `文件「${fileName}」中的「${error.entry}」解压后比它声明的大小更大，已在该处停止：文件已损坏，或是恶意构造的“压缩炸弹”，没有读取`,
      );
    }
    return new Damaged(fileName, error.fault === 'damaged' ? error.detail : error.entry);
  }
  return error;
}

// ─── reading one XML part ──────────────────────────────────────────────────────────────────────

function streamPart(fileName: string, zip: Uint8Array, entry: ZipEntry, handler: XmlHandler): void {
  const xml = new XmlStream(handler);
  let decoder: TextDecoder | undefined;
  try {
    inflateEntryPieces(
      zip,
      entry,
      (piece) => {
        // Excel writes UTF-8; the standard allows UTF-16 with its byte-order mark.
        decoder ??= new TextDecoder(piece[0] === 0xff && piece[1] === 0xfe ? 'utf-16le' : piece[0] === 0xfe && piece[1] === 0xff ? 'utf-16be' : 'utf-8');
        xml.write(decoder.decode(piece, { stream: true }));
      },
      inflatePieceBytes,
    );
    if (decoder) xml.write(decoder.decode());
    xml.end();
  } catch (error) {
    if (error instanceof XmlStreamError) throw new Damaged(fileName, `${entry.name} 格式错误`);
    throw translated(fileName, error);
  }
}

/** Calls `on` for each element named `name` (any depth), with its attributes. */
function elements(name: string, on: (attributes: XmlAttributes) => void): XmlHandler {
  return {
    open: (element, attributes) => {
      if (element === name) on(attributes);
    },
    close: () => {},
    text: () => {},
  };
}

interface Relationship {
  type: string;
  target: string;
}

/** A part's relationships by id, targets resolved to part names. */
function relationships(fileName: string, zip: Uint8Array, entries: Map<string, ZipEntry>, partName: string): Map<string, Relationship> {
  const slash = partName.lastIndexOf('/');
  const folder = partName.slice(0, slash + 1);
  const entry = entries.get(`${folder}_rels/${partName.slice(slash + 1)}.rels`.toLowerCase());
  const found = new Map<string, Relationship>();
  if (!entry) return found;
  streamPart(
    fileName,
    zip,
    entry,
    elements('Relationship', (a) => {
      if (found.size >= maxListedParts) throw new Damaged(fileName, '关系表过大');
      if (a.Id === undefined || a.Target === undefined || a.TargetMode === 'External') return;
      found.set(a.Id, { type: a.Type ?? '', target: resolvePart(folder, a.Target) });
    }),
  );
  return found;
}

function resolvePart(folder: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : folder + target).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

const isType = (relationship: Relationship | undefined, kind: string) => relationship?.type.endsWith(`/${kind}`) === true;

// ─── styles: which cells hold dates ────────────────────────────────────────────────────────────

/** Excel's built-in date and time formats (14–22), and the East Asian ones (27–36, 50–58). */
const builtInDateFormats = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** ExcelJS's rule: a format is a date's when, outside quotes and [brackets], it has y m d h s or b. */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** The style indexes (a cell's `s`) whose number format is a date or time. */
function dateStyles(fileName: string, zip: Uint8Array, entry: ZipEntry | undefined): Set<number> {
  const dates = new Set<number>();
  if (!entry) return dates;
  const customFormats = new Map<number, string>();
  let inCellXfs = false;
  let xfIndex = 0;
  streamPart(fileName, zip, entry, {
    open(name, a) {
      if (name === 'numFmt' && customFormats.size < maxListedParts) customFormats.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        if (xfIndex >= maxListedParts) throw new Damaged(fileName, '样式表过大');
        const id = Number(a.numFmtId ?? 0);
        const custom = customFormats.get(id);
        if (custom !== undefined ? isDateFormat(custom) : builtInDateFormats.has(id)) dates.add(xfIndex);
        xfIndex++;
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return dates;
}

/** A date serial as ExcelJS turned it into a Date and the import into YYYY-MM-DD (UTC). */
function serialDate(serial: number, date1904: boolean): string | null {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}

// ─── text ──────────────────────────────────────────────────────────────────────────────────────

/** OOXML writes control characters (and a literal "_x") as _xHHHH_. */
const unescapeOoxml = (text: string) =>
  text.indexOf('_x') < 0 ? text : text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** A shared string over the cell cap, kept only as a mark: refused when a cell uses it. */
const tooLongText = Symbol('too long');
type SharedString = string | typeof tooLongText;

function sharedStrings(fileName: string, zip: Uint8Array, entry: ZipEntry | undefined): SharedString[] {
  const strings: SharedString[] = [];
  if (!entry) return strings;
  let inItem = false;
  let inText = false;
  let phonetic = 0;
  let current = '';
  let over = false;
  let totalChars = 0;
  const tooLarge = () =>
    new RosterFileError(
      `文件「${fileName}」的文字表（sharedStrings.xml）超过 ${maxRosterCells} 条或 ${maxSharedStringChars} 个字符的上限，没有读取。` +
        `请删除不需要导入的工作表或列，或按区镇拆分成几个文件后再导入`,
    );
  streamPart(fileName, zip, entry, {
    open(name) {
      if (name === 'si') {
        inItem = true;
        current = '';
        over = false;
      } else if (name === 'rPh') phonetic++; // phonetic guides (furigana) are not the cell's text
      else if (name === 't' && inItem && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si' && inItem) {
        inItem = false;
        if (strings.length >= maxRosterCells) throw tooLarge();
        if (over) strings.push(tooLongText);
        else {
          totalChars += current.length;
          if (totalChars > maxSharedStringChars) throw tooLarge();
          strings.push(unescapeOoxml(current));
        }
        current = '';
      }
    },
    text(text) {
      if (!inText || over) return;
      if (current.length + text.length > maxRosterCellChars * 8) {
        // Far over the cap even with every _xHHHH_ escape undone: keep only the mark.
        over = true;
        current = '';
        return;
      }
      current += text;
      if (current.length > maxRosterCellChars && unescapeOoxml(current).length > maxRosterCellChars) {
        over = true;
        current = '';
      }
    },
  });
  return strings;
}

// ─── the worksheet ─────────────────────────────────────────────────────────────────────────────

/** 0-based column of a cell reference like "AB12", or -1. */
function columnOf(reference: string): number {
  let column = 0;
  let i = 0;
  for (; i < reference.length && i < 4; i++) {
    const code = reference.charCodeAt(i);
    if (code >= 65 && code <= 90) column = column * 26 + (code - 64);
    else if (code >= 97 && code <= 122) column = column * 26 + (code - 96);
    else break;
  }
  return i === 0 ? -1 : column - 1;
}

function rowOf(reference: string): number {
  const match = /^[A-Za-z]{1,3}(\d{1,7})$/.exec(reference);
  return match ? Number(match[1]) : -1;
}

interface SheetContext {
  fileName: string;
  strings: SharedString[];
  dates: Set<number>;
  date1904: boolean;
}

const isBlank = (cell: RosterCell | undefined) => cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

/** Reads one worksheet; null when it has no row with content. */
function readWorksheet(context: SheetContext, zip: Uint8Array, entry: ZipEntry, sheetName: string): RosterSheet | null {
  const { fileName } = context;
  const rows: RosterCell[][] = [];
  const rowNumbers: number[] = [];
  const merges: string[] = [];
  const sharedFormulas = new Map<string, string>();
  let declaredRows: number | undefined;
  let cells = 0;

  let inSheetData = false;
  let rowNumber = 0;
  let row: RosterCell[] | null = null;
  let rowHasContent = false;
  let nextColumn = 0;
  // The cell being read.
  let column = -1;
  let type = '';
  let style = -1;
  let value: string | null = null;
  let formula: string | null = null;
  let sharedIndex: string | undefined;
  let inline: string | null = null;
  let capture: 'v' | 'f' | 't' | null = null;
  let inInline = false;
  let phonetic = 0;

  const tooLong = () => cellTooLong(fileName, rowNumber, column);
  const append = (current: string | null, text: string) => {
    const next = (current ?? '') + text;
    if (next.length > maxRosterCellChars * 8 || (next.length > maxRosterCellChars && unescapeOoxml(next).length > maxRosterCellChars)) throw tooLong();
    return next;
  };

  const cellValue = (): RosterCell => {
    if (formula !== null) {
      const text = formula !== '' ? formula : sharedIndex !== undefined ? (sharedFormulas.get(sharedIndex) ?? '') : '';
      return { formula: text };
    }
    switch (type) {
      case 's': {
        if (value === null) return null;
        const shared = context.strings[Number(value)];
        if (shared === tooLongText) throw tooLong();
        return shared ?? null;
      }
      case 'inlineStr':
        return inline === null ? null : unescapeOoxml(inline);
      case 'str':
        return value === null ? null : unescapeOoxml(value);
      case 'b':
        return value === null ? null : value.trim() === '1' || value.trim() === 'true';
      case 'e':
        return value;
      case 'd':
        return value === null ? null : /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : value;
      default: {
        if (value === null || value.trim() === '') return null;
        const number = Number(value);
        if (!Number.isFinite(number)) return value;
        if (context.dates.has(style)) return serialDate(number, context.date1904) ?? number;
        return number;
      }
    }
  };

  streamPart(fileName, zip, entry, {
    open(name, a) {
      if (inSheetData) {
        if (name === 'c' && row) {
          const reference = a.r;
          column = reference !== undefined ? columnOf(reference) : nextColumn;
          if (column < 0) throw new Damaged(fileName, `单元格位置「${reference}」无效`);
          nextColumn = column + 1;
          type = a.t ?? 'n';
          style = a.s !== undefined ? Number(a.s) : -1;
          value = null;
          formula = null;
          sharedIndex = undefined;
          inline = null;
          inInline = false;
          phonetic = 0;
        } else if (name === 'row') {
          const declared = a.r !== undefined ? Number(a.r) : rowNumber + 1;
          rowNumber = Number.isInteger(declared) && declared > 0 ? declared : rowNumber + 1;
          row = [];
          rowHasContent = false;
          nextColumn = 0;
        } else if (name === 'v') capture = 'v';
        else if (name === 'f') {
          capture = 'f';
          formula = '';
          if (a.t === 'shared' && a.si !== undefined) sharedIndex = a.si;
        } else if (name === 'is') inInline = true;
        else if (name === 'rPh') phonetic++;
        else if (name === 't' && inInline && phonetic === 0) {
          capture = 't';
          inline ??= '';
        }
      } else if (name === 'sheetData') inSheetData = true;
      else if (name === 'dimension' && a.ref !== undefined) {
        // "A1:L100001": the extent the writer declares, for "about N rows" when refusing.
        const last = rowOf(a.ref.split(':').pop() ?? '');
        if (last > 0) declaredRows = last;
      } else if (name === 'mergeCell' && a.ref !== undefined && merges.length < maxRosterCells) merges.push(a.ref);
    },
    close(name) {
      if (!inSheetData) return;
      if (name === 'v' || name === 'f' || name === 't') {
        if (name === 'f' && formula !== null && sharedIndex !== undefined && formula !== '') sharedFormulas.set(sharedIndex, formula);
        capture = null;
      } else if (name === 'rPh') phonetic--;
      else if (name === 'is') inInline = false;
      else if (name === 'c' && row) {
        const cell = cellValue();
        if (!isBlank(cell)) {
          if (column >= maxRosterColumns) throw tooManyColumns(fileName, rowNumber, column);
          if (++cells > maxRosterCells) throw tooManyCells(fileName);
          rowHasContent = true;
        }
        if (column < maxRosterColumns) row[column] = cell;
      } else if (name === 'row' && row) {
        if (rowHasContent) {
          if (rows.length >= maxRosterRows + rosterRowAllowance) throw tooManyRows(fileName, declaredRows);
          // Cells written without a value (style only) at the end of a row are no cells, as in ExcelJS.
          while (row.length > 0 && (row[row.length - 1] === undefined || row[row.length - 1] === null)) row.pop();
          for (let i = 0; i < row.length; i++) if (row[i] === undefined) row[i] = null;
          rows.push(row);
          rowNumbers.push(rowNumber);
        }
        row = null;
      } else if (name === 'sheetData') inSheetData = false;
    },
    text(text) {
      if (capture === 'v') value = append(value, text);
      else if (capture === 'f') formula = append(formula, text);
      else if (capture === 't') inline = append(inline, text);
    },
  });
  if (rows.length === 0) return null;
  if (merges.length > 0) fillMerges(fileName, rows, rowNumbers, merges, cells);
  return { sheetName, rows, rowNumbers };
}

/**
 * Each cell of a merged range takes the value of its top-left cell, as ExcelJS gave it (a town
 * merged down a column of enterprises belongs to each of them). Only rows with content are
 * filled, columns only up to the cap, and the cells filled count against the cell cap.
 */
function fillMerges(fileName: string, rows: RosterCell[][], rowNumbers: number[], merges: string[], cellsSoFar: number): void {
  let sorted = true;
  for (let i = 1; i < rowNumbers.length; i++) if (rowNumbers[i]! <= rowNumbers[i - 1]!) sorted = false;
  if (!sorted) return; // rows out of order are no spreadsheet program's: leave them as written
  const indexAtOrAfter = (number: number) => {
    let low = 0;
    let high = rowNumbers.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (rowNumbers[mid]! < number) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  let filled = cellsSoFar;
  for (const ref of merges) {
    const [from, to] = ref.split(':');
    if (!from || !to) continue;
    const top = rowOf(from);
    const bottom = rowOf(to);
    const left = columnOf(from);
    const right = Math.min(columnOf(to), maxRosterColumns - 1);
    if (top < 1 || bottom < top || left < 0 || right < left) continue;
    const masterIndex = indexAtOrAfter(top);
    const master = rowNumbers[masterIndex] === top ? (rows[masterIndex]![left] ?? null) : null;
    for (let index = indexAtOrAfter(top); index < rows.length && rowNumbers[index]! <= bottom; index++) {
      const row = rows[index]!;
      for (let column = left; column <= right; column++) {
        if (rowNumbers[index] === top && column === left) continue;
        if (++filled > maxRosterCells) throw tooManyCells(fileName);
        while (row.length < column) row.push(null);
        row[column] = master;
      }
    }
  }
}

// ─── the workbook ──────────────────────────────────────────────────────────────────────────────

export function readXlsxRoster(fileName: string, zip: Uint8Array): RosterSheet {
  const entries = workbookEntries(fileName, zip);
  const part = (name: string) => entries.get(name.toLowerCase());

  const packageRelationships = relationships(fileName, zip, entries, '');
  const workbookName = [...packageRelationships.values()].find((r) => isType(r, 'officeDocument'))?.target ?? 'xl/workbook.xml';
  const workbookEntry = part(workbookName);
  if (!workbookEntry) throw new Damaged(fileName);

  const sheets: { name: string; id: string }[] = [];
  let date1904 = false;
  streamPart(fileName, zip, workbookEntry, {
    open(name, a) {
      if (name === 'sheet' && a.id !== undefined) {
        if (sheets.length >= maxListedParts) throw new Damaged(fileName, '工作表过多');
        sheets.push({ name: a.name ?? `Sheet${sheets.length + 1}`, id: a.id });
      } else if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
    },
    close() {},
    text() {},
  });
  const workbookRelationships = relationships(fileName, zip, entries, workbookName);
  const worksheets = sheets.filter((sheet) => isType(workbookRelationships.get(sheet.id), 'worksheet'));
  if (worksheets.length === 0) throw new RosterFileError(`文件「${fileName}」不是 Excel 工作簿（没有工作表）`);

  const related = [...workbookRelationships.values()];
  const context: SheetContext = {
    fileName,
    dates: dateStyles(fileName, zip, part(related.find((r) => isType(r, 'styles'))?.target ?? '')),
    strings: sharedStrings(fileName, zip, part(related.find((r) => isType(r, 'sharedStrings'))?.target ?? '')),
    date1904,
  };
  for (const sheet of worksheets) {
    const entry = part(workbookRelationships.get(sheet.id)!.target);
    if (!entry) throw new Damaged(fileName, `缺少工作表「${sheet.name}」`);
    const read = readWorksheet(context, zip, entry, sheet.name);
    if (read) return read;
  }
  throw new RosterFileError(`文件「${fileName}」的工作表是空的，没有可导入的数据`);
}
