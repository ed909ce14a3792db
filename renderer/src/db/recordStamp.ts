// Fills the common record fields (docs/design.md: id, createdAt, updatedAt, updatedBy, deviceId,
// deletedAt) so that every write path stamps records the same way.
import type { RecordMeta, Settings } from '../../../shared/domain/records';
import { newId } from '../../../shared/ids';

type Identity = Pick<Settings, 'officerName' | 'deviceId'>;

export function newRecordMeta(who: Identity, now: Date = new Date()): RecordMeta {
  const at = now.toISOString();
  return { id: newId(), createdAt: at, updatedAt: at, updatedBy: who.officerName || '未署名', deviceId: who.deviceId };
}

export function touched<T extends RecordMeta>(record: T, who: Identity, now: Date = new Date()): T {
  return { ...record, updatedAt: now.toISOString(), updatedBy: who.officerName || '未署名', deviceId: who.deviceId };
}

/** A tombstone: the record stays, marked deleted, so a merge carries the deletion to other laptops. */
export function tombstoned<T extends RecordMeta>(record: T, who: Identity, now: Date = new Date()): T {
  return { ...touched(record, who, now), deletedAt: now.toISOString() };
}

export const isLive = (record: { deletedAt?: string }): boolean => record.deletedAt === undefined;

/** The record brought back (回收站 → 恢复): no tombstone, stamped as this officer's edit so a merge carries it. */
export function untombstoned<T extends RecordMeta>(record: T, who: Identity, now: Date = new Date()): T {
  const { deletedAt: _deletedAt, ...rest } = touched(record, who, now);
  return rest as T;
}
