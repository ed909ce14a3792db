// Hooks for benchmarks and e2e tests: `window.visitLedgerDebug.loadDemoData('bureau')` fills the
// database exactly as the "载入示例数据" button does, and `counts()` reads table sizes, so scripts can
// drive large data sets without clicking through the UI. `sampleEnterprises` and `timeSearch` let
// bench:load pick realistic queries and time the very query the enterprise list runs.
//
// Why this is acceptable in the shipped app: the app is offline and loads no remote content (strict
// CSP, navigation denied), so the only code that can reach this object is the app itself or someone
// at the keyboard with DevTools, who can already do anything to their own local database. The hooks
// only add seeded demo data (which the empty first screen offers anyway) and read; they delete and
// export nothing.
//
// `makeMergePackage` / `timeMerge` (bench:merge) are the one exception to "only add": they merge into
// this database, through the app's real path, a package of edits another laptop might send. They
// touch demo records only (ids with the demo prefix, which 清除示例数据 removes and which never
// travel in a package): the edited copies are of demo records, the new records get demo ids, and the
// hook refuses when the database holds too few demo records.
import { ledgerDb } from './db/db';
import { filterDirectory } from '../../shared/search/enterpriseDirectory';
import { loadEnterpriseDirectory, searchEnterprises } from './features/enterprises/enterpriseRepo';
import { loadDemoData } from './features/demo/loadDemoData';
import type { Problem, RecordMeta, Visit } from '../../shared/domain/records';
import { DEMO_ID_PREFIX } from '../../shared/demo/demoData';
import { newId } from '../../shared/ids';
import { shanghaiDate } from '../../shared/calendar/shanghaiDate';
import { userFieldsOf } from '../../shared/sync/recordFields';
import { createdRecord, editedRecord, type Stamper } from '../../shared/sync/recordStamp';
import { syncedRecordSchemas, type SyncedTableName } from '../../shared/sync/syncedTables';

type DemoScale = Parameters<typeof loadDemoData>[1];

export interface VisitLedgerDebug {
  /** Loads seeded demo data at `scale`; resolves with the table counts afterwards. */
  loadDemoData(scale: DemoScale): Promise<Record<string, number>>;
  /** Row counts of every table (tombstoned rows included). */
  counts(): Promise<Record<string, number>>;
  /** `n` random enterprises (name and credit code), to build realistic search queries from. */
  sampleEnterprises(n: number, seed?: number): Promise<{ name: string; creditCode: string }[]>;
  /**
   * Runs the index search (the enterprise pickers') for each query: its time in ms, hits and first hit
   * id; and the enterprise list's in-memory search over its directory: its time and first row's id.
   */
  timeSearch(queries: string[]): Promise<SearchTiming[]>;
  /**
   * bench:merge, step 1: the package another laptop would send — edited copies of random demo visits
   * and problems (a version bumped by a foreign device) plus new ones — written as real package bytes
   * (writeDataPackage) and kept in `mergePackage` for the timed merge and the bench's bare baseline.
   */
  makeMergePackage(options: MergePackageOptions): Promise<MergePackageInfo>;
  /**
   * bench:merge, step 2: reads the package made last (readLedgerPackage) and merges it (applyMerge) —
   * what an officer's 合并数据包 runs, minus the backup before it — timed; then checks that every record
   * arrived (table counts, each record's version), and throws when one did not. `check: false` leaves
   * out the check and the counts before it (a profile of the merge alone).
   */
  timeMerge(options?: { check?: boolean }): Promise<MergeTiming>;
  /**
   * bench:merge, where the time goes: the phases of the same work timed one by one with the app's own
   * functions on the package made last (JSON, zod, read, preview = bulkGet + merge, the merge alone,
   * the apply). Merges the package as timeMerge does. What applyMerge spends inside (its writes, the
   * derived-field refresh) is for a profile to say: bench:merge --profile.
   */
  mergePhases(): Promise<MergePhases>;
  /** The package made by makeMergePackage: its bytes and its records by table (as sent). */
  mergePackage: MergePackageState | null;
  /** The last progress report of a running loadDemoData, for scripts that poll it. */
  progress: unknown;
}

export interface MergePackageOptions {
  /** Records in the package (edited + new), two thirds visits, one third problems. */
  records: number;
  /** Share of new records (the rest are edits of stored ones); default 0.2. */
  newShare?: number;
  /** Picks which demo records are edited; default 1. */
  seed?: number;
}

