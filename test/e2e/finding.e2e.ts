// Finding things (issue 9) in real Chromium over the small demo data set: the problem list searched
// by keyword and by enterprise with its total shown and long descriptions readable on hover; the
// enterprise roster sorted in pinyin order, filtered, counted, with every match reachable; the
// workbench drill-down keeping its scope.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openApp, pickOption, type App } from './harness';

interface StoredProblem {
  id: string;
  enterpriseId: string;
  category: string;
  description: string;
  request: string;
  deletedAt?: string;
}
interface StoredEnterprise {
  id: string;
  name: string;
  creditCode: string;
  town: string;
  assignedOfficer: string;
  searchTokens: string[];
  deletedAt?: string;
}

/** The names in the enterprise list's rows now rendered (virtualised: only those near the view). */
async function rosterNames(app: App): Promise<string[]> {
  return app.page.getByRole('rowgroup').getByRole('row').evaluateAll((rows) => rows.map((r) => r.querySelector('a')?.textContent ?? ''));
}

let app: App;
let problems: StoredProblem[];
let enterprises: StoredEnterprise[];
beforeAll(async () => {
  app = await openApp({ route: '/' });
  await app.loadDemoData('small');
  problems = ((await app.readRows('problems')) as StoredProblem[]).filter((p) => !p.deletedAt);
  enterprises = ((await app.readRows('enterprises')) as StoredEnterprise[]).filter((e) => !e.deletedAt);
});
afterAll(async () => {
  await app?.close();
});

test('问题诉求: search by keyword and by enterprise, with the total shown and long descriptions on hover', async () => {
  const page = app.page;
  await app.goto('/problems');
  await page.getByText(`共 ${problems.length} 条`).waitFor();

  // A keyword from one description; the list finds every problem mentioning it, in either text.
  const word = problems[0]!.description.slice(0, 4);
  const withWord = problems.filter((p) => p.description.includes(word) || p.request.includes(word));
  expect(withWord.length).toBeLessThan(problems.length);
  const keyword = page.getByLabel('关键词');
  await keyword.fill(word);
  await keyword.press('Enter');
  await page.getByText(`共 ${withWord.length} 条`).waitFor();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect.poll(() => rows.count()).toBe(Math.min(50, withWord.length));

  // By enterprise, through the same search-as-you-type picker as elsewhere.
  await page.getByRole('button', { name: '清除筛选' }).click();
  await page.getByText(`共 ${problems.length} 条`).waitFor();
  const counts = new Map<string, number>();
  for (const p of problems) counts.set(p.enterpriseId, (counts.get(p.enterpriseId) ?? 0) + 1);
  const [enterpriseId, ofEnterprise] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  const enterprise = enterprises.find((e) => e.id === enterpriseId)!;
  await pickOption(page, page.locator('body'), '企业', `${enterprise.name}（${enterprise.town}）`, enterprise.name.slice(0, 6));
  await page.getByText(`共 ${ofEnterprise} 条`).waitFor();
  await expect.poll(() => rows.count()).toBe(Math.min(50, ofEnterprise));

  // The whole description shows on hover, however narrow its column.
  const first = rows.first().getByRole('link');
  const description = await first.innerText();
  await first.hover();
  await expect.poll(() => page.getByRole('tooltip').innerText()).toContain(description);
  expect(app.pageErrors).toEqual([]);
});

