// Creates, edits, tombstones and restores records: the ONLY code that sets the fields every record
// carries (recordMeta in shared/domain/records.ts). The renderer's one write path
// (renderer/src/db/ledgerWrites.ts) calls it for every table, so an edit can never keep a stale
// `updatedAt`, `deviceId` or version. Pure: the actor and the instant are given.
import { actorName, type Actor } from '../domain/actor';
import type { RecordMeta } from '../domain/records';
import { newId } from '../ids';
import { bumpVersion } from './versionVector';

/** What a stamp needs of the acting officer. */
export type Stamper = Pick<Actor, 'officerName' | 'deviceId'>;

/** The stamp fields, as a record's own fields are everything else. */
export type MetaFields = keyof RecordMeta;
export type RecordFields<T extends RecordMeta> = Omit<T, MetaFields>;

/** A new record: a fresh id (unless the caller reserved one), revision 1, one edit by this device. */
export function createdRecord<T extends RecordMeta>(
  fields: RecordFields<T> & { id?: string },
  who: Stamper,
  now: Date,
): T {
  const at = now.toISOString();
  const { id, ...rest } = fields;
  return {
    ...rest,
    id: id ?? newId(),
    createdAt: at,
    updatedAt: at,
    updatedBy: actorName(who),
    deviceId: who.deviceId,
    rev: 1,
    versionVector: bumpVersion(undefined, who.deviceId),
  } as unknown as T;
}

/**
 * The next revision of `previous` with the fields of `next`: identity and creation stay those of the
 * stored record whatever `next` claims, and the version grows by one edit of this device. `next` is
 * authoritative for everything else, the tombstone included.
 */
export function editedRecord<T extends RecordMeta>(previous: T, next: T, who: Stamper, now: Date): T {
  return {
    ...next,
    id: previous.id,
    createdAt: previous.createdAt,
    updatedAt: revisionInstant(previous.updatedAt, now).toISOString(),
    updatedBy: actorName(who),
    deviceId: who.deviceId,
    rev: previous.rev + 1,
    versionVector: bumpVersion(previous.versionVector, who.deviceId),
  };
}

/**
 * The instant a new revision of a record last stamped at `previousUpdatedAt` carries: now, or one
 * millisecond after the previous stamp when this laptop's clock is behind it. A revision thus always
 * ranks above every version it has seen, which keeps the merge a join whatever the clocks (a slow
 * clock would otherwise let an edit rank below the version it overwrote, and which survives would
 * depend on the order packages arrive in: test/shared/sync/mergeProperties.test.ts).
 */
export function revisionInstant(previousUpdatedAt: string, now: Date): Date {
  const previous = Date.parse(previousUpdatedAt);
  return Number.isNaN(previous) || now.getTime() > previous ? now : new Date(previous + 1);
}

/** A tombstone: the record stays, marked deleted, so a merge carries the deletion to other laptops. */
export function tombstonedRecord<T extends RecordMeta>(previous: T, who: Stamper, now: Date): T {
  return editedRecord(previous, { ...previous, deletedAt: now.toISOString() }, who, now);
}

/** The record brought back (回收站 → 恢复): a new revision without the tombstone, so a merge carries it. */
export function restoredRecord<T extends RecordMeta>(previous: T, who: Stamper, now: Date): T {
  const { deletedAt: _deletedAt, ...rest } = previous;
  return editedRecord(previous, rest as T, who, now);
}

export const isLive = (record: { deletedAt?: string }): boolean => record.deletedAt === undefined;
