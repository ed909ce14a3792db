// Data packages between laptops and the bureau, and backups: what a package holds is read from the
// change sequence (everything written since the last package sent to that destination), what an
// incoming one would do is previewed by the same pure merge that applies it (shared/sync/
// mergeRecords.ts), and the merge is ONE transaction through the write path. A backup is a package
// of kind `backup` holding everything, and a restore replaces every record in one transaction.
import type { Attachment, Enterprise, RecordMeta, Visit } from '../../../../shared/domain/records';
import { isDemoRecord } from '../../../../shared/demo/demoData';
import { newId } from '../../../../shared/ids';
import {
  readDataPackage,
  writeDataPackage,
  type DataPackageKind,
  type DataPackageManifest,
  type ReadPackage,
} from '../../../../shared/sync/dataPackage';
import type { PackageDecryption, PackageEncryption } from '../../../../shared/sync/packageCrypto';
import { isConflictOpen, mergeBatch, type Conflict, type MergeCounts } from '../../../../shared/sync/mergeRecords';
import { markResolved, resolveConflict, type ConflictChoice } from '../../../../shared/sync/conflictResolution';
import type { Stamper } from '../../../../shared/sync/recordStamp';
import {
  referenceChanges,
  referenceDataOf,
  referenceDataSchema,
  settingsWithReference,
  type ReferenceChange,
  type ReferenceData,
} from '../../../../shared/sync/referenceData';
import {
  changeSeqKey,
  syncedRecordSchemas,
  syncedTableLabels,
  syncedTableNames,
  type SyncedTableName,
} from '../../../../shared/sync/syncedTables';
import { ledgerDb } from '../../db/db';
import { enterprisesAffectedBy, refreshDerivedAfterMerge, refreshEnterpriseDerived } from '../../db/derivedFieldRefresh';
import { writeTransaction } from '../../db/ledgerWrites';
import type { LedgerDatabase } from '../../db/schema';
import { readOrCreateSettings } from '../../db/settingsStore';

export type LedgerPackage = ReadPackage<typeof syncedRecordSchemas, ReferenceData>;

const sentKey = (destination: string) => `sent:${destination}`;

/** The highest change number written on this laptop so far. */
async function lastChangeSeq(db: LedgerDatabase): Promise<number> {
  const row = await db.syncState.get(changeSeqKey);
  return typeof row?.value === 'number' ? row.value : 0;
}

/** The change number up to which a package went to `destination` (0: never). */
export async function lastSentSeq(destination: string, db: LedgerDatabase = ledgerDb()): Promise<number> {
  const row = await db.syncState.get(sentKey(destination));
  return typeof row?.value === 'number' ? row.value : 0;
}

export interface BuiltPackage {
  bytes: Uint8Array;
  manifest: { kind: DataPackageKind; counts: Record<string, number>; range: { fromSeq: number; toSeq: number } };
  fileName: string;
  /** Remembers that the package reached `destination`: the next one starts after it. */
  markSent(): Promise<void>;
}

/** A package record: as stored, without this laptop's change number and (attachments) the Blob. */
function packaged(record: RecordMeta & { blob?: Blob }): Record<string, unknown> {
  const { changeSeq: _changeSeq, blob: _blob, ...rest } = record;
  return rest;
}

function stampForFile(now: Date): string {
  const shanghai = new Date(now.getTime() + 8 * 3600_000).toISOString();
  return `${shanghai.slice(0, 10).replace(/-/g, '')}-${shanghai.slice(11, 19).replace(/:/g, '')}`;
}

interface PackageRequest {
  kind: DataPackageKind;
  /** Records written after this change number (0: all). */
  fromSeq: number;
  destination?: string;
  encryption?: PackageEncryption;
  /** Demo records stay on the laptop that generated them, except in its own backup. */
  includeDemo: boolean;
  /** Only these tables (default: all). */
  tables?: readonly SyncedTableName[];
  reference?: ReferenceData;
  now: Date;
}

/** The records written after `fromSeq` (as a package carries them), the attachments' Blobs, and the change number read up to. */
export async function readChanges(
  db: LedgerDatabase,
  fromSeq: number,
  options: { includeDemo: boolean; tables?: readonly SyncedTableName[] },
): Promise<{ tables: Record<string, Record<string, unknown>[]>; blobs: { id: string; blob: Blob }[]; toSeq: number }> {
  const tables: Record<string, Record<string, unknown>[]> = {};
  const blobs: { id: string; blob: Blob }[] = [];
  let toSeq = 0;
  await db.transaction('r', [...syncedTableNames, 'syncState'], async () => {
    toSeq = await lastChangeSeq(db);
    for (const table of options.tables ?? syncedTableNames) {
      const rows = (await db
        .table(table)
        .where('changeSeq')
        .between(fromSeq, toSeq, false, true)
        .toArray()) as (RecordMeta & { blob?: Blob })[];
      const kept = options.includeDemo ? rows : rows.filter((r) => !isDemoRecord(r));
      if (kept.length === 0) continue;
      tables[table] = kept.map(packaged);
      if (table === 'attachments') for (const a of kept as Attachment[]) if (a.blob) blobs.push({ id: a.id, blob: a.blob });
    }
  });
  return { tables, blobs, toSeq };
}

