// npm run bench:hub [-- options] — the bureau hub on PostgreSQL on this machine, with simulated laptops
// pushing and pulling concurrently over HTTP, against a bare bulk INSERT of the same rows in the same
// run:
//   1. a throwaway PostgreSQL cluster (scripts/lib/pgCluster.ts; or HUB_BENCH_DATABASE_URL) and the hub
//      as its own process (`tsx server/src/main.ts`, as `npm run hub` starts it), so the laptops'
//      JSON work here does not share the hub's event loop;
//   2. city-scale data from the demo generator: the enterprises spread over the laptops (officers of
//      ten districts, each laptop its own officer) with their visits;
//   3. the first sync: every laptop registered, enrolled, and then all at once pushing their records in
//      batches of 1,000 (as 同步 does) — throughput and each request's latency;
//   4. the first pull: every laptop at once pulling its scope from nothing, pages of 1,000;
//   5. a working day: every laptop at once pushing 10 edited visits, then pulling what changed;
//   6. the database's size; then the baseline: the same rows INSERTed bare (multi-row, batches of
//      1,000, the same number of connections as the hub's pool) into a table of the same shape.
// Options: --clients N (200), --enterprises N (20000), --visits N (1000000), --no-docs (print only;
// otherwise the "bench:hub" section of docs/benchmarks.md is replaced).
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Enterprise, Visit } from '../shared/domain/records';
import { generateDemoBatches } from '../shared/demo/demoData';
import { formatMs, machineLine, markdownTable, percentile, writeBenchmarkSection } from './lib/benchReport';
import { startPgCluster, type PgCluster } from './lib/pgCluster';
import { projectRoot } from './lib/renderer';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = argv.indexOf(name);
  return i === -1 ? fallback : Number(argv[i + 1]);
};
const clients = option('--clients', 200);
const enterpriseCount = option('--enterprises', 20_000);
const visitCount = option('--visits', 1_000_000);
const writeDocs = !argv.includes('--no-docs');
const batchSize = 1000;
const districts = 10;
const adminToken = 'bench-admin-token';
const port = 18797;
const hubUrl = `http://127.0.0.1:${port}`;

const log = (line: string) => console.log(`[bench:hub] ${line}`);

interface Laptop {
  deviceId: string;
  officer: string;
  district: string;
  token?: string;
  rows: { table: string; record: unknown }[];
}

async function call(path: string, init: RequestInit & { token?: string }): Promise<{ status: number; json: unknown; ms: number }> {
  const started = performance.now();
  const response = await fetch(`${hubUrl}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
  });
  const json = (await response.json()) as unknown;
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${JSON.stringify(json).slice(0, 300)}`);
  return { status: response.status, json, ms };
}

async function startHub(databaseUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), path.join(projectRoot, 'server/src/main.ts')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, HUB_PORT: String(port), HUB_ADMIN_TOKEN: adminToken },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('监听')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`hub exited with ${code}`)));
  });
  return child;
}

function makeLaptops(): Laptop[] {
  const laptops: Laptop[] = Array.from({ length: clients }, (_, i) => ({
    deviceId: `bench-laptop-${String(i).padStart(4, '0')}`,
    officer: `专员${String(i).padStart(4, '0')}`,
    district: `第${(i % districts) + 1}区`,
    rows: [],
  }));
  const owner = new Map<string, Laptop>();
  let e = 0;
  for (const batch of generateDemoBatches({ seed: 'bench-hub', enterprises: enterpriseCount, visits: visitCount, problems: 0, projects: 0, today: '2026-11-30', enterprisesPerBatch: 1000 })) {
    for (const enterprise of batch.enterprises) {
      const laptop = laptops[e++ % clients]!;
      owner.set(enterprise.id, laptop);
      laptop.rows.push({ table: 'enterprises', record: { ...enterprise, assignedOfficer: laptop.officer, deviceId: laptop.deviceId } satisfies Enterprise });
    }
    for (const visit of batch.visits) {
      const laptop = owner.get(visit.enterpriseId)!;
      laptop.rows.push({ table: 'visits', record: { ...visit, deviceId: laptop.deviceId } satisfies Visit });
    }
  }
  return laptops;
}

