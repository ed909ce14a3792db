// Turns a roster file (.xlsx from Excel, WPS or LibreOffice; .csv in UTF-8 or GBK) into rows of
// cells, or a clear Chinese message saying why it cannot — within the limits of rosterLimits.ts, so
// that no file, however built, takes the page down: too large a file is refused before it is read,
// a workbook's zip is checked before anything is inflated (readXlsxRoster.ts), and both kinds are
// read as streams that stop at the first limit they reach (readCsvRoster.ts). Pure: runs in the
// roster worker (renderer/src/features/roster/rosterReader.worker.ts) and under Node alike.
import { readCsvRoster } from './readCsvRoster';
import { fileTooLarge, maxRosterFileBytes, RosterFileError } from './rosterLimits';
import { readXlsxRoster } from './readXlsxRoster';

export { decodeCsvBytes, mixedEncodingLines, parseCsv } from './readCsvRoster';
export { maxRosterFileBytes, maxRosterRows, RosterFileError, rosterLimitsText } from './rosterLimits';

/** A cell as the import sees it: text, a number, a boolean, or a formula (never evaluated). */
export type RosterCell = string | number | boolean | null | { formula: string };

export interface RosterSheet {
  sheetName: string;
  /** The rows in sheet order; `rowNumbers[i]` is row i's number as the user sees it (1-based). */
  rows: RosterCell[][];
  rowNumbers: number[];
}

const zipMagic = [0x50, 0x4b, 0x03, 0x04];
const oleMagic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (data: Uint8Array, magic: number[]) => magic.every((byte, i) => data[i] === byte);

export async function readRosterFile(fileName: string, data: Uint8Array): Promise<RosterSheet> {
  if (data.length === 0) throw new RosterFileError(`文件「${fileName}」是空文件，没有任何内容`);
  if (data.length > maxRosterFileBytes) throw fileTooLarge(fileName, data.length);
  if (startsWith(data, oleMagic)) {
    // Excel wraps a password-protected .xlsx in an OLE2 container with an "EncryptedPackage" stream;
    // a legacy .xls is OLE2 too. Neither can be read here.
    throw new RosterFileError(
      containsUtf16(data, 'EncryptedPackage')
        ? `文件「${fileName}」设置了打开密码，无法读取。请在 Excel/WPS 中取消密码后另存为 .xlsx 再导入`
        : `文件「${fileName}」是旧版 .xls 格式，请在 Excel/WPS 中另存为 .xlsx 后再导入`,
    );
  }
  if (startsWith(data, zipMagic)) return readXlsxRoster(fileName, data);
  if (/\.xlsx?$/i.test(fileName)) throw new RosterFileError(`文件「${fileName}」已损坏或不是有效的 Excel 工作簿`);
  if (looksBinary(data)) throw new RosterFileError(`文件「${fileName}」不是表格文件，请选择 .xlsx 或 .csv 文件`);
  return readCsvRoster(fileName, data);
}

/** A file the user picked: refused by its size before a byte of it is read. */
export async function readRosterBlob(fileName: string, file: Blob): Promise<RosterSheet> {
  if (file.size > maxRosterFileBytes) throw fileTooLarge(fileName, file.size);
  return readRosterFile(fileName, new Uint8Array(await file.arrayBuffer()));
}

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
