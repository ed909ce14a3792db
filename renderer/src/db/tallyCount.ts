// Every tally row counted afresh from the stored records: for the schema upgrade that introduces a
// tally (it passes its transaction's tables) and for a rebuild after records were removed outside
// the write path. No import of the database module: schema.ts calls this.
import type { Table } from 'dexie';
import type { CalendarOverrides } from '../../../shared/calendar/workingDays';
import type { Enterprise, Problem, Visit } from '../../../shared/domain/records';
import { ProblemTallyDelta, problemTallyKey } from '../../../shared/problems/problemTally';
import { countTallyKey, countTallyKeyOf, countedFields, type CountedTable } from '../../../shared/tallies/recordCountTally';
import type { CountTallyRow, ProblemTallyRow } from './schema';

/**
 * Problems are read (their tallies need every field); visits and enterprises are counted from their
 * counted field's index keys alone, less the few deleted records the sparse deletedAt index finds.
 */
export async function countedTallies(
  problems: Table<Problem, string>,
  visits: Table<Visit, string>,
  enterprises: Table<Enterprise, string>,
  overrides: CalendarOverrides = {},
): Promise<(ProblemTallyRow | CountTallyRow)[]> {
  const tally = new ProblemTallyDelta(overrides);
  await problems.each((p) => tally.replace(undefined, p));
  const rows: (ProblemTallyRow | CountTallyRow)[] = tally.officers.map((officer) => ({ key: problemTallyKey(officer), counts: tally.deltaOf(officer) }));
  const counted: [CountedTable, Table<Visit | Enterprise, string>][] = [
    ['visits', visits as Table<Visit | Enterprise, string>],
    ['enterprises', enterprises as Table<Visit | Enterprise, string>],
  ];
  for (const [table, store] of counted) {
    const counts = new Map<string, number>();
    for (const value of (await store.orderBy(countedFields[table]).keys()) as string[]) {
      const key = countTallyKey(table, value);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (const gone of await store.where('deletedAt').aboveOrEqual('').toArray()) {
      const key = countTallyKeyOf(table, { ...gone, deletedAt: undefined });
      if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) - 1);
    }
    for (const [key, count] of counts) if (count !== 0) rows.push({ key, count });
  }
  return rows;
}