test('企业名录: pinyin order, every match reachable, filters by town and officer, totals, full pinyin', async () => {
  const page = app.page;
  const collator = new Intl.Collator('zh-CN', { numeric: true });
  const sorted = enterprises.map((e) => e.name).sort(collator.compare);
  await app.goto('/enterprises');
  const count = page.getByLabel('企业数');
  await expect.poll(() => count.innerText()).toContain(`共 ${enterprises.length} 家`);
  // Chromium sorts as Node's ICU does: pinyin order, not code points.
  await expect.poll(async () => (await rosterNames(app)).slice(0, 5)).toEqual(sorted.slice(0, 5));

  // A search matching far more than one screen: counted exactly, and the last match is reachable.
  const search = page.getByLabel('搜索企业');
  await search.fill('有限公司');
  const matching = sorted.filter((n) => n.includes('有限公司'));
  expect(matching.length).toBeGreaterThan(50);
  await expect.poll(() => count.innerText()).toContain(`找到 ${matching.length} 家`);
  const body = page.getByRole('rowgroup');
  await body.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await page.getByRole('link', { name: matching.at(-1), exact: true }).waitFor();

  // The whole pinyin of a name, typed with spaces, finds it like its initials do.
  const bySuzhou = enterprises.filter((e) => e.searchTokens.some((t) => t.startsWith('suzhou')));
  expect(bySuzhou.length).toBeGreaterThan(0);
  await search.fill('su zhou');
  await expect.poll(() => count.innerText()).toContain(`找到 ${bySuzhou.length} 家`);
  await search.fill('');

  // Filters by town and by officer, together.
  const { town, assignedOfficer } = enterprises[1]!;
  await pickOption(page, page.locator('body'), '所属区镇', town);
  await expect.poll(() => count.innerText()).toContain(`找到 ${enterprises.filter((e) => e.town === town).length} 家`);
  await pickOption(page, page.locator('body'), '服务专员', assignedOfficer);
  const both = enterprises.filter((e) => e.town === town && e.assignedOfficer === assignedOfficer);
  await expect.poll(() => count.innerText()).toContain(`找到 ${both.length} 家`);
  await expect.poll(async () => (await rosterNames(app)).slice(0, 5)).toEqual(both.map((e) => e.name).sort(collator.compare).slice(0, 5));
  expect(app.pageErrors).toEqual([]);
});

test('企业名录: typed fast, the list shows the rows for the final text, and Enter at once opens its first hit', async () => {
  const page = app.page;
  const collator = new Intl.Collator('zh-CN', { numeric: true });
  const byName = [...enterprises].sort((a, b) => collator.compare(a.name, b.name));
  // What the list holds for a text: the enterprises with a token starting with it, in pinyin order.
  const matching = (text: string) => byName.filter((e) => e.searchTokens.some((t) => t.startsWith(text.toLowerCase())));
  await app.goto('/enterprises');
  const count = page.getByLabel('企业数');
  await expect.poll(() => count.innerText()).toContain(`共 ${enterprises.length} 家`);
  const search = page.getByLabel('搜索企业');
  const idle = () => page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve())));

  // The last enterprise in pinyin order, by its credit code typed key by key with no pause: every
  // shorter prefix matches other enterprises, listed before it, so an earlier answer shows other rows.
  const target = byName.at(-1)!;
  const code = target.creditCode;
  expect(matching(code.slice(0, 8)).length).toBeGreaterThan(1);
  await search.pressSequentially(code);
  await expect.poll(() => count.innerText()).toContain('找到 1 家');
  expect(await rosterNames(app)).toEqual([target.name]);
  await idle();
  expect(await rosterNames(app)).toEqual([target.name]);
  expect(await count.innerText()).toContain('找到 1 家');

  // Backspace, quickly, down to the first 8 characters: that text's rows, not the longer one's.
  for (let i = 0; i < code.length - 8; i++) await search.press('Backspace');
  const shorter = matching(code.slice(0, 8));
  await expect.poll(() => count.innerText()).toContain(`找到 ${shorter.length} 家`);
  await expect.poll(async () => (await rosterNames(app)).slice(0, 5)).toEqual(shorter.slice(0, 5).map((e) => e.name));

  // Enter straight after typing, before anything is painted for the final text, opens its first hit.
  await search.fill('');
  await expect.poll(() => count.innerText()).toContain(`共 ${enterprises.length} 家`);
  await search.pressSequentially(code);
  await search.press('Enter');
  await page.getByRole('heading', { name: target.name, level: 4 }).waitFor();
  expect(app.pageErrors).toEqual([]);
});

