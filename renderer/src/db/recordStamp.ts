// Fills the common record fields (docs/design.md: id, createdAt, updatedAt, updatedBy, deviceId,
// deletedAt) so that every write path stamps records the same way.
import { actorName, type Actor } from '../../../shared/domain/actor';
import type { RecordMeta } from '../../../shared/domain/records';
import { newId } from '../../../shared/ids';

/** What a stamp needs of the actor. */
type Stamper = Pick<Actor, 'officerName' | 'deviceId'>;

export function newRecordMeta(who: Stamper, now: Date = new Date()): RecordMeta {
  const at = now.toISOString();
  return { id: newId(), createdAt: at, updatedAt: at, updatedBy: actorName(who), deviceId: who.deviceId };
}

export function touched<T extends RecordMeta>(record: T, who: Stamper, now: Date = new Date()): T {
  return { ...record, updatedAt: now.toISOString(), updatedBy: actorName(who), deviceId: who.deviceId };
}

/** A tombstone: the record stays, marked deleted, so a merge carries the deletion to other laptops. */
export function tombstoned<T extends RecordMeta>(record: T, who: Stamper, now: Date = new Date()): T {
  return { ...touched(record, who, now), deletedAt: now.toISOString() };
}

export const isLive = (record: { deletedAt?: string }): boolean => record.deletedAt === undefined;

/** The record brought back (回收站 → 恢复): no tombstone, stamped as this officer's edit so a merge carries it. */
export function untombstoned<T extends RecordMeta>(record: T, who: Stamper, now: Date = new Date()): T {
  const { deletedAt: _deletedAt, ...rest } = touched(record, who, now);
  return rest as T;
}
