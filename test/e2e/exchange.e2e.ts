// 数据交换 in real Chromium, on three profiles = three laptops with their own IndexedDB: officer 张敏
// (A) and officer 李强 (B) each record an enterprise and a visit with a problem and export a package;
// the bureau, whose key A's package is encrypted to, previews and merges both and holds every record
// once. Then A's package reaches B, both change the same problem, and the bureau's merge of their
// next packages finds one conflict, which is answered field by field in 冲突处理. A package under a
// passphrase refuses a wrong one and writes nothing; a backup taken on A restores onto a new laptop.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeCreditCode } from '../../shared/creditCode';
import type { Problem } from '../../shared/domain/records';
import { addEnterpriseThroughForm, makePng, openApp, openDialog, pickOption, type App, type DownloadedFile } from './harness';

let officerA: App;
let officerB: App;
let bureau: App;
beforeAll(async () => {
  [officerA, officerB, bureau] = await Promise.all([openApp(), openApp(), openApp()]);
});
afterAll(async () => {
  await Promise.all([officerA?.close(), officerB?.close(), bureau?.close()]);
});

const enterpriseA = { name: '苏州交换测试精密有限公司', code: makeCreditCode('91320509MA1EX0A12'), town: '吴江开发区' };
const enterpriseB = { name: '吴江交换测试纺织有限公司', code: makeCreditCode('91320509MA1EX0B23'), town: '震泽镇' };
const problemA = '二季度缺普工约60人，招工难';
const problemB = '厂区门口道路破损，货车进出不便';
const replyA = '已联系区人社局，下周组织专场招聘会';
const descriptionB = '二季度缺普工约60人，另缺电工5人';

async function setOfficer(app: App, name: string): Promise<void> {
  await app.goto('/settings');
  const field = app.page.getByLabel('姓名', { exact: true });
  await field.fill(name);
  await field.press('Enter');
  await app.page.getByRole('status', { name: '保存状态' }).getByText(/已自动保存/).waitFor();
}

/** An enterprise and a visit with one problem (and, for A, a photo), through the forms. */
async function recordVisit(app: App, enterprise: typeof enterpriseA, problem: string, withPhoto: boolean): Promise<void> {
  const { page } = app;
  await addEnterpriseThroughForm(app, enterprise);

  await page.getByRole('button', { name: '记录走访' }).click();
  const form = page.getByRole('form', { name: '走访记录' });
  await form.waitFor();
  await form.getByLabel('走访情况').fill('了解生产经营情况。');
  if (withPhoto) {
    await form.getByLabel('选择附件文件').setInputFiles({ name: '厂区.png', mimeType: 'image/png', buffer: makePng(12, 8) });
    await form.getByRole('group', { name: '附件 厂区.png' }).waitFor();
  }
  await form.getByRole('button', { name: '添加问题' }).click();
  const section = form.getByRole('region', { name: '问题 1' });
  await pickOption(page, section, '问题类别', '用工');
  await pickOption(page, section, '责任部门', '区人社局');
  await section.getByLabel('问题描述').fill(problem);
  await form.getByRole('button', { name: '保存走访' }).click();
  await page.getByText('走访已保存，登记问题 1 个').waitFor();
}

/**
 * 数据交换 → 导出数据包 with the options given (each set explicitly: the page may still hold the last
 * export's choices); returns the saved file and the number of records it holds.
 */
