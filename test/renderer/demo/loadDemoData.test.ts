// Loading the demo data into the real Dexie schema (over fake-indexeddb): the tables hold exactly
// what the generator made, the default policies are added once, and loading twice doubles nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { demoScales } from '../../../shared/demo/demoData';
import { normalizeSearchQuery } from '../../../shared/search/searchTokens';
import { LedgerDatabase } from '../../../renderer/src/db/schema';
import { loadDemoData } from '../../../renderer/src/features/demo/loadDemoData';

let db: LedgerDatabase;
let dbCount = 0;

beforeEach(async () => {
  db = new LedgerDatabase(`demo-test-${++dbCount}`);
  await db.open();
});

describe('loadDemoData', () => {
  it('loads the small scale into the tables and reports progress up to 1', async () => {
    const progress: number[] = [];
    const result = await loadDemoData(db, 'small', (f) => progress.push(f), { today: '2026-11-26', enterprisesPerBatch: 80 });
    expect(await db.enterprises.count()).toBe(demoScales.small.enterprises);
    expect(await db.visits.count()).toBe(demoScales.small.visits);
    expect(await db.problems.count()).toBe(demoScales.small.problems);
    expect(await db.projects.count()).toBe(result.projects);
    expect(result.projects).toBeGreaterThan(0);
    expect(await db.progressEntries.count()).toBe(result.progressEntries);
    expect(await db.policies.count()).toBe(30);
    expect(result.policies).toBe(30);
    expect(progress[0]).toBe(0);
    expect(progress[progress.length - 1]).toBe(1);
    expect(progress.length).toBeGreaterThan(3);
    for (let i = 1; i < progress.length; i++) expect(progress[i]!).toBeGreaterThanOrEqual(progress[i - 1]!);

    // Visits reference the stored policies; the roster's prefix search finds a demo enterprise.
    const policyIds = new Set((await db.policies.toArray()).map((p) => p.id));
    const visits = await db.visits.toArray();
    expect(visits.some((v) => v.policyIds.length > 0)).toBe(true);
    for (const v of visits) for (const id of v.policyIds) expect(policyIds.has(id)).toBe(true);
    const sample = (await db.enterprises.limit(1).toArray())[0]!;
    const query = normalizeSearchQuery(sample.name.slice(2, 6));
    const found = await db.enterprises.where('searchTokens').startsWith(query).distinct().limit(50).primaryKeys();
    expect(found).toContain(sample.id);
  });

  it('keeps existing policies and doubles nothing when loaded twice', async () => {
    await db.policies.put({
      id: 'policy-own',
      createdAt: '2026-11-01T00:00:00.000Z',
      updatedAt: '2026-11-01T00:00:00.000Z',
      updatedBy: '张敏',
      rev: 1,
      versionVector: { d: 1 },
      deviceId: 'device-1',
      code: '01',
      title: '本单位自定政策',
      sourceDocument: '',
      leadUnit: '区商务局',
    });
    const scale = { enterprises: 30, visits: 120, problems: 60, projects: 2 };
    const first = await loadDemoData(db, scale, undefined, { today: '2026-11-26' });
    expect(first.policies).toBe(0);
    await loadDemoData(db, scale, undefined, { today: '2026-11-26' });
    expect(await db.policies.count()).toBe(1);
    expect(await db.enterprises.count()).toBe(30);
    expect(await db.visits.count()).toBe(120);
    expect(await db.problems.count()).toBe(60);
    const visits = await db.visits.toArray();
    for (const v of visits) for (const id of v.policyIds) expect(id).toBe('policy-own');
  });
});
