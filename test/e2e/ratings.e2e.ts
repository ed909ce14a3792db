// 评议 in real Chromium: a round set up for two departments (区商务局, 区税务局; at least 3 forms to be
// ranked), four paper forms typed in with the keyboard only (enterprise by name and Enter, answers by
// number keys, Ctrl+Enter to save and go on to the enterprise's next department), the form that
// already exists said so, a fifth form imported from a workbook (after a bad file that names the row
// and column and saves nothing), the results — 区商务局 ranked with its rates, 区税务局 flagged 样本不足
// — and the results workbook exported and read back with openpyxl.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Enterprise } from '../../shared/domain/records';
import type { Rating } from '../../shared/domain/ratingRecords';
import { openpyxlRead } from '../electron/ledgerExport/independentReaders';
import { answerConfirm, openApp, openDialog, settle, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await openApp({ route: '/', fixedTime: '2026-11-20T02:00:00Z' });
});
afterAll(async () => {
  await app?.close();
});

/** Types one paper form: the answers as number keys (1 满意, 2 基本满意, 3 不满意), a comment, Ctrl+Enter. */
async function typeAnswers(keys: string, comment = ''): Promise<void> {
  const page = app.page;
  for (const key of keys) await page.keyboard.press(key);
  // After the last answer the cursor is in 意见建议.
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('意见建议');
  if (comment) await page.keyboard.type(comment);
  await page.keyboard.press('Control+Enter');
}

async function chooseEnterprise(name: string): Promise<void> {
  const page = app.page;
  const field = page.getByLabel('填表企业', { exact: true });
  await field.click();
  await page.keyboard.type(name);
  // Enter takes the active option. The list answering a shorter prefix of the name (typed key by key)
  // can hold this enterprise after another one: wait until every option, the active one too, is this name.
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expect
    .poll(() => options.evaluateAll((list) => list.map((o) => `${o.classList.contains('ant-select-item-option-active') ? '*' : ''}${o.getAttribute('title') ?? ''}`)))
    .toSatisfy((titles: string[]) => titles.some((t) => t.startsWith(`*${name}`)) && titles.every((t) => t.replace(/^\*/, '').startsWith(name)));
  await page.keyboard.press('Enter');
  // Two departments: 评议对象 is set to the next one not yet rated, and the cursor goes straight to the
  // first question, so the digits typed next are answers.
  await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('rating-question-0');
}

