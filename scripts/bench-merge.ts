// npm run bench:merge [scale] [options] — a data package of 10,000 changed records (by default) merged
// into the bureau-scale database (20,000 enterprises, 200,000 visits, 100,000 problems) in real
// Chromium (persistent profile, IndexedDB on disk), against a bare bulkPut of the same records in the
// same run:
//   1. the demo data is loaded through the app (window.visitLedgerDebug.loadDemoData, bench:load's
//      path), then the browser is closed and reopened on the same profile, as on another day; the
//      page waits on 设置 (a screen that reads little: only its demo-data check re-runs after a write);
//   2. each run, the page makes the package another laptop would send (visitLedgerDebug.
//      makeMergePackage: edited copies of random demo visits and problems, versions bumped by a
//      foreign device, plus new records; real package bytes from writeDataPackage) and merges it
//      through the app's code (visitLedgerDebug.timeMerge: readLedgerPackage + applyMerge, every record
//      checked afterwards); the baseline, in the same page on the same database, is a bare Dexie
//      bulkPut of the same records into the same tables, in one transaction;
//   3. once more, the phases timed one by one with the app's functions (visitLedgerDebug.mergePhases).
// Each side is timed in the page (wall) and as the CPU time of every Chromium process of the profile
// (/proc, scripts/lib/processCpu.ts): other people's work on this 2-core machine moves wall time a lot
// and CPU time little.
//
// Fairness: both sides write the same records into the same tables of the same database, starting
// from the same state — after each side, what it wrote is put back as it was (the stored originals
// re-put, the new records deleted, the enterprises' derived fields restored), untimed; the side that
// goes first alternates between runs, so neither profits from the other's warm caches; each run edits
// another random sample (its own seed). The baseline and the putting back are bundled here
// (bundleForPage), not in the app: they write synced tables around the write path, which the app
// never does (ESLint forbids it in renderer/).
//
// Options:
//   [scale]                  bureau (default) or small
//   --records N              records in the package (default 10000; a fifth new, the rest edits)
//   --runs N                 timed runs (default 4: each side first twice; the median is reported)
//   --reuse-profile <dir>    keep the loaded profile in <dir> (also BENCH_MERGE_PROFILE); loaded only when
//                            <dir> does not hold a finished load of the same scale yet
//   --profile <file.md>      also record Chromium's performance trace of one merge, on an unminified build,
//                            with every IndexedDB request and its caller (scripts/lib/pageProfile.ts)
//   --no-docs                print only; otherwise the "bench:merge" section of docs/benchmarks.md is replaced
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { demoScales, type DemoScale } from '../shared/demo/demoData';
import { bundleForPage } from './lib/benchBaseline';
import { buildRendererVariant } from './lib/benchBuilds';
import { formatMs, machineLine, markdownTable, writeBenchmarkSection } from './lib/benchReport';
import { freshTempDir, launchChromium, removeTempDir } from './lib/chromium';
import { installIdbProbe, profileMarkdown, startTrace, summariseProfile, takeIdbLog, type ProfileSummary } from './lib/pageProfile';
import { profileCpuMs } from './lib/processCpu';
import { prepareRenderer, projectRoot } from './lib/renderer';
import { screens, waitPainted } from './lib/screenReady';
import { loadAverage, serveOn, withProgress as withProgressLogged } from './lib/benchServe';

// ————— options —————

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i === -1 ? undefined : argv[i + 1];
};
const valued = new Set(['--records', '--runs', '--reuse-profile', '--profile']);
const scaleName = argv.find((a, i) => !a.startsWith('--') && !valued.has(argv[i - 1] ?? '')) ?? 'bureau';
if (!(scaleName in demoScales)) throw new Error(`unknown scale ${scaleName} (${Object.keys(demoScales).join(', ')})`);
const scale: DemoScale = demoScales[scaleName as keyof typeof demoScales];
const records = Number(option('--records') ?? 10_000);
const runs = Number(option('--runs') ?? 4);
const keptProfile = option('--reuse-profile') ?? process.env.BENCH_MERGE_PROFILE;
const profileOut = option('--profile');
const writeDocs = !flag('--no-docs');
const newShare = 0.2;
const targetMs = 5_000;
const targetRatio = 2;