export interface MergePackageInfo {
  packageBytes: number;
  /** The tables' JSON before compression. */
  jsonBytes: number;
  records: number;
  edited: { visits: number; problems: number };
  added: { visits: number; problems: number };
  /** Enterprises whose derived fields the merge recomputes (those of the package's visits). */
  enterprises: number;
  buildMs: number;
}

export interface MergePackageState {
  bytes: Uint8Array;
  tables: { visits: Visit[]; problems: Problem[] };
  /** Ids of the records that are new to this database. */
  addedIds: { visits: string[]; problems: string[] };
  /** Enterprises of the package's visits. */
  enterpriseIds: string[];
}

export interface MergeTiming {
  parseMs: number;
  applyMs: number;
  /** parseMs + applyMs. */
  mergeMs: number;
  records: number;
  /** applyMerge's counts by table (added/updated/…) and its conflicts. */
  result: Record<string, Record<string, number>>;
  conflicts: number;
}

export interface MergePhases {
  /** JSON.parse of the tables' JSON text (decoded from UTF-8). */
  jsonMs: number;
  /**
   * syncedRecordSchemas[table].safeParse of every record, once; the merge path runs it twice (when
   * reading the package and again in the write path before storing).
   */
  zodMs: number;
  /** readLedgerPackage as a whole (unzip, checksum, JSON, zod). */
  readMs: number;
  /** previewMerge (a bulkGet per table and the pure merge), after the bulkGet below: caches warm. */
  previewMs: number;
  /** mergeBatch alone, over stored copies read beforehand. */
  mergeBatchMs: number;
  /** bulkGet of the package's ids alone, right after reading the package (the first read of them). */
  bulkGetMs: number;
  /** applyMerge right after the preview (its bulkGet then finds the records in the caches). */
  applyMs: number;
}

declare global {
  interface Window {
    visitLedgerDebug?: VisitLedgerDebug;
  }
}

async function counts(): Promise<Record<string, number>> {
  const entries = await Promise.all(ledgerDb().tables.map(async (table) => [table.name, await table.count()] as const));
  return Object.fromEntries(entries);
}

async function sampleEnterprises(n: number, seed = 1): Promise<{ name: string; creditCode: string }[]> {
  const ids = await ledgerDb().enterprises.toCollection().primaryKeys();
  // A small seeded LCG so two bench runs type the same queries.
  let state = seed >>> 0 || 1;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const picked = Array.from({ length: Math.min(n, ids.length) }, () => ids[Math.floor(next() * ids.length)]!);
  const rows = await ledgerDb().enterprises.bulkGet(picked);
  return rows.flatMap((e) => (e ? [{ name: e.name, creditCode: e.creditCode }] : []));
}

export interface SearchTiming {
  ms: number;
  hits: number;
  firstId: string | null;
  /** The enterprise list: filtering its in-memory directory (read once, before the queries). */
  listMs: number;
  listHits: number;
  listFirstId: string | null;
}

async function timeSearch(queries: string[]): Promise<SearchTiming[]> {
  const results: SearchTiming[] = [];
  const directory = await loadEnterpriseDirectory();
  for (const query of queries) {
    const started = performance.now();
    const rows = await searchEnterprises(query);
    const ms = performance.now() - started;
    const listStarted = performance.now();
    const listRows = filterDirectory(directory, { query });
    const listMs = performance.now() - listStarted;
    results.push({ ms, hits: rows.length, firstId: rows[0]?.id ?? null, listMs, listHits: listRows.length, listFirstId: listRows[0]?.id ?? null });
  }
  return results;
}

/** The other laptop of bench:merge. */
const otherLaptop: Stamper = { officerName: '其他专员', deviceId: 'bench-other-device' };

/** Fields of a stored record without its stamps, tombstone and local change number. */
function ownFields<T extends RecordMeta>(table: SyncedTableName, record: T): Record<string, unknown> {
  const { deletedAt: _deletedAt, ...fields } = userFieldsOf(table, record as T & Record<string, unknown>);
  return fields;
}

/** A package record as buildChangesPackage writes it: without this laptop's change number. */
function packaged<T extends RecordMeta>(record: T): T {
  const { changeSeq: _changeSeq, ...rest } = record;
  return rest as T;
}

/** `count` distinct random picks of `keys` (seeded, partial Fisher–Yates on a copy). */
function pickDistinct(keys: readonly string[], count: number, seed: number): string[] {
  let state = seed >>> 0 || 1;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const pool = [...keys];
  const n = Math.min(count, pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, n);
}

