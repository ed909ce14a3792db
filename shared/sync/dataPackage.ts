// The data package file: what an officer's laptop and the district bureau hand each other on a USB
// stick or by mail. A zip (fflate) of a manifest, one JSON array per table, attachment bytes, optional
// reference data and a checksum, optionally inside an age envelope (shared/sync/packageCrypto.ts).
// docs/data-packages.md is the format's specification; this file implements it.
//
// A package file comes from outside and may be damaged, edited or hostile, so reading it refuses
// with exactly one error class, PackageRefusedError, carrying a reason code and a Chinese sentence
// for the officer; nothing it reads is trusted before its size is bounded, its name checked, its
// checksum verified and each record parsed with its table's schema. Pure: no DOM, no Node; only the
// synchronous fflate calls, because its async ones start Web Workers from blob: URLs, which the
// renderer's Content-Security-Policy forbids.
import { zipSync, type Zippable } from 'fflate';
import { z } from 'zod';
import {
  ageEncryptionKind,
  openPackage,
  sealPackage,
  sha256Hex,
  type OpenFailure,
  type PackageDecryption,
  type PackageEncryption,
  type PackageEncryptionKind,
  type SealFailure,
} from './packageCrypto';
import { syncedTableLabels } from './syncedTables';
import { inflateEntryBytes, readZipDirectory, ZipReadError, type ZipEntry } from '../zip/zipReader';

export {
  generateBureauKeyPair,
  type PackageDecryption,
  type PackageEncryption,
  type PackageEncryptionKind,
} from './packageCrypto';

// ─── the manifest ──────────────────────────────────────────────────────────────────────────────

export const dataPackageFormat = 'visit-ledger-package';
/** Raised only for a change an older reader would misread; additive manifest fields keep it. */
export const dataPackageFormatVersion = 1;

export const dataPackageKinds = ['changes', 'full', 'reference', 'backup'] as const;
export type DataPackageKind = (typeof dataPackageKinds)[number];

export const dataPackageManifestSchema = z.object({
  format: z.literal(dataPackageFormat),
  formatVersion: z.literal(dataPackageFormatVersion),
  /**
   * changes: the sender's records changed within `range`; full: all of the sender's records;
   * reference: only reference.json, sent down by the bureau; backup: a whole laptop, for restoring.
   */
  kind: z.enum(dataPackageKinds),
  packageId: z.string().min(1).max(200),
  createdAt: z.iso.datetime({ offset: true }),
  device: z.object({ deviceId: z.string().min(1).max(200) }),
  officer: z.object({ name: z.string().max(100), unit: z.string().max(200) }),
  /** Who the package is meant for (e.g. the bureau's name); informational. */
  destination: z.string().max(200).optional(),
  /**
   * The sender's own change-sequence range the package covers (the `changeSeq` of
   * shared/domain/records.ts, which never travels itself): fromSeq 0 means everything up to toSeq.
   */
  range: z
    .object({ fromSeq: z.number().int().nonnegative(), toSeq: z.number().int().nonnegative() })
    .refine((range) => range.toSeq >= range.fromSeq, { message: '结束序号不能小于起始序号', path: ['toSeq'] }),
  /** Records per table: every tables/<table>.json entry, and only those. */
  counts: z.record(z.string(), z.number().int().nonnegative()),
  /** The sum of the attachments/<id> entries' sizes. */
  attachmentBytes: z.number().int().nonnegative(),
});
export type DataPackageManifest = z.infer<typeof dataPackageManifestSchema>;

/** What the caller says; the writer adds the format fields and counts what it writes. */
export type DataPackageManifestInput = Omit<DataPackageManifest, 'format' | 'formatVersion' | 'counts' | 'attachmentBytes'>;

export interface DataPackageContents {
  manifest: DataPackageManifestInput;
  /** Table key (`visits`, …) → its records, each JSON-serialisable. */
  tables: Record<string, readonly unknown[]>;
  attachments: readonly { id: string; bytes: Uint8Array }[];
  /** Reference data sent down by the bureau; validated by the reader's schema. */
  reference?: unknown;
}

