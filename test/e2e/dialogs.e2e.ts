// Nothing typed into a dialog is lost or changed silently, in real Chromium: each problem action
// opens with its own fields (never the note of an earlier one); Esc, × and 取消 ask before dropping
// typing, and a cancelled edit leaves the stored record as it was; a reply, a reopening's reason and
// a month's progress come back as drafts after a reload; 不满意 needs its reason and 办结 after it an
// explicit decision; 登记问题 on an enterprise's page starts with that enterprise.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Enterprise, KeyProject, Problem } from '../../shared/domain/records';
import { answerConfirm, openApp, openDialog, pickOption, settle, type App } from './harness';

let app: App;
let enterprise: Enterprise;
/** Open demo problems of other enterprises, one per test that acts on a problem of its own. */
let openProblems: Problem[];
beforeAll(async () => {
  app = await openApp({ route: '/' });
  await app.loadDemoData('small');
  enterprise = ((await app.readRows('enterprises')) as Enterprise[]).find((e) => e.deletedAt === undefined && e.contactPerson)!;
  openProblems = ((await app.readRows('problems')) as Problem[])
    .filter((p) => p.deletedAt === undefined && p.status === '待处理' && p.enterpriseId !== enterprise.id)
    .sort((a, b) => a.id.localeCompare(b.id));
});
afterAll(async () => {
  await app?.close();
});

// Unanchored: while a save runs the button shows a spinning loading icon, which adds "loading" to its
// accessible name.
const save = (dialog: Locator) => dialog.getByRole('button', { name: /保\s*存/ }).click();

/** The 「放弃未保存的修改？」 question, answered. */
async function answerDiscard(page: Page, answer: '放弃修改' | '继续编辑'): Promise<void> {
  await answerConfirm(page, '放弃未保存的修改？', answer);
}

function history(page: Page): Locator {
  return page.getByText('处理记录').locator('xpath=following-sibling::*[1]');
}

test('登记问题 on an enterprise page starts with that enterprise', async () => {
  const page = app.page;
  await app.goto(`/enterprises/${enterprise.id}`);
  await page.getByRole('heading', { name: enterprise.name }).waitFor();
  await page.getByRole('button', { name: '登记问题' }).click();
  const raise = await openDialog(page, '登记问题');
  // The enterprise field shows the enterprise, nothing to pick.
  await raise.getByText(`${enterprise.name}（${enterprise.town}）`).waitFor();
  await pickOption(page, raise, '问题类别', '用工');
  await raise.getByLabel('问题描述').fill('招工难，缺少熟练焊工（对话框测试）');
  await raise.getByRole('button', { name: '登记', exact: true }).click();
  await raise.waitFor({ state: 'hidden' });
  const stored = ((await app.readRows('problems')) as Problem[]).filter((p) => p.description === '招工难，缺少熟练焊工（对话框测试）');
  expect(stored.map((p) => p.enterpriseId)).toEqual([enterprise.id]);
  expect(app.pageErrors).toEqual([]);
});

test('登记问题 from 问题诉求 opens with the cursor in 企业: the name is typed straight away', async () => {
  const page = app.page;
  await app.goto('/problems');
  await page.getByRole('button', { name: '登记问题' }).click();
  const raise = await openDialog(page, '登记问题');
  const field = raise.getByLabel('企业', { exact: true });
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(await field.getAttribute('id'));
  await page.keyboard.type(enterprise.name);
  await page.locator('.ant-select-dropdown:visible').getByTitle(`${enterprise.name}（${enterprise.town}）`, { exact: true }).waitFor();
  await page.keyboard.press('Enter');
  await raise.locator('.ant-select-content').filter({ hasText: enterprise.name }).first().waitFor();
  await raise.getByRole('button', { name: '取消', exact: true }).click();
  await answerConfirm(page, '放弃未保存的修改？', '放弃修改');
  await raise.waitFor({ state: 'hidden' });
});

