// Merging another laptop's records into this one's: per record, by id, the version vector decides
// (shared/sync/versionVector.ts). A copy whose vector dominates wins whatever the clocks say; two
// copies edited concurrently get a deterministic winner (later `updatedAt`, then the greater
// `deviceId`, then a stable serialisation), history arrays are joined as a union, and a loser whose
// officer's fields differ from the winner's is kept as a Conflict for 冲突处理 — never dropped.
//
// The merge of one record is a join: the result depends only on the set of edits both copies have
// seen, so merging is idempotent, commutative and associative, and every laptop that has seen the
// same edits holds the same record. That needs one thing of the stamp: a new revision is never
// stamped earlier than the version it replaces (`revisionInstant`). Otherwise a slow clock lets an
// edit rank below a version it has already overwritten, and which of the two survives would depend
// on the order packages arrive in (test/shared/sync/mergeProperties.test.ts shows one such order).
//
// Pure: no DOM, no Node, no Dexie. The database layer reads the stored copies by id, calls
// mergeBatch, and writes what it returns (putMerged gives each write a local change number).
import { z } from 'zod';
import { instant, recordMeta, type RecordMeta } from '../domain/records';
import { derivedFields, sameValue, stampFields, userFieldsOf } from './recordFields';
import { revisionInstant } from './recordStamp';
import { syncedTableNames, type SyncedTableName } from './syncedTables';
import { compareVersions, joinVersions, versionKey, type VersionVector } from './versionVector';

/**
 * Fields that are caches computed on every laptop (shared/sync/recordFields.ts owns the list): never
 * a difference, never a conflict. The receiving side recomputes them after a merge.
 */
export { derivedFields };

/**
 * Arrays whose entries (each with an `id`) two laptops may append to concurrently: a merge of
 * concurrent versions keeps every entry of both, so neither side's history is lost. Entries are
 * append-only — a merge cannot tell a removed entry from one the other side never had. A table
 * with such an array adds it here.
 */
export const unionFields: Partial<Record<SyncedTableName, readonly string[]>> = {
  problems: ['history'],
  projects: ['history'],
};

export const mergeOutcomes = ['added', 'updated', 'deleted', 'unchanged', 'conflict'] as const;
/**
 * What a merge did to one record: `added` (no local copy), `updated` (the incoming copy won, or two
 * concurrent copies with the same officer's fields were joined), `deleted` (the incoming copy won
 * and tombstones a live local record), `unchanged` (nothing to write), `conflict` (concurrent copies
 * with different officer's fields: the winner is stored, the loser kept as a Conflict).
 */
export type MergeOutcome = (typeof mergeOutcomes)[number];
export type MergeCounts = Record<MergeOutcome, number>;

/**
 * A losing version kept for 冲突处理 (the local `conflicts` table; it never travels). `winner` is the
 * merged record as stored when the conflict was detected. The id is built from the loser's version,
 * so merging the same package again finds the same conflict instead of adding another.
 */
export const conflictSchema = z.object({
  id: z.string().min(1),
  table: z.enum(syncedTableNames),
  recordId: z.string().min(1),
  winner: recordMeta.loose(),
  loser: recordMeta.loose(),
  detectedAt: instant,
  resolvedAt: instant.optional(),
  resolvedBy: z.string().optional(),
});
export type ConflictRow = z.infer<typeof conflictSchema>;
export type Conflict<R extends RecordMeta = RecordMeta> = Omit<ConflictRow, 'winner' | 'loser'> & { winner: R; loser: R };

export function conflictId(table: SyncedTableName, recordId: string, loserVector: VersionVector): string {
  return `${table}:${recordId}:${versionKey(loserVector)}`;
}

/**
 * Whether the stored record has moved on past both sides of the conflict — resolved here, resolved
 * on another laptop and merged in, or edited since — so the conflict no longer needs an answer.
 */
export function isConflictSuperseded(conflict: Conflict, current: RecordMeta | undefined): boolean {
  if (!current) return false;
  const both = joinVersions(conflict.winner.versionVector, conflict.loser.versionVector);
  return compareVersions(current.versionVector, both) === 'after';
}

/** Whether 冲突处理 still has to show the conflict. */
export function isConflictOpen(conflict: Conflict, current: RecordMeta | undefined): boolean {
  return conflict.resolvedAt === undefined && !isConflictSuperseded(conflict, current);
}

