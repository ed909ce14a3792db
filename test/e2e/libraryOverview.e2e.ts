// 项目库概况 and the monthly workbook in real Chromium: two projects added through the form, the
// overview's figures and a click on the stage chart opening the list of those projects, then 报表导出 →
// 重点项目月度进展表 → a download read back by openpyxl (a reader nobody here wrote): its four sheets,
// the 概况 figures, the library list and the month's entries, printable as the service-month report.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { shanghaiMonth } from '../../shared/projects/monthlyProgress';
import { openpyxlRead } from '../electron/ledgerExport/independentReaders';
import { openApp, openDialog, pickOption, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await openApp({ route: '/projects' });
});
afterAll(async () => {
  await app?.close();
});

const projects = [
  { name: '甲精密减速机项目', region: '港澳台', stage: '在建', total: '12000', capital: '5000' },
  { name: '乙新能源电池项目', region: '欧美', stage: '签约未设立', total: '8000', capital: '3000.5' },
] as const;

async function addProject(page: Page, p: (typeof projects)[number]): Promise<void> {
  await app.goto('/projects');
  await page.getByRole('button', { name: '新增项目' }).click();
  const form = await openDialog(page, '新增重点项目');
  await form.getByLabel('项目名称').fill(p.name);
  await pickOption(page, form, '所属区镇', '平望镇');
  await pickOption(page, form, '投资方来源', p.region);
  await pickOption(page, form, '项目阶段', p.stage);
  await form.getByLabel('总投资（万美元）').fill(p.total);
  await form.getByLabel('注册外资（万美元）').fill(p.capital);
  await pickOption(page, form, '入库来源', '签约项目');
  await form.getByRole('button', { name: '保存项目' }).click();
  await page.getByRole('heading', { name: p.name }).waitFor();
}

test('the overview counts two new projects, its stage chart opens their list, and the monthly workbook carries them', async () => {
  const page = app.page;
  const month = shanghaiMonth();
  for (const p of projects) await addProject(page, p);

  // 重点项目 → 项目库概况: the figures of this month.
  await app.goto('/projects');
  await page.getByRole('button', { name: '项目库概况' }).click();
  await page.getByRole('heading', { name: '项目库概况' }).waitFor();
  const card = (title: string) => page.locator('.ant-card').filter({ has: page.getByText(title, { exact: true }) });
  await expect.poll(() => card('在库项目（个）').innerText()).toContain('入库 2，出库 0');
  expect(await card('在库项目（个）').innerText()).toContain('较上月 +2');
  expect(await card('总投资（万美元）').innerText()).toContain('20,000');
  expect(await card('注册外资（万美元）').innerText()).toContain('8,000.5');
  expect(await card('总投资1亿美元及以上（个）').innerText()).toContain('占 50.0%');

  // A click in the 在建 column of the stage chart opens the list of the projects at that stage.
  const chart = page.getByRole('img', { name: '按项目阶段' });
  await page.locator('[aria-label="按项目阶段"][data-chart-drawn="true"]').waitFor();
  const box = (await chart.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForURL(/#\/projects\?stage=/);
  expect(decodeURIComponent(page.url())).toContain('stage=在建');
  const list = page.getByRole('table', { name: '重点项目列表' });
  // Polled together: a list showing the first project may still be the unfiltered one, with both.
  await expect.poll(async () => { const text = await list.innerText(); return [text.includes(projects[0].name), text.includes(projects[1].name)]; }).toEqual([true, false]);

  // 报表导出, the second report type: the monthly workbook of all towns.
  await app.goto('/reports');
  await page.getByText('重点项目月度进展表').click();
  await page.getByText(`项目库概况（${month} 末）`).waitFor();
  await page.getByLabel('填报单位').fill('吴江区商务局');
  const file = await app.download(() => page.getByRole('button', { name: '导出 Excel' }).click());
  expect(file.suggestedFilename).toBe(`月度进展表-${month}-吴江区商务局.xlsx`);
  await page.getByText(`已导出：月度进展表-${month}-吴江区商务局.xlsx`).waitFor();

  const sheets = await openpyxlRead(file.path);
  expect(sheets.map((s) => s.title)).toEqual(['概况', '在库项目进展', '入库出库', '项目诉求']);
  for (const s of sheets) {
    expect(s.orientation).toBe('landscape');
    expect(s.fit_to_width).toBe(1);
    expect(s.fit_to_height).toBe(0);
    expect(s.print_title_rows).toBeTruthy();
  }
  const values = (title: string) => sheets.find((s) => s.title === title)!.rows.map((row) => row.map(([v]) => v));
  const summary = values('概况');
  const labelled = (label: string) => summary.find((row) => row[0] === label)!;
  expect(String(summary[0]![0])).toContain('重点外资项目库概况（吴江区商务局）');
  expect(labelled('本月末在库项目').slice(0, 4)).toEqual(['本月末在库项目', 2, 20000, 8000.5]);
  expect(labelled('上月末在库项目').slice(0, 4)).toEqual(['上月末在库项目', 0, 0, 0]);
  expect(labelled('较上月增减').slice(0, 4)).toEqual(['较上月增减', 2, 20000, 8000.5]);
  expect(labelled('平均投资规模')[2]).toBe(10000);
  expect(labelled('总投资1亿美元及以上').slice(0, 5)).toEqual(['总投资1亿美元及以上', 1, 12000, null, 0.5]);
  expect(labelled('本月新入库').slice(0, 2)).toEqual(['本月新入库', 2]);
  expect(labelled('在建').slice(0, 5)).toEqual(['在建', 1, 12000, null, 0.5]);
  expect(labelled('签约未设立').slice(0, 5)).toEqual(['签约未设立', 1, 8000, null, 0.5]);
  expect(labelled('港澳台').slice(0, 5)).toEqual(['港澳台', 1, 12000, null, 0.5]);

  // Ledger sheets: title, header, the rows, 合计.
  const progress = values('在库项目进展');
  expect(progress[1]!.slice(0, 3)).toEqual(['序号', '项目名称', '所属区镇']);
  expect(progress.slice(2, 4).map((r) => [r[1], r[2], r[8], r[9]])).toEqual([
    [projects[0].name, '平望镇', '在建', '本期未报送进展'],
    [projects[1].name, '平望镇', '签约未设立', '本期未报送进展'],
  ]);
  expect(progress[4]![0]).toBe('合计');
  expect(progress[4]![4]).toBe(20000);
  const moves = values('入库出库');
  expect(moves.slice(2, 4).map((r) => [r[1], r[2]])).toEqual([
    ['入库', projects[0].name],
    ['入库', projects[1].name],
  ]);
  expect(app.pageErrors).toEqual([]);
});
