// Hostile roster files, made at test time (never committed, never written into the source tree):
// a zip bomb .xlsx whose sheet inflates to ~1 GB, the same bomb lying about its size, workbooks
// over the row, cell and declared-size limits, a 24 MB workbook, and CSVs written as streams — 50 MB
// of empty columns, an unterminated quote, a 10,000-column header. Shared by the tests
// (test/shared/roster/hostileFiles.test.ts) and `npm run bench:hostile` (scripts/hostile-files.ts).
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { deflateSync, strToU8, zipSync, type Zippable } from 'fflate';

// ─── a minimal workbook ────────────────────────────────────────────────────────────────────────

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const packageRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const workbookXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const workbookRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
const sheetHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`;

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The parts every workbook here has, besides its sheet. */
function skeleton(sharedStrings: readonly string[] = []): Zippable {
  const items = sharedStrings.map((text) => `<si><t>${escapeXml(text)}</t></si>`).join('');
  return {
    '[Content_Types].xml': strToU8(contentTypes),
    '_rels/.rels': strToU8(packageRels),
    'xl/workbook.xml': strToU8(workbookXml),
    'xl/_rels/workbook.xml.rels': strToU8(workbookRels),
    'xl/sharedStrings.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${sharedStrings.length}" uniqueCount="${sharedStrings.length}">${items}</sst>`,
    ),
  };
}

/** A workbook of one sheet whose <sheetData> content is given. */
export function workbookOf(sheetData: string, sharedStrings: readonly string[] = [], extra: Zippable = {}, dimension?: string): Uint8Array {
  const sheet = `${sheetHead}${dimension ? `<dimension ref="${dimension}"/>` : ''}<sheetData>${sheetData}</sheetData></worksheet>`;
  return zipSync({ ...skeleton(sharedStrings), 'xl/worksheets/sheet1.xml': strToU8(sheet), ...extra }, { level: 1 });
}

// ─── a zip written by hand (for an entry fflate would have to deflate a gigabyte to make) ──────

interface RawEntry {
  name: string;
  /** The entry's deflate stream. */
  data: Uint8Array;
  /** What the directory declares the entry inflates to. */
  size: number;
}

function rawZip(entries: RawEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = strToU8(entry.name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, 0x0800, true); // UTF-8 names
    local.setUint16(8, 8, true); // deflate
    // CRC-32 left 0: neither this reader nor JSZip's default checks it, and computing it would mean
    // producing the gigabyte the bomb is made not to need.
    local.setUint32(18, entry.data.length, true);
    local.setUint32(22, entry.size, true);
    local.setUint16(26, name.length, true);
    const record = new DataView(new ArrayBuffer(46));
    record.setUint32(0, 0x02014b50, true);
    record.setUint16(4, 20, true);
    record.setUint16(6, 20, true);
    record.setUint16(8, 0x0800, true);
    record.setUint16(10, 8, true);
    record.setUint32(20, entry.data.length, true);
    record.setUint32(24, entry.size, true);
    record.setUint16(28, name.length, true);
    record.setUint32(42, offset, true);
    chunks.push(new Uint8Array(local.buffer), name, entry.data);
    central.push(new Uint8Array(record.buffer), name);
    offset += 30 + name.length + entry.data.length;
  }
  const directorySize = central.reduce((sum, chunk) => sum + chunk.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, directorySize, true);
  end.setUint32(16, offset, true);
  const all = [...chunks, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of all) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Deflate's bit order: values least significant bit first, Huffman codes most significant first. */
class BitWriter {
  private readonly bytes: Uint8Array;
  private length = 0;
  private pending = 0;
  private pendingBits = 0;
  constructor(capacity: number) {
    this.bytes = new Uint8Array(capacity);
  }
  /** Up to 16 bits of `value`, least significant first. */
  bits(value: number, count: number): void {
    this.pending |= (value & ((1 << count) - 1)) << this.pendingBits;
    this.pendingBits += count;
    while (this.pendingBits >= 8) {
      this.bytes[this.length++] = this.pending & 0xff;
      this.pending >>>= 8;
      this.pendingBits -= 8;
    }
  }
  /** A Huffman code of `count` bits, most significant first. */
  code(code: number, count: number): void {
    let reversed = 0;
    for (let i = 0; i < count; i++) reversed |= ((code >>> i) & 1) << (count - 1 - i);
    this.bits(reversed, count);
  }
  align(): void {
    if (this.pendingBits > 0) this.bits(0, 8 - this.pendingBits);
  }
  raw(data: Uint8Array): void {
    this.bytes.set(data, this.length);
    this.length += data.length;
  }
  result(): Uint8Array {
    this.align();
    return this.bytes.slice(0, this.length);
  }
}