const started = Date.now();
const log = (line: string) => console.log(`[bench:merge ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const load = loadAverage;

// ————— what the page offers —————

/** What renderer/src/debugHooks.ts puts on window (the part this bench uses). */
interface MergePackageInfo {
  packageBytes: number;
  jsonBytes: number;
  records: number;
  edited: { visits: number; problems: number };
  added: { visits: number; problems: number };
  enterprises: number;
  buildMs: number;
}
interface MergeTiming {
  parseMs: number;
  applyMs: number;
  mergeMs: number;
  records: number;
  result: Record<string, Record<string, number>>;
  conflicts: number;
}
interface MergePhases {
  jsonMs: number;
  zodMs: number;
  readMs: number;
  previewMs: number;
  mergeBatchMs: number;
  bulkGetMs: number;
  applyMs: number;
}
interface DebugApi {
  loadDemoData(scale: DemoScale): Promise<Record<string, number>>;
  counts(): Promise<Record<string, number>>;
  makeMergePackage(options: { records: number; newShare: number; seed: number }): Promise<MergePackageInfo>;
  timeMerge(options?: { check?: boolean }): Promise<MergeTiming>;
  mergePhases(): Promise<MergePhases>;
  progress: unknown;
}
interface BareApi {
  open(): Promise<void>;
  snapshot(): Promise<void>;
  bare(): Promise<{ bareMs: number; records: number }>;
  revert(): Promise<void>;
}
type BenchWindow = Window & { visitLedgerDebug: DebugApi; benchMergeBare: BareApi };

// The page-side baseline and the putting back, on the app's database ('visit-ledger') through a
// second, bare Dexie connection (dynamic mode: the schema is read from the database). The records are
// the package's, as the app's hook made them (visitLedgerDebug.mergePackage).
const bareEntry = `
import Dexie from 'dexie';

let db;
let saved;
const current = () => {
  const pkg = window.visitLedgerDebug.mergePackage;
  if (!pkg) throw new Error('no package: call visitLedgerDebug.makeMergePackage first');
  return pkg;
};
const tablesOf = (pkg) => Object.keys(pkg.tables);

window.benchMergeBare = {
  async open() {
    db = new Dexie('visit-ledger');
    await db.open();
  },
  /** The stored copies of the package's records and of its visits' enterprises, to put back later. */
  async snapshot() {
    const pkg = current();
    const originals = {};
    let conflicts = 0;
    await db.transaction('r', [...tablesOf(pkg), 'enterprises', 'conflicts'], async () => {
      for (const table of tablesOf(pkg)) originals[table] = await db.table(table).bulkGet(pkg.tables[table].map((r) => r.id));
      originals.enterprises = await db.table('enterprises').bulkGet(pkg.enterpriseIds);
      conflicts = await db.table('conflicts').count();
    });
    saved = { pkg, originals, conflicts };
  },
  /** The baseline: the same records, one bare bulkPut per table, in one transaction. */
  async bare() {
    const pkg = current();
    const tables = tablesOf(pkg);
    const before = await Promise.all(tables.map((t) => db.table(t).count()));
    const started = performance.now();
    await db.transaction('rw', tables, async () => {
      for (const table of tables) await db.table(table).bulkPut(pkg.tables[table]);
    });
    const bareMs = performance.now() - started;
    const after = await Promise.all(tables.map((t) => db.table(t).count()));
    tables.forEach((t, i) => {
      if (after[i] !== before[i] + pkg.addedIds[t].length) throw new Error('bare bulkPut: ' + t + ' has ' + after[i] + ' rows, expected ' + (before[i] + pkg.addedIds[t].length));
    });
    return { bareMs, records: tables.reduce((n, t) => n + pkg.tables[t].length, 0) };
  },
  /** Puts back what either side wrote: the stored originals, the new records deleted. */
  async revert() {
    if (!saved || saved.pkg !== current()) throw new Error('snapshot first');
    const { pkg, originals } = saved;
    await db.transaction('rw', [...tablesOf(pkg), 'enterprises'], async () => {
      for (const table of tablesOf(pkg)) {
        const rows = pkg.tables[table];
        await db.table(table).bulkPut(originals[table].filter(Boolean));
        await db.table(table).bulkDelete(rows.filter((_, i) => !originals[table][i]).map((r) => r.id));
      }
      await db.table('enterprises').bulkPut(originals.enterprises.filter(Boolean));
    });
    const conflicts = await db.table('conflicts').count();
    if (conflicts !== saved.conflicts) throw new Error('the merge kept ' + (conflicts - saved.conflicts) + ' conflicts; expected none');
  },
};
`;

let bareScript: string | undefined;
async function installBare(page: Page): Promise<void> {
  bareScript ??= await bundleForPage({ stdin: { contents: bareEntry, resolveDir: projectRoot, loader: 'js', sourcefile: 'bench-merge-bare.js' } });
  await page.evaluate(bareScript);
  await page.evaluate(() => (window as unknown as BenchWindow).benchMergeBare.open());
}

const hook = {
  counts: (page: Page) => page.evaluate(() => (window as unknown as BenchWindow).visitLedgerDebug.counts()),
  makeMergePackage: (page: Page, size: number, seed: number) =>
    page.evaluate((o) => (window as unknown as BenchWindow).visitLedgerDebug.makeMergePackage(o), { records: size, newShare, seed }),
  timeMerge: (page: Page, check = true) => page.evaluate((c) => (window as unknown as BenchWindow).visitLedgerDebug.timeMerge({ check: c }), check),
  mergePhases: (page: Page) => page.evaluate(() => (window as unknown as BenchWindow).visitLedgerDebug.mergePhases()),
};
const bare = {
  snapshot: (page: Page) => page.evaluate(() => (window as unknown as BenchWindow).benchMergeBare.snapshot()),
  put: (page: Page) => page.evaluate(() => (window as unknown as BenchWindow).benchMergeBare.bare()),
  revert: (page: Page) => page.evaluate(() => (window as unknown as BenchWindow).benchMergeBare.revert()),
};

// ————— browser helpers (as bench:load's) —————

/**
 * tsx compiles this script with esbuild's keepNames, which wraps named inner functions in __name(…);
 * functions sent to page.evaluate carry those calls into the page, so the page gets a no-op __name.
 */
async function launch(profileDir: string, options: { idbProbe?: boolean } = {}): Promise<BrowserContext> {
  const context = await launchChromium({ profileDir });
  await context.addInitScript('globalThis.__name = globalThis.__name || ((fn) => fn);');
  if (options.idbProbe) await installIdbProbe(context);
  return context;
}

/** Opens 设置 (it reads little, so hardly any live query re-runs while the merge writes) with the hooks. */
async function openApp(context: BrowserContext, url: string): Promise<Page> {
  const page = context.pages()[0]!;
  page.setDefaultTimeout(900_000);
  page.on('pageerror', (error) => log(`page error: ${error.message}`));
  await page.goto(`${url}${screens.settings.hash}`);
  await waitPainted(page, [screens.settings.ready]);
  await page.waitForFunction(() => 'visitLedgerDebug' in window);
  return page;
}

const withProgress = <T>(page: Page, label: string, work: Promise<T>) => withProgressLogged(page, label, work, log);

const settle = (page: Page, ms = 1000) => page.waitForTimeout(ms);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const formatBytes = (bytes: number) => (bytes >= 1024 ** 2 ? `${(bytes / 1024 ** 2).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} KB`);

/** The commit measured, and the files of the merge's path that differ from it in the working tree. */
function codeLine(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: projectRoot, encoding: 'utf8' }).trim();
    const dirty = git('status', '--porcelain', '--', 'renderer/src/features/exchange', 'renderer/src/db', 'shared/sync', 'shared/domain')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.slice(3));
    return `commit ${git('rev-parse', '--short', 'HEAD')}${dirty.length > 0 ? ` with uncommitted changes to ${dirty.join(', ')}` : ''}`;
  } catch {
    return 'commit unknown';
  }
}

// ————— the runs —————

interface Side {
  ms: number;
  cpuMs: number;
}
interface Run {
  run: number;
  order: 'merge first' | 'baseline first';
  info: MergePackageInfo;
  merge: MergeTiming & { cpuMs: number };
  bare: Side;
  loadBefore: string;
  loadAfter: string;
}

async function cpuTimed<T>(profileDir: string, work: () => Promise<T>): Promise<[T, number]> {
  const before = profileCpuMs(profileDir);
  const value = await work();
  return [value, profileCpuMs(profileDir) - before];
}

/** One run: a fresh package (own seed), both sides from the same database state, order alternating. */
async function oneRun(page: Page, profileDir: string, run: number, size: number, seed: number): Promise<Run> {
  const info = await hook.makeMergePackage(page, size, seed);
  await bare.snapshot(page);
  await settle(page);
  const loadBefore = load();
  const mergeFirst = run % 2 === 1;
  const timeMerge = async () => {
    const [timing, cpuMs] = await cpuTimed(profileDir, () => hook.timeMerge(page));
    await bare.revert(page);
    await settle(page);
    return { ...timing, cpuMs };
  };
  const timeBare = async (): Promise<Side> => {
    const [{ bareMs }, cpuMs] = await cpuTimed(profileDir, () => bare.put(page));
    await bare.revert(page);
    await settle(page);
    return { ms: bareMs, cpuMs };
  };
  let merge: Run['merge'];
  let bareSide: Side;
  if (mergeFirst) {
    merge = await timeMerge();
    bareSide = await timeBare();
  } else {
    bareSide = await timeBare();
    merge = await timeMerge();
  }
  if (merge.conflicts !== 0) throw new Error(`expected no conflicts, got ${merge.conflicts}`);
  return { run, order: mergeFirst ? 'merge first' : 'baseline first', info, merge, bare: bareSide, loadBefore, loadAfter: load() };
}

// ————— profile —————

async function profileMerge(port: number, profileDir: string): Promise<{ summary: ProfileSummary; raw: string }> {
  log('profile: unminified build with the hooks …');
  const build = await buildRendererVariant({ debugHooks: true, minify: false, label: 'profile' });
  const server = await serveOn(build.dir, port);
  try {
    const context = await launch(profileDir, { idbProbe: true });
    try {
      const page = await openApp(context, server.url);
      await installBare(page);
      // Warm-up: the chunks loaded and compiled, as in the timed runs.
      await hook.makeMergePackage(page, Math.min(300, records), 2000);
      await bare.snapshot(page);
      await hook.timeMerge(page);
      await bare.revert(page);
      const info = await hook.makeMergePackage(page, records, 98);
      await bare.snapshot(page);
      const before = await hook.counts(page);
      await settle(page, 2000);
      await takeIdbLog(page);
      // The merge alone in the trace: its check (which the timed runs make) is left out here.
      const trace = await startTrace(page);
      const timing = await hook.timeMerge(page, false);
      const events = await trace.stop();
      const idb = await takeIdbLog(page);
      await bare.revert(page);
      const after = await hook.counts(page);
      if (after.visits !== before.visits || after.problems !== before.problems) throw new Error('profile: the database was not put back');
      const summary = summariseProfile(
        `merge of ${info.records} records (${formatBytes(info.packageBytes)}): read ${formatMs(timing.parseMs)} + apply ${formatMs(timing.applyMs)} = ${formatMs(timing.mergeMs)} (profiled: the probe's stack captures slow it down)`,
        timing.mergeMs,
        events,
        idb,
        build.dir,
      );
      const raw = path.join(os.tmpdir(), `bench-merge-trace-${Date.now()}.json`);
      writeFileSync(raw, JSON.stringify(events));
      return { summary, raw };
    } finally {
      await context.close();
    }
  } finally {
    await server.close();
    await build.cleanup();
  }
}

