// Plain running counts of live records by one field, kept by the write path in the same transaction
// as every write (renderer/src/db/ledgerWrites.ts), for figures a screen would otherwise count by
// walking an index: Chromium's IndexedDB counts a key range entry by entry (about 40 µs each on this
// machine under load, the issue 13 trace of 工作台), so the 12 weeks of visits the 工作台 charts
// (45,000 at bureau scale, 450,000 at 2,000,000 visits) cost seconds to count, and one row per day
// costs nothing to read.
// - visits: live visits per visit date ('visitsOn|2026-11-05');
// - enterprises: live enterprises per town ('enterprisesIn|平望镇'; '' is the town left empty).
// Pure.
import type { Enterprise, Visit } from '../domain/records';

export type CountedTable = 'visits' | 'enterprises';

export const countTallyPrefixes: Record<CountedTable, string> = {
  visits: 'visitsOn|',
  enterprises: 'enterprisesIn|',
};

/** The field each table is counted by (an index of its own, so a rebuild reads only keys). */
export const countedFields = { visits: 'date', enterprises: 'town' } as const satisfies Record<CountedTable, string>;

/** The key of the count of `table`'s live records whose counted field holds `value`. */
export const countTallyKey = (table: CountedTable, value: string) => `${countTallyPrefixes[table]}${value}`;

export const isCountedTable = (name: string): name is CountedTable => name === 'visits' || name === 'enterprises';

/** The key a record counts under, or none (a deleted record counts nowhere). */
export function countTallyKeyOf(table: CountedTable, record: Visit | Enterprise): string | undefined {
  if (record.deletedAt !== undefined) return undefined;
  return countTallyKey(table, table === 'visits' ? (record as Visit).date : (record as Enterprise).town);
}

/**
 * What a write transaction moves: per key, the records its new versions add less those its stored
 * versions took away. Written once at the transaction's end.
 */
export class RecordCountDelta {
  private readonly byKey = new Map<string, number>();
  /** Tables emptied in this transaction (a restore): their stored counts start from nothing. */
  readonly reset = new Set<CountedTable>();

  replace(table: CountedTable, before: Visit | Enterprise | undefined, after: Visit | Enterprise | undefined): void {
    const out = before ? countTallyKeyOf(table, before) : undefined;
    const into = after ? countTallyKeyOf(table, after) : undefined;
    if (out === into) return;
    if (out !== undefined) this.byKey.set(out, (this.byKey.get(out) ?? 0) - 1);
    if (into !== undefined) this.byKey.set(into, (this.byKey.get(into) ?? 0) + 1);
  }

  /** The keys that moved and by how much (keys whose moves cancel out are left out). */
  moves(): [string, number][] {
    return [...this.byKey].filter(([, by]) => by !== 0);
  }
}