test('each problem action opens with its own fields; 不满意 needs its reason and 办结 a decision', async () => {
  const page = app.page;
  const problem = openProblems[0]!;
  await app.goto(`/problems/${problem.id}`);
  await page.getByRole('heading', { name: '问题详情' }).waitFor();

  // 转办 with a note of its own.
  await page.getByRole('button', { name: '转办', exact: true }).click();
  const transfer = await openDialog(page, '转办');
  await pickOption(page, transfer, '责任部门', '区人社局', '人社');
  await transfer.getByLabel('说明').fill('请人社局牵头对接');
  await save(transfer);
  await transfer.waitFor({ state: 'hidden' });

  // The next dialog with a note of its own starts without the transfer's note.
  await page.getByRole('button', { name: '修改日期与办理方式' }).click();
  const dates = await openDialog(page, '修改日期与办理方式');
  expect(await dates.getByLabel('修改原因').inputValue()).toBe('');
  await dates.getByRole('button', { name: '取消', exact: true }).click();
  await dates.waitFor({ state: 'hidden' });

  // 答复 opens empty but for today's date; its history entry is its own, not the transfer note.
  await page.getByRole('button', { name: '答复', exact: true }).click();
  const answer = await openDialog(page, '答复');
  expect(await answer.getByLabel('答复内容').inputValue()).toBe('');
  await answer.getByLabel('答复内容').fill('已组织专场招聘会');
  await answer.getByLabel('解决或已有明确途径').check();
  await save(answer);
  await answer.waitFor({ state: 'hidden' });
  await expect.poll(() => history(page).innerText()).toContain('答复：解决或已有明确途径');
  expect((await history(page).innerText()).match(/请人社局牵头对接/g)).toHaveLength(1);

  // 不满意 without a reason is refused in the dialog; with one, the reason is in the history.
  await page.getByRole('button', { name: '企业满意度' }).click();
  const rate = await openDialog(page, '企业满意度');
  await rate.getByLabel('不满意', { exact: true }).check();
  await save(rate);
  await rate.getByText('企业不满意时须填写不满意的原因').waitFor();
  await rate.getByLabel('不满意原因').fill('招聘会岗位与需求不对口');
  await save(rate);
  await rate.waitFor({ state: 'hidden' });
  await expect.poll(() => history(page).innerText()).toContain('企业评价：不满意；原因：招聘会岗位与需求不对口');

  // 办结 opens with an empty note (not the transfer's), and needs reopening or a decision.
  await page.getByRole('button', { name: '办结', exact: true }).click();
  const close = await openDialog(page, '办结');
  expect(await close.getByLabel('办结说明').inputValue()).toBe('');
  await save(close);
  await close.getByText('企业对答复不满意：请先重新办理，或勾选“企业不满意，仍然办结”并说明理由').waitFor();
  await close.getByLabel('企业不满意，仍然办结').check();
  await save(close);
  await close.getByText('企业不满意仍然办结，须说明理由').waitFor();

  // Leaving it is asked about (typing was done) — 取消, then 放弃修改.
  await close.getByRole('button', { name: '取消', exact: true }).click();
  await answerDiscard(page, '放弃修改');
  await close.waitFor({ state: 'hidden' });

  // 重新办理 opens with an empty reason, not the note of any earlier action.
  await page.getByRole('button', { name: '重新办理' }).click();
  const reopen = await openDialog(page, '重新办理');
  expect(await reopen.getByLabel('重新办理原因').inputValue()).toBe('');
  await reopen.getByRole('button', { name: '取消', exact: true }).click();
  await reopen.waitFor({ state: 'hidden' });

  // Closing anyway, with the decision and its explanation.
  await page.getByRole('button', { name: '办结', exact: true }).click();
  const closeAgain = await openDialog(page, '办结');
  expect(await closeAgain.getByLabel('企业不满意，仍然办结').isChecked()).toBe(false);
  await closeAgain.getByLabel('企业不满意，仍然办结').check();
  await closeAgain.getByLabel('仍然办结的理由').fill('诉求超出本级权限，已向企业说明');
  await save(closeAgain);
  await closeAgain.waitFor({ state: 'hidden' });
  await expect.poll(() => history(page).innerText()).toContain('企业不满意，仍然办结：诉求超出本级权限，已向企业说明');
  expect(app.pageErrors).toEqual([]);
});