// ————— report —————

interface KeptMarker {
  scale: DemoScale;
  port: number;
  loadedAt: string;
  loadMs: number;
}

function report(results: Run[], phases: MergePhases, profile?: ProfileSummary) {
  const mergeMedian = median(results.map((r) => r.merge.mergeMs));
  const bareMedian = median(results.map((r) => r.bare.ms));
  const ratioMedian = median(results.map((r) => r.merge.mergeMs / r.bare.ms));
  const cpuRatioMedian = median(results.map((r) => r.merge.cpuMs / r.bare.cpuMs));
  const runTable = markdownTable(
    ['run', 'order (load avg)', 'package', 'read', 'apply', 'merge total', 'bare bulkPut', 'merge ÷ bare', 'CPU: merge / bare', 'CPU ratio'],
    [
      ...results.map((r) => [
        String(r.run),
        `${r.order} (${r.loadBefore}→${r.loadAfter})`,
        `${formatBytes(r.info.packageBytes)}, ${r.info.records} records`,
        formatMs(r.merge.parseMs),
        formatMs(r.merge.applyMs),
        formatMs(r.merge.mergeMs),
        formatMs(r.bare.ms),
        `${(r.merge.mergeMs / r.bare.ms).toFixed(2)}x`,
        `${formatMs(r.merge.cpuMs)} / ${formatMs(r.bare.cpuMs)}`,
        `${(r.merge.cpuMs / r.bare.cpuMs).toFixed(2)}x`,
      ]),
      [
        '**median**',
        '',
        formatBytes(median(results.map((r) => r.info.packageBytes))),
        formatMs(median(results.map((r) => r.merge.parseMs))),
        formatMs(median(results.map((r) => r.merge.applyMs))),
        `**${formatMs(mergeMedian)}**`,
        `**${formatMs(bareMedian)}**`,
        `**${ratioMedian.toFixed(2)}x**`,
        `${formatMs(median(results.map((r) => r.merge.cpuMs)))} / ${formatMs(median(results.map((r) => r.bare.cpuMs)))}`,
        `${cpuRatioMedian.toFixed(2)}x`,
      ],
    ],
  );
  const phaseTable = markdownTable(
    ['phase (the app’s functions, timed one by one on one more package)', 'time'],
    [
      ['readLedgerPackage: unzip, checksum, JSON, zod', formatMs(phases.readMs)],
      ['— JSON.parse of the tables', formatMs(phases.jsonMs)],
      ['— zod safeParse of every record (the merge runs it twice: reading, and again in the write path)', formatMs(phases.zodMs)],
      [
        '— the rest: unzip (fflate), SHA-256 checksum, copies',
        phases.readMs > phases.jsonMs + phases.zodMs ? formatMs(phases.readMs - phases.jsonMs - phases.zodMs) : 'within the noise of the two above (see the profile)',
      ],
      ['bulkGet of the package ids (first read of them)', formatMs(phases.bulkGetMs)],
      ['mergeBatch (pure)', formatMs(phases.mergeBatchMs)],
      ['previewMerge (bulkGet + mergeBatch; caches warm)', formatMs(phases.previewMs)],
      ['applyMerge right after (caches warm)', formatMs(phases.applyMs)],
    ],
  );
  const byOrder = (['merge first', 'baseline first'] as const)
    .map((order) => {
      const ratios = results.filter((r) => r.order === order).map((r) => r.merge.mergeMs / r.bare.ms);
      return ratios.length > 0 ? `${order}: ${ratios.map((x) => `${x.toFixed(2)}x`).join(', ')}` : '';
    })
    .filter(Boolean)
    .join('; ');
  const profileTable = profile
    ? [
        `Profiled merge (one more package, unminified build, every IndexedDB request logged with its caller — which slows it): ${profile.label.replace(/^merge of /, '')}.`,
        '',
        markdownTable(
          ['IndexedDB work by caller', 'store', 'method', 'requests', 'span (first call → last answer)'],
          profile.idb.groups
            .filter((g) => g.requests > 10)
            .slice(0, 8)
            .map((g) => [g.caller.replace(/ ← .*/, ''), g.store, g.method, String(g.requests), formatMs(g.spanMs)]),
        ),
        '',
        `Browser side (IndexedDB backend): ${profile.idbTrace
          .filter((e) => /Operation$|PutRecord/.test(e.name))
          .map((e) => `${e.name} ${formatMs(e.totalMs)} (${e.count})`)
          .join(', ')}. Renderer JavaScript by module (self): ${profile.cpu.byModule
          .slice(0, 5)
          .map((m) => `${m.module.replace(/^node_modules\//, '')} ${formatMs(m.selfMs)}`)
          .join(', ')}; idle (waiting for IndexedDB) ${formatMs(profile.cpu.special.find((x) => x.name === '(idle)')?.selfMs ?? Number.NaN)}.`,
      ].join('\n')
    : '';
  const mergeMet = mergeMedian < targetMs;
  const ratioMet = ratioMedian <= targetRatio;
  const verdict =
    `Target: merge < ${targetMs / 1000} s — **${mergeMet ? 'met' : 'missed'}** (median ${formatMs(mergeMedian)}); ` +
    `merge ≤ ${targetRatio}× the bare bulkPut — **${ratioMet ? 'met' : 'missed'}** (median ${ratioMedian.toFixed(2)}x wall, ${cpuRatioMedian.toFixed(2)}x CPU; by order, ${byOrder})`;
  return { runTable, phaseTable, profileTable, verdict };
}

async function main() {
  // The code measured: what the renderer is built from now (others commit while the bench runs).
  const code = codeLine();
  log(`scale ${scaleName}, package of ${records} records, ${runs} runs; ${machineLine()}; ${code}`);
  const renderer = await prepareRenderer(log);
  const profileDir = keptProfile ? path.resolve(keptProfile) : await freshTempDir('bench-merge-profile');
  if (keptProfile) await mkdir(profileDir, { recursive: true });
  const markerFile = keptProfile ? path.join(profileDir, 'bench-merge.json') : undefined;
  let marker: KeptMarker | undefined;
  if (markerFile && existsSync(markerFile)) {
    marker = JSON.parse(readFileSync(markerFile, 'utf8')) as KeptMarker;
    if (JSON.stringify(marker.scale) !== JSON.stringify(scale)) throw new Error(`${keptProfile} holds scale ${JSON.stringify(marker.scale)}: pass another folder`);
    log(`reusing the profile in ${keptProfile} (loaded at ${marker.loadedAt})`);
  }
  let server = await serveOn(renderer.dir, marker?.port ?? 0);
  const port = server.port;
  const results: Run[] = [];
  let phases: MergePhases;
  let counts: Record<string, number>;
  let chromiumVersion: string;
  let profile: { summary: ProfileSummary; raw: string } | undefined;
  try {
    // 1. The database: the demo data through the app, as bench:load loads it.
    if (!marker) {
      const context = await launch(profileDir);
      try {
        const page = await openApp(context, server.url);
        log(`loading ${scaleName} demo data through the app … (load ${load()})`);
        const loadStart = performance.now();
        const loaded = await withProgress(page, 'load', page.evaluate((s) => (window as unknown as BenchWindow).visitLedgerDebug.loadDemoData(s), scale));
        const loadMs = performance.now() - loadStart;
        log(`loaded in ${formatMs(loadMs)} → ${JSON.stringify(loaded)}`);
        marker = { scale, port, loadedAt: new Date().toISOString(), loadMs };
        if (markerFile) writeFileSync(markerFile, JSON.stringify(marker, null, 1));
      } finally {
        await context.close();
      }
    }

    // Another day: the browser reopened on the same profile, the page on 设置, left to settle.
    const context = await launch(profileDir);
    try {
      const page = await openApp(context, server.url);
      chromiumVersion = context.browser()?.version() ?? '';
      await settle(page, 10_000);
      counts = await hook.counts(page);
      if ((counts.visits ?? 0) < scale.visits) throw new Error(`the profile holds ${JSON.stringify(counts)}: not a finished ${scaleName} load`);
      log(`reopened: ${JSON.stringify(counts)} (load ${load()})`);
      await installBare(page);

      // 2. Warm-up (code loaded and compiled on both sides), then the timed runs.
      await oneRun(page, profileDir, 0, Math.min(300, records), 1000);
      for (let run = 1; run <= runs; run++) {
        const r = await oneRun(page, profileDir, run, records, run);
        results.push(r);
        log(
          `run ${run} (${r.order}, load ${r.loadBefore}→${r.loadAfter}): package ${formatBytes(r.info.packageBytes)} (${r.info.records} records, ` +
            `${r.info.enterprises} enterprises; made in ${formatMs(r.info.buildMs)}); merge: read ${formatMs(r.merge.parseMs)} + apply ${formatMs(r.merge.applyMs)} ` +
            `= ${formatMs(r.merge.mergeMs)} (CPU ${formatMs(r.merge.cpuMs)}); bare bulkPut ${formatMs(r.bare.ms)} (CPU ${formatMs(r.bare.cpuMs)}); ` +
            `${(r.merge.mergeMs / r.bare.ms).toFixed(2)}x; ${JSON.stringify(r.merge.result)}`,
        );
      }

      // 3. The phases one by one, on a package of their own.
      await hook.makeMergePackage(page, records, 99);
      await bare.snapshot(page);
      phases = await hook.mergePhases(page);
      await bare.revert(page);
      log(`phases: ${JSON.stringify(phases)}`);
      const after = await hook.counts(page);
      if (after.visits !== counts.visits || after.problems !== counts.problems || after.conflicts !== counts.conflicts) {
        throw new Error(`the database was not put back: ${JSON.stringify(after)} vs ${JSON.stringify(counts)}`);
      }
    } finally {
      await context.close();
    }
    if (profileOut) {
      await server.close();
      profile = await profileMerge(port, profileDir);
      server = await serveOn(renderer.dir, port);
    }
  } finally {
    await server.close();
    await renderer.cleanup();
    if (!keptProfile) await removeTempDir(profileDir);
  }

  const { runTable, phaseTable, profileTable, verdict } = report(results, phases, profile?.summary);
  console.log(`\n${runTable}\n\n${phaseTable}\n\n${profileTable}\n\n${verdict}\n`);
  if (profile && profileOut) {
    const text = [`# bench:merge profile, ${machineLine()}; ${code}`, '', `Scale: ${scaleName}. Raw trace: ${profile.raw}`, '', profileMarkdown(profile.summary)].join('\n\n');
    writeFileSync(profileOut, `${text}\n`);
    log(`profile tables in ${profileOut}`);
  }
  if (!writeDocs) return;
  const first = results[0]!.info;
  await writeBenchmarkSection(
    'bench:merge',
    `Measured ${machineLine()}; Chromium ${chromiumVersion || '(persistent context)'}, headless, persistent profile (IndexedDB on disk); scale \`${scaleName}\` (${counts.enterprises} enterprises, ${counts.visits} visits, ${counts.problems} problems); ${code}${marker?.loadedAt ? `; profile loaded by this script at ${marker.loadedAt}` : ''}.

${runTable}

${verdict}.

What is measured (scripts/bench-merge.ts, visitLedgerDebug.makeMergePackage / timeMerge in renderer/src/debugHooks.ts):
- The package: ${first.records} records as another officer's laptop would send them — ${first.edited.visits} visits and ${first.edited.problems} problems edited there
  (random demo records, each a new revision by a foreign device id), ${first.added.visits} new visits (dated today, so their
  enterprises' last visit date moves) and ${first.added.problems} new problems; ${first.enterprises} enterprises touched. Real bytes from \`writeDataPackage\`
  (${formatBytes(first.jsonBytes)} of JSON, ${formatBytes(first.packageBytes)} zipped), made in the page; each run edits another random sample.
- Merge: the app's code as an officer runs it, minus the backup before it and reading the file from disk — \`readLedgerPackage\`
  (unzip, checksum, JSON, zod per record) + \`applyMerge\` (one transaction: bulkGet of the package ids, merge, the write path's
  zod check and change numbers, bulkPut, derived fields of the enterprises touched). Afterwards every record is checked to be
  stored as sent (table counts, each record's version), and the run fails otherwise. No conflicts (the edits dominate).
- Bare: Dexie \`bulkPut\` of the same records into the same tables of the same database, one transaction, through a second
  Dexie connection (bundled by the script, not part of the app).
- Fair start: after each side, what it wrote is put back (stored originals re-put, new records deleted, enterprises restored),
  untimed; the first side alternates; a warm-up run first; the page waits on 设置 (only its demo-data check re-runs after a write).
  Wall time is timed in the page; CPU time is every Chromium process of the profile (/proc), which this shared 2-core
  machine's other work moves much less. Served from http://127.0.0.1, where Dexie runs in debug mode (a console task per
  table call; the desktop app on app:// runs without it).

Where the time goes:

${phaseTable}
${profileTable ? `\n${profileTable}\n` : ''}
Re-run: \`npm run bench:merge\` (at bureau scale the demo load alone takes 5–16 minutes on this machine, each run several
minutes); \`npm run bench:merge -- --reuse-profile /tmp/bureau-merge\` keeps the loaded profile for the next run;
\`--profile <file.md>\` adds Chromium's performance trace of one merge with every IndexedDB request and its caller.`,
  );
  log('docs/benchmarks.md updated (section bench:merge)');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