/** Sets the officer's name in the stored settings (bare IndexedDB), then reloads so the app reads it. */
async function setOfficerName(app: App, name: string): Promise<void> {
  await app.page.evaluate(
    (officerName) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('visit-ledger');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const idb = open.result;
          const store = idb.transaction('settings', 'readwrite').objectStore('settings');
          const get = store.get('app');
          get.onsuccess = () => {
            const row = get.result as { key: string; value: { officerName: string } };
            row.value.officerName = officerName;
            store.put(row).onsuccess = () => {
              idb.close();
              resolve();
            };
          };
        };
      }),
    name,
  );
  await app.reload();
}

/** The chart with this accessible name, once drawn. */
async function drawnChart(app: App, label: string) {
  const chart = app.page.getByRole('img', { name: label, exact: true });
  await app.page.locator(`[aria-label="${label}"][data-chart-drawn="true"]`).waitFor();
  return chart;
}

test('工作台: drill-downs keep the 我的企业 scope, whole columns and weeks are clickable, empty charts say 暂无数据', async () => {
  const page = app.page;
  const officer = enterprises[0]!.assignedOfficer;
  const mine = new Set(enterprises.filter((e) => e.assignedOfficer === officer).map((e) => e.id));
  const myProblems = problems.filter((p) => mine.has(p.enterpriseId));
  expect(myProblems.length).toBeLessThan(problems.length);
  await setOfficerName(app, officer);

  // The card of overdue problems, clicked in 我的企业, lands on this officer's enterprises' problems.
  await app.goto('/workbench');
  await page.getByText('逾期未答复问题').click();
  await page.getByText(`仅看 ${officer} 联系的企业`).waitFor();
  await page.getByRole('tab', { name: `全部（${myProblems.length}）` }).waitFor();
  expect(new URL(page.url()).hash).toContain(`assignedOfficer=${encodeURIComponent(officer)}`);

  // Beside the shortest bar of 问题诉求按类别 (far from its coloured part): that category, same scope.
  await app.goto('/workbench');
  const byCategory = new Map<string, number>();
  for (const p of myProblems) byCategory.set(p.category, (byCategory.get(p.category) ?? 0) + 1);
  const ranked = [...byCategory].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN')).slice(0, 12);
  const [shortest] = ranked.at(-1)!;
  const categoryChart = await drawnChart(app, '问题诉求按类别');
  const box = (await categoryChart.boundingBox())!;
  // Grid: 32 px from the top, 8 px plus the value labels (about 20 px) from the bottom.
  const gridBottom = box.height - 28;
  const band = (gridBottom - 32) / ranked.length;
  await categoryChart.click({ position: { x: box.width - 24, y: gridBottom - band / 2 } });
  await expect.poll(() => decodeURIComponent(new URL(page.url()).hash)).toContain(`category=${shortest}`);
  expect(decodeURIComponent(page.url())).toContain(`assignedOfficer=${officer}`);

  // Anywhere in this week's column of 每周走访次数 (here near its top, not on the point).
  await app.goto('/workbench');
  const weeks = await drawnChart(app, '每周走访次数');
  const weekBox = (await weeks.boundingBox())!;
  await weeks.click({ position: { x: weekBox.width - 16 - 20, y: 40 } });
  await expect.poll(() => new URL(page.url()).hash).toMatch(/#\/review\?.*visitedFrom=\d{4}-\d{2}-\d{2}&visitedTo=/);

  // An officer with no enterprises: every chart says so instead of drawing bare axes.
  await setOfficerName(app, '没有联系企业的人');
  await app.goto('/workbench');
  await expect.poll(() => page.locator('.ant-empty-description').filter({ hasText: '暂无数据' }).count()).toBe(6);
  expect(app.pageErrors).toEqual([]);
});
