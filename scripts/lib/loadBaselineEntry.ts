// Browser-side baselines of bench:load, bundled by esbuild (bundleForPage) and evaluated in a page of
// a fresh Chromium profile. Both write the very records the app's demo load writes — same seed, same
// day, same policy ids, batch by batch as generateDemoBatches yields them, one transaction per batch
// as loadDemoData does — with bare Dexie bulkPut and nothing else (no write path, no zod, no UI):
//   - `schema`: into the app's own database class (LedgerDatabase, every version step, so the same
//     tables and the same secondary indexes), each record given a change number as the write path
//     does, so the changeSeq index holds as many entries as in the app's database;
//   - `idOnly`: into the same five tables declared with the primary key alone (`id`, no index), the
//     floor the schema's indexes are measured against.
// Generating a batch is timed apart from writing it, so the script can compare the app's load
// (which generates as it goes) with generate + write.
import Dexie from 'dexie';
import { shanghaiDate } from '../../shared/calendar/shanghaiDate';
import { defaultDemoPolicyIds, demoScales, generateDemoBatches, type DemoBatch, type DemoScale, type DemoScaleName } from '../../shared/demo/demoData';
import { LedgerDatabase } from '../../renderer/src/db/schema';
import { DEMO_SEED } from '../../renderer/src/features/demo/loadDemoData';

export type LoadBaselineKind = 'schema' | 'idOnly';

export interface LoadBaselineResult {
  kind: LoadBaselineKind;
  generateMs: number;
  putMs: number;
  batches: number;
  counts: Record<string, number>;
  /** Secondary indexes of the five tables written (multiEntry and compound ones counted once each). */
  indexes: number;
}

const tables = ['enterprises', 'visits', 'problems', 'projects', 'progressEntries'] as const;

function openDatabase(kind: LoadBaselineKind): Dexie {
  if (kind === 'schema') return new LedgerDatabase(`bench-baseline-schema-${Date.now()}`);
  const db = new Dexie(`bench-baseline-id-only-${Date.now()}`);
  db.version(1).stores(Object.fromEntries(tables.map((t) => [t, 'id'])));
  return db;
}

async function loadBaseline(kind: LoadBaselineKind, scale: DemoScaleName | DemoScale): Promise<LoadBaselineResult> {
  const size: DemoScale = typeof scale === 'string' ? demoScales[scale] : scale;
  const db = openDatabase(kind);
  await db.open();
  const indexes = tables.reduce((n, t) => n + db.table(t).schema.indexes.length, 0);
  let generateMs = 0;
  let putMs = 0;
  let batches = 0;
  let changeSeq = 0;
  const options = { ...size, seed: DEMO_SEED, today: shanghaiDate(), policyIds: defaultDemoPolicyIds, enterprisesPerBatch: 500 };
  const iterator = generateDemoBatches(options);
  for (;;) {
    const generateStart = performance.now();
    const next = iterator.next();
    if (next.done) break;
    const batch: DemoBatch = next.value;
    const numbered = tables.map((t) => (batch[t] as object[]).map((record) => ({ ...record, changeSeq: ++changeSeq })));
    const putStart = performance.now();
    generateMs += putStart - generateStart;
    await db.transaction('rw', [...tables], async () => {
      for (const [i, t] of tables.entries()) await db.table(t).bulkPut(numbered[i]!);
    });
    putMs += performance.now() - putStart;
    batches += 1;
    // As loadDemoData does between batches (it lets React paint): the event loop turns once.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const counts = Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await db.table(t).count()] as const)));
  db.close();
  return { kind, generateMs, putMs, batches, counts, indexes };
}

(window as unknown as { benchLoadBaseline: typeof loadBaseline }).benchLoadBaseline = loadBaseline;