// ─── limits ────────────────────────────────────────────────────────────────────────────────────

export interface PackageLimits {
  /** The sum of all entries' uncompressed sizes. */
  maxTotalBytes: number;
  /** One entry's uncompressed size (a table's JSON must also fit one JavaScript string). */
  maxEntryBytes: number;
  /** A zip without zip64 (all fflate writes) holds at most 65,535 entries. */
  maxEntries: number;
}

export const defaultPackageLimits: Readonly<PackageLimits> = {
  maxTotalBytes: 2 * 1024 ** 3,
  maxEntryBytes: 512 * 1024 ** 2,
  maxEntries: 65_535,
};

// ─── refusals ──────────────────────────────────────────────────────────────────────────────────

export type PackageRefusalReason =
  /** Not a zip or age file, or a zip without our manifest. */
  | 'not-a-package'
  /** Truncated, or its zip or age structure is broken. */
  | 'damaged'
  /** checksum.txt does not match the content. */
  | 'tampered'
  | 'newer-format'
  | 'invalid-manifest'
  /** The manifest's counts or attachment bytes do not match the entries. */
  | 'inconsistent'
  | 'passphrase-required'
  | 'key-required'
  | 'wrong-passphrase'
  | 'wrong-key'
  /** A key (or a passphrase given to the writer) that is not of a usable form. */
  | 'bad-key'
  | 'unsafe-entry-name'
  | 'duplicate-entry'
  | 'unexpected-entry'
  | 'too-large'
  | 'unknown-table'
  | 'invalid-record'
  | 'invalid-reference'
  /** The writer was given contents it cannot write (a bad table name, a duplicate attachment, …). */
  | 'invalid-contents';

export interface PackageRefusalDetails {
  entry?: string;
  table?: string;
  /** 1-based row in the table's array. */
  row?: number;
  /** Dotted field path inside the record or manifest. */
  field?: string;
  formatVersion?: number;
}

/** The one error reading or writing a package throws; `message` is for the officer. */
export class PackageRefusedError extends Error {
  readonly reason: PackageRefusalReason;
  readonly details: PackageRefusalDetails;
  constructor(reason: PackageRefusalReason, message: string, details: PackageRefusalDetails = {}, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'PackageRefusedError';
    this.reason = reason;
    this.details = details;
  }
}

/** The officer's names for the tables a package carries (the synced tables'); other keys are shown as they are. */
export const packageTableLabels: Readonly<Record<string, string>> = syncedTableLabels;

export function packageTableLabel(table: string): string {
  return Object.hasOwn(packageTableLabels, table) ? packageTableLabels[table]! : table;
}

/** zod's Chinese texts for the issues a schema carries no message of its own for. */
const zhCN = z.locales.zhCN();

const damagedMessage = '数据包不完整（文件被截断或损坏），请重新拷贝或向发送方重新索取';

function damaged(detail?: string, details: PackageRefusalDetails = {}, cause?: unknown): PackageRefusedError {
  return new PackageRefusedError('damaged', detail ? `${damagedMessage}（${detail}）` : damagedMessage, details, cause);
}

function notAPackage(): PackageRefusedError {
  return new PackageRefusedError('not-a-package', '所选文件不是走访台账数据包');
}

