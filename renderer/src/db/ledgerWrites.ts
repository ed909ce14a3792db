// The one write path of every synced table (shared/sync/syncedTables.ts). A repository opens a
// write transaction here and writes through the LedgerWriter it is given, which
// - reads the acting officer from the settings inside the same transaction,
// - stamps the record (shared/sync/recordStamp.ts: instants, officer, device, revision, version),
// - checks it against its table's zod schema (a RuleError naming the field, nothing written),
// - numbers it in this laptop's change sequence (changeSeq), so a package takes a key range.
// Derived caches (lastVisitDate, search tokens) are written without a new version: they are
// recomputed on every laptop, so they must never make two laptops' copies look changed. Merged
// records keep the version they came with and only take a local change number. ESLint refuses
// writes to these tables anywhere else.
// Problems also keep their counts here: each problem written gets its sparse index fields and moves
// its first responder's tally (shared/problems/problemTally.ts), in the same transaction, so the
// counts bar is always exactly what counting every problem would give. Visits and enterprises move
// plain counts (live visits per day, live enterprises per town: shared/tallies/recordCountTally.ts)
// the same way.
import type { Table } from 'dexie';
import { actorOf, type Actor } from '../../../shared/domain/actor';
import type { RecordMeta } from '../../../shared/domain/records';
import { parseOrRefuse } from '../../../shared/errors/ruleError';
import {
  createdRecord,
  editedRecord,
  restoredRecord,
  tombstonedRecord,
  type RecordFields,
  type Stamper,
} from '../../../shared/sync/recordStamp';
import { derivedFields, sameUserFields } from '../../../shared/sync/recordFields';
import { changeSeqKey, syncedRecordSchemas, type SyncedTableName } from '../../../shared/sync/syncedTables';
import type { CalendarOverrides } from '../../../shared/calendar/workingDays';
import type { Enterprise, Problem, Visit } from '../../../shared/domain/records';
import { RecordCountDelta, countTallyPrefixes, isCountedTable } from '../../../shared/tallies/recordCountTally';
import {
  ProblemTallyDelta,
  emptySettledCounts,
  isEmptySettled,
  problemTallyKey,
  problemTallyPrefix,
  sumSettled,
  withProblemIndexFields,
} from '../../../shared/problems/problemTally';
import { ledgerDb } from './db';
import { countedTallies } from './tallyCount';
import type { CountTallyRow, LedgerDatabase, ProblemTallyRow } from './schema';
import { readOrCreateSettings } from './settingsStore';

/** A table a write transaction may take part in. */
export type LedgerTableName = SyncedTableName | 'drafts' | 'settings' | 'syncState' | 'conflicts' | 'tallies';

/** Versions stored before a write, by id (absent: the record is new); read when not given. */
type PreviousVersions = ReadonlyMap<string, RecordMeta | undefined>;

export interface WriteOptions {
  /** Who acts; by default the officer in 设置 (tests and demo data name one). */
  actor?: Stamper;
  /** The instant of every stamp in the transaction; by default now. */
  now?: Date;
}

type StoredRecord = RecordMeta & Record<string, unknown>;

export class LedgerWriter {
  private nextChangeSeq: number | undefined;
  private problemTally: ProblemTallyDelta;
  private readonly recordCounts = new RecordCountDelta();

  constructor(
    readonly db: LedgerDatabase,
    readonly actor: Actor,
    readonly now: Date,
    private readonly overrides: CalendarOverrides = {},
  ) {
    this.problemTally = new ProblemTallyDelta(overrides);
  }

  private table<T extends RecordMeta>(name: SyncedTableName): Table<T, string> {
    return this.db.table(name) as Table<T, string>;
  }

  /** The next numbers of this laptop's change sequence (persisted in the same transaction). */
  private async changeNumbers(count: number): Promise<number[]> {
    if (this.nextChangeSeq === undefined) {
      const row = await this.db.syncState.get(changeSeqKey);
      this.nextChangeSeq = (typeof row?.value === 'number' ? row.value : 0) + 1;
    }
    const first = this.nextChangeSeq;
    this.nextChangeSeq += count;
    await this.db.syncState.put({ key: changeSeqKey, value: this.nextChangeSeq - 1 });
    return Array.from({ length: count }, (_, i) => first + i);
  }

