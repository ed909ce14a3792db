// Reading a zip that comes from outside — a data package, a roster workbook — without trusting it.
// The central directory is read here rather than by fflate's unzipSync, because unzipSync inflates
// each entry into a buffer of its *declared* size and keeps decoding past it: a header that lies
// costs CPU in proportion to the real (bomb) size and is never noticed. Here every entry is shown to
// the caller's checks (its limits, its names) as the directory declares it, before anything is
// inflated; and an entry is inflated by fflate's streaming Inflate in small pieces, stopping the
// moment it grows past its declared size. Pure: no DOM, no Node; only fflate's synchronous Inflate
// (its async API starts Web Workers from blob: URLs, which the renderer's CSP forbids).
//
// Each caller turns a ZipReadError into its own refusal (shared/sync/dataPackage.ts,
// shared/roster/readXlsxRoster.ts); the Chinese `detail` is a fragment for such a message.
import { Inflate } from 'fflate';

/** An entry as its central-directory record declares it, before its local header is looked at. */
export interface ZipDeclaredEntry {
  /** UTF-8 when flag bit 11 says so, otherwise ASCII only; a name that is neither reads as "\u0000". */
  name: string;
  flags: number;
  /** 0 stored, 8 deflate; anything else is the caller's to refuse. */
  compression: number;
  compressedSize: number;
  /** The uncompressed size the directory declares: a hostile file may lie, inflating never exceeds it. */
  size: number;
}

export interface ZipEntry extends ZipDeclaredEntry {
  localHeaderOffset: number;
  dataStart: number;
}

export type ZipReadFault =
  /** Does not start like a zip at all. */
  | 'not-a-zip'
  /** Truncated, or its zip structure is broken (`detail` says where, when it can). */
  | 'damaged'
  /** An entry's compressed data does not inflate. */
  | 'corrupt-entry'
  /** An entry inflates to more than its declared size: stopped there (a bomb that lies). */
  | 'entry-too-long'
  /** An entry inflates to less than its declared size. */
  | 'entry-too-short';

export class ZipReadError extends Error {
  override name = 'ZipReadError';
  constructor(
    readonly fault: ZipReadFault,
    /** A Chinese fragment naming what is wrong, for the caller's message. */
    readonly detail?: string,
    /** The entry concerned, for faults of one entry. */
    readonly entry?: string,
    cause?: unknown,
  ) {
    super(detail ?? fault, cause === undefined ? undefined : { cause });
  }
}

export interface ZipDirectoryChecks {
  /** The number of entries the end record declares, before any record is read. */
  entryCount?(count: number): void;
  /**
   * Each entry as declared, in directory order, before its local header is checked: the place for
   * the caller's name rules, duplicate names, methods and size limits. Throw to refuse.
   */
  entry?(entry: ZipDeclaredEntry): void;
}

const localHeaderSignature = 0x04034b50;
const centralHeaderSignature = 0x02014b50;
const endOfCentralDirectorySignature = 0x06054b50;
/** Deflate expands at most 1032×, so one piece inflates to at most ~66 MB before the size check. */
export const defaultInflatePieceBytes = 64 * 1024;