async function buildPackage(db: LedgerDatabase, request: PackageRequest): Promise<BuiltPackage> {
  const settings = await readOrCreateSettings(db);
  const { tables, blobs, toSeq } = await readChanges(db, request.fromSeq, { includeDemo: request.includeDemo, tables: request.tables });
  // The bytes are read after the transaction: awaiting Blob.arrayBuffer() inside it lets IndexedDB
  // commit the transaction meanwhile, and the next table's read then fails ("committed too early").
  const attachments: { id: string; bytes: Uint8Array }[] = [];
  for (const { id, blob } of blobs) attachments.push({ id, bytes: new Uint8Array(await blob.arrayBuffer()) });
  const range = { fromSeq: request.fromSeq, toSeq };
  const bytes = await writeDataPackage(
    {
      manifest: {
        kind: request.kind,
        packageId: newId(),
        createdAt: request.now.toISOString(),
        device: { deviceId: settings.deviceId },
        officer: { name: settings.officerName, unit: settings.officerUnit },
        ...(request.destination ? { destination: request.destination } : {}),
        range,
      },
      tables,
      attachments,
      ...(request.reference ? { reference: request.reference } : {}),
    },
    request.encryption,
  );
  const counts = Object.fromEntries(Object.entries(tables).map(([t, rows]) => [t, rows.length]));
  const who = settings.officerName.trim() || '未署名';
  const label = request.kind === 'backup' ? '走访台账备份' : request.kind === 'reference' ? '走访台账基础数据包' : '走访台账数据包';
  return {
    bytes,
    manifest: { kind: request.kind, counts, range },
    fileName: `${label}-${who}-${stampForFile(request.now)}.vlpkg`,
    markSent: async () => {
      if (!request.destination) return;
      await db.syncState.put({ key: sentKey(request.destination), value: toSeq });
    },
  };
}

/**
 * The officer's package for `destination`: everything written since the last package marked sent
 * there (or everything), attachments included.
 */
export async function buildChangesPackage(
  options: { destination: string; everything?: boolean; encryption?: PackageEncryption; now?: Date },
  db: LedgerDatabase = ledgerDb(),
): Promise<BuiltPackage> {
  const fromSeq = options.everything ? 0 : await lastSentSeq(options.destination, db);
  return buildPackage(db, {
    kind: options.everything ? 'full' : 'changes',
    fromSeq,
    destination: options.destination,
    encryption: options.encryption,
    includeDemo: false,
    now: options.now ?? new Date(),
  });
}

/**
 * The bureau's reference package: its lists and confirmed years and — when asked — every enterprise
 * with its assignment to an officer (the enterprise records themselves, merged like any other).
 */
export async function buildReferencePackage(
  options: { withEnterprises: boolean; encryption?: PackageEncryption; now?: Date },
  db: LedgerDatabase = ledgerDb(),
): Promise<BuiltPackage> {
  const settings = await readOrCreateSettings(db);
  return buildPackage(db, {
    kind: 'reference',
    fromSeq: 0,
    tables: options.withEnterprises ? ['enterprises'] : [],
    encryption: options.encryption,
    includeDemo: false,
    reference: referenceDataOf(settings),
    now: options.now ?? new Date(),
  });
}

/** A whole-laptop backup: every record (demo ones too), attachments, the officer and the reference lists. */
export async function buildBackup(db: LedgerDatabase = ledgerDb(), now = new Date()): Promise<BuiltPackage> {
  const settings = await readOrCreateSettings(db);
  return buildPackage(db, {
    kind: 'backup',
    fromSeq: 0,
    includeDemo: true,
    reference: {
      ...referenceDataOf(settings),
      officer: { name: settings.officerName, unit: settings.officerUnit, department: settings.officerDepartment },
    },
    now,
  });
}

/** Reads a package file (throws only PackageRefusedError, with a Chinese message). */
export function readLedgerPackage(bytes: Uint8Array, decryption: PackageDecryption = {}): Promise<LedgerPackage> {
  return readDataPackage(bytes, decryption, syncedRecordSchemas, { referenceSchema: referenceDataSchema });
}

