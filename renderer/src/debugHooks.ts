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
import { ledgerDb } from './db/db';
import { filterDirectory } from '../../shared/search/enterpriseDirectory';
import { loadEnterpriseDirectory, searchEnterprises } from './features/enterprises/enterpriseRepo';
import { loadDemoData } from './features/demo/loadDemoData';

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
  /** The last progress report of a running loadDemoData, for scripts that poll it. */
  progress: unknown;
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
  progress: null,
};

window.visitLedgerDebug = hooks;
