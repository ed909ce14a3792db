// The key foreign-invested project library in real Chromium: a project is added for an enterprise
// (bad money refused at the field), this month's progress is entered at a later stage — the stage
// moves and the 本月未填报 tag goes — a second entry for the month edits the first, a problem is raised
// from the project page, and all of it is still there after a reload, read back from IndexedDB; it then
// leaves the library with a reason from the list (其他 needs words), shown in its history.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Enterprise, KeyProject, Problem, ProgressEntry } from '../../shared/domain/records';
import { shanghaiMonth } from '../../shared/projects/monthlyProgress';
import { answerConfirm, openApp, openDialog, pickOption, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await openApp({ route: '/' });
});
afterAll(async () => {
  await app?.close();
});

const projectName = '测试精密二期扩建项目';

function projectRow(page: Page): Locator {
  return page.getByRole('row').filter({ hasText: projectName });
}

test('a project gets this month’s progress at a later stage and a problem, and keeps them', async () => {
  await app.loadDemoData('small');
  const enterprise = ((await app.readRows('enterprises')) as Enterprise[]).find((e) => e.deletedAt === undefined)!;
  const page = app.page;
  const month = shanghaiMonth();

  // Add the project, linked to the enterprise; a negative total is refused at its field.
  await app.goto('/projects');
  await page.getByRole('button', { name: '新增项目' }).click();
  const form = await openDialog(page, '新增重点项目');
  await form.getByLabel('项目名称').fill(projectName);
  await pickOption(page, form, '关联企业', `${enterprise.name}（${enterprise.town}）`, enterprise.name);
  await pickOption(page, form, '项目阶段', '已设立·前期手续');
  await pickOption(page, form, '入库来源', '签约项目');
  await form.getByLabel('总投资（万美元）').fill('-5');
  await form.getByRole('button', { name: '保存项目' }).click();
  await form.getByText('总投资不能为负数').waitFor();
  await form.getByLabel('总投资（万美元）').fill('12000');
  await form.getByLabel('注册外资（万美元）').fill('5000');
  await form.getByRole('button', { name: '保存项目' }).click();

  // Its page: the enterprise's town came with the enterprise; this month is not reported yet.
  await page.getByRole('heading', { name: projectName }).waitFor();
  // The enterprise is read after the project: wait for it rather than count at once.
  await expect.poll(() => page.getByRole('link', { name: enterprise.name }).count()).toBe(1);
  await page.getByText('本月未填报').waitFor();
  await app.goto(`/projects?q=${encodeURIComponent(projectName)}`);
  await expect.poll(() => projectRow(page).innerText()).toContain('本月未填报');
  expect(await projectRow(page).innerText()).toContain(enterprise.town);
  await projectRow(page).getByRole('link', { name: projectName }).click();

  // This month's progress at a later stage moves the project to it.
  await page.getByRole('button', { name: '填报本月进展' }).click();
  const progress = await openDialog(page, `填报进展：${projectName}`);
  expect(await progress.getByLabel('填报月份').inputValue()).toBe(month);
  await pickOption(page, progress, '项目阶段', '在建');
  await progress.getByLabel('本月进展').fill('完成桩基施工');
  await progress.getByLabel('累计完成投资（万美元）').fill('3000');
  await progress.getByRole('button', { name: '保存进展' }).click();
  await progress.waitFor({ state: 'hidden' });
  await expect.poll(() => page.getByText('本月未填报').count()).toBe(0);
  const entries = page.getByRole('table', { name: '月度进展' });
  await expect.poll(() => entries.innerText()).toContain('完成桩基施工');

  // A second entry for the month edits the first instead of adding one.
  await page.getByRole('button', { name: '填报本月进展' }).click();
  const again = await openDialog(page, `填报进展：${projectName}`);
  // Before saving, it says the month's earlier entry will be replaced.
  await again.getByText('保存将替换该月原有的进展', { exact: false }).waitFor();
  expect(await again.getByLabel('本月进展').inputValue()).toBe('完成桩基施工');
  await again.getByLabel('本月进展').fill('完成桩基施工，主体开工');
  await again.getByRole('button', { name: '保存进展' }).click();
  await again.waitFor({ state: 'hidden' });
  await expect.poll(() => entries.innerText()).toContain('主体开工');

  // A problem raised from the project page carries the project and its enterprise.
  await page.getByRole('button', { name: '登记问题' }).click();
  const raise = await openDialog(page, '登记问题');
  await raise.getByText(enterprise.name, { exact: false }).first().waitFor();
  await pickOption(page, raise, '问题类别', '建设审批');
  await raise.getByLabel('问题描述').fill('施工许可证办理进度慢');
  await raise.getByRole('button', { name: /登\s*记/ }).click();
  await raise.waitFor({ state: 'hidden' });
  await expect.poll(() => page.getByRole('table', { name: '项目问题' }).innerText()).toContain('施工许可证办理进度慢');

  // After a reload everything is still there, in the page and in IndexedDB.
  await app.reload();
  await page.getByRole('heading', { name: projectName }).waitFor();
  await expect.poll(() => page.getByRole('table', { name: '月度进展' }).innerText()).toContain('主体开工');
  await expect.poll(() => page.getByRole('table', { name: '项目问题' }).innerText()).toContain('施工许可证办理进度慢');
  // The page shows the project's history: its entry into the library and the stage change the progress made.
  const history = page.getByRole('table', { name: '入库、移出和阶段变更记录' });
  await expect.poll(() => history.innerText()).toContain('已设立·前期手续 → 在建');
  expect(await history.innerText()).toContain(`${month} 月度进展`);
  expect(await history.getByText('入库', { exact: true }).count()).toBe(1);

  const project = ((await app.readRows('projects')) as KeyProject[]).find((p) => p.name === projectName)!;
  expect(project).toMatchObject({
    enterpriseId: enterprise.id,
    town: enterprise.town,
    stage: '在建',
    inLibrary: true,
    totalInvestment: 12000,
    registeredForeignCapital: 5000,
  });
  const stored = ((await app.readRows('progressEntries')) as ProgressEntry[]).filter((e) => e.projectId === project.id);
  expect(stored.map((e) => [e.month, e.stage, e.progress, e.investmentToDate])).toEqual([[month, '在建', '完成桩基施工，主体开工', 3000]]);
  const problems = ((await app.readRows('problems')) as Problem[]).filter((p) => p.projectId === project.id);
  expect(problems.map((p) => [p.enterpriseId, p.category, p.description])).toEqual([[enterprise.id, '建设审批', '施工许可证办理进度慢']]);

  await app.goto(`/projects?q=${encodeURIComponent(projectName)}`);
  await expect.poll(() => projectRow(page).innerText()).toContain('在建');
  expect(await projectRow(page).innerText()).not.toContain('本月未填报');

  // The enterprise's page lists its key project with the stage reached.
  await app.goto(`/enterprises/${enterprise.id}`);
  const onEnterprise = page.getByRole('region', { name: '该企业的重点项目' });
  await onEnterprise.getByRole('link', { name: projectName }).waitFor();
  expect(await onEnterprise.innerText()).toContain('在建');
  await app.goto(`/projects?q=${encodeURIComponent(projectName)}`);
  await expect.poll(() => projectRow(page).innerText()).toContain('在建');

  // Leaving the library takes a reason from the list; 其他 needs it in words. The history shows the
  // entry's source and the exit's reason.
  await projectRow(page).getByRole('link', { name: projectName }).click();
  await page.getByRole('button', { name: '移出项目库' }).click();
  const exit = await openDialog(page, '移出项目库');
  await exit.getByRole('button', { name: '移出项目库' }).click();
  await exit.getByText('移出项目库须选择移出原因').waitFor();
  await pickOption(page, exit, '移出原因', '其他');
  await exit.getByRole('button', { name: '移出项目库' }).click();
  await exit.getByText('移出原因为“其他”时须写明具体原因').waitFor();
  expect(((await app.readRows('projects')) as KeyProject[]).find((p) => p.id === project.id)?.inLibrary).toBe(true);
  await exit.getByLabel('原因说明').fill('投资方调整投资计划，项目暂缓');
  await exit.getByRole('button', { name: '移出项目库' }).click();
  await exit.waitFor({ state: 'hidden' });
  const historyAfterExit = page.getByRole('table', { name: '入库、移出和阶段变更记录' });
  await expect.poll(() => historyAfterExit.innerText()).toContain('其他：投资方调整投资计划，项目暂缓');
  expect(await historyAfterExit.innerText()).toContain('入库来源：签约项目');
  await app.goto(`/projects?q=${encodeURIComponent(projectName)}&library=all`);
  await expect.poll(() => projectRow(page).innerText()).toContain('已出库');

  // Deleting asks first, leaves a tombstone (its progress and problems stay), and a link to the
  // project then says it was deleted.
  await projectRow(page).getByRole('link', { name: projectName }).click();
  await page.getByRole('button', { name: '删除项目' }).click();
  await answerConfirm(page, `删除项目“${projectName}”？`, '删除项目');
  await page.getByText('项目已删除').waitFor();
  await expect.poll(() => page.getByRole('link', { name: projectName }).count()).toBe(0);
  const tombstone = ((await app.readRows('projects')) as KeyProject[]).find((p) => p.id === project.id)!;
  expect(tombstone.deletedAt).toBeTruthy();
  expect(((await app.readRows('progressEntries')) as ProgressEntry[]).filter((e) => e.projectId === project.id)).toHaveLength(1);
  await app.goto(`/projects/${project.id}`);
  await page.getByText('该项目已被删除。').waitFor();
  expect(app.pageErrors).toEqual([]);
});