test('Esc, × and 取消 on an edit ask before dropping typing; reopening shows the stored record', async () => {
  const page = app.page;
  await app.goto(`/enterprises/${enterprise.id}`);
  await page.getByRole('heading', { name: enterprise.name }).waitFor();

  // Nothing typed: Esc closes at once.
  await page.getByRole('button', { name: '编辑企业' }).click();
  let edit = await openDialog(page, '编辑企业');
  await edit.getByLabel('联系人').focus();
  await page.keyboard.press('Escape');
  await edit.waitFor({ state: 'hidden' });

  // Typed: Esc asks; 继续编辑 keeps the typing; × asks again; 放弃修改 drops it.
  await page.getByRole('button', { name: '编辑企业' }).click();
  edit = await openDialog(page, '编辑企业');
  await edit.getByLabel('联系人').fill('临时改动的联系人');
  await page.keyboard.press('Escape');
  await answerDiscard(page, '继续编辑');
  expect(await edit.getByLabel('联系人').inputValue()).toBe('临时改动的联系人');
  await edit.locator('.ant-modal-close').click();
  await answerDiscard(page, '放弃修改');
  await edit.waitFor({ state: 'hidden' });

  // Reopened: the stored record, not the dropped typing; and nothing was stored.
  await page.getByRole('button', { name: '编辑企业' }).click();
  edit = await openDialog(page, '编辑企业');
  expect(await edit.getByLabel('联系人').inputValue()).toBe(enterprise.contactPerson);
  await edit.getByRole('button', { name: '取消', exact: true }).click();
  await edit.waitFor({ state: 'hidden' });
  const stored = ((await app.readRows('enterprises')) as Enterprise[]).find((e) => e.id === enterprise.id)!;
  expect(stored.contactPerson).toBe(enterprise.contactPerson);

  // The same for a problem's text: Esc, 放弃修改, reopened with the stored description.
  const problem = ((await app.readRows('problems')) as Problem[]).find((p) => p.description === '招工难，缺少熟练焊工（对话框测试）')!;
  await app.goto(`/problems/${problem.id}`);
  await page.getByRole('button', { name: '编辑问题内容' }).click();
  let details = await openDialog(page, '编辑问题内容');
  await details.getByLabel('问题描述').fill('改了一半的描述');
  await page.keyboard.press('Escape');
  await answerDiscard(page, '放弃修改');
  await details.waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: '编辑问题内容' }).click();
  details = await openDialog(page, '编辑问题内容');
  expect(await details.getByLabel('问题描述').inputValue()).toBe(problem.description);
  await details.getByRole('button', { name: '取消', exact: true }).click();
  await details.waitFor({ state: 'hidden' });

  // And a project's edit.
  const project = ((await app.readRows('projects')) as KeyProject[]).find((p) => p.deletedAt === undefined)!;
  await app.goto(`/projects/${project.id}`);
  await page.getByRole('button', { name: '编辑项目' }).click();
  let projectForm = await openDialog(page, '编辑重点项目');
  await projectForm.getByLabel('项目名称').fill('改了一半的项目名称');
  await projectForm.getByRole('button', { name: '取消', exact: true }).click();
  await answerDiscard(page, '放弃修改');
  await projectForm.waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: '编辑项目' }).click();
  projectForm = await openDialog(page, '编辑重点项目');
  expect(await projectForm.getByLabel('项目名称').inputValue()).toBe(project.name);
  await projectForm.getByRole('button', { name: '取消', exact: true }).click();
  await projectForm.waitFor({ state: 'hidden' });
  expect(app.pageErrors).toEqual([]);
});

test('a reply and a month’s progress typed but not saved come back after a reload, and go on save', async () => {
  const page = app.page;
  const problem = openProblems[1]!;
  await app.goto(`/problems/${problem.id}`);
  await page.getByRole('button', { name: '答复', exact: true }).click();
  let answer = await openDialog(page, '答复');
  await answer.getByLabel('答复内容').fill('已协调区人社局，下周组织专场招聘');
  await answer.getByText('已存）').waitFor(); // the draft is in IndexedDB

  await app.reload();
  await page.getByRole('button', { name: '答复', exact: true }).click();
  answer = await openDialog(page, '答复');
  await answer.getByText('已恢复未保存的草稿', { exact: false }).waitFor();
  expect(await answer.getByLabel('答复内容').inputValue()).toBe('已协调区人社局，下周组织专场招聘');
  await answer.getByLabel('已有方案或正在争取').check();
  await save(answer);
  await answer.waitFor({ state: 'hidden' });
  await expect.poll(() => app.countRows('drafts')).toBe(0);
  const stored = ((await app.readRows('problems')) as Problem[]).find((p) => p.id === problem.id)!;
  expect(stored.replyContent).toBe('已协调区人社局，下周组织专场招聘');

  // A month's progress, the same way; 放弃修改 deletes the draft.
  const project = ((await app.readRows('projects')) as KeyProject[]).find((p) => p.deletedAt === undefined)!;
  await app.goto(`/projects/${project.id}`);
  await page.getByRole('button', { name: '填报本月进展' }).click();
  let progress = await openDialog(page, `填报进展：${project.name}`);
  await progress.getByLabel('本月进展').fill('完成设备进场');
  await progress.getByLabel('存在问题').fill('电力增容待批');
  await progress.getByText('已存）').waitFor();
  // 已存 can be the save of 本月进展 alone (a 500 ms debounce between the two fills): wait for the second field in the draft.
  await expect.poll(async () => JSON.stringify(await app.readRows('drafts'))).toContain('电力增容待批');

  await app.reload();
  await page.getByRole('button', { name: '填报本月进展' }).click();
  progress = await openDialog(page, `填报进展：${project.name}`);
  await progress.getByText('已恢复未保存的草稿', { exact: false }).waitFor();
  expect(await progress.getByLabel('本月进展').inputValue()).toBe('完成设备进场');
  expect(await progress.getByLabel('存在问题').inputValue()).toBe('电力增容待批');
  await settle(page);
  await progress.getByRole('button', { name: '取消', exact: true }).click();
  await answerDiscard(page, '放弃修改');
  await progress.waitFor({ state: 'hidden' });
  await expect.poll(() => app.countRows('drafts')).toBe(0);
  await page.getByRole('button', { name: '填报本月进展' }).click();
  progress = await openDialog(page, `填报进展：${project.name}`);
  expect(await progress.getByText('已恢复未保存的草稿', { exact: false }).count()).toBe(0);
  expect(app.pageErrors).toEqual([]);
});