export interface TableMergePreview {
  table: SyncedTableName;
  label: string;
  counts: MergeCounts;
}

export interface MergePreview {
  manifest: DataPackageManifest;
  tables: TableMergePreview[];
  reference: ReferenceChange[];
  /** A package this laptop wrote itself: merging it changes nothing, and the preview says so. */
  fromThisLaptop: boolean;
}

/** What a merge takes: records by table, attachments' bytes by id, the bureau's reference data. */
export type MergeInput = Pick<LedgerPackage, 'tables' | 'attachments' | 'reference'>;

function incomingRecords(pkg: MergeInput, table: SyncedTableName): RecordMeta[] {
  const rows = (pkg.tables[table] ?? []) as RecordMeta[];
  if (table !== 'attachments') return rows;
  // The Blob is rebuilt from the package's bytes; an attachment record without bytes keeps an empty one.
  return rows.map((row) => {
    const meta = row as Attachment;
    const bytes = pkg.attachments.get(row.id);
    return { ...meta, blob: new Blob(bytes ? [bytes.slice().buffer] : [], { type: meta.mimeType }) };
  });
}

async function mergeTables(db: LedgerDatabase, pkg: MergeInput, now: Date) {
  const results: {
    table: SyncedTableName;
    /** The stored copies before the merge (the derived-field refresh compares with them). */
    localById: Map<string, RecordMeta>;
    writes: RecordMeta[];
    conflicts: Conflict[];
    counts: MergeCounts;
  }[] = [];
  for (const table of syncedTableNames) {
    const incoming = incomingRecords(pkg, table);
    if (incoming.length === 0) continue;
    const stored = (await db.table(table).bulkGet(incoming.map((r) => r.id))) as (RecordMeta | undefined)[];
    const localById = new Map<string, RecordMeta>();
    for (const row of stored) if (row) localById.set(row.id, row);
    results.push({ table, localById, ...mergeBatch(table, incoming, localById, now) });
  }
  return results;
}

/** What merging the package would do, per table, before anything is written. */
export async function previewMerge(pkg: LedgerPackage, db: LedgerDatabase = ledgerDb(), now = new Date()): Promise<MergePreview> {
  const settings = await readOrCreateSettings(db);
  const merged = await db.transaction('r', [...syncedTableNames], () => mergeTables(db, pkg, now));
  return {
    manifest: pkg.manifest,
    tables: merged.map(({ table, counts }) => ({ table, label: syncedTableLabels[table], counts })),
    reference: pkg.reference ? referenceChanges(settings, pkg.reference) : [],
    fromThisLaptop: pkg.manifest.device.deviceId === settings.deviceId,
  };
}

export interface MergeResult {
  tables: TableMergePreview[];
  conflicts: number;
  referenceTaken: boolean;
}

/**
 * Merges the package in ONE transaction: each table's records as the merge decides them (their
 * versions kept, a local change number given, so they travel onward), the losing versions of
 * concurrent edits into `conflicts` (one already there stays as it is: merging twice changes
 * nothing), derived caches recomputed, and — when asked — the bureau's reference data taken.
 */
export async function applyMerge(
  pkg: MergeInput,
  options: {
    takeReference: boolean;
    now?: Date;
    /**
     * A syncState key holding the change number up to which this laptop's changes were sent (同步's
     * push mark). When nothing was written here since that mark, it moves past the records this merge
     * writes, so they are not sent back where they came from; a local change in between keeps it.
     */
    echoMark?: string;
  },
  db: LedgerDatabase = ledgerDb(),
): Promise<MergeResult> {
  const now = options.now ?? new Date();
  return writeTransaction(
    [...syncedTableNames, 'conflicts', 'settings'],
    async (w) => {
      const markBefore = options.echoMark ? (await db.syncState.get(options.echoMark))?.value : undefined;
      const echoesOnly = options.echoMark !== undefined && markBefore === (await lastChangeSeq(db));
      const merged = await mergeTables(db, pkg, now);
      let conflicts = 0;
      const written: Partial<Record<SyncedTableName, RecordMeta[]>> = {};
      for (const { table, writes, conflicts: found, localById } of merged) {
        written[table] = await w.putVersioned(table, writes, localById);
        if (found.length === 0) continue;
        const known = new Set((await db.conflicts.bulkGet(found.map((c) => c.id))).filter(Boolean).map((c) => c!.id));
        const fresh = found.filter((c) => !known.has(c.id));
        await db.conflicts.bulkPut(fresh);
        conflicts += fresh.length;
      }
      const visitsBefore = (merged.find((m) => m.table === 'visits')?.localById ?? new Map()) as Map<string, Visit>;
      await refreshDerivedAfterMerge(w, written as { enterprises?: Enterprise[]; visits?: Visit[] }, visitsBefore);
      if (echoesOnly) await db.syncState.put({ key: options.echoMark!, value: await lastChangeSeq(db) });
      let referenceTaken = false;
      if (options.takeReference && pkg.reference) {
        const settings = await readOrCreateSettings(db);
        const { officer: _officer, ...lists } = pkg.reference; // a package never renames this laptop's officer
        await db.settings.put({ key: 'app', value: settingsWithReference(settings, lists) });
        referenceTaken = true;
      }
      return {
        tables: merged.map(({ table, counts }) => ({ table, label: syncedTableLabels[table], counts })),
        conflicts,
        referenceTaken,
      };
    },
    { now },
    db,
  );
}