async function makeMergePackage({ records, newShare = 0.2, seed = 1 }: MergePackageOptions): Promise<MergePackageInfo> {
  const started = performance.now();
  const db = ledgerDb();
  const { writeDataPackage } = await import('../../shared/sync/dataPackage');
  const added = Math.round(records * newShare);
  const edited = records - added;
  const editedVisits = Math.round((edited * 2) / 3);
  const addedVisits = Math.round((added * 2) / 3);
  const plan = { editedVisits, editedProblems: edited - editedVisits, addedVisits, addedProblems: added - addedVisits };

  // Edited records and the templates of new ones are distinct demo records.
  const demoKeys = (table: 'visits' | 'problems') =>
    db.table(table).where(':id').startsWith(DEMO_ID_PREFIX).primaryKeys() as Promise<string[]>;
  const [visitKeys, problemKeys] = await Promise.all([demoKeys('visits'), demoKeys('problems')]);
  const visitPicks = pickDistinct(visitKeys, plan.editedVisits + plan.addedVisits, seed);
  const problemPicks = pickDistinct(problemKeys, plan.editedProblems + plan.addedProblems, seed + 1);
  if (visitPicks.length < plan.editedVisits + plan.addedVisits || problemPicks.length < plan.editedProblems + plan.addedProblems) {
    throw new Error(`示例数据不足：需要 ${records} 条走访和问题记录（先载入示例数据）`);
  }
  const visits = (await db.visits.bulkGet(visitPicks)) as Visit[];
  const problems = (await db.problems.bulkGet(problemPicks)) as Problem[];

  const now = new Date();
  const today = shanghaiDate(now);
  const demoId = () => `${DEMO_ID_PREFIX}${newId()}`;
  const outVisits: Visit[] = [];
  const outProblems: Problem[] = [];
  const addedIds = { visits: [] as string[], problems: [] as string[] };
  visits.forEach((visit, i) => {
    if (i < plan.editedVisits) {
      const next = { ...visit, summary: `${visit.summary}（其他专员补充：已电话回访，企业反馈良好。）` };
      outVisits.push(packaged(editedRecord(visit, next, otherLaptop, now)));
    } else {
      // A visit of today to the same enterprise: it moves the enterprise's last visit date.
      const created = createdRecord<Visit>({ ...(ownFields('visits', visit) as Omit<Visit, keyof RecordMeta>), id: demoId(), date: today }, otherLaptop, now);
      outVisits.push(created);
      addedIds.visits.push(created.id);
    }
  });
  problems.forEach((problem, i) => {
    if (i < plan.editedProblems) {
      const next = { ...problem, request: `${problem.request}（企业补充诉求：希望尽快答复。）` };
      outProblems.push(packaged(editedRecord(problem, next, otherLaptop, now)));
    } else {
      const id = demoId();
      const fields = ownFields('problems', problem) as Omit<Problem, keyof RecordMeta>;
      const history = fields.history.map((entry, h) => ({ ...entry, id: `${id}:h${h + 1}` }));
      const created = createdRecord<Problem>({ ...fields, history, id }, otherLaptop, now);
      outProblems.push(created);
      addedIds.problems.push(created.id);
    }
  });

  const tables = { visits: outVisits, problems: outProblems };
  const bytes = await writeDataPackage({
    manifest: {
      kind: 'changes',
      packageId: newId(),
      createdAt: now.toISOString(),
      device: { deviceId: otherLaptop.deviceId },
      officer: { name: otherLaptop.officerName, unit: '基准测试' },
      destination: '基准测试',
      range: { fromSeq: 0, toSeq: records },
    },
    tables,
    attachments: [],
  });
  const enterpriseIds = [...new Set(outVisits.map((v) => v.enterpriseId))];
  hooks.mergePackage = { bytes, tables, addedIds, enterpriseIds };
  const encoder = new TextEncoder();
  return {
    packageBytes: bytes.length,
    jsonBytes: encoder.encode(JSON.stringify(outVisits)).length + encoder.encode(JSON.stringify(outProblems)).length,
    records: outVisits.length + outProblems.length,
    edited: { visits: plan.editedVisits, problems: plan.editedProblems },
    added: { visits: plan.addedVisits, problems: plan.addedProblems },
    enterprises: enterpriseIds.length,
    buildMs: performance.now() - started,
  };
}

