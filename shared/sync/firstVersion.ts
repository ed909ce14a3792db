// The schema-4 backfill of one stored record (renderer/src/db/schema.ts upgradeToV4): records written
// before versions existed get their first one. Pure, so it is tested on its own.
import type { SyncedTableName } from './syncedTables';

type StoredRow = Record<string, unknown>;

/**
 * Revision 1 and one edit by the device that last wrote the record: on 0.1 a record lived on one
 * laptop only, so that device's single edit is all the history there is. History entries get ids
 * built from the record id and their place, so the same record upgraded twice gets the same ids.
 * `changeSeq` numbers the record in this laptop's change sequence (everything counts as changed
 * since no package was ever sent).
 */
export function firstVersionOf(table: SyncedTableName, record: StoredRow, changeSeq: number): StoredRow {
  const deviceId = typeof record.deviceId === 'string' && record.deviceId ? record.deviceId : 'unknown-device';
  const next: StoredRow = { ...record, rev: 1, versionVector: { [deviceId]: 1 }, changeSeq };
  if ((table === 'problems' || table === 'projects') && Array.isArray(record.history)) {
    next.history = (record.history as StoredRow[]).map((entry, index) =>
      typeof entry.id === 'string' && entry.id ? entry : { ...entry, id: `${String(record.id)}:h${index + 1}` },
    );
  }
  if (table === 'visits') delete next.attachmentIds;
  return next;
}
