// 月度填报 in real Chromium: the officer adds two projects (one for an enterprise, one not yet set up),
// opens 重点项目 → 月度填报, fills this month for both with the keyboard alone (Enter moves along the
// row, Enter on the last cell saves and goes to the next row; an investment above the total asks
// first), the 未填报 rows and the 已填报 count follow, and a blocker becomes a 问题诉求 linked to the
// project and its enterprise — read back from IndexedDB; the month's workbook, read back by openpyxl,
// carries what was typed and the raised request.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Enterprise, KeyProject, Problem, ProgressEntry } from '../../shared/domain/records';
import { shanghaiMonth } from '../../shared/projects/monthlyProgress';
import { openApp, openDialog, pickOption, settle, type App } from './harness';
import { openpyxlRead } from '../electron/ledgerExport/independentReaders';

let app: App;
beforeAll(async () => {
  app = await openApp({ route: '/' });
});
afterAll(async () => {
  await app?.close();
});

const officer = '测试专员';
const nameA = '甲测试精密二期项目';
const nameB = '乙测试新材料项目';

async function addProject(page: Page, name: string, stage: string, total: string, enterprise?: Enterprise): Promise<void> {
  await app.goto('/projects');
  await page.getByRole('button', { name: '新增项目' }).click();
  const form = await openDialog(page, '新增重点项目');
  await form.getByLabel('项目名称').fill(name);
  if (enterprise) await pickOption(page, form, '关联企业', `${enterprise.name}（${enterprise.town}）`, enterprise.name);
  await pickOption(page, form, '项目阶段', stage);
  await form.getByLabel('总投资（万美元）').fill(total);
  // The entry's source is asked for: saving without it is refused at the field.
  await form.getByRole('button', { name: '保存项目' }).click();
  await form.getByText('请选择入库来源（签约项目、区镇推送或其他）').waitFor();
  await pickOption(page, form, '入库来源', enterprise ? '签约项目' : '区镇推送');
  await form.getByRole('button', { name: '保存项目' }).click();
  await page.getByRole('heading', { name }).waitFor();
}