/** Where a new revision's instant comes from (the merge relies on it): shared/sync/recordStamp.ts. */
export { revisionInstant };

/** One record's merge: what is stored afterwards and, for a conflict, the version that lost. */
export interface RecordMerge<R extends RecordMeta> {
  outcome: MergeOutcome;
  /** The record as stored after the merge (the local copy itself when `unchanged`). */
  record: R;
  /** Set exactly when `outcome` is `conflict`. */
  loser?: R;
}

/** Merges the copy of a record that came in a package into the local copy (absent when new here). */
export function mergeRecord<R extends RecordMeta>(table: SyncedTableName, local: R | undefined, incoming: R): RecordMerge<R> {
  const arriving = withoutChangeSeq(incoming);
  if (!local) return { outcome: 'added', record: arriving };
  const order = compareVersions(incoming.versionVector, local.versionVector);
  if (order === 'after') {
    return { outcome: isDeleted(arriving) && !isDeleted(local) ? 'deleted' : 'updated', record: arriving };
  }
  if (order === 'before') return { outcome: 'unchanged', record: local };
  if (order === 'same' && sameComparedFields(table, local, incoming) && sameUnionFields(table, local, incoming)) {
    return { outcome: 'unchanged', record: local };
  }
  // Concurrent — or the same vector with different contents, which a correct stamp never produces
  // (a damaged or hand-edited copy): joined like concurrent copies, so that both laptops end with
  // the same record instead of each keeping its own for ever.
  const incomingWins = outranks(incoming, local);
  const winner = incomingWins ? arriving : withoutChangeSeq(local);
  const loser = incomingWins ? withoutChangeSeq(local) : arriving;
  const record = joinedRecord(table, winner, loser);
  if (sameComparedFields(table, winner, loser)) return { outcome: 'updated', record };
  return { outcome: 'conflict', record, loser };
}

/** What merging one table's part of a package does: the records to store, new conflicts, counts. */
export interface BatchMerge<R extends RecordMeta> {
  /** Records to store, without `changeSeq` (the store numbers them); unchanged ones are left out. */
  writes: R[];
  conflicts: Conflict<R>[];
  counts: MergeCounts;
}

/**
 * Merges one table's incoming records into the stored ones. Pure, so the import preview (counts
 * before anything is written) and the merge itself run the same code. Reads `localById` only by id:
 * the cost grows with the package, not with the database. `now` stamps `detectedAt` of conflicts.
 */
export function mergeBatch<R extends RecordMeta>(
  table: SyncedTableName,
  incoming: readonly R[],
  localById: ReadonlyMap<string, R>,
  now: Date = new Date(),
): BatchMerge<R> {
  const detectedAt = now.toISOString();
  const counts: MergeCounts = { added: 0, updated: 0, deleted: 0, unchanged: 0, conflict: 0 };
  // A package holds each record once; should one repeat, its second copy merges onto the first's result.
  const written = new Map<string, R>();
  const conflicts = new Map<string, Conflict<R>>();
  for (const copy of incoming) {
    const merge = mergeRecord(table, written.get(copy.id) ?? localById.get(copy.id), copy);
    counts[merge.outcome] += 1;
    if (merge.outcome === 'unchanged') continue;
    written.set(copy.id, merge.record);
    if (merge.loser) {
      const id = conflictId(table, copy.id, merge.loser.versionVector);
      conflicts.set(id, { id, table, recordId: copy.id, winner: merge.record, loser: merge.loser, detectedAt });
    }
  }
  return { writes: [...written.values()], conflicts: [...conflicts.values()], counts };
}

/**
 * The officer's fields of a record as merges compare them: no stamps, no derived caches, no union
 * arrays (those are joined, never in conflict), and the tombstone as "deleted or not" — two laptops
 * deleting the same record at different moments agree.
 */
export function comparedFieldsOf(table: SyncedTableName, record: RecordMeta): Record<string, unknown> {
  const fields = userFieldsOf(table, record as RecordMeta & Record<string, unknown>);
  for (const field of unionFields[table] ?? []) delete fields[field];
  if (fields.deletedAt !== undefined) fields.deletedAt = true;
  return fields;
}