function currentMergePackage(): MergePackageState {
  if (!hooks.mergePackage) throw new Error('先调用 makeMergePackage');
  return hooks.mergePackage;
}

/** Throws unless every record of the package is stored as sent (the merge measured something real). */
async function checkMerged(state: MergePackageState, before: Record<string, number>): Promise<void> {
  const after = await counts();
  for (const table of ['visits', 'problems'] as const) {
    const expected = (before[table] ?? 0) + state.addedIds[table].length;
    if (after[table] !== expected) throw new Error(`合并后 ${table} 有 ${after[table]} 条，应为 ${expected} 条`);
    const sent = state.tables[table] as RecordMeta[];
    const stored = (await ledgerDb().table(table).bulkGet(sent.map((r) => r.id))) as (RecordMeta | undefined)[];
    const missing = sent.filter((record, i) => {
      const row = stored[i];
      return !row || row.versionVector[otherLaptop.deviceId] !== record.versionVector[otherLaptop.deviceId] || row.updatedAt !== record.updatedAt;
    });
    if (missing.length > 0) throw new Error(`合并后 ${table} 有 ${missing.length} 条记录不是数据包中的版本（如 ${missing[0]!.id}）`);
  }
}

async function timeMerge({ check = true }: { check?: boolean } = {}): Promise<MergeTiming> {
  const state = currentMergePackage();
  const { applyMerge, readLedgerPackage } = await import('./features/exchange/exchangeRepo');
  const before = check ? await counts() : {};
  const started = performance.now();
  const pkg = await readLedgerPackage(state.bytes);
  const parsed = performance.now();
  const merged = await applyMerge(pkg, { takeReference: false });
  const applied = performance.now();
  if (check) await checkMerged(state, before);
  return {
    parseMs: parsed - started,
    applyMs: applied - parsed,
    mergeMs: applied - started,
    records: state.tables.visits.length + state.tables.problems.length,
    result: Object.fromEntries(merged.tables.map((t) => [t.table, { ...t.counts }])),
    conflicts: merged.conflicts,
  };
}

async function mergePhases(): Promise<MergePhases> {
  const state = currentMergePackage();
  const { applyMerge, previewMerge, readLedgerPackage } = await import('./features/exchange/exchangeRepo');
  const { mergeBatch } = await import('../../shared/sync/mergeRecords');
  const db = ledgerDb();
  const tables = ['visits', 'problems'] as const;
  const time = async <T>(work: () => T | Promise<T>): Promise<[T, number]> => {
    const t = performance.now();
    const value = await work();
    return [value, performance.now() - t];
  };

  const texts = tables.map((t) => new TextEncoder().encode(JSON.stringify(state.tables[t])));
  const [rows, jsonMs] = await time(() => texts.map((bytes) => JSON.parse(new TextDecoder().decode(bytes)) as unknown[]));
  const [, zodMs] = await time(() => rows.forEach((list, i) => list.forEach((row) => syncedRecordSchemas[tables[i]!].safeParse(row))));
  const before = await counts();
  const [pkg, readMs] = await time(() => readLedgerPackage(state.bytes));
  const [stored, bulkGetMs] = await time(() =>
    db.transaction('r', [...tables], () => Promise.all(tables.map((t) => db.table(t).bulkGet(state.tables[t].map((r) => r.id))))),
  );
  const [, mergeBatchMs] = await time(() =>
    tables.forEach((t, i) => {
      const local = new Map<string, RecordMeta>();
      for (const row of stored[i] as (RecordMeta | undefined)[]) if (row) local.set(row.id, row);
      mergeBatch(t, (pkg.tables[t] ?? []) as RecordMeta[], local);
    }),
  );
  const [, previewMs] = await time(() => previewMerge(pkg));
  const [, applyMs] = await time(() => applyMerge(pkg, { takeReference: false }));
  await checkMerged(state, before);
  return {
    jsonMs,
    zodMs,
    readMs,
    previewMs,
    mergeBatchMs,
    bulkGetMs,
    applyMs,
  };
}

const hooks: VisitLedgerDebug = {
  async loadDemoData(scale) {
    await loadDemoData(ledgerDb(), scale, (...report: unknown[]) => {
      hooks.progress = report.length === 1 ? report[0] : report;
    });
    return counts();
  },
  counts,
  sampleEnterprises,
  timeSearch,
  makeMergePackage,
  timeMerge,
  mergePhases,
  mergePackage: null,
  progress: null,
};

window.visitLedgerDebug = hooks;
