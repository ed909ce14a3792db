// 培育库 in real Chromium: the officer adds two enterprises as 规上 candidates by typing their names,
// sets their town's goal in the table, and enters one enterprise's figures on its page; crossing
// 2,000 万元 of year-to-date output counts it as reached without anyone marking it, against the goal,
// on 培育库 and on 工作台. A list of the bureau's own (批零入统) is made by typing its name, and its
// candidate counts once 确认达标 is given a day. Read back from IndexedDB.
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { CultivationCandidate, CultivationGoal } from '../../shared/domain/cultivationRecords';
import type { Enterprise } from '../../shared/domain/records';
import { answerConfirm, openApp, openDialog, pickOption, settle, typeIntoPicker, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await openApp({ route: '/', fixedTime: '2026-11-20T02:00:00Z' });
});
afterAll(async () => {
  await app?.close();
});

const rowOf = (table: Locator, text: string) => table.getByRole('row').filter({ hasText: text });

test('candidates reach 规上 by their figures and a bureau list by a confirmed day, against the town’s goal', async () => {
  await app.loadDemoData('small');
  const page = app.page;
  const live = ((await app.readRows('enterprises')) as Enterprise[]).filter((e) => e.deletedAt === undefined && !e.isAboveScale && e.town);
  const first = live[0]!;
  const second = live.find((e) => e.town === first.town && e.id !== first.id && e.name !== first.name)!;

  await app.goto('/cultivation');
  await page.getByText('2026 年还没有规上培育企业').waitFor();

  // Two candidates, one after the other, with the keyboard-friendly 保存并继续.
  await page.getByRole('button', { name: '加入培育库' }).click();
  let dialog = await openDialog(page, '加入培育库');
  // A slip first: the second enterprise chosen, then the first typed over it — Enter takes what the
  // search found, not the last choice.
  await pickOption(page, dialog, '企业', `${second.name}（${second.town}）`, second.name);
  const select = dialog.getByLabel('企业', { exact: true });
  await select.click();
  await select.fill(first.name);
  await page.locator('.ant-select-dropdown:visible').getByTitle(`${first.name}（${first.town}）`, { exact: true }).waitFor();
  await select.press('Enter');
  await dialog.locator('.ant-select-content').filter({ hasText: first.name }).first().waitFor();
  await dialog.getByLabel('培育措施').fill('协助申报入统');
  await dialog.getByRole('button', { name: '保存并继续' }).click();
  await page.getByText('已加入 2026 年规上培育库').first().waitFor();
  // The cursor is back in 企业 for the next name.
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(await dialog.getByLabel('企业', { exact: true }).getAttribute('id'));
  // By the keyboard: the name typed, Enter, and Tab goes on to the next field.
  await select.click();
  await select.fill(second.name);
  await page.locator('.ant-select-dropdown:visible').getByTitle(`${second.name}（${second.town}）`, { exact: true }).waitFor();
  await select.press('Enter');
  // Tab once the list has closed, as the officer sees it close: Tab in an open list picks its option.
  await expect.poll(() => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count()).toBe(0);
  // Not to the select's clear button (antd puts it in the Tab order).
  await select.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe(await dialog.getByLabel('培育目标').getAttribute('id'));
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  const candidates = page.getByRole('region', { name: /培育企业/ }).or(page.locator('.ant-card').filter({ hasText: '培育企业（' }));
  await candidates.getByText('培育企业（2 家）').waitFor();
  expect(((await app.readRows('cultivationCandidates')) as CultivationCandidate[]).map((c) => [c.enterpriseId, c.target, c.year, c.note]).sort()).toEqual(
    [
      [first.id, '规上', 2026, '协助申报入统'],
      [second.id, '规上', 2026, ''],
    ].sort(),
  );

  // The town's goal, typed in its row and kept with Enter.
  const goal = page.getByLabel(`${first.town}年度目标`);
  await goal.fill('2');
  await goal.press('Enter');
  await page.getByText(`${first.town} 2026 年规上目标：2 家`).waitFor();
  expect(((await app.readRows('cultivationGoals')) as CultivationGoal[]).map((g) => [g.town, g.target, g.goal])).toEqual([[first.town, '规上', 2]]);
  // A goal that is no whole number is refused, and the cell shows the stored goal again.
  await page.getByLabel(`${first.town}年度目标`).fill('1.5');
  await page.getByLabel(`${first.town}年度目标`).press('Enter');
  await page.getByText(`${first.town}的年度目标应为不小于 0 的整数，未保存`).waitFor();
  await expect.poll(() => page.getByLabel(`${first.town}年度目标`).inputValue()).toBe('2');
  expect(((await app.readRows('cultivationGoals')) as CultivationGoal[]).map((g) => g.goal)).toEqual([2]);
  const towns = page.locator('.ant-card').filter({ hasText: '各区镇目标与进度' });
  await expect.poll(() => rowOf(towns, first.town).first().innerText()).toMatch(/2\s+0\s+0%/);

  // October's figures on the enterprise page: 2,150 万元 so far this year.
  await app.goto(`/enterprises/${first.id}`);
  await page.getByRole('region', { name: '经营数据' }).getByRole('button', { name: '填报经营数据' }).click();
  dialog = await openDialog(page, `填报经营数据：${first.name}`);
  const monthInput = dialog.getByLabel('填报月份', { exact: true });
  await typeIntoPicker(page, monthInput, '2026-10');
  await dialog.getByLabel('本月产值（万元）', { exact: true }).fill('260');
  await dialog.getByLabel('本年累计产值（万元）', { exact: true }).fill('2150');
  await dialog.getByRole('button', { name: '保存经营数据', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });

  // Counted as reached, without anyone marking it; the other still short, by how much.
  await app.goto('/cultivation');
  const firstRow = rowOf(candidates, first.name);
  await firstRow.getByText('已达标').waitFor();
  await firstRow.getByText('10 月本年累计产值 2,150 万元，已达 2,000 万元').waitFor();
  await rowOf(candidates, second.name).getByText('培育中').waitFor();
  await expect.poll(() => rowOf(towns, first.town).first().innerText()).toMatch(/2\s+1\s+50%/);

  // The bureau's own list: typed as a new target; no figure tells it, so 确认达标 with a day.
  await page.getByRole('button', { name: '加入培育库' }).click();
  dialog = await openDialog(page, '加入培育库');
  // Esc and 关闭 are slips easily made: what was typed stays unless the officer says to drop it.
  // One Esc, after an enterprise was chosen from its list (a closed list once kept that Esc for itself).
  await pickOption(page, dialog, '企业', `${second.name}（${second.town}）`, second.name);
  await dialog.getByLabel('培育措施').fill('协助申报批零入统');
  await dialog.getByLabel('培育措施').press('Escape');
  await answerConfirm(page, '放弃未保存的修改？', '继续编辑');
  await dialog.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
  await answerConfirm(page, '放弃未保存的修改？', '继续编辑');
  expect(await dialog.getByLabel('培育措施').inputValue()).toBe('协助申报批零入统');
  await dialog.getByLabel('培育目标').fill('批零入统');
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await expect.poll(() => page.locator('.ant-segmented-item-selected').innerText()).toMatch(/批零入统/);
  await rowOf(candidates, second.name).getByText('待确认达标').waitFor();
  expect(((await app.readRows('cultivationCandidates')) as CultivationCandidate[]).find((c) => c.target === '批零入统')?.note).toBe('协助申报批零入统');
  await rowOf(candidates, second.name).getByRole('button', { name: '确认达标' }).click();
  dialog = await openDialog(page, `确认达标：${second.name}（2026 年批零入统）`);
  await dialog.getByRole('button', { name: '确认达标' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await rowOf(candidates, second.name).getByText('已确认达标（2026-11-20）').waitFor();

  // 移出 by a slip: 回收站 brings the candidate back with its measures and its confirmed day.
  await rowOf(candidates, second.name).getByRole('button', { name: '移出' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '移出' }).click();
  await page.getByText('已移出培育库').waitFor();
  await app.goto('/recycle-bin');
  const bin = page.getByRole('table', { name: '已删除的记录' });
  const binRow = bin.getByRole('row').filter({ hasText: '2026 年批零入统培育' });
  await binRow.getByText(second.name).waitFor();
  await binRow.getByRole('button', { name: '恢复培育企业 2026 年批零入统培育' }).click();
  await page.getByText('培育企业已恢复').waitFor();
  await app.goto('/cultivation');
  await page.getByText('批零入统（达标 1/培育 1）').click();
  await rowOf(candidates, second.name).getByText('已确认达标（2026-11-20）').waitFor();
  await rowOf(candidates, second.name).getByText('协助申报批零入统').waitFor();

  // 工作台 lists the year's progress per target, against the goal where one is set.
  await app.goto('/workbench?scope=all');
  const card = page.locator('.ant-card').filter({ hasText: '培育库（2026 年' });
  await card.getByText('规上：已达标 / 年度目标').waitFor();
  await settle(page);
  expect(await card.locator('.ant-card').filter({ hasText: '规上：' }).innerText()).toMatch(/1\s*\/ 2（培育 2 家）/);
  expect(await card.locator('.ant-card').filter({ hasText: '批零入统：' }).innerText()).toMatch(/1\s*\/ 1/);
  expect(app.pageErrors).toEqual([]);
});