async function exportPackage(
  app: App,
  options: { everything?: boolean; passphrase?: string; key?: boolean; firstTime?: boolean } = {},
): Promise<{ file: DownloadedFile; total: number }> {
  const { page } = app;
  await app.goto('/exchange');
  const form = page.getByRole('form', { name: '导出数据包' });
  const destination = form.getByLabel('发送给');
  const encryption = form.getByRole('radiogroup', { name: '加密方式' });
  if (options.firstTime) {
    // A first export goes to 区商务局, encrypted to its key when 设置 holds one.
    expect(await destination.inputValue()).toBe('区商务局');
    expect(await encryption.getByLabel(options.key ? '发给区商务局的公钥' : '不加密').isChecked()).toBe(true);
    expect(await form.getByLabel('只含上次发送后的变化').isChecked()).toBe(true);
  }
  await destination.fill('区商务局');
  await form.getByLabel(options.everything ? '全部数据' : '只含上次发送后的变化').check();
  if (options.passphrase) {
    await encryption.getByLabel('口令', { exact: true }).check();
    await form.getByLabel('设置口令').fill(options.passphrase);
    await form.getByLabel('再次输入口令').fill(options.passphrase);
  } else {
    await encryption.getByLabel(options.key ? '发给区商务局的公钥' : '不加密').check();
  }
  await form.getByRole('button', { name: '生成数据包' }).click();
  const contents = page.getByRole('table', { name: '将导出的记录' });
  await contents.waitFor();
  const total = Number((await contents.locator('.ant-table-summary td').last().innerText()).trim());
  const file = await app.download(() => page.getByRole('button', { name: '保存数据包' }).click());
  await page.getByText(`已导出 ${total} 条记录；下次只导出此后的变化`).first().waitFor();
  return { file, total };
}

/** 导入数据包 up to its preview: per table label, [新增, 更新, 删除, 冲突, 不变]. */
async function previewImport(app: App, file: DownloadedFile): Promise<Record<string, number[]>> {
  const { page } = app;
  await app.goto('/exchange?tab=import');
  await app.chooseFile(() => page.getByRole('button', { name: '选择数据包文件…' }).click(), {
    name: file.suggestedFilename,
    buffer: await file.read(),
  });
  return previewCounts(page);
}

async function previewCounts(page: Page): Promise<Record<string, number[]>> {
  const table = page.getByRole('table', { name: '合并预览' });
  await table.waitFor();
  return table.evaluate((element) =>
    Object.fromEntries(
      [...element.querySelectorAll('tbody tr.ant-table-row')].map((row) => {
        const cells = [...row.querySelectorAll('td')].map((cell) => (cell.textContent ?? '').trim());
        return [cells[0]!, cells.slice(1).map(Number)];
      }),
    ),
  );
}

/** 确认合并, and the result line it ends with. */
async function confirmMerge(app: App): Promise<string> {
  const { page } = app;
  await page.getByRole('button', { name: '确认合并' }).click();
  const result = page.getByLabel('合并结果');
  await result.waitFor();
  return (await result.innerText()).replace(/\s+/g, '');
}

async function liveRows<T extends { deletedAt?: string }>(app: App, table: string): Promise<T[]> {
  return ((await app.readRows(table)) as T[]).filter((row) => row.deletedAt === undefined);
}

async function tableCounts(app: App): Promise<Record<string, number>> {
  const tables = ['enterprises', 'visits', 'problems', 'attachments', 'policies', 'conflicts'];
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await app.countRows(t)] as const)));
}