function storedBlock(writer: BitWriter, data: Uint8Array, final: boolean): void {
  writer.bits(final ? 1 : 0, 1);
  writer.bits(0, 2);
  writer.align();
  writer.bits(data.length, 16);
  writer.bits(~data.length & 0xffff, 16);
  writer.raw(data);
}

/** One row of the bomb: 32 bytes, so matches at distance 32 repeat it. */
const bombRow = '<row><c><v>1</v></c></row>      ';
const bombHead = `${sheetHead}<sheetData>${bombRow}`;
const bombTail = '</sheetData></worksheet>';

/**
 * A worksheet entry that inflates to ~1 GB of one 32-byte row repeated, written straight as a
 * deflate stream: the head as a stored block, then one fixed-Huffman block of matches of 258 bytes
 * at distance 32 (16 bits each: 129:1), then the tail. Building it costs milliseconds, not the
 * gigabyte.
 */
function bombSheet(targetBytes: number): RawEntry {
  const head = strToU8(bombHead);
  const tail = strToU8(bombTail);
  // 16 matches of 258 bytes = 129 rows exactly, so the stream ends between two rows.
  const groups = Math.max(1, Math.floor((targetBytes - head.length - tail.length) / (16 * 258)));
  const matches = groups * 16;
  const writer = new BitWriter(head.length + tail.length + matches * 2 + 64);
  storedBlock(writer, head, false);
  writer.bits(0, 1); // not final
  writer.bits(1, 2); // fixed Huffman codes
  for (let i = 0; i < matches; i++) {
    writer.code(0b11000101, 8); // length 258 (code 285)
    writer.code(9, 5); // distance 25–32 (code 9)…
    writer.bits(7, 3); // …+7 = 32
  }
  writer.code(0, 7); // end of block
  storedBlock(writer, tail, true);
  return { name: 'xl/worksheets/sheet1.xml', data: writer.result(), size: head.length + matches * 258 + tail.length };
}

function deflatedParts(parts: Zippable): RawEntry[] {
  return Object.entries(parts).map(([name, data]) => {
    const bytes = data as Uint8Array;
    return { name, data: deflateSync(bytes), size: bytes.length };
  });
}

/** A 1 GB zip bomb (~8 MB): its sheet honestly declares the gigabyte it inflates to. */
export function zipBombXlsx(inflatedBytes = 1024 ** 3): Uint8Array {
  return rawZip([...deflatedParts(skeleton()), bombSheet(inflatedBytes)]);
}

/** The same bomb declaring that its sheet inflates to 1 MB only. */
export function lyingZipBombXlsx(inflatedBytes = 1024 ** 3): Uint8Array {
  return rawZip([...deflatedParts(skeleton()), { ...bombSheet(inflatedBytes), size: 1024 * 1024 }]);
}

/** A workbook whose entries declare 2 × 60 MB of images at a plausible 60:1 each (the lie is found only by inflating). */
export function overDeclaredXlsx(): Uint8Array {
  const image = deflateSync(randomBytes(1024 * 1024), { level: 0 });
  const sheet = `${sheetHead}<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>企业名称</t></is></c></row></sheetData></worksheet>`;
  return rawZip([
    ...deflatedParts({ ...skeleton(), 'xl/worksheets/sheet1.xml': strToU8(sheet) }),
    { name: 'xl/media/image1.png', data: image, size: 60 * 1024 * 1024 },
    { name: 'xl/media/image2.png', data: image, size: 60 * 1024 * 1024 },
  ]);
}

