// npm run bench:load [scale] — bureau scale (20,000 enterprises, 200,000 visits, 100,000 problems)
// loaded into real Chromium (persistent profile on a fresh folder, IndexedDB on disk), then:
//   1. load time through the app (window.visitLedgerDebug.loadDemoData, as the demo button does),
//      against a bare Dexie bulkPut of the same generated records in a second fresh profile;
//   2. after closing and reopening the browser on the same profile: time from navigation start to
//      the first screen, and to a searchable enterprise list;
//   3. search as you type: a few hundred queries (name fragments, pinyin initials, credit-code
//      prefixes) typed into the list's search box, keystroke → results rendered, and the repository
//      query alone, p50/p95.
// Prints a table and replaces the "bench:load" section of docs/benchmarks.md.
import type { BrowserContext, Page } from 'playwright-core';
import { pinyin } from 'pinyin-pro';
import { bundleBaseline, type BaselineResult } from './lib/benchBaseline';
import { formatMs, machineLine, markdownTable, percentile, writeBenchmarkSection } from './lib/benchReport';
import { freshTempDir, launchChromium, removeTempDir } from './lib/chromium';
import { prepareRenderer, serveStatic } from './lib/renderer';

interface DebugApi {
  loadDemoData(scale: string): Promise<Record<string, number>>;
  counts(): Promise<Record<string, number>>;
  sampleEnterprises(n: number, seed?: number): Promise<{ name: string; creditCode: string }[]>;
  timeSearch(queries: string[]): Promise<{ ms: number; hits: number; firstId: string | null; listMs: number; listFirstId: string | null }[]>;
  progress: unknown;
}
type DebugWindow = Window & { visitLedgerDebug: DebugApi };

