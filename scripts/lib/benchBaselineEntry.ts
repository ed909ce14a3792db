// Browser-side baseline for bench:load, bundled by esbuild (benchBaseline.ts) and evaluated in a page
// of a second fresh Chromium profile: the same seeded demo records the app loads, written with bare
// Dexie bulkPut (one transaction, same schema) and nothing else — no app code path, no progress UI.
import Dexie from 'dexie';
import { shanghaiDate } from '../../shared/calendar/shanghaiDate';
import { defaultDemoPolicyIds, demoScales, generateDemoBatches, type DemoBatch, type DemoScaleName } from '../../shared/demo/demoData';
import { schemaV1 } from '../../renderer/src/db/schema';
import { DEMO_SEED } from '../../renderer/src/features/demo/loadDemoData';

export interface BaselineResult {
  generateMs: number;
  putMs: number;
  counts: Record<string, number>;
}

/** Same seed, today and policy ids as the app's loader (on a fresh profile it writes the default policies). */
async function benchBaseline(scale: DemoScaleName): Promise<BaselineResult> {
  const generateStart = performance.now();
  const all: DemoBatch = { enterprises: [], visits: [], problems: [], projects: [], progressEntries: [] };
  const options = { ...demoScales[scale], seed: DEMO_SEED, today: shanghaiDate(), policyIds: defaultDemoPolicyIds };
  for (const batch of generateDemoBatches(options)) {
    for (const key of Object.keys(all) as (keyof DemoBatch)[]) {
      const target = all[key] as unknown[];
      for (const record of batch[key]) target.push(record);
    }
  }
  const generateMs = performance.now() - generateStart;

  const db = new Dexie('bench-baseline');
  db.version(1).stores(schemaV1);
  await db.open();
  const putStart = performance.now();
  await db.transaction('rw', Object.keys(all), async () => {
    for (const [table, records] of Object.entries(all)) await db.table(table).bulkPut(records as unknown[]);
  });
  const putMs = performance.now() - putStart;
  const counts = Object.fromEntries(await Promise.all(Object.keys(all).map(async (t) => [t, await db.table(t).count()] as const)));
  db.close();
  return { generateMs, putMs, counts };
}

(window as unknown as { benchBaseline: typeof benchBaseline }).benchBaseline = benchBaseline;