  /**
   * Checks each record against its table's schema, numbers them and stores them. `previous` are the
   * versions they replace, where the caller has them (the tallies of problems, visits and
   * enterprises need them; read when not given).
   */
  private async store<T extends RecordMeta>(name: SyncedTableName, records: T[], previous?: PreviousVersions): Promise<T[]> {
    if (records.length === 0) return [];
    const numbers = await this.changeNumbers(records.length);
    const checked = records.map((record, i) => {
      const parsed = parseOrRefuse(syncedRecordSchemas[name], record) as T;
      // The attachment schema checks the metadata; its Blob is stored beside it as it came.
      const blob = (record as { blob?: unknown }).blob;
      const stored = { ...parsed, ...(blob === undefined ? {} : { blob }), changeSeq: numbers[i] } as T;
      return name === 'problems' ? (withProblemIndexFields(stored as unknown as Problem, this.overrides) as unknown as T) : stored;
    });
    if (name === 'problems' || isCountedTable(name)) {
      const before = previous ?? (await this.storedVersions(name, checked));
      for (const record of checked) {
        const stored = before.get(record.id);
        if (name === 'problems') this.problemTally.replace(stored as Problem | undefined, record as unknown as Problem);
        else this.recordCounts.replace(name, stored as Visit | Enterprise | undefined, record as unknown as Visit | Enterprise);
      }
    }
    await this.table<T>(name).bulkPut(checked);
    return checked;
  }

  private async storedVersions(name: SyncedTableName, records: readonly RecordMeta[]): Promise<PreviousVersions> {
    const stored = await this.table(name).bulkGet(records.map((r) => r.id));
    return new Map(records.map((r, i) => [r.id, stored[i]]));
  }

  /** Writes the tallies this transaction moved (called once, at its end, inside it). */
  async flushTallies(): Promise<void> {
    await this.flushProblemTallies();
    await this.flushRecordCounts();
  }

  private async flushRecordCounts(): Promise<void> {
    for (const table of this.recordCounts.reset) await this.db.tallies.where('key').startsWith(countTallyPrefixes[table]).delete();
    const moves = this.recordCounts.moves();
    if (moves.length === 0) return;
    const stored = (await this.db.tallies.bulkGet(moves.map(([key]) => key))) as (CountTallyRow | undefined)[];
    const rows: CountTallyRow[] = [];
    const emptied: string[] = [];
    moves.forEach(([key, by], i) => {
      const count = (stored[i]?.count ?? 0) + by;
      if (count === 0) emptied.push(key);
      else rows.push({ key, count });
    });
    await this.db.tallies.bulkPut(rows);
    await this.db.tallies.bulkDelete(emptied);
  }

  private async flushProblemTallies(): Promise<void> {
    const delta = this.problemTally;
    if (delta.reset) await this.db.tallies.where('key').startsWith(problemTallyPrefix).delete();
    const keys = delta.officers.map(problemTallyKey);
    if (keys.length === 0) return;
    const stored = (await this.db.tallies.bulkGet(keys)) as (ProblemTallyRow | undefined)[];
    const rows: ProblemTallyRow[] = [];
    const emptied: string[] = [];
    delta.officers.forEach((officer, i) => {
      const counts = sumSettled([stored[i]?.counts ?? emptySettledCounts(), delta.deltaOf(officer)]);
      if (isEmptySettled(counts)) emptied.push(keys[i]!);
      else rows.push({ key: keys[i]!, counts });
    });
    await this.db.tallies.bulkPut(rows);
    await this.db.tallies.bulkDelete(emptied);
  }

  /** New records of this officer; an `id` may be reserved by the caller (a visit's problems). */
  async create<T extends RecordMeta>(name: SyncedTableName, fields: RecordFields<T> & { id?: string }): Promise<T> {
    return (await this.createAll<T>(name, [fields]))[0]!;
  }

  async createAll<T extends RecordMeta>(name: SyncedTableName, fields: (RecordFields<T> & { id?: string })[]): Promise<T[]> {
    return this.store(name, fields.map((f) => createdRecord<T>(f, this.actor, this.now)), new Map());
  }

  /**
   * New revisions of stored records. A record whose own fields did not change is left as it is (a
   * save without an edit must not make a version another laptop would have to merge).
   */
  async save<T extends RecordMeta>(name: SyncedTableName, next: T): Promise<T> {
    return (await this.saveAll<T>(name, [next]))[0]!;
  }

  async saveAll<T extends RecordMeta>(name: SyncedTableName, nexts: T[]): Promise<T[]> {
    const previous = await this.table<T>(name).bulkGet(nexts.map((n) => n.id));
    const result: T[] = [];
    const changed: T[] = [];
    nexts.forEach((next, i) => {
      const stored = previous[i];
      if (!stored) throw new Error(`要保存的记录已不存在（${name} ${next.id}）`);
      if (sameUserFields(name, stored as StoredRecord, next as StoredRecord)) result.push(stored);
      else {
        const edited = editedRecord(stored, next, this.actor, this.now);
        changed.push(edited);
        result.push(edited);
      }
    });
    const stored = await this.store(name, changed, new Map(previous.map((p, i) => [nexts[i]!.id, p])));
    const storedById = new Map(stored.map((r) => [r.id, r]));
    return result.map((r) => storedById.get(r.id) ?? r);
  }