test('a round for two departments: keyboard entry, import, results and the workbook', async () => {
  await app.loadDemoData('small');
  const live = ((await app.readRows('enterprises')) as Enterprise[]).filter((e) => e.deletedAt === undefined);
  const [a, b, c] = live;

  const page = app.page;
  await page.getByRole('menuitem', { name: '评议评选' }).click();
  await page.getByRole('heading', { name: '评议与评选' }).waitFor();
  await page.getByText('还没有评议。点“新建评议”设定评议对象和项目').waitFor();

  // Set up the round: two departments, seed 002's five questions on 满意度, 3 forms to be ranked.
  await page.getByRole('button', { name: '新建评议' }).click();
  const setup = await openDialog(page, '新建评议');
  expect(await setup.getByLabel('评议名称').inputValue()).toBe('2026 年外商投资企业评议机关');
  const departments = setup.getByLabel('评议部门（千家外商投资企业评议机关）');
  await departments.click();
  for (const name of ['区商务局', '区税务局']) {
    await departments.fill(name);
    await page.locator('.ant-select-dropdown:visible').getByTitle(name, { exact: true }).waitFor();
    await page.keyboard.press('Enter');
  }
  await page.keyboard.press('Escape');
  const fewest = setup.getByLabel('排名最少份数');
  await fewest.fill('3');
  await setup.getByRole('button', { name: '创建评议' }).click();
  await setup.waitFor({ state: 'hidden' });
  await page.getByRole('heading', { name: '2026 年外商投资企业评议机关' }).waitFor();
  await page.getByText('服务态度、办事效率、政策落实、依法行政、总体评价').waitFor();

  // The paper form to print and leave with the enterprises: a row per department, a column per question.
  const paper = await app.download(() => page.getByRole('button', { name: '空白评议表' }).click());
  const [form] = await openpyxlRead(paper.path);
  const formRows = form!.rows.map((r) => r.map(([v]) => v));
  expect(formRows.slice(3).map((r) => r[0])).toEqual(['评议对象', '区商务局', '区税务局']);
  expect(formRows[4]!.slice(1).every((v) => v === null || v === '')).toBe(true);

  // A: 区商务局 (offered first) then 区税务局 (offered next after the save), all by keyboard.
  await chooseEnterprise(a!.name);
  await typeAnswers('11211', '审批很快');
  await page.getByText(`已保存：${a!.name} 对「区商务局」的评议表`).waitFor();
  await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('rating-question-0');
  await page.getByTitle('区税务局（部门）', { exact: true }).waitFor();
  await typeAnswers('12231');
  await page.getByText(`已保存：${a!.name} 对「区税务局」的评议表`).waitFor();
  // A has rated both: the cursor is back in 填表企业 for the next paper form.
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('rating-entry-enterprise');

  // B: both departments.
  await chooseEnterprise(b!.name);
  await typeAnswers('13111');
  await page.getByText(`已保存：${b!.name} 对「区商务局」的评议表`).waitFor();
  // The cursor moves to the first question after the message shows; digits typed before would go to 意见建议.
  await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('rating-question-0');
  await page.getByTitle('区税务局（部门）', { exact: true }).waitFor();
  await typeAnswers('21332', '窗口人少');
  await page.getByText(`已保存：${b!.name} 对「区税务局」的评议表`).waitFor();
  expect(await app.countRows('ratings')).toBe(4);

  // A again: its form for 区商务局 exists — said so, its answers shown; saving replaces it, no second form.
  await chooseEnterprise(a!.name);
  await page.getByText(`${a!.name} 已有对「区商务局」的评议表`, { exact: false }).waitFor();
  await expect.poll(() => page.getByRole('radiogroup', { name: '政策落实' }).locator('.ant-radio-button-wrapper-checked').innerText()).toBe('2 基本满意');
  await page.keyboard.press('Control+Enter');
  await page.getByText(`已保存：${a!.name} 对「区商务局」的评议表（已替换原表）`).waitFor();
  expect(await app.countRows('ratings')).toBe(4);

  // C's form from a workbook. A bad file first: the row and column are named, nothing is saved.
  const header = '企业名称,评议对象,服务态度,办事效率,政策落实,依法行政,总体评价,意见建议';
  const csv = (line: string) => ({ name: '评议表.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n${line}\n`, 'utf8') });
  await page.getByRole('button', { name: '导入评议表' }).click();
  const importing = await openDialog(page, '导入评议表：2026 年外商投资企业评议机关');
  // The blank workbook it reads, for the clerk: the columns of this round.
  const template = await app.download(() => importing.getByRole('button', { name: '下载导入模板' }).click());
  expect(template.suggestedFilename).toBe('2026 年外商投资企业评议机关-评议表导入模板.xlsx');
  const [blank] = await openpyxlRead(template.path);
  expect(blank!.rows[2]!.map(([v]) => v)).toEqual(['企业名称', '统一社会信用代码', '评议对象', '服务态度', '办事效率', '政策落实', '依法行政', '总体评价', '意见建议']);
  await app.chooseFile(() => importing.getByText('点击或拖入评议表工作簿（.xlsx 或 .csv）').click(), csv(`${c!.name},区商务局,基本满意,基本满意,很好,不满意,基本满意,`));
  await importing.getByText('第 2 行「政策落实」：「很好」应为 满意、基本满意 或 不满意').waitFor();
  expect(await importing.getByRole('button', { name: '导入', exact: true }).isDisabled()).toBe(true);
  expect(await app.countRows('ratings')).toBe(4);
  await app.chooseFile(() => importing.getByText('点击或拖入评议表工作簿（.xlsx 或 .csv）').click(), csv(`${c!.name},区商务局,基本满意,基本满意,基本满意,不满意,基本满意,`));
  await importing.getByText('「评议表.csv」共 1 份评议表可以导入').waitFor();
  await importing.getByRole('button', { name: '导入 1 份评议表' }).click();
  await importing.waitFor({ state: 'hidden' });
  await page.getByText('已导入 1 份评议表').waitFor();
  const ratings = (await app.readRows('ratings')) as Rating[];
  expect(ratings).toHaveLength(5);
  expect(ratings.find((r) => r.enterpriseId === c!.id)?.id).toBe(`rating-${ratings[0]!.roundId}-${c!.id}-department-区商务局`);

  // Results. 区商务局, 3 forms (A 11211, B 13111, C 22232):
  //   服务态度 3/3, 办事效率 2/3, 政策落实 3/3, 依法行政 2/3, 总体评价 3/3; overall 13/15 = 86.7% → 第 1 名.
  // 区税务局, 2 forms (A 12231, B 21332): 不满意 3 of 10 → 70.0%, fewer than 3 forms: not ranked.
  // Polled together: the table already shows the four typed forms (区商务局 2, unranked) before the import's.
  const table = page.getByRole('table', { name: '部门评议（评议机关）结果' });
  const cells = async (name: string) =>
    table.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) }).getByRole('cell').allInnerTexts();
  await expect.poll(async () => [await cells('区商务局'), await cells('区税务局')]).toEqual([
    ['1', '区商务局', '3', '100.0%', '66.7%', '100.0%', '66.7%', '100.0%', '86.7%', ''],
    ['—', '区税务局', '2', '100.0%', '100.0%', '50.0%', '0.0%', '100.0%', '70.0%', '样本不足，不排名'],
  ]);
  // The charts are drawn (a canvas each; the fixed clock never lets ECharts' animation finish).
  await page.locator('[role=img][aria-label="部门评议（评议机关）：总体"] canvas').waitFor();
  await page.locator('[role=img][aria-label="部门评议（评议机关）：分项"] canvas').waitFor();
  await page.getByRole('tab', { name: '意见建议（2）' }).click();
  await page.getByRole('table', { name: '意见建议' }).getByText('窗口人少').waitFor();

  // The results workbook, read back by openpyxl.
  const file = await app.download(() => page.getByRole('button', { name: '导出结果' }).click());
  expect(file.suggestedFilename).toBe('2026 年外商投资企业评议机关-评议结果-2026-11-20.xlsx');
  const sheets = await openpyxlRead(file.path);
  const results = sheets.find((s) => s.title === '评议结果')!;
  expect([results.orientation, results.paper_size, results.fit_to_width]).toEqual(['landscape', 9, 1]);
  const values = results.rows.map((r) => r.map(([v]) => v));
  expect(values[0]![0]).toBe('2026 年外商投资企业评议机关评议结果');
  const row = (name: string) => values.find((r) => r[0] === name)!;
  const commerce = row('区商务局');
  expect(commerce.slice(0, 3)).toEqual(['区商务局', 1, 3]);
  expect((commerce.slice(3, 9) as number[]).map((v) => Math.round(v * 1000) / 1000)).toEqual([1, 0.667, 1, 0.667, 1, 0.867]);
  const tax = row('区税务局');
  expect([tax[1], tax[2], Math.round((tax[8] as number) * 1000) / 1000, tax[9]]).toEqual([null, 2, 0.7, '样本不足（少于 3 份），不参与排名']);
  // Rates are numbers (shown as 0.0%), not text.
  expect(results.rows.find((r) => r[0]![0] === '区商务局')![8]![1]).toBe('n');
  const comments = sheets.find((s) => s.title === '意见建议')!.rows.map((r) => r.map(([v]) => v));
  expect(comments.filter((r) => typeof r[0] === 'number').map((r) => r.slice(1))).toEqual([
    ['区商务局', a!.name, '审批很快'],
    ['区税务局', b!.name, '窗口人少'],
  ]);

  await settle(page);
  expect(app.pageErrors).toEqual([]);
});