interface PhaseFigures {
  requests: number[];
  records: number;
  wallMs: number;
}

function phaseRow(name: string, f: PhaseFigures): string[] {
  return [name, f.records.toLocaleString('en-US'), String(f.requests.length), formatMs(f.wallMs), `${Math.round(f.records / (f.wallMs / 1000)).toLocaleString('en-US')}/s`, formatMs(percentile(f.requests, 50)), formatMs(percentile(f.requests, 95))];
}

async function pushAll(laptops: Laptop[], rowsOf: (l: Laptop) => { table: string; record: unknown }[]): Promise<PhaseFigures> {
  const requests: number[] = [];
  let records = 0;
  const started = performance.now();
  await Promise.all(
    laptops.map(async (laptop) => {
      const rows = rowsOf(laptop);
      for (let i = 0; i < rows.length; i += batchSize) {
        const batch = rows.slice(i, i + batchSize);
        const { ms } = await call('/api/push', { method: 'POST', token: laptop.token, body: JSON.stringify({ records: batch }) });
        requests.push(ms);
        records += batch.length;
      }
    }),
  );
  return { requests, records, wallMs: performance.now() - started };
}

async function pullAll(laptops: Laptop[], since: Map<string, number>): Promise<PhaseFigures> {
  const requests: number[] = [];
  let records = 0;
  const started = performance.now();
  await Promise.all(
    laptops.map(async (laptop) => {
      let from = since.get(laptop.deviceId) ?? 0;
      for (;;) {
        const { json, ms } = await call(`/api/pull?since=${from}&limit=${batchSize}`, { method: 'GET', token: laptop.token });
        const page = json as { changes: unknown[]; nextSince: number; more: boolean };
        requests.push(ms);
        records += page.changes.length;
        from = page.nextSince;
        if (!page.more) break;
      }
      since.set(laptop.deviceId, from);
    }),
  );
  return { requests, records, wallMs: performance.now() - started };
}

async function bareInsert(url: string, laptops: Laptop[]): Promise<{ wallMs: number; records: number }> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await pool.query(`CREATE TABLE bare_records (table_name text NOT NULL, id text NOT NULL, record jsonb NOT NULL, server_seq bigserial, PRIMARY KEY (table_name, id))`);
  const rows = laptops.flatMap((l) => l.rows) as { table: string; record: { id: string } }[];
  const batches: (typeof rows)[] = [];
  for (let i = 0; i < rows.length; i += batchSize) batches.push(rows.slice(i, i + batchSize));
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (next < batches.length) {
        const batch = batches[next++]!;
        await pool.query('INSERT INTO bare_records (table_name, id, record) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]::jsonb[])', [
          batch.map((r) => r.table),
          batch.map((r) => r.record.id),
          batch.map((r) => JSON.stringify(r.record)),
        ]);
      }
    }),
  );
  const wallMs = performance.now() - started;
  await pool.end();
  return { wallMs, records: rows.length };
}