  /** Tombstones: the records stay, marked deleted, so the deletion travels. Already deleted ones stay. */
  async tombstone<T extends RecordMeta>(name: SyncedTableName, records: T[]): Promise<T[]> {
    const live = records.filter((r) => r.deletedAt === undefined);
    return this.store(name, live.map((r) => tombstonedRecord(r, this.actor, this.now)), new Map(live.map((r) => [r.id, r])));
  }

  /** Brings tombstoned records back (回收站 → 恢复) as a new revision. */
  async restore<T extends RecordMeta>(name: SyncedTableName, records: T[]): Promise<T[]> {
    const deleted = records.filter((r) => r.deletedAt !== undefined);
    return this.store(name, deleted.map((r) => restoredRecord(r, this.actor, this.now)), new Map(deleted.map((r) => [r.id, r])));
  }

  /** Writes derived caches only (shared/sync/recordFields.ts names them): no stamp, no version. */
  async putDerived(name: SyncedTableName, id: string, patch: Record<string, unknown>): Promise<void> {
    const allowed = new Set(derivedFields[name] ?? []);
    const stray = Object.keys(patch).filter((field) => !allowed.has(field));
    if (stray.length > 0) throw new Error(`${stray.join('、')} 不是 ${name} 的派生字段，不能绕过版本写入`);
    await this.db.table(name).update(id, patch);
  }

  /**
   * A restore: the table's records become exactly `records` (with their versions), numbered afresh in
   * the change sequence. Nothing else may empty a synced table.
   */
  async replaceAll<T extends RecordMeta>(name: SyncedTableName, records: T[]): Promise<T[]> {
    await this.table(name).clear();
    if (name === 'problems') {
      this.problemTally = new ProblemTallyDelta(this.overrides);
      this.problemTally.reset = true;
    }
    if (isCountedTable(name)) this.recordCounts.reset.add(name);
    return this.store(name, records, new Map());
  }

  /** Derived caches of many records at once (a merge's refresh), checked like putDerived. */
  async putDerivedMany(name: SyncedTableName, patches: { key: string; changes: Record<string, unknown> }[]): Promise<void> {
    const allowed = new Set(derivedFields[name] ?? []);
    for (const { changes } of patches) {
      const stray = Object.keys(changes).filter((field) => !allowed.has(field));
      if (stray.length > 0) throw new Error(`${stray.join('、')} 不是 ${name} 的派生字段，不能绕过版本写入`);
    }
    if (patches.length > 0) await this.db.table(name).bulkUpdate(patches);
  }

  /** Records that carry their own version (a merge's outcome, generated demo data): kept as they are, given a local change number. */
  async putVersioned<T extends RecordMeta>(name: SyncedTableName, records: T[], previous?: PreviousVersions): Promise<T[]> {
    return this.store(name, records, previous);
  }
}

/**
 * Deletes one record by tombstone, in its own transaction, so that a merge carries the deletion to
 * other laptops (a record already deleted, or never stored, is left as it is).
 */
export async function tombstoneById(table: SyncedTableName, id: string, options: WriteOptions = {}): Promise<void> {
  await writeTransaction(
    [table],
    async (w) => {
      const existing = (await w.db.table(table).get(id)) as RecordMeta | undefined;
      if (existing) await w.tombstone(table, [existing]);
    },
    options,
  );
}

/**
 * Runs `work` in one read-write transaction over `tables` (plus the settings and the change counter
 * every write needs) with a LedgerWriter for it: all of it is stored, or — on any refusal — none.
 */
export async function writeTransaction<T>(
  tables: readonly LedgerTableName[],
  work: (writer: LedgerWriter) => Promise<T>,
  options: WriteOptions = {},
  database: LedgerDatabase = ledgerDb(),
): Promise<T> {
  const tallied = tables.some((t) => t === 'problems' || isCountedTable(t));
  const names = [...new Set<string>([...tables, 'settings', 'syncState', ...(tallied ? ['tallies'] : [])])];
  return database.transaction('rw', names, async () => {
    const settings = await readOrCreateSettings(database);
    const actor = options.actor
      ? { ...actorOf(settings), ...options.actor }
      : actorOf(settings);
    const writer = new LedgerWriter(database, actor, options.now ?? new Date(), settings.calendarOverrides);
    const result = await work(writer);
    await writer.flushTallies();
    return result;
  });
}

/**
 * Counts every stored problem, visit and enterprise into fresh tallies, inside the caller's
 * transaction (which must hold those tables and tallies): after records were removed outside the
 * write path (清除示例数据).
 */
export async function rebuildTallies(db: LedgerDatabase, overrides: CalendarOverrides = {}): Promise<void> {
  await db.tallies.clear();
  await db.tallies.bulkPut(await countedTallies(db.problems, db.visits, db.enterprises, overrides));
}