const scale = process.argv[2] ?? 'bureau';
const started = Date.now();
const log = (line: string) => console.log(`[bench:load ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

/**
 * tsx compiles this script with esbuild's keepNames, which wraps named inner functions in __name(…);
 * functions sent to page.evaluate carry those calls into the page, so the page gets a no-op __name.
 */
async function launch(profileDir: string): Promise<BrowserContext> {
  const context = await launchChromium({ profileDir });
  await context.addInitScript('globalThis.__name = globalThis.__name || ((fn) => fn);');
  return context;
}

async function openPage(context: BrowserContext, url: string): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(120_000);
  page.on('pageerror', (error) => log(`page error: ${error.message}`));
  await page.goto(url);
  await page.getByRole('menu').first().waitFor();
  await page.waitForFunction(() => 'visitLedgerDebug' in window);
  return page;
}

/** Prints the loader's progress every few seconds while `work` runs. */
async function withProgress<T>(page: Page, label: string, work: Promise<T>): Promise<T> {
  const timer = setInterval(() => {
    void page
      .evaluate(() => (window as unknown as DebugWindow).visitLedgerDebug?.progress ?? null)
      .then((progress) => log(`${label}: ${typeof progress === 'number' ? `${(progress * 100).toFixed(0)} %` : JSON.stringify(progress)}`))
      .catch(() => {});
  }, 10_000);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}

/** ms from navigation start until `ready()` (performance.now() once it holds, else false) in the page. */
async function timeUntil(page: Page, url: string, ready: () => number | false): Promise<number> {
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'commit' });
  // Checked every animation frame; the function is sent through the DevTools protocol, so the app's
  // CSP (no eval) does not apply.
  const handle = await page.waitForFunction(ready, undefined, { polling: 'raf', timeout: 300_000 });
  return (await handle.jsonValue()) as number;
}

function homeVisible(): number | false {
  const content = document.querySelector('.ant-layout-content');
  if (!document.querySelector('[role="menu"]') || !content) return false;
  const hasContent = (content.textContent ?? '').trim().length > 0;
  const stillLoading = content.querySelector('.ant-spin-spinning, .ant-skeleton, .ant-skeleton-active');
  return hasContent && !stillLoading ? performance.now() : false;
}

function enterpriseListSearchable(): number | false {
  const input = document.querySelector<HTMLInputElement>('input[aria-label="搜索企业"]');
  const firstRow = document.querySelector('[aria-label="企业列表"] [role="rowgroup"] [role="row"] a');
  return input && !input.disabled && firstRow ? performance.now() : false;
}

/** The problem counts bar shows figures (fresh or the last ones of this view). */
function problemCountsShown(): number | false {
  const total = document.querySelector('[role="group"][aria-label="问题总数"]');
  const value = (total?.textContent ?? '').replace('问题总数', '').trim();
  return value !== '' && value !== '…' ? performance.now() : false;
}

/** …and they are the fresh count, not the remembered figures of an earlier visit. */
function problemCountsFresh(): number | false {
  const updating = [...document.querySelectorAll('[role="status"]')].some((e) => (e.textContent ?? '').includes('正在更新统计'));
  const total = document.querySelector('[role="group"][aria-label="问题总数"]');
  const value = (total?.textContent ?? '').replace('问题总数', '').trim();
  return !updating && value !== '' && value !== '…' ? performance.now() : false;
}

/** ms from an in-app route change (no reload) until `ready()` holds in the page. */
async function timeInAppNavigation(page: Page, hash: string, ready: () => number | false): Promise<number> {
  const start = await page.evaluate((h) => {
    const t = performance.now();
    window.location.hash = h;
    return t;
  }, hash);
  const handle = await page.waitForFunction(ready, undefined, { polling: 'raf', timeout: 300_000 });
  return ((await handle.jsonValue()) as number) - start;
}

function initialsOf(text: string): string {
  return pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** A deterministic mix of name fragments, pinyin initials and credit-code prefixes. */
function buildQueries(samples: { name: string; creditCode: string }[]): { query: string; kind: string }[] {
  const queries: { query: string; kind: string }[] = [];
  samples.forEach((e, i) => {
    const chars = [...e.name];
    const length = 2 + (i % 3); // 2–4 characters
    const start = chars.length > length ? (i * 7) % (chars.length - length) : 0;
    const fragment = chars.slice(start, start + length).join('');
    const kind = i % 3;
    if (kind === 0) queries.push({ query: fragment, kind: '名称片段' });
    else if (kind === 1) queries.push({ query: initialsOf(chars.slice(start, start + length + 1).join('')), kind: '拼音首字母' });
    else queries.push({ query: e.creditCode.slice(0, 8 + (i % 5)), kind: '信用代码前缀' });
  });
  return queries.filter((q) => q.query.length > 0);
}

/** Types `query` into the list's search box; ms from the last keystroke until its results are on screen. */
async function typedSearchLatency(page: Page, query: string, expectedFirstId: string | null): Promise<number> {
  const box = page.getByRole('textbox', { name: '搜索企业' });
  await box.fill('');
  // Back to the plain list (no search status, rows shown), so the next result cannot be a stale one.
  await page.waitForFunction(() => {
    const status = [...document.querySelectorAll('[aria-live="polite"]')].map((e) => e.textContent ?? '').join(' ');
    return !/找到|正在搜索/.test(status) && !!document.querySelector('[aria-label="企业列表"] [role="rowgroup"] [role="row"] a');
  });
  await box.pressSequentially(query, { delay: 30 });
  return page.evaluate(
    (expected) =>
      new Promise<number>((resolve, reject) => {
        const w = window as unknown as { __benchLastKey: number };
        const done = () => {
          const status = [...document.querySelectorAll('[aria-live="polite"]')].map((e) => e.textContent ?? '').join(' ');
          if (!/找到 \d+\+? 家/.test(status)) return false;
          if (expected === null) return (document.body.textContent ?? '').includes('没有找到匹配的企业');
          const first = document.querySelector<HTMLAnchorElement>('[aria-label="企业列表"] [role="rowgroup"] [role="row"] a');
          return !!first && first.getAttribute('href')?.endsWith(`/enterprises/${expected}`) === true;
        };
        const finish = () => requestAnimationFrame(() => resolve(performance.now() - w.__benchLastKey));
        if (done()) return finish();
        const observer = new MutationObserver(() => {
          if (done()) {
            observer.disconnect();
            clearTimeout(timeout);
            finish();
          }
        });
        const timeout = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`search results did not appear for expected ${expected}`));
        }, 30_000);
        observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
      }),
    expectedFirstId,
  );
}

async function main() {
  log(`scale ${scale}; ${machineLine()}`);
  const build = await prepareRenderer(log);
  const server = await serveStatic(build.dir);
  const profileDir = await freshTempDir('bench-load-profile');
  const baselineProfileDir = await freshTempDir('bench-load-baseline');
  const rows: string[][] = [];
  try {
    // 1. Load through the app.
    let context = await launch(profileDir);
    let page = await openPage(context, `${server.url}#/`);
    log(`loading ${scale} demo data through the app …`);
    const loadStart = performance.now();
    const counts = await withProgress(
      page,
      'app load',
      page.evaluate((s) => (window as unknown as DebugWindow).visitLedgerDebug.loadDemoData(s), scale),
    );
    const appLoadMs = performance.now() - loadStart;
    log(`app load: ${formatMs(appLoadMs)} → ${JSON.stringify(counts)}`);

    // 1b. Baseline: the same generated records, bare Dexie bulkPut, second fresh profile.
    const baselineContext = await launch(baselineProfileDir);
    const baselinePage = await openPage(baselineContext, `${server.url}#/`);
    log('baseline: generating the same records and bulkPut into a bare Dexie database …');
    await baselinePage.evaluate(await bundleBaseline());
    const baselineStart = performance.now();
    const baseline = await baselinePage.evaluate(
      (s) => (window as unknown as { benchBaseline(scale: string): Promise<BaselineResult> }).benchBaseline(s),
      scale,
    );
    const baselineWallMs = performance.now() - baselineStart;
    log(`baseline: generate ${formatMs(baseline.generateMs)}, bulkPut ${formatMs(baseline.putMs)} (wall ${formatMs(baselineWallMs)}) → ${JSON.stringify(baseline.counts)}`);
    await baselineContext.close();

    // 2. Close the browser, reopen the same profile: first screen, searchable list.
    await context.close();
    context = await launch(profileDir);
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(120_000);
    const firstScreenMs = await timeUntil(page, `${server.url}#/`, homeVisible);
    log(`first screen: ${formatMs(firstScreenMs)}`);
    const firstScreenWarmMs = await timeUntil(page, `${server.url}#/`, homeVisible);
    const listMs = await timeUntil(page, `${server.url}#/enterprises`, enterpriseListSearchable);
    log(`searchable enterprise list: ${formatMs(listMs)}`);

    // 2b. The problem list's counts: opened fresh, then left for the home page and come back to
    // within the app, where the last figures of the same view are shown while they are recounted.
    const problemsColdMs = await timeUntil(page, `${server.url}#/problems`, problemCountsFresh);
    await timeInAppNavigation(page, '#/', homeVisible);
    const problemsBackShownMs = await timeInAppNavigation(page, '#/problems', problemCountsShown);
    // Let the recount finish so it does not run under the search measurements.
    await page.waitForFunction(problemCountsFresh, undefined, { polling: 'raf', timeout: 300_000 });
    await timeUntil(page, `${server.url}#/enterprises`, enterpriseListSearchable); // where the search runs
    log(`problem list counts: opened ${formatMs(problemsColdMs)}; back from the home page: figures after ${formatMs(problemsBackShownMs)}`);

    // 3. Search as you type.
    await page.waitForFunction(() => 'visitLedgerDebug' in window);
    const samples = await page.evaluate(() => (window as unknown as DebugWindow).visitLedgerDebug.sampleEnterprises(300, 20261126));
    const queries = buildQueries(samples);
    const api = (qs: string[]) => page.evaluate((list) => (window as unknown as DebugWindow).visitLedgerDebug.timeSearch(list), qs);
    await api(queries.slice(0, 10).map((q) => q.query)); // warm-up
    const repo = await api(queries.map((q) => q.query));
    log(`repository search: ${queries.length} queries, p50 ${formatMs(percentile(repo.map((r) => r.ms), 50))}, p95 ${formatMs(percentile(repo.map((r) => r.ms), 95))}`);

    await page.evaluate(() => {
      const w = window as unknown as { __benchLastKey: number };
      w.__benchLastKey = 0;
      document.addEventListener('keydown', () => (w.__benchLastKey = performance.now()), true);
    });
    const typed: number[] = [];
    for (const [i, q] of queries.entries()) {
      // The list shows every match in pinyin order: its first row is the directory's first match.
      typed.push(await typedSearchLatency(page, q.query, repo[i]!.listFirstId));
      if ((i + 1) % 50 === 0) log(`typed ${i + 1}/${queries.length} queries, p50 so far ${formatMs(percentile(typed, 50))}`);
    }
    await context.close();

    const byKind = (kind: string) => repo.filter((_, i) => queries[i]!.kind === kind).map((r) => r.ms);
    const hitsZero = repo.filter((r) => r.hits === 0).length;
    const entityCounts = `${counts.enterprises ?? '?'} enterprises, ${counts.visits ?? '?'} visits, ${counts.problems ?? '?'} problems`;
    rows.push(
      ['load demo data through the app (generate + tokens + write)', entityCounts, formatMs(appLoadMs)],
      ['baseline: same records, bare Dexie bulkPut (same schema)', JSON.stringify(baseline.counts).replace(/[{}"]/g, '').replace(/,/g, ', '), `${formatMs(baseline.putMs)} (+ ${formatMs(baseline.generateMs)} generating)`],
      [
        'app ÷ baseline (bulkPut + generating)',
        '',
        `${(appLoadMs / (baseline.putMs + baseline.generateMs)).toFixed(2)}x`,
      ],
      ['first screen after reopening the browser (navigation start → home content)', '', formatMs(firstScreenMs)],
      ['first screen, reload (warm)', '', formatMs(firstScreenWarmMs)],
      ['searchable enterprise list (navigation start → rows + search box)', '', formatMs(listMs)],
      ['problem list, all problems: counts bar filled (navigation start → fresh counts)', `${counts.problems ?? '?'} problems`, formatMs(problemsColdMs)],
      ['problem list again, back from the home page in the app: figures on screen (the last ones, marked 正在更新统计)', '', formatMs(problemsBackShownMs)],
      ['search as you type, last keystroke → results rendered (incl. 150 ms debounce)', `${typed.length} queries`, `p50 ${formatMs(percentile(typed, 50))}, p95 ${formatMs(percentile(typed, 95))}`],
      ['enterprise list search alone (its in-memory directory, every match, pinyin order)', `${repo.length} queries`, `p50 ${formatMs(percentile(repo.map((r) => r.listMs), 50))}, p95 ${formatMs(percentile(repo.map((r) => r.listMs), 95))}`],
      ['search query alone (repository, limit 50; the enterprise pickers)', `${repo.length} queries (${hitsZero} without hits)`, `p50 ${formatMs(percentile(repo.map((r) => r.ms), 50))}, p95 ${formatMs(percentile(repo.map((r) => r.ms), 95))}`],
      ...['名称片段', '拼音首字母', '信用代码前缀'].map((kind) => [
        `— ${kind}`,
        `${byKind(kind).length} queries`,
        `p50 ${formatMs(percentile(byKind(kind), 50))}, p95 ${formatMs(percentile(byKind(kind), 95))}`,
      ]),
    );
    const table = markdownTable(['measure', 'size', 'time'], rows);
    console.log(`\n${table}\n`);
    await writeBenchmarkSection(
      'bench:load',
      `Measured ${machineLine()}; Debian Chromium headless, persistent profile on a fresh folder; scale \`${scale}\`.

${table}

- The app's load generates the records (seeded), computes search tokens and writes every table the way the
  "载入示例数据" button does; the baseline writes the same generated records with one bare Dexie \`bulkPut\`
  per table into a database with the same schema, in a second fresh profile (generation timed apart).
- First screen and list are timed after closing Chromium and reopening the same profile, from the
  navigation's time origin to the first animation frame where the content is on screen.
- Typed latency types each query with 30 ms between keys and measures from the last keydown to the frame
  after the expected first hit is rendered; it includes the list's 150 ms debounce by design.
- Queries: ${queries.length} drawn from ${samples.length} random enterprises (seeded): name fragments of 2–4
  characters, pinyin initials of 3–5 characters, credit-code prefixes of 8–12 characters.

Re-run: \`npm run bench:load\` (about 15 minutes at bureau scale; progress is printed).`,
    );
    log('docs/benchmarks.md updated (section bench:load)');
  } finally {
    await server.close();
    await build.cleanup();
    await removeTempDir(profileDir);
    await removeTempDir(baselineProfileDir);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