function tooLarge(what: string, limit: string, entry?: string): PackageRefusedError {
  return new PackageRefusedError(
    'too-large',
    `数据包${what}超过上限（${limit}），已拒绝导入`,
    entry === undefined ? {} : { entry },
  );
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${+(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} 字节`;
}

const openRefusals: Record<OpenFailure, [PackageRefusalReason, string]> = {
  'passphrase-required': ['passphrase-required', '此数据包已用口令加密，请输入口令'],
  'key-required': ['key-required', '此数据包已加密给区局密钥，请提供区局私钥'],
  'wrong-passphrase': ['wrong-passphrase', '口令不正确，无法解密此数据包'],
  'wrong-key': ['wrong-key', '所提供的私钥无法解密此数据包（数据包不是加密给这把密钥的）'],
  'bad-key': ['bad-key', '私钥格式不正确（应以 AGE-SECRET-KEY-1 开头）'],
  damaged: ['damaged', `${damagedMessage}（解密校验失败）`],
};

const sealRefusals: Record<SealFailure, [PackageRefusalReason, string]> = {
  'bad-passphrase': ['bad-key', '加密口令不能为空'],
  'bad-key': ['bad-key', '区局公钥格式不正确（应以 age1 开头）'],
};

function invalidContents(message: string, details: PackageRefusalDetails = {}, cause?: unknown): PackageRefusedError {
  return new PackageRefusedError('invalid-contents', `无法生成数据包：${message}`, details, cause);
}

// ─── entry names ───────────────────────────────────────────────────────────────────────────────

const manifestName = 'manifest.json';
const checksumName = 'checksum.txt';
const referenceName = 'reference.json';
/** A table key as it appears in `tables/<table>.json`. */
const tableKeyPattern = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
/** An attachment id as it appears in `attachments/<id>`: dots allowed, never two in a row. */
const attachmentIdPattern = /^(?=.{1,128}$)[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/;

type EntryRole =
  | { role: 'manifest' }
  | { role: 'checksum' }
  | { role: 'reference' }
  | { role: 'table'; table: string }
  | { role: 'attachment'; id: string };

/** What an entry is by its name, or null for a name the format has no place for. */
function entryRole(name: string): EntryRole | null {
  if (name === manifestName) return { role: 'manifest' };
  if (name === checksumName) return { role: 'checksum' };
  if (name === referenceName) return { role: 'reference' };
  const table = /^tables\/(.+)\.json$/.exec(name)?.[1];
  if (table !== undefined && tableKeyPattern.test(table)) return { role: 'table', table };
  const id = /^attachments\/(.+)$/.exec(name)?.[1];
  if (id !== undefined && attachmentIdPattern.test(id)) return { role: 'attachment', id };
  return null;
}

/**
 * A name that could escape the folder it is extracted to, or mean different files on different
 * systems: `..`, an absolute or drive path, a backslash, an empty segment, a control character.
 * Checked before anything else about a name, so such a file is named as hostile, not as unknown.
 */
function isUnsafeEntryName(name: string): boolean {
  if (name === '' || name.includes('..') || name.includes('\\') || name.includes('//')) return true;
  if (name.startsWith('/') || name.endsWith('/') || /^[A-Za-z]:/.test(name)) return true;
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

// ─── the zip reader ────────────────────────────────────────────────────────────────────────────
// The central directory and the bounded inflating are shared/zip/zipReader.ts (the roster workbook
// reader uses them too); here every declared entry is checked against the package's own rules and
// limits before anything is inflated, and the reader's faults become PackageRefusedErrors.

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

function packageError(error: unknown): unknown {
  if (!(error instanceof ZipReadError)) return error;
  switch (error.fault) {
    case 'not-a-zip':
      return notAPackage();
    case 'damaged':
      return damaged(error.detail);
    case 'corrupt-entry':
      return damaged(error.entry, { entry: error.entry }, error.cause);
    case 'entry-too-long':
      return damaged(`${error.entry} 解压后大于其声明的大小`, { entry: error.entry });
    case 'entry-too-short':
      return damaged(error.entry, { entry: error.entry });
  }
}

/**
 * The entries of a zip, every one checked (safe name, no duplicate, declared sizes within the
 * limits, headers agreeing, no two entries sharing bytes) before any is inflated.
 */
function readPackageDirectory(zip: Uint8Array, limits: PackageLimits): ZipEntry[] {
  const seen = new Set<string>();
  let totalBytes = 0;
  try {
    return readZipDirectory(zip, {
      entryCount(count) {
        if (count > limits.maxEntries) throw tooLarge(`的文件数（${count} 个）`, `${limits.maxEntries} 个`);
      },
      entry({ name, flags, compression, size }) {
        if (isUnsafeEntryName(name)) {
          throw new PackageRefusedError('unsafe-entry-name', `数据包含有不安全的文件名「${printable(name)}」，已拒绝导入`, {
            entry: printable(name),
          });
        }
        if (seen.has(name)) {
          throw new PackageRefusedError('duplicate-entry', `数据包中有重复的文件「${name}」，已拒绝导入`, { entry: name });
        }
        seen.add(name);
        // Bit 0 (and 6): zip's own legacy encryption, which packages never use.
        if ((flags & 0x0041) !== 0 || (compression !== 0 && compression !== 8)) throw damaged(`不支持的压缩方式：${name}`);
        if (size > limits.maxEntryBytes) throw tooLarge(`中的文件「${name}」解压后`, formatBytes(limits.maxEntryBytes), name);
        totalBytes += size;
        if (totalBytes > limits.maxTotalBytes) throw tooLarge('解压后的总大小', formatBytes(limits.maxTotalBytes), name);
      },
    });
  } catch (error) {
    throw packageError(error);
  }
}

function printable(name: string): string {
  let shown = '';
  for (const char of name) {
    const code = char.charCodeAt(0);
    shown += code < 0x20 || code === 0x7f ? '?' : char;
  }
  return shown.length > 80 ? `${shown.slice(0, 80)}…` : shown;
}

/** One entry's bytes, never more than its declared size (checked before this is called). */
function inflateEntry(zip: Uint8Array, entry: ZipEntry): Uint8Array {
  try {
    return inflateEntryBytes(zip, entry);
  } catch (error) {
    throw packageError(error);
  }
}

// ─── the checksum ──────────────────────────────────────────────────────────────────────────────

const utf8 = new TextEncoder();

/**
 * checksum.txt: SHA-256 of the text `sha256sum` prints for manifest.json, then every other entry
 * except checksum.txt in ascending (byte) order of name — one line `<hex>  <name>\n` each. A digest
 * of per-entry digests rather than of one concatenation, so no second copy of a large package is
 * needed in memory, and a person can recompute it with coreutils (docs/data-packages.md).
 */
async function packageChecksum(entries: ReadonlyMap<string, Uint8Array>): Promise<string> {
  const others = [...entries.keys()].filter((name) => name !== manifestName && name !== checksumName).sort(byByteOrder);
  const lines = await Promise.all(
    [manifestName, ...others].map(async (name) => `${await sha256Hex(entries.get(name)!)}  ${name}\n`),
  );
  return sha256Hex(utf8.encode(lines.join('')));
}

/** Entry names are ASCII (entryRole), where UTF-16 order is byte order. */
function byByteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ─── writing ───────────────────────────────────────────────────────────────────────────────────

/** The zip's entry dates; DOS time only spans 1980–2107 and fflate refuses beyond 2099. */
function zipEntryTime(createdAt: string): Date | undefined {
  const date = new Date(createdAt);
  const year = date.getFullYear();
  return year > 1980 && year < 2099 ? date : undefined;
}

function jsonBytes(value: unknown, what: string): Uint8Array {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (cause) {
    throw invalidContents(`${what}无法转换为 JSON`, {}, cause);
  }
  if (text === undefined) throw invalidContents(`${what}无法转换为 JSON`);
  return utf8.encode(text);
}

/**
 * The package file for `contents`: a zip, or that zip inside an age envelope when `encryption` is
 * given. Refuses (PackageRefusedError 'invalid-contents' or 'bad-key') what its reader would refuse,
 * so a laptop never writes a package the bureau cannot read.
 */
export async function writeDataPackage(contents: DataPackageContents, encryption?: PackageEncryption): Promise<Uint8Array> {
  const entries = new Map<string, Uint8Array>();
  const counts: Record<string, number> = {};
  for (const [table, rows] of Object.entries(contents.tables)) {
    if (!tableKeyPattern.test(table)) throw invalidContents(`数据表名「${table}」不合规`, { table });
    if (!Array.isArray(rows)) throw invalidContents(`数据表「${table}」不是记录列表`, { table });
    counts[table] = rows.length;
    entries.set(`tables/${table}.json`, jsonBytes(rows, `${packageTableLabel(table)}数据`));
  }
  let attachmentBytes = 0;
  for (const { id, bytes } of contents.attachments) {
    if (typeof id !== 'string' || !attachmentIdPattern.test(id)) throw invalidContents(`附件编号「${String(id)}」不合规`);
    if (!(bytes instanceof Uint8Array)) throw invalidContents(`附件「${id}」的内容不是字节数组`);
    const name = `attachments/${id}`;
    if (entries.has(name)) throw invalidContents(`附件「${id}」重复`);
    entries.set(name, bytes);
    attachmentBytes += bytes.length;
  }
  if (contents.reference !== undefined) entries.set(referenceName, jsonBytes(contents.reference, '基础数据'));

  const parsedManifest = dataPackageManifestSchema.safeParse(
    { ...contents.manifest, format: dataPackageFormat, formatVersion: dataPackageFormatVersion, counts, attachmentBytes },
    { error: zhCN.localeError },
  );
  if (!parsedManifest.success) {
    const issue = parsedManifest.error.issues[0];
    const field = issue ? fieldPath(issue.path) : '';
    throw invalidContents(`清单字段「${field}」${issue?.message ?? '无效'}`, { field }, parsedManifest.error);
  }
  // Pretty-printed: the one entry a person opening the zip is likely to read.
  const manifestBytes = utf8.encode(`${JSON.stringify(parsedManifest.data, null, 2)}\n`);
  entries.set(manifestName, manifestBytes);

  const limits = defaultPackageLimits;
  if (entries.size + 1 > limits.maxEntries) throw invalidContents(`文件数超过 ${limits.maxEntries} 个`);
  let total = 0;
  for (const [name, bytes] of entries) {
    if (bytes.length > limits.maxEntryBytes) throw invalidContents(`「${name}」超过 ${formatBytes(limits.maxEntryBytes)}`, { entry: name });
    total += bytes.length;
  }
  if (total > limits.maxTotalBytes) throw invalidContents(`总大小超过 ${formatBytes(limits.maxTotalBytes)}`);

  const checksum = await packageChecksum(entries);
  const mtime = zipEntryTime(parsedManifest.data.createdAt);
  // Manifest first, so it is the first thing a person sees; attachments (photos, PDFs) are stored,
  // as deflating already-compressed files costs time and saves nothing.
  const zippable: Zippable = {
    [manifestName]: [manifestBytes, { level: 6 }],
    [checksumName]: [utf8.encode(`${checksum}\n`), { level: 0 }],
  };
  for (const [name, bytes] of entries) {
    if (name === manifestName) continue;
    zippable[name] = [bytes, { level: name.startsWith('attachments/') ? 0 : 6 }];
  }
  let zip: Uint8Array;
  try {
    zip = zipSync(zippable, mtime === undefined ? {} : { mtime });
  } catch (cause) {
    throw invalidContents('压缩失败', {}, cause);
  }
  if (encryption === undefined) return zip;
  const sealed = await sealPackage(zip, encryption);
  if (!sealed.ok) {
    const [reason, message] = sealRefusals[sealed.failure];
    throw new PackageRefusedError(reason, message, {}, sealed.cause);
  }
  return sealed.value;
}

// ─── reading ───────────────────────────────────────────────────────────────────────────────────

function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((segment) => String(segment)).join('.');
}

/** The records of each table the package holds, typed by the schema the caller gave for it. */
export type PackageTables<S extends Record<string, z.ZodType>> = { [K in keyof S]?: z.output<S[K]>[] };

export interface ReadPackage<S extends Record<string, z.ZodType> = Record<string, z.ZodType>, R = unknown> {
  manifest: DataPackageManifest;
  /** Only the tables the package holds; each record parsed (defaults applied) by its schema. */
  tables: PackageTables<S>;
  /** Attachment id → bytes. */
  attachments: Map<string, Uint8Array>;
  /** reference.json parsed by `referenceSchema`, or as plain JSON when none was given. */
  reference: R | undefined;
  /** How the file was protected: a caller may insist on encryption for some kinds. */
  encryption: PackageEncryptionKind;
}

export interface ReadDataPackageOptions<R> {
  referenceSchema?: z.ZodType<R>;
  /** Tighter limits than the defaults (tests, or a caller that knows its files are small). */
  limits?: Partial<PackageLimits>;
}

/**
 * Whether the file is an age-encrypted package (its first line is age's), so the UI can ask for
 * the passphrase or key before reading. Synchronous: it only looks at the first bytes.
 */
export function isEncryptedPackage(bytes: Uint8Array): boolean {
  return ageEncryptionKind(bytes) !== 'none';
}

/** Which secret an encrypted package asks for: 'passphrase', 'recipient' (the bureau's key) or 'none'. */
export function packageEncryptionKind(bytes: Uint8Array): PackageEncryptionKind {
  return ageEncryptionKind(bytes);
}

/**
 * Reads a package file. Every table in it must have a schema in `recordSchemas` (a table this
 * version does not know is refused, not skipped, so nothing is silently lost). Throws only
 * PackageRefusedError. Reading is all or nothing: no partial result comes back.
 */
export async function readDataPackage<S extends Record<string, z.ZodType>, R = unknown>(
  bytes: Uint8Array,
  decryption: PackageDecryption,
  recordSchemas: S,
  options: ReadDataPackageOptions<R> = {},
): Promise<ReadPackage<S, R>> {
  try {
    return await readVerified(bytes, decryption ?? {}, recordSchemas, options);
  } catch (error) {
    if (error instanceof PackageRefusedError) throw error;
    // Whatever a hostile file provokes that the checks above did not foresee is still a refusal.
    throw damaged(undefined, {}, error);
  }
}

async function readVerified<S extends Record<string, z.ZodType>, R>(
  bytes: Uint8Array,
  decryption: PackageDecryption,
  recordSchemas: S,
  options: ReadDataPackageOptions<R>,
): Promise<ReadPackage<S, R>> {
  if (!(bytes instanceof Uint8Array)) throw notAPackage();
  const limits: PackageLimits = { ...defaultPackageLimits, ...options.limits };
  const encryption = ageEncryptionKind(bytes);
  let zip = bytes;
  if (encryption !== 'none') {
    const opened = await openPackage(bytes, decryption);
    if (!opened.ok) {
      const [reason, message] = openRefusals[opened.failure];
      throw new PackageRefusedError(reason, message, {}, opened.cause);
    }
    zip = opened.value;
  }

  const directory = readPackageDirectory(zip, limits);
  const byName = new Map(directory.map((entry) => [entry.name, entry]));
  const manifestEntry = byName.get(manifestName);
  // Any other zip (a spreadsheet, a photo archive) is "not a package" rather than "unexpected entry".
  if (manifestEntry === undefined) throw notAPackage();
  for (const entry of directory) {
    if (entryRole(entry.name) === null) {
      throw new PackageRefusedError('unexpected-entry', `数据包含有不应有的文件「${entry.name}」，已拒绝导入`, {
        entry: entry.name,
      });
    }
  }
  const manifestBytes = inflateEntry(zip, manifestEntry);
  const manifest = parseManifest(manifestBytes);

  // A table this version cannot check is refused before the work of inflating everything.
  for (const entry of directory) {
    const role = entryRole(entry.name);
    if (role?.role === 'table' && !Object.hasOwn(recordSchemas, role.table)) {
      throw new PackageRefusedError(
        'unknown-table',
        `数据包含有本软件不认识的数据「${role.table}」（可能由更新版本的走访台账生成），请先升级本软件`,
        { table: role.table, entry: entry.name },
      );
    }
  }

  const checksumEntry = byName.get(checksumName);
  if (checksumEntry === undefined) throw damaged('缺少校验文件');
  const contents = new Map<string, Uint8Array>([[manifestName, manifestBytes]]);
  for (const entry of directory) if (entry !== manifestEntry) contents.set(entry.name, inflateEntry(zip, entry));
  const recorded = new TextDecoder().decode(contents.get(checksumName)!).replace(/\n$/, '');
  if (!/^[0-9a-f]{64}$/.test(recorded)) throw damaged('校验文件格式不对');
  if (recorded !== (await packageChecksum(contents))) {
    throw new PackageRefusedError('tampered', '数据包校验失败：内容被改动过');
  }

  const tables: Record<string, unknown[]> = {};
  const attachments = new Map<string, Uint8Array>();
  let reference: unknown;
  let attachmentBytes = 0;
  for (const [name, entryBytes] of contents) {
    const role = entryRole(name)!;
    if (role.role === 'table') {
      tables[role.table] = parseTable(role.table, entryBytes, recordSchemas[role.table]!);
    } else if (role.role === 'attachment') {
      attachments.set(role.id, entryBytes);
      attachmentBytes += entryBytes.length;
    } else if (role.role === 'reference') {
      reference = parseReference(entryBytes, options.referenceSchema);
    }
  }

  // The checksum proves the entries are what the writer wrote; these prove the writer's manifest
  // describes them (a package assembled by hand or by a broken writer).
  const tableKeys = Object.keys(tables).sort(byByteOrder);
  const countedKeys = Object.keys(manifest.counts).sort(byByteOrder);
  if (tableKeys.join('\n') !== countedKeys.join('\n') || tableKeys.some((table) => manifest.counts[table] !== tables[table]!.length)) {
    throw new PackageRefusedError('inconsistent', '数据包内容与其清单中的记录数不一致，已拒绝导入');
  }
  if (attachmentBytes !== manifest.attachmentBytes) {
    throw new PackageRefusedError('inconsistent', '数据包中的附件与其清单不一致，已拒绝导入');
  }

  return {
    manifest,
    tables: tables as PackageTables<S>,
    attachments,
    reference: reference as R | undefined,
    encryption,
  };
}

function parseJson(bytes: Uint8Array, entry: string): unknown {
  try {
    return JSON.parse(utf8Strict.decode(bytes));
  } catch (cause) {
    throw damaged(`${entry} 不是有效的 JSON`, { entry }, cause);
  }
}

/** The format and version first, on their own: a newer version may have changed everything else. */
function parseManifest(bytes: Uint8Array): DataPackageManifest {
  const raw = parseJson(bytes, manifestName);
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== dataPackageFormat) {
    throw notAPackage();
  }
  const version = (raw as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > dataPackageFormatVersion) {
    throw new PackageRefusedError(
      'newer-format',
      `此数据包由更新版本的走访台账生成（格式版本 ${version}），请先升级本软件`,
      { formatVersion: version },
    );
  }
  const parsed = dataPackageManifestSchema.safeParse(raw, { error: zhCN.localeError });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue ? fieldPath(issue.path) : '';
    throw new PackageRefusedError(
      'invalid-manifest',
      `数据包清单无效：${field ? `字段「${field}」` : ''}${issue?.message ?? ''}`,
      { entry: manifestName, field },
      parsed.error,
    );
  }
  return parsed.data;
}

function parseTable(table: string, bytes: Uint8Array, schema: z.ZodType): unknown[] {
  const entry = `tables/${table}.json`;
  const rows = parseJson(bytes, entry);
  if (!Array.isArray(rows)) throw damaged(`${entry} 不是记录列表`, { entry, table });
  const label = packageTableLabel(table);
  return rows.map((row, index) => {
    const parsed = schema.safeParse(row, { error: zhCN.localeError });
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const field = issue ? fieldPath(issue.path) : '';
    const where = field ? `的字段「${field}」` : '';
    throw new PackageRefusedError(
      'invalid-record',
      `数据包中${label}第 ${index + 1} 行${where}有误：${issue?.message ?? '数据无效'}`,
      { entry, table, row: index + 1, field },
      parsed.error,
    );
  });
}

function parseReference<R>(bytes: Uint8Array, schema: z.ZodType<R> | undefined): unknown {
  const raw = parseJson(bytes, referenceName);
  if (schema === undefined) return raw;
  const parsed = schema.safeParse(raw, { error: zhCN.localeError });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue ? fieldPath(issue.path) : '';
  throw new PackageRefusedError(
    'invalid-reference',
    `数据包中的基础数据有误：${field ? `「${field}」` : ''}${issue?.message ?? '数据无效'}`,
    { entry: referenceName, field },
    parsed.error,
  );
}