test('two officers’ packages, one encrypted to the bureau’s key, are previewed and merged at the bureau: every record once', async () => {
  await Promise.all([setOfficer(officerA, '张敏'), setOfficer(officerB, '李强'), setOfficer(bureau, '王科长')]);

  // The bureau makes its key pair; A pastes the public key into 设置.
  await bureau.page.getByRole('button', { name: '在本机生成区商务局密钥对' }).click();
  const ask = await openDialog(bureau.page, '在本机生成区商务局密钥对？');
  await ask.getByRole('button', { name: '生成', exact: true }).click();
  const shown = bureau.page.getByLabel('本机区商务局公钥');
  await shown.waitFor();
  const publicKey = /age1[0-9a-z]+/.exec(await shown.innerText())?.[0] ?? '';
  expect(publicKey).toHaveLength(62);
  const keyField = officerA.page.getByLabel('区商务局公钥', { exact: true });
  await keyField.fill(publicKey.slice(0, 40));
  await keyField.press('Enter');
  await officerA.page.getByText('公钥长度不对：应为 62 个字符，现为 40 个，请完整复制区商务局提供的公钥').waitFor();
  await keyField.fill(publicKey);
  await keyField.press('Enter');
  await officerA.page.getByText('区商务局公钥已保存；导出给区商务局的数据包默认用它加密').waitFor();

  await Promise.all([recordVisit(officerA, enterpriseA, problemA, true), recordVisit(officerB, enterpriseB, problemB, false)]);

  const [fromA, fromB] = await Promise.all([
    exportPackage(officerA, { key: true, firstTime: true }),
    exportPackage(officerB, { firstTime: true }),
  ]);
  // An enterprise, a visit, a problem, the photo (A) and the policy measures the visit form seeds.
  const policies = await officerA.countRows('policies');
  expect(policies).toBeGreaterThan(0);
  expect(fromA.total).toBe(4 + policies);
  expect(fromB.total).toBe(3 + policies);

  // The bureau opens A's package with its own key, sees what it would do, and merges it.
  const previewA = await previewImport(bureau, fromA.file);
  expect(previewA['企业']).toEqual([1, 0, 0, 0, 0]);
  expect(previewA['走访记录']).toEqual([1, 0, 0, 0, 0]);
  expect(previewA['问题']).toEqual([1, 0, 0, 0, 0]);
  expect(previewA['附件']).toEqual([1, 0, 0, 0, 0]);
  const info = bureau.page.getByLabel('数据包信息');
  expect(await info.innerText()).toContain('张敏');
  expect(await info.innerText()).toContain('区商务局公钥加密');
  expect(await confirmMerge(bureau)).toContain(`新增${4 + policies}条，更新0条，删除0条，冲突0处`);

  // B's package: its policies are the same measures (joined, not doubled).
  const previewB = await previewImport(bureau, fromB.file);
  expect(previewB['企业']).toEqual([1, 0, 0, 0, 0]);
  expect(previewB['问题']).toEqual([1, 0, 0, 0, 0]);
  expect(previewB['政策']).toEqual([0, policies, 0, 0, 0]);
  expect(await confirmMerge(bureau)).toContain('冲突0处');

  expect(await liveRows(bureau, 'enterprises')).toHaveLength(2);
  expect(await liveRows(bureau, 'visits')).toHaveLength(2);
  expect(await liveRows(bureau, 'problems')).toHaveLength(2);
  expect(await liveRows(bureau, 'policies')).toHaveLength(policies);
  const photos = await liveRows<{ fileName: string; deletedAt?: string }>(bureau, 'attachments');
  expect(photos.map((p) => p.fileName)).toEqual(['厂区.png']);

  // The list pages show each record once, the merged enterprise found by search.
  await bureau.goto('/problems?tab=all');
  await bureau.page.getByText(problemA, { exact: true }).first().waitFor();
  expect(await bureau.page.getByText(problemA, { exact: true }).count()).toBe(1);
  expect(await bureau.page.getByText(problemB, { exact: true }).count()).toBe(1);
  await bureau.goto('/enterprises');
  await bureau.page.getByRole('textbox', { name: '搜索企业' }).fill('交换测试');
  const list = bureau.page.getByRole('table', { name: '企业列表' });
  await list.getByRole('link', { name: enterpriseA.name }).waitFor();
  expect(await list.getByRole('link', { name: enterpriseB.name }).count()).toBe(1);

  // Merging A's package again changes nothing.
  const again = await previewImport(bureau, fromA.file);
  expect(again['问题']).toEqual([0, 0, 0, 0, 1]);
  for (const app of [officerA, officerB, bureau]) expect(app.pageErrors).toEqual([]);
});

