// Which fields of a record are the officer's, which are stamps, and which are derived caches. The
// write path skips saves that change no field of the officer's, the merge compares only those, and
// after a merge the derived ones are recomputed (renderer/src/db/derivedFields.ts). Pure.
import type { SyncedTableName } from './syncedTables';

/** The stamp fields of recordMeta: set by shared/sync/recordStamp.ts only, never compared as content. */
export const stampFields = ['id', 'createdAt', 'updatedAt', 'updatedBy', 'deviceId', 'rev', 'versionVector', 'changeSeq'] as const;

/**
 * Caches computed from other records on every laptop: writing them never makes a version, and two
 * copies that differ only here are the same record.
 */
export const derivedFields: Partial<Record<SyncedTableName, readonly string[]>> = {
  enterprises: ['lastVisitDate', 'searchTokens'],
  // The sparse index fields of shared/problems/problemTally.ts, set by the write path from the record.
  problems: ['openDeadline', 'transferPendingSince', 'decisionDeadline'],
};

const ignoredFieldsOf = new Map<string, ReadonlySet<string>>();
function ignoredFields(table: SyncedTableName): ReadonlySet<string> {
  let ignored = ignoredFieldsOf.get(table);
  if (!ignored) {
    ignored = new Set<string>([...stampFields, ...(derivedFields[table] ?? []), 'blob']);
    ignoredFieldsOf.set(table, ignored);
  }
  return ignored;
}

/** The officer's fields of a record (tombstone included), without stamps and derived caches. */
export function userFieldsOf(table: SyncedTableName, record: Record<string, unknown>): Record<string, unknown> {
  const ignored = ignoredFields(table);
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (!ignored.has(key) && value !== undefined) fields[key] = value;
  return fields;
}

/** Whether two copies of a record hold the same officer's fields (key order and undefined ignored). */
export function sameUserFields(table: SyncedTableName, a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return sameValue(userFieldsOf(table, a), userFieldsOf(table, b));
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  const aKeys = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const bKeys = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    aKeys.length === bKeys.length &&
    aKeys.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}