export interface BackupSummary {
  createdAt: string;
  officer: string;
  deviceId: string;
  counts: { table: SyncedTableName; label: string; count: number }[];
}

export function backupSummary(pkg: LedgerPackage): BackupSummary {
  return {
    createdAt: pkg.manifest.createdAt,
    officer: pkg.manifest.officer.name,
    deviceId: pkg.manifest.device.deviceId,
    counts: syncedTableNames
      .filter((t) => (pkg.tables[t]?.length ?? 0) > 0)
      .map((table) => ({ table, label: syncedTableLabels[table], count: pkg.tables[table]!.length })),
  };
}

/**
 * Replaces every record of this laptop with the backup's, in ONE transaction. The laptop takes a NEW
 * device id: the laptop the backup came from may still be writing under the old one, and two
 * laptops must never stamp versions under the same id. Drafts stay; conflicts and package marks go.
 */
export async function restoreBackup(pkg: LedgerPackage, db: LedgerDatabase = ledgerDb()): Promise<{ restored: number; deviceId: string }> {
  return db.transaction('rw', [...syncedTableNames, 'conflicts', 'syncState', 'settings', 'tallies'], async () => {
    const current = await readOrCreateSettings(db);
    const deviceId = newId();
    const next = settingsWithReference({ ...current, deviceId }, pkg.reference ?? {});
    await db.settings.put({ key: 'app', value: next });
    await db.conflicts.clear();
    await db.syncState.clear();
    let restored = 0;
    await writeTransaction(
      [...syncedTableNames],
      async (w) => {
        for (const table of syncedTableNames) restored += (await w.replaceAll(table, incomingRecords(pkg, table))).length;
      },
      {},
      db,
    );
    return { restored, deviceId };
  });
}

/** The open conflicts, newest first, each with the record as it is stored now. */
export async function openConflicts(db: LedgerDatabase = ledgerDb()): Promise<{ conflict: Conflict; current: RecordMeta | undefined }[]> {
  const rows = await db.conflicts.orderBy('detectedAt').reverse().toArray();
  const open: { conflict: Conflict; current: RecordMeta | undefined }[] = [];
  for (const conflict of rows) {
    const current = (await db.table(conflict.table).get(conflict.recordId)) as RecordMeta | undefined;
    if (isConflictOpen(conflict, current)) open.push({ conflict, current });
  }
  return open;
}

/**
 * Answers a conflict: a NEW revision built from the stored record with the fields the officer chose
 * from the other version (shared/sync/conflictResolution.ts); its version dominates both sides, so it
 * travels in the next package and closes the same conflict on every laptop it reaches.
 */
export async function resolveOpenConflict(
  conflictId: string,
  choice: ConflictChoice,
  options: { actor?: Stamper; now?: Date } = {},
  db: LedgerDatabase = ledgerDb(),
): Promise<RecordMeta> {
  return writeTransaction(
    [...syncedTableNames, 'conflicts'],
    async (w) => {
      const conflict = await db.conflicts.get(conflictId);
      if (!conflict) throw new Error('该冲突不存在');
      const current = (await db.table(conflict.table).get(conflict.recordId)) as RecordMeta | undefined;
      if (!current) throw new Error('冲突所属的记录已不存在');
      if (!isConflictOpen(conflict, current)) throw new Error('该冲突已处理（可能已在其他电脑上处理并合并到本机）');
      const resolved = resolveConflict(conflict, current, choice, w.actor, w.now);
      const [stored] = await w.putVersioned(conflict.table, [resolved]);
      await db.conflicts.put(markResolved(conflict, w.actor, w.now));
      if (conflict.table === 'enterprises' || conflict.table === 'visits') {
        await refreshEnterpriseDerived(w, enterprisesAffectedBy({ [conflict.table]: [stored] }));
      }
      return stored!;
    },
    options,
    db,
  );
}