/** Whether `field` is one an officer edits (and 冲突处理 may take from either side). */
export function isComparedField(table: SyncedTableName, field: string): boolean {
  return (
    !(stampFields as readonly string[]).includes(field) &&
    !(derivedFields[table] ?? []).includes(field) &&
    !(unionFields[table] ?? []).includes(field) &&
    field !== 'blob'
  );
}

export function sameComparedFields(table: SyncedTableName, a: RecordMeta, b: RecordMeta): boolean {
  return sameValue(comparedFieldsOf(table, a), comparedFieldsOf(table, b));
}

/**
 * The union by entry id of two history arrays, ordered by `at`, then `date`, then id, so that the
 * same entries always come out in the same order. Undefined when neither side has the array.
 * Entries are written once; should two copies of one entry differ anyway, the greater serialisation
 * is kept, a choice that does not depend on the order of merging.
 */
export function unionById(a: unknown, b: unknown): unknown[] | undefined {
  if (!Array.isArray(a) && !Array.isArray(b)) return undefined;
  const byId = new Map<string, unknown>();
  for (const entry of [...(Array.isArray(a) ? a : []), ...(Array.isArray(b) ? b : [])]) {
    const id = entryId(entry);
    const kept = byId.get(id);
    if (kept === undefined || (!sameValue(kept, entry) && stableSerialization(entry) > stableSerialization(kept))) {
      byId.set(id, entry);
    }
  }
  return [...byId.values()].sort(
    (x, y) =>
      compareText(textField(x, 'at'), textField(y, 'at')) ||
      compareText(textField(x, 'date'), textField(y, 'date')) ||
      compareText(entryId(x), entryId(y)),
  );
}

/** JSON with object keys sorted and undefined properties left out: equal values serialise equally. */
export function stableSerialization(value: unknown): string {
  return JSON.stringify(canonical(value)) ?? 'null';
}

type Row = RecordMeta & Record<string, unknown>;

function joinedRecord<R extends RecordMeta>(table: SyncedTableName, winner: R, loser: R): R {
  const merged: Row = {
    ...(winner as Row),
    versionVector: joinVersions(winner.versionVector, loser.versionVector),
    rev: Math.max(winner.rev, loser.rev),
  };
  for (const field of unionFields[table] ?? []) {
    const union = unionById((winner as Row)[field], (loser as Row)[field]);
    if (union !== undefined) merged[field] = union;
  }
  return merged as unknown as R;
}

function sameUnionFields(table: SyncedTableName, a: RecordMeta, b: RecordMeta): boolean {
  return (unionFields[table] ?? []).every((field) => sameValue((a as Row)[field], (b as Row)[field]));
}

/**
 * Whether `a` beats `b` as the winner of concurrent copies: the later stamp, then the greater device
 * id, then the greater serialisation (without the local counter and an attachment's bytes) — a total
 * order, so every laptop picks the same winner whichever copy is its own.
 */
function outranks(a: RecordMeta, b: RecordMeta): boolean {
  const aTime = instantMs(a.updatedAt);
  const bTime = instantMs(b.updatedAt);
  if (aTime !== bTime) return aTime > bTime;
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt;
  if (a.deviceId !== b.deviceId) return a.deviceId > b.deviceId;
  return tieBreakKey(a) >= tieBreakKey(b);
}

function tieBreakKey(record: RecordMeta): string {
  const { changeSeq: _changeSeq, blob: _blob, ...rest } = record as Row;
  return stableSerialization(rest);
}

/** An unreadable stamp ranks below every readable one. */
function instantMs(text: string): number {
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

const isDeleted = (record: RecordMeta): boolean => record.deletedAt !== undefined;

/** The local write counter never leaves this laptop and never enters another's record. */
function withoutChangeSeq<R extends RecordMeta>(record: R): R {
  if (!('changeSeq' in record)) return record;
  const { changeSeq: _changeSeq, ...rest } = record;
  return rest as R;
}

function entryId(entry: unknown): string {
  const id = typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined;
  // An entry without an id (a damaged one) is keyed by its content, so it is at least never doubled.
  return typeof id === 'string' ? id : `~${stableSerialization(entry)}`;
}

function textField(entry: unknown, field: string): string {
  const value = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' ? value : '';
}

/** Code-unit order: the same on every laptop whatever its locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) sorted[key] = canonical(item);
  }
  return sorted;
}