async function main(): Promise<void> {
  let cluster: PgCluster | undefined;
  let hub: ChildProcess | undefined;
  const adminUrl = process.env.HUB_BENCH_DATABASE_URL ?? (cluster = await startPgCluster()).url;
  try {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS hub_bench');
    await admin.query('CREATE DATABASE hub_bench');
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = '/hub_bench';
    hub = await startHub(url.toString());
    log(`hub on PostgreSQL at ${hubUrl}; generating ${enterpriseCount.toLocaleString('en-US')} enterprises and ${visitCount.toLocaleString('en-US')} visits for ${clients} laptops …`);
    const laptops = makeLaptops();

    for (const laptop of laptops) {
      const { json } = await call('/api/admin/devices', {
        method: 'POST',
        token: adminToken,
        body: JSON.stringify({ deviceId: laptop.deviceId, officer: laptop.officer, unit: laptop.officer, district: laptop.district, scope: 'officer' }),
      });
      const enrolled = await call('/api/enrol', { method: 'POST', body: JSON.stringify({ deviceId: laptop.deviceId, code: (json as { enrolmentCode: string }).enrolmentCode }) });
      laptop.token = (enrolled.json as { token: string }).token;
    }

    log('first push …');
    const firstPush = await pushAll(laptops, (l) => l.rows);
    log(`first push: ${formatMs(firstPush.wallMs)}`);
    const since = new Map<string, number>();
    log('first pull …');
    const firstPull = await pullAll(laptops, since);
    log(`first pull: ${formatMs(firstPull.wallMs)}`);

    // A working day: ten visits edited on each laptop.
    const edited = (l: Laptop) =>
      l.rows
        .filter((r) => r.table === 'visits')
        .slice(0, 10)
        .map((r) => {
          const v = r.record as Visit;
          return { table: 'visits', record: { ...v, summary: `${v.summary}（补充）`, rev: v.rev + 1, versionVector: { ...v.versionVector, [l.deviceId]: (v.versionVector[l.deviceId] ?? 0) + 1 }, updatedAt: '2026-12-01T08:00:00.000Z' } };
        });
    const dayPush = await pushAll(laptops, edited);
    const dayPull = await pullAll(laptops, since);

    const sizes = new pg.Client({ connectionString: url.toString() });
    await sizes.connect();
    const size = (await sizes.query<{ db: string; records: string }>("SELECT pg_database_size(current_database()) AS db, pg_total_relation_size('hub_records') AS records")).rows[0]!;
    await sizes.end();

    log('baseline: bare bulk INSERT …');
    const bare = await bareInsert(url.toString(), laptops);
    const mb = (bytes: string | number) => `${(Number(bytes) / 2 ** 20).toFixed(0)} MB`;
    const body = `Measured ${machineLine()}, load ${os.loadavg()[0]!.toFixed(1)} at the end; PostgreSQL ${cluster ? '(throwaway cluster, Debian package, default settings)' : '(HUB_BENCH_DATABASE_URL)'}; the hub as its own Node process with a pool of 10 connections; ${clients} laptops (officers of ${districts} districts, one officer each) as concurrent HTTP clients in one process; ${enterpriseCount.toLocaleString('en-US')} enterprises and ${visitCount.toLocaleString('en-US')} visits (demo generator).

${markdownTable(
  ['phase', 'records', 'requests', 'wall', 'throughput', 'request p50', 'request p95'],
  [
    phaseRow('first push (all laptops at once, batches of 1,000)', firstPush),
    phaseRow('first pull (every laptop its scope, pages of 1,000)', firstPull),
    phaseRow('a working day: 10 edited visits per laptop, pushed', dayPush),
    phaseRow('a working day: pulled', dayPull),
  ],
)}

- Baseline, same run: the same ${bare.records.toLocaleString('en-US')} rows INSERTed bare (multi-row, batches of 1,000, 10 connections) into a table of the same key: ${formatMs(bare.wallMs)} (${Math.round(bare.records / (bare.wallMs / 1000)).toLocaleString('en-US')}/s). The hub's first push takes **${(firstPush.wallMs / bare.wallMs).toFixed(1)}×** that: it also checks every record against its schema, merges it with the stored copy, checks the laptop's scope, gives it a change number and keeps the assignments — over HTTP with JSON.
- Database: ${mb(size.db)} in all, hub_records ${mb(size.records)} with its indexes.
`;
    console.log(body);
    if (writeDocs) await writeBenchmarkSection('bench:hub', body);
  } finally {
    if (hub && hub.exitCode === null) {
      const exited = new Promise((resolve) => hub!.once('exit', resolve));
      hub.kill('SIGTERM');
      await exited;
    }
    await cluster?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