test('the same problem changed on two laptops is one conflict at the bureau, answered field by field', async () => {
  // B takes A's package (a plain copy of A's records: A exports everything, unencrypted, for B).
  const previewAtB = await previewImport(officerB, await plainCopyOfA());
  expect(previewAtB['问题']).toEqual([1, 0, 0, 0, 0]);
  expect(await confirmMerge(officerB)).toContain('冲突0处');
  const [problem] = (await liveRows<Problem>(officerB, 'problems')).filter((p) => p.description === problemA);
  expect(problem).toBeDefined();

  // A answers the problem; then B rewrites its description.
  await officerA.goto(`/problems/${problem!.id}`);
  await officerA.page.getByRole('button', { name: '答复', exact: true }).click();
  const answer = await openDialog(officerA.page, '答复');
  await answer.getByLabel('答复内容').fill(replyA);
  await answer.getByLabel('解决或已有明确途径').check();
  await answer.getByRole('button', { name: /保\s*存/ }).click();
  await answer.waitFor({ state: 'hidden' });

  await officerB.goto(`/problems/${problem!.id}`);
  await officerB.page.getByRole('button', { name: '编辑问题内容' }).click();
  const details = await openDialog(officerB.page, '编辑问题内容');
  await details.getByLabel('问题描述').fill(descriptionB);
  await details.getByRole('button', { name: /保\s*存/ }).click();
  await details.waitFor({ state: 'hidden' });

  const [changesA, changesB] = await Promise.all([exportPackage(officerA, { key: true }), exportPackage(officerB)]);
  expect(changesA.total).toBe(1); // only the answered problem

  expect((await previewImport(bureau, changesA.file))['问题']).toEqual([0, 1, 0, 0, 0]);
  expect(await confirmMerge(bureau)).toContain('冲突0处');
  expect((await previewImport(bureau, changesB.file))['问题']).toEqual([0, 0, 0, 1, 0]);
  expect(await confirmMerge(bureau)).toContain('冲突1处');

  // The result links to 冲突处理, which lists the one conflict with both versions.
  const { page } = bureau;
  await page.getByRole('button', { name: '处理 1 处冲突' }).click();
  const conflicts = page.getByRole('table', { name: '待处理的冲突' });
  const row = conflicts.getByRole('row').filter({ hasText: '问题' }).filter({ hasText: enterpriseA.name });
  await row.waitFor();
  expect(await conflicts.locator('tbody tr.ant-table-row').count()).toBe(1);
  expect(await row.innerText()).toContain('张敏');
  expect(await row.innerText()).toContain('李强');
  await row.getByRole('button', { name: /^处理：/ }).click();

  // Each field is kept from the side that changed it: B's description, A's answer.
  const fields = page.getByRole('table', { name: '不同的字段' });
  await fields.waitFor();
  const fieldRow = (label: string) => fields.locator('tbody tr.ant-table-row').filter({ has: page.getByText(label, { exact: true }) });
  /** Picks a side of one field (the choices are buttons) and checks the pick took. */
  const choose = async (label: string, side: '保留当前' | '采用另一版本') => {
    const group = page.getByRole('radiogroup', { name: `「${label}」采用的版本` });
    await group.getByText(side, { exact: true }).click();
    await expect.poll(() => group.getByLabel(side).isChecked()).toBe(true);
  };
  // B's edit came later, so B's version is the current one and A's answer the other version.
  const cells = (label: string) => fieldRow(label).locator('td');
  expect(await cells('问题描述').nth(1).innerText()).toBe(descriptionB);
  expect(await cells('问题描述').nth(2).innerText()).toBe(problemA);
  expect(await cells('答复内容').nth(1).innerText()).toBe('（空）');
  expect(await cells('答复内容').nth(2).innerText()).toBe(replyA);
  await choose('问题描述', '保留当前');
  await choose('答复内容', '采用另一版本');
  // Half an answer is named as such: the status would contradict the reply.
  const handlingWarning = page.getByText(/^办理情况取自两个版本/);
  await handlingWarning.waitFor();
  // The rest of the answer (status, date, outcome) is taken with it.
  for (const label of ['办理状态', '答复日期', '办理结果']) await choose(label, '采用另一版本');
  await handlingWarning.waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: '确认处理' }).click();
  await page.getByText('没有待处理的冲突').waitFor();

  const [resolved] = (await liveRows<Problem>(bureau, 'problems')).filter((p) => p.id === problem!.id);
  expect(resolved?.description).toBe(descriptionB);
  expect(resolved?.replyContent).toBe(replyA);
  expect(resolved?.status).toBe('已答复');
  await bureau.goto('/exchange');
  expect(await page.getByRole('button', { name: '冲突处理', exact: true }).isVisible()).toBe(true);
  expect(bureau.pageErrors).toEqual([]);
});