test('a month is filled on 月度填报 with the keyboard and a blocker becomes a linked problem', async () => {
  await app.loadDemoData('small');
  const page = app.page;
  const month = shanghaiMonth();
  const enterprise = ((await app.readRows('enterprises')) as Enterprise[]).find((e) => e.deletedAt === undefined)!;

  // The officer's name: the projects they add are theirs (牵头人), and 月度填报 lists those.
  await app.goto('/settings');
  const nameField = page.getByLabel('姓名', { exact: true });
  await nameField.fill(officer);
  await nameField.press('Enter');
  await page.getByRole('status', { name: '保存状态' }).getByText(/已自动保存/).waitFor();

  await addProject(page, nameA, '在建', '12000', enterprise);
  await addProject(page, nameB, '已设立·前期手续', '1000');

  // 重点项目 → 月度填报: only the officer's two projects, both missing this month.
  await app.goto('/projects');
  await page.getByRole('button', { name: '月度填报' }).click();
  await page.getByRole('heading', { name: '月度填报' }).waitFor();
  const table = page.getByRole('table', { name: '月度填报' });
  const rowA = table.getByRole('row').filter({ hasText: nameA });
  const rowB = table.getByRole('row').filter({ hasText: nameB });
  await expect.poll(() => page.getByLabel('填报进度').innerText()).toBe('已填报 0 / 共 2');
  expect(await table.locator('tbody tr.monthly-round-missing').count()).toBe(2);
  expect(await rowA.innerText()).toContain('未填报');
  expect(await page.getByLabel('填报月份').inputValue()).toBe(month);

  // Row A by keyboard: the stage moves on with the arrow keys, Enter goes from cell to cell, and Enter
  // on the last cell saves the row and goes to the next row's stage.
  const stageA = page.getByLabel(`${nameA} 本月阶段`, { exact: true });
  await stageA.focus();
  await page.keyboard.press('ArrowDown');
  await settle(page);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  // The cell shows the stage picked (the select also keeps a hidden copy for screen readers).
  await rowA.getByText('设备安装', { exact: true }).filter({ visible: true }).waitFor();
  // Every "进展已保存" notice shown from here on, to count them at the end (one per save, not two).
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { savedNotices: string[] }).savedNotices = seen;
    new MutationObserver((changes) => {
      // The first notice arrives inside the new message container, later ones on their own.
      for (const change of changes)
        for (const node of change.addedNodes)
          if (node instanceof HTMLElement)
            for (const notice of node.matches('.ant-message-notice') ? [node] : node.querySelectorAll<HTMLElement>('.ant-message-notice')) seen.push(notice.innerText);
    }).observe(document.body, { childList: true, subtree: true });
  });
  await page.keyboard.press('Tab');
  await page.keyboard.type('设备进场调试');
  await page.keyboard.press('Enter');
  // Letters in the amount are refused at the cell when the row is saved, never stored as "not given".
  await page.keyboard.type('abc');
  await page.keyboard.press('Enter');
  await page.keyboard.type('施工许可证办理进度慢');
  await page.keyboard.press('Enter');
  await rowA.getByText('累计完成投资应为数字（万美元），如 1200 或 1200.5').waitFor();
  expect(await page.getByLabel('填报进度').innerText()).toBe('已填报 0 / 共 2');
  await page.getByLabel(`${nameA} 累计完成投资`, { exact: true }).fill('3000');
  await page.getByLabel(`${nameA} 存在问题`, { exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByLabel('填报进度').innerText()).toBe('已填报 1 / 共 2');
  await expect.poll(() => rowA.innerText()).toContain('已填报');
  // The focus went on to row B's stage: Enter there (list closed) moves to 本月进展.
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
    .toBe(`${nameB} 本月阶段`);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`${nameB} 本月进展`);

  // Row B: an empty progress is refused at its cell; an investment above the total asks first.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('缺少用地指标');
  await page.keyboard.press('Enter');
  await rowB.getByText('请填写本月进展').waitFor();
  await page.getByLabel(`${nameB} 本月进展`, { exact: true }).focus();
  await page.keyboard.type('完成环评批复');
  await page.keyboard.press('Enter');
  await page.keyboard.type('1500');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  const confirm = await openDialog(page, '累计完成投资超过总投资');
  await confirm.getByRole('button', { name: '确认无误，保存' }).click();
  await expect.poll(() => page.getByLabel('填报进度').innerText()).toBe('已填报 2 / 共 2');
  expect(await table.locator('tbody tr.monthly-round-missing').count()).toBe(0);

  // B has no enterprise: its blocker cannot become a problem, and the row says why.
  await rowB.getByText('项目未关联企业，不能转为问题诉求').waitFor();
  expect(await rowB.getByRole('button', { name: '转为问题诉求' }).count()).toBe(0);

  // A's blocker becomes a problem in one step; the row then links to it.
  await rowA.getByRole('button', { name: '转为问题诉求' }).click();
  const raise = await openDialog(page, '转为问题诉求');
  await raise.getByText('施工许可证办理进度慢').waitFor();
  await pickOption(page, raise, '问题类别', '建设审批');
  await raise.getByRole('button', { name: '登记问题' }).click();
  await raise.waitFor({ state: 'hidden' });
  const link = rowA.getByRole('link', { name: `${nameA} 的问题诉求` });
  await link.waitFor();

  // In IndexedDB: one entry per project for the month, A moved to 设备安装, the problem linked.
  const projects = ((await app.readRows('projects')) as KeyProject[]).filter((p) => p.name === nameA || p.name === nameB);
  const a = projects.find((p) => p.name === nameA)!;
  const b = projects.find((p) => p.name === nameB)!;
  expect([a.stage, a.leadOfficer, a.libraryEntrySource, b.libraryEntrySource]).toEqual(['设备安装', officer, '签约项目', '区镇推送']);
  const entries = ((await app.readRows('progressEntries')) as ProgressEntry[]).filter((e) => e.projectId === a.id || e.projectId === b.id);
  expect(entries.map((e) => [e.projectId === a.id ? 'A' : 'B', e.month, e.stage, e.progress, e.investmentToDate, e.blockers]).sort()).toEqual([
    ['A', month, '设备安装', '设备进场调试', 3000, '施工许可证办理进度慢'],
    ['B', month, '已设立·前期手续', '完成环评批复', 1500, '缺少用地指标'],
  ]);
  const problems = ((await app.readRows('problems')) as Problem[]).filter((p) => p.projectId === a.id);
  expect(problems.map((p) => [p.enterpriseId, p.category, p.description, p.officer])).toEqual([
    [enterprise.id, '建设审批', '施工许可证办理进度慢', officer],
  ]);

  // Saved with Enter and left for the next row: one notice for the row, not a second save on leaving it.
  const notices = await page.evaluate(() => (window as unknown as { savedNotices: string[] }).savedNotices);
  expect(notices.filter((text) => text.includes(`${nameA}：${month} 进展已保存`))).toHaveLength(1);

  // The link opens the problem.
  await link.click();
  // Polled: the blocker's text is on 月度填报 too, so the text alone could be found before the navigation.
  await expect.poll(() => page.url()).toContain(`/problems/${problems[0]!.id}`);
  await page.getByText('施工许可证办理进度慢').first().waitFor();

  // The month's workbook (报表导出 → 重点项目月度进展表), read back by openpyxl: what was typed on
  // 月度填报 is this month's progress, and the blocker's problem is among the project requests.
  await app.goto('/reports');
  await page.getByText('重点项目月度进展表').click();
  await page.getByText(`项目库概况（${month} 末）`).waitFor();
  await page.getByLabel('填报单位').fill('吴江区商务局');
  const file = await app.download(() => page.getByRole('button', { name: '导出 Excel' }).click());
  const sheets = await openpyxlRead(file.path);
  const values = (title: string) => sheets.find((sheet) => sheet.title === title)!.rows.map((row) => row.map(([v]) => v));
  const progressRows = values('在库项目进展').filter((row) => row[1] === nameA || row[1] === nameB);
  expect(Object.fromEntries(progressRows.map((row) => [row[1], [row[8], row[9]]]))).toEqual({
    [nameA]: ['设备安装', '设备进场调试'],
    [nameB]: ['已设立·前期手续', '完成环评批复'],
  });
  const requests = values('项目诉求').map((row) => row.join(' '));
  expect(requests.filter((row) => row.includes('施工许可证办理进度慢') && row.includes(nameA))).toHaveLength(1);
  expect(app.pageErrors).toEqual([]);
});