function u16(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/** An entry name as zip stores it: UTF-8 when flag bit 11 says so, otherwise only ASCII is ours. */
function decodeEntryName(raw: Uint8Array, utf8: boolean): string {
  if (utf8) {
    try {
      return utf8Strict.decode(raw);
    } catch {
      return '\u0000';
    }
  }
  return raw.every((byte) => byte < 0x80) ? String.fromCharCode(...raw) : '\u0000';
}

const damaged = (detail?: string) => new ZipReadError('damaged', detail);

/**
 * The entries of a zip, every one shown to `checks` as declared and then checked for structure
 * (headers agreeing, data inside the file, no two entries sharing bytes) before any is inflated.
 * Refuses multi-volume and zip64 archives as damaged.
 */
export function readZipDirectory(zip: Uint8Array, checks: ZipDirectoryChecks = {}): ZipEntry[] {
  const length = zip.length;
  if (length < 4 || u32(zip, 0) !== localHeaderSignature) throw new ZipReadError('not-a-zip');

  // The end record is the last 22 bytes plus its comment; a file cut short has none.
  let end = -1;
  for (let at = length - 22; at >= 0 && at >= length - 22 - 0xffff; at--) {
    if (u32(zip, at) === endOfCentralDirectorySignature && at + 22 + u16(zip, at + 20) === length) {
      end = at;
      break;
    }
  }
  if (end < 0) throw damaged();
  const entryCount = u16(zip, end + 10);
  const directorySize = u32(zip, end + 12);
  const directoryOffset = u32(zip, end + 16);
  if (u16(zip, end + 4) !== 0 || u16(zip, end + 6) !== 0 || u16(zip, end + 8) !== entryCount) {
    throw damaged('分卷压缩文件');
  }
  // Also refuses zip64, whose end record sits between the directory and this one.
  if (directoryOffset + directorySize !== end) throw damaged('压缩目录位置不符');
  checks.entryCount?.(entryCount);

  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < entryCount; i++) {
    if (at + 46 > end || u32(zip, at) !== centralHeaderSignature) throw damaged('压缩目录损坏');
    const flags = u16(zip, at + 8);
    const compression = u16(zip, at + 10);
    const compressedSize = u32(zip, at + 20);
    const size = u32(zip, at + 24);
    const nameLength = u16(zip, at + 28);
    const recordEnd = at + 46 + nameLength + u16(zip, at + 30) + u16(zip, at + 32);
    const localHeaderOffset = u32(zip, at + 42);
    if (recordEnd > end) throw damaged('压缩目录损坏');
    const rawName = zip.subarray(at + 46, at + 46 + nameLength);
    const name = decodeEntryName(rawName, (flags & 0x0800) !== 0);
    at = recordEnd;

    checks.entry?.({ name, flags, compression, compressedSize, size });
    if (compression === 0 && compressedSize !== size) throw damaged(name);

    // The local header must name the same file; its data must end before the directory starts.
    const local = localHeaderOffset;
    if (local + 30 > directoryOffset || u32(zip, local) !== localHeaderSignature) throw damaged(name);
    const localNameLength = u16(zip, local + 26);
    if (u16(zip, local + 8) !== compression || !sameBytes(zip.subarray(local + 30, local + 30 + localNameLength), rawName)) {
      throw damaged(name);
    }
    const dataStart = local + 30 + localNameLength + u16(zip, local + 28);
    if (dataStart + compressedSize > directoryOffset) throw damaged(name);
    entries.push({ name, flags, compression, compressedSize, size, localHeaderOffset: local, dataStart });
  }
  if (at !== end) throw damaged('压缩目录损坏');

  // Entries sharing compressed bytes are how the worst zip bombs multiply themselves.
  const byOffset = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  for (let i = 1; i < byOffset.length; i++) {
    const before = byOffset[i - 1]!;
    if (byOffset[i]!.localHeaderOffset < before.dataStart + before.compressedSize) throw damaged('文件相互重叠');
  }
  return entries;
}

/**
 * An entry's bytes handed to `take` in order, never more than its declared size in all: the
 * compressed data is pushed through Inflate `pieceBytes` at a time, so what one push produces (and
 * what is held at once) is at most `pieceBytes × 1032` bytes. `take` may throw to stop early; its
 * error reaches the caller as it is.
 */
export function inflateEntryPieces(
  zip: Uint8Array,
  entry: ZipEntry,
  take: (piece: Uint8Array) => void,
  pieceBytes: number = defaultInflatePieceBytes,
): void {
  const data = zip.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.compression === 0) {
    for (let offset = 0; offset < data.length; offset += pieceBytes) take(data.subarray(offset, offset + pieceBytes));
    return;
  }
  if (entry.compression !== 8) throw new ZipReadError('corrupt-entry', entry.name, entry.name);
  let written = 0;
  let produced: Uint8Array[] = [];
  // Pieces are collected during a push and handed on after it, so an error thrown by `take` is
  // never mistaken for corrupt data.
  const inflater = new Inflate((piece) => {
    produced.push(piece);
  });
  for (let offset = 0; ; offset += pieceBytes) {
    const pieceEnd = Math.min(offset + pieceBytes, data.length);
    const final = pieceEnd === data.length;
    try {
      inflater.push(data.subarray(offset, pieceEnd), final);
    } catch (cause) {
      throw new ZipReadError('corrupt-entry', entry.name, entry.name, cause);
    }
    const pieces = produced;
    produced = [];
    for (const piece of pieces) {
      if (written + piece.length > entry.size) throw new ZipReadError('entry-too-long', entry.name, entry.name);
      written += piece.length;
      if (piece.length > 0) take(piece);
    }
    if (final) break;
  }
  if (written !== entry.size) throw new ZipReadError('entry-too-short', entry.name, entry.name);
}

/** One entry's bytes in a buffer of its declared size, never more (the directory is checked first). */
export function inflateEntryBytes(zip: Uint8Array, entry: ZipEntry, pieceBytes: number = defaultInflatePieceBytes): Uint8Array {
  if (entry.compression === 0) return zip.slice(entry.dataStart, entry.dataStart + entry.compressedSize);
  const out = new Uint8Array(entry.size);
  let written = 0;
  inflateEntryPieces(
    zip,
    entry,
    (piece) => {
      out.set(piece, written);
      written += piece.length;
    },
    pieceBytes,
  );
  return out;
}