/** A's records as a plain package for B (A's usual packages are encrypted to the bureau). */
async function plainCopyOfA(): Promise<DownloadedFile> {
  const { page } = officerA;
  await officerA.goto('/exchange');
  const form = page.getByRole('form', { name: '导出数据包' });
  await form.getByLabel('发送给').fill('李强');
  await form.getByLabel('全部数据').check();
  await form.getByRole('radiogroup', { name: '加密方式' }).getByLabel('不加密').check();
  await form.getByRole('button', { name: '生成数据包' }).click();
  await page.getByRole('table', { name: '将导出的记录' }).waitFor();
  const file = await officerA.download(() => page.getByRole('button', { name: '保存数据包' }).click());
  await page.getByText(/已导出 \d+ 条记录/).first().waitFor();
  return file;
}

test('a package under a passphrase refuses a wrong one with a Chinese message and writes nothing', async () => {
  const locked = await exportPackage(officerA, { everything: true, passphrase: '吴江走访2026' });
  const before = await tableCounts(bureau);
  const { page } = bureau;
  await bureau.goto('/exchange?tab=import');
  await bureau.chooseFile(() => page.getByRole('button', { name: '选择数据包文件…' }).click(), {
    name: locked.file.suggestedFilename,
    buffer: await locked.file.read(),
  });
  await page.getByLabel('数据包口令').fill('wrong-passphrase');
  await page.getByRole('button', { name: '解密' }).click();
  await page.getByRole('alert').filter({ hasText: '口令不正确，无法解密此数据包' }).waitFor();
  expect(await page.getByRole('table', { name: '合并预览' }).count()).toBe(0);
  expect(await tableCounts(bureau)).toEqual(before);
  expect(bureau.pageErrors).toEqual([]);
});

test('立即备份 on A, restored on a new laptop, brings back A’s records and officer', async () => {
  const { page } = officerA;
  await officerA.goto('/settings');
  await page.getByText('上次备份：从未备份').waitFor();
  await page.getByText(/本机数据还没有备份过/).waitFor();
  const backup = await officerA.download(() => page.getByRole('button', { name: '立即备份' }).click());
  expect(backup.suggestedFilename).toMatch(/^走访台账备份-\d{8}-\d{6}-01-manual\.vlpkg$/);
  await page.getByText(/^上次备份：\d{4}-\d{2}-\d{2} \d{2}:\d{2}（手动备份）$/).waitFor();
  expect(await page.getByText(/本机数据还没有备份过/).count()).toBe(0);
  const original = await tableCounts(officerA);
  const backupBytes = await backup.read(); // closing the app below deletes its download folder

  // A's laptop is replaced: a new profile, empty, restores the downloaded backup.
  await officerA.close();
  officerA = await openApp({ route: '/settings' });
  const fresh = officerA.page;
  expect(await officerA.countRows('enterprises')).toBe(0);
  await officerA.chooseFile(() => fresh.getByRole('button', { name: '从文件恢复…' }).click(), {
    name: backup.suggestedFilename,
    buffer: backupBytes,
  });
  const dialog = await openDialog(fresh, '恢复备份');
  const summary = await dialog.getByLabel('备份内容').innerText();
  expect(summary).toContain('张敏');
  expect(summary).toContain('企业 1 条');
  expect(summary).toContain('问题 1 条');
  // The current (empty) data is backed up first, as a download here; then the app reloads.
  const safety = await officerA.download(() => dialog.getByRole('button', { name: '恢复此备份' }).click());
  expect(safety.suggestedFilename).toMatch(/-restore\.vlpkg$/);
  await expect.poll(() => officerA.countRows('enterprises')).toBe(1);
  await fresh.getByLabel('姓名', { exact: true }).waitFor();
  await expect.poll(() => fresh.getByLabel('姓名', { exact: true }).inputValue()).toBe('张敏');
  const restored = await tableCounts(officerA);
  expect({ ...restored, conflicts: 0 }).toEqual({ ...original, conflicts: 0 });
  await officerA.goto('/enterprises');
  await fresh.getByRole('table', { name: '企业列表' }).getByRole('link', { name: enterpriseA.name }).waitFor();
  expect(officerA.pageErrors).toEqual([]);
});