/** A real workbook of `rows` data rows under a header, with its dimension declared (~60k rows: 1 MB). */
export function manyRowsXlsx(rows = 60_000): Uint8Array {
  const parts: string[] = ['<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'];
  for (let i = 2; i <= rows + 1; i++) parts.push(`<row r="${i}"><c r="A${i}" t="inlineStr"><is><t>第${i}家有限公司</t></is></c><c r="B${i}"><v>${i}</v></c></row>`);
  return workbookOf(parts.join(''), ['企业名称', '序号'], {}, `A1:B${rows + 1}`);
}

/** A workbook whose B3 holds a 1,000,000-character text (in the shared strings, as Excel writes it). */
export function bigCellXlsx(chars = 1_000_000): Uint8Array {
  const sheet =
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
    '<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="s"><v>2</v></c></row>' +
    '<row r="3"><c r="A3"><v>2</v></c><c r="B3" t="s"><v>3</v></c></row>';
  // Varied characters (a seeded sequence): text that repeats one character would compress over
  // 900:1 and be refused as a zip bomb before its length is ever seen.
  let state = 12345;
  const text = Array.from({ length: chars }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return String.fromCharCode(0x4e00 + (state % 0x51a5));
  }).join('');
  return workbookOf(sheet, ['序号', '企业名称', '苏州华能精密机械有限公司', text]);
}

/** A 24 MB workbook (a roster with photos pasted in): over the file size cap. */
export function oversizedXlsx(bytes = 24 * 1024 * 1024): Uint8Array {
  return zipSync({ ...skeleton(), 'xl/worksheets/sheet1.xml': strToU8(`${sheetHead}<sheetData/></worksheet>`), 'xl/media/image1.jpeg': [randomBytes(bytes), { level: 0 }] });
}

// ─── CSV ───────────────────────────────────────────────────────────────────────────────────────

const encoder = new TextEncoder();

/**
 * `bytes` of CSV written as a stream to `path` (in the system's temp folder): a header, then lines
 * of nothing but separators — Excel's used range dragged to column XFD (16,384 columns).
 */
export async function writeEmptyColumnsCsv(path: string, bytes: number, header = true): Promise<void> {
  const line = encoder.encode(`${','.repeat(16_383)}\r\n`);
  const out = createWriteStream(path);
  let written = 0;
  const write = (chunk: Uint8Array) =>
    new Promise<void>((resolve, reject) => {
      out.write(chunk, (error) => (error ? reject(error) : resolve()));
    });
  if (header) {
    const head = encoder.encode(`企业名称,统一社会信用代码,所属区镇${','.repeat(16_381)}\r\n`);
    await write(head);
    written += head.length;
  }
  const block = new Uint8Array(line.length * 64);
  for (let i = 0; i < 64; i++) block.set(line, i * line.length);
  while (written + block.length <= bytes) {
    await write(block);
    written += block.length;
  }
  while (written + line.length <= bytes) {
    await write(line);
    written += line.length;
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** A roster whose row 2 opens a quote in column B and never closes it, followed by `rowsAfter` rows. */
export function unterminatedQuoteCsv(rowsAfter = 20_000): Uint8Array {
  const lines = ['序号,企业名称,统一社会信用代码,所属区镇', '1,"苏州华能精密机械有限公司,91320509MA1XXXXX1X,平望镇'];
  for (let i = 2; i < rowsAfter + 2; i++) lines.push(`${i},第${i}家精密机械有限公司,91320509MA${String(i).padStart(7, '0')}X,平望镇`);
  return encoder.encode(lines.join('\r\n'));
}

/** A header of `columns` columns (a sheet exported with a used range far to the right). */
export function wideHeaderCsv(columns = 10_000): Uint8Array {
  const header = Array.from({ length: columns }, (_, i) => (i === 0 ? '企业名称' : `列${i + 1}`));
  return encoder.encode(`${header.join(',')}\r\n苏州华能精密机械有限公司\r\n`);
}

/** 50,000 rows of 31 filled columns: 1,550,000 cells, over the cell cap. */
export function manyCellsCsv(rows = 50_000, columns = 31): Uint8Array {
  const line = `${Array.from({ length: columns }, (_, i) => String.fromCharCode(97 + (i % 26))).join(',')}\n`;
  return encoder.encode(line.repeat(rows));
}
