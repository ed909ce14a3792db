// Fills the database with the seeded demo data (shared/demo): the "载入示例数据" button of the empty
// first screen, and the bureau-scale benchmark in Chromium.
//
// One transaction per generated batch (about 500 enterprises with their own visits, problems and
// projects — a few thousand records), not one giant transaction, because:
//  - IndexedDB holds every write of a transaction until it commits: at bureau scale (320k records)
//    one transaction would keep all of them in memory at once, which the batch generator exists to avoid;
//  - a readwrite transaction locks its tables for its whole life: the UI could not even count
//    enterprises for the tens of seconds a bureau-scale load takes, and progress could not show;
//  - a failure near the end would roll back minutes of work. Each batch is self-contained
//    (enterprises with their own visits and problems), so an interrupted load leaves consistent data,
//    and loading again (same seed → same ids) overwrites instead of doubling.
import type { Policy } from '../../../../shared/domain/records';
import {
  demoRecordEstimate,
  demoScales,
  generateDemoBatches,
  type DemoScale,
  type DemoScaleName,
} from '../../../../shared/demo/demoData';
import { shanghaiDate } from '../../../../shared/calendar/shanghaiDate';
import type { LedgerDatabase } from '../../db/schema';
import { defaultPolicyFields } from '../visits/policyRepo';
import { writeTransaction } from '../../db/ledgerWrites';
import { ledgerDb } from '../../db/db';

export interface DemoLoadOptions {
  seed?: string | number;
  /** The demo's today (`YYYY-MM-DD`); default: today in Asia/Shanghai. */
  today?: string;
  /** Enterprises per batch and transaction; default 500. */
  enterprisesPerBatch?: number;
}

export interface DemoLoadResult {
  enterprises: number;
  visits: number;
  problems: number;
  projects: number;
  progressEntries: number;
  /** Default policies written (0 when the table already had policies). */
  policies: number;
}

export const DEMO_SEED = 'visit-ledger-demo';

/** Yields to the event loop so React can paint the progress bar between batches. */
const nextTick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function loadDemoData(
  db: LedgerDatabase = ledgerDb(),
  scale: DemoScaleName | DemoScale,
  onProgress?: (fraction: number) => void,
  options: DemoLoadOptions = {},
): Promise<DemoLoadResult> {
  const size: DemoScale = typeof scale === 'string' ? demoScales[scale] : scale;
  const today = options.today ?? shanghaiDate();
  const result: DemoLoadResult = { enterprises: 0, visits: 0, problems: 0, projects: 0, progressEntries: 0, policies: 0 };
  onProgress?.(0);

  // The policies visits promote: the 30 default measures when the table is empty, else the live ones.
  const policyIds = await writeTransaction(['policies'], async (w) => {
    const existing = await db.policies.toArray();
    if (existing.length > 0) return existing.filter((p) => p.deletedAt === undefined).map((p) => p.id);
    const rows = await w.createAll<Policy>('policies', defaultPolicyFields());
    result.policies = rows.length;
    return rows.map((p) => p.id);
  }, { actor: { officerName: '示例数据', deviceId: 'demo-device' } }, db);

  const estimate = demoRecordEstimate(size);
  let written = 0;
  for (const batch of generateDemoBatches({
    ...size,
    seed: options.seed ?? DEMO_SEED,
    today,
    policyIds,
    enterprisesPerBatch: options.enterprisesPerBatch ?? 500,
  })) {
    // Generated records carry their own first version (shared/demo/demoData.ts): stored as they are.
    await writeTransaction(['enterprises', 'visits', 'problems', 'projects', 'progressEntries'], async (w) => {
      await w.putVersioned('enterprises', batch.enterprises);
      await w.putVersioned('visits', batch.visits);
      await w.putVersioned('problems', batch.problems);
      await w.putVersioned('projects', batch.projects);
      await w.putVersioned('progressEntries', batch.progressEntries);
    }, {}, db);
    result.enterprises += batch.enterprises.length;
    result.visits += batch.visits.length;
    result.problems += batch.problems.length;
    result.projects += batch.projects.length;
    result.progressEntries += batch.progressEntries.length;
    written +=
      batch.enterprises.length + batch.visits.length + batch.problems.length + batch.projects.length + batch.progressEntries.length;
    onProgress?.(Math.min(0.99, written / estimate));
    await nextTick();
  }
  onProgress?.(1);
  return result;
}