test('社会责任先进企业: two candidates entered, the weights set, the ranked list exported and read back', async () => {
  const page = app.page;
  const live = ((await app.readRows('enterprises')) as Enterprise[]).filter((e) => e.deletedAt === undefined);
  const [, , , d, e] = live;
  await app.goto('/ratings?tab=csr');
  await page.getByText('2026 年还没有候选企业。点“添加候选企业”录入').waitFor();

  // d: 纳税 1,000, 就业 100, 公益 10, 优秀 / 良好. e: 纳税 500, 就业 400, 公益 0, 良好 / 优秀.
  const add = async (name: string, figures: [string, string, string], environment: string, labour: string) => {
    await page.getByRole('button', { name: '添加候选企业' }).click();
    const dialog = await openDialog(page, '添加 2026 年候选企业');
    const select = dialog.getByLabel('企业', { exact: true });
    await select.click();
    await select.fill(name);
    await page.locator('.ant-select-dropdown:visible').getByTitle(new RegExp(`^${name}`)).first().click();
    await dialog.getByLabel('纳税（万元）').fill(figures[0]);
    await dialog.getByLabel('安排就业（人）').fill(figures[1]);
    await dialog.getByLabel('公益捐助（万元）').fill(figures[2]);
    await dialog.getByRole('radiogroup').nth(0).getByText(environment, { exact: true }).click();
    await dialog.getByRole('radiogroup').nth(1).getByText(labour, { exact: true }).click();
    await dialog.getByRole('button', { name: '保存', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
  };
  await add(d!.name, ['1,000', '100', '10'], '优秀', '良好');
  // d chosen and at once e, while d's entry is still being read (held): when d's read answers late it
  // must not open d's entry over the choice of e.
  await page.getByRole('button', { name: '添加候选企业' }).click();
  const switched = await openDialog(page, '添加 2026 年候选企业');
  const choose = async (name: string) => {
    const picker = switched.getByLabel('企业', { exact: true });
    await picker.click();
    await picker.fill(name);
    await page.locator('.ant-select-dropdown:visible').getByTitle(new RegExp(`^${name}`)).first().click();
  };
  const release = await app.holdTable('csrCandidates');
  await choose(d!.name);
  await choose(e!.name);
  await release();
  // Read after the app's two reads (IndexedDB answers them in order), then the page settles.
  expect(await app.countRows('csrCandidates')).toBe(1);
  await settle(page);
  expect(await switched.locator('.ant-select-content').first().innerText()).toContain(e!.name);
  expect(await switched.getByText('该企业已在本年候选名单中').count()).toBe(0);
  expect(await switched.getByLabel('纳税（万元）').inputValue()).toBe('');
  // d again opens its entry; e then leaves it, with none of d's figures.
  await choose(d!.name);
  await switched.getByText('该企业已在本年候选名单中').waitFor();
  expect(await switched.getByLabel('纳税（万元）').inputValue()).toBe('1000');
  await choose(e!.name);
  await switched.getByText('该企业已在本年候选名单中').waitFor({ state: 'hidden' });
  expect(await switched.getByLabel('纳税（万元）').inputValue()).toBe('');
  expect(await switched.locator('.ant-select-content').first().innerText()).toContain(e!.name);
  // Cleared with × after d's entry opened: d's figures go too (saved for the next enterprise, they
  // made a second candidate with d's figures).
  await choose(d!.name);
  await switched.getByText('该企业已在本年候选名单中').waitFor();
  await switched.locator('.ant-select').first().hover();
  await switched.getByRole('button', { name: '清除', exact: true }).click();
  await switched.getByText('该企业已在本年候选名单中').waitFor({ state: 'hidden' });
  expect(await switched.getByLabel('纳税（万元）').inputValue()).toBe('');
  expect(await switched.getByRole('radiogroup').nth(0).getByRole('radio', { checked: true }).count()).toBe(0);
  // Back to an empty form: 取消 has nothing to ask about.
  await switched.getByRole('button', { name: '取消', exact: true }).click();
  await switched.waitFor({ state: 'hidden' });
  // A word where a figure goes is refused at its field, nothing saved.
  await page.getByRole('button', { name: '添加候选企业' }).click();
  const bad = await openDialog(page, '添加 2026 年候选企业');
  const select = bad.getByLabel('企业', { exact: true });
  await select.click();
  await select.fill(e!.name);
  await page.locator('.ant-select-dropdown:visible').getByTitle(new RegExp(`^${e!.name}`)).first().click();
  await bad.getByLabel('纳税（万元）').fill('五百');
  await bad.getByRole('button', { name: '保存', exact: true }).click();
  await bad.getByText('纳税应为不小于 0 的数字').waitFor();
  await bad.getByText('请选择环境保护等级').waitFor();
  await bad.getByRole('button', { name: '取消', exact: true }).click();
  await answerConfirm(page, '放弃未保存的修改？', '放弃修改');
  expect(await app.countRows('csrCandidates')).toBe(1);
  await add(e!.name, ['500', '400', '0'], '良好', '优秀');

  // Equal weights (20 each): d = (100 + 25 + 100 + 100 + 80) / 5 = 81; e = (50 + 100 + 80 + 0 + 100) / 5 = 66.
  const table = page.getByRole('table', { name: '社会责任先进企业候选名单' });
  const firstRow = () => table.getByRole('row').nth(1).getByRole('cell').allInnerTexts();
  // Polled together: with d alone in the list, d is first too, scored 96 against itself.
  await expect.poll(async () => { const cells = await firstRow(); return [cells[0], cells[1], cells[8]]; }).toEqual(['1', d!.name, '81.00']);
  // 编辑 keeps the entry's enterprise: another enterprise is a new candidate, added from 添加候选企业.
  await table.getByRole('row').filter({ hasText: d!.name }).getByRole('button', { name: '编辑' }).click();
  const edit = await openDialog(page, '编辑 2026 年候选企业');
  expect(await edit.getByLabel('企业', { exact: true }).isDisabled()).toBe(true);
  await edit.getByRole('button', { name: '取消', exact: true }).click();
  await edit.waitFor({ state: 'hidden' });
  // 就业 alone: e first.
  const weights = page.getByRole('form', { name: '评分权重' });
  for (const [label, value] of [['纳税', '0'], ['安排就业', '1'], ['环境保护', '0'], ['公益捐助', '0'], ['劳动关系和谐', '0']] as const) {
    await weights.getByLabel(label, { exact: true }).fill(value);
  }
  await page.getByRole('button', { name: '保存权重' }).click();
  await page.getByText('已保存 2026 年评分权重').waitFor();
  await expect.poll(async () => (await firstRow()).slice(0, 2)).toEqual(['1', e!.name]);
  expect(((await app.readRows('csrYears')) as { id: string }[]).map((r) => r.id)).toEqual(['csryear-2026']);

  const file = await app.download(() => page.getByRole('button', { name: '导出名单' }).click());
  expect(file.suggestedFilename).toBe('2026年社会责任先进企业候选名单-2026-11-20.xlsx');
  const [sheet] = await openpyxlRead(file.path);
  expect(sheet!.title).toBe('社会责任先进企业');
  const values = sheet!.rows.map((r) => r.map(([v]) => v));
  expect(values.filter((r) => typeof r[0] === 'number').map((r) => [r[0], r[1], r[3], r[4], r[8]])).toEqual([
    [1, e!.name, 500, 400, 100],
    [2, d!.name, 1000, 100, 25],
  ]);
  await settle(page);
  expect(app.pageErrors).toEqual([]);
});
