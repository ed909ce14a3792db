// Refreshes the committed screenshots of the screens in docs/screenshots on purpose (tests never
// write into the source tree): builds the renderer, opens it in Debian's Chromium with the demo data
// and the page's clock fixed at a day in late December, and photographs each screen listed below.
//   npm run screenshots                  → every shot
//   npm run screenshots -- year-schedule → one of them (names below)
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { freshTempDir, launchChromium, removeTempDir } from './lib/chromium';
import { prepareRenderer, projectRoot, serveStatic } from './lib/renderer';

const outDir = path.join(projectRoot, 'docs/screenshots');

/** The year end, when the next year's holiday notice matters most. */
const fixedTime = new Date('2026-12-28T02:00:00Z');

const notice2027 = `一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月6日（周六）至13日（周六）放假调休，共8天。2月14日（周日）、2月20日（周六）上班。
三、清明节：4月3日（周六）至5日（周一）放假，共3天。
四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）、5月8日（周六）上班。
五、端午节：6月9日（周三）至11日（周五）放假，共3天。
六、中秋节：9月15日（周三）至17日（周五）放假，共3天。9月18日（周六）上班。
七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。`;

type Shot = (page: Page, go: (route: string) => Promise<void>) => Promise<void>;

const shots: Record<string, Shot> = {
  /**
   * 集体活动 (issue 17): a 政策宣讲 of 2026-12-22 whose sign-in sheet (made here with ExcelJS: a title,
   * four enterprises of the demo roster by credit code or name, one company not on the roster, the
   * 填表人 line) is previewed on the form (activities-signin), then saved, with a problem raised at it
   * by one enterprise (activities-view).
   */
  activities: async (page, go) => {
    const { default: ExcelJS } = await import('exceljs');
    const seen = new Set<string>();
    const roster = (await liveEnterprises(page)).filter((e) => e.town && !seen.has(e.name) && seen.add(e.name)).slice(0, 4);
    const codes = await page.evaluate(
      (ids) =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('visit-ledger');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const store = open.result.transaction('enterprises').objectStore('enterprises');
            const out: string[] = [];
            ids.forEach((id, i) => {
              const get = store.get(id);
              get.onsuccess = () => {
                out[i] = (get.result as { creditCode: string }).creditCode;
                if (out.filter((c) => c !== undefined).length === ids.length) {
                  open.result.close();
                  resolve(out);
                }
              };
            });
          };
        }),
      roster.map((e) => e.id),
    );
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('签到表');
    ws.addRow(['2026年12月“开放再出发”政策集中宣讲会签到表']);
    ws.addRow(['序号', '单位名称', '统一社会信用代码', '参会人员', '职务', '联系电话']);
    ws.addRow([1, roster[0]!.name, codes[0], '张伟', '总经理', '13962500101']);
    ws.addRow([2, roster[0]!.name, codes[0], '刘洋', '财务经理', '13962500102']);
    ws.addRow([3, roster[1]!.name, '', '李娜', '人事经理', '13962500103']);
    ws.addRow([4, roster[2]!.name, codes[2], '王芳', '副总经理', '13962500104']);
    ws.addRow([5, roster[3]!.name, codes[3], '陈静', '行政主管', '13962500105']);
    ws.addRow([6, '苏州恒远智能装备有限公司', '', '赵磊', '总经理', '13962500106']);
    ws.addRow(['填表人：区商务局外资科']);
    const sheet = Buffer.from(await wb.xlsx.writeBuffer());

    await page.setViewportSize({ width: 1400, height: 900 });
    await go('/activities/new');
    const form = page.locator('form#activity');
    await form.getByLabel('活动主题', { exact: true }).fill('“开放再出发”政策集中宣讲会（第四场）');
    await form.getByLabel('活动地点', { exact: true }).fill('区行政服务中心三楼报告厅');
    await form.getByLabel('主办单位', { exact: true }).fill('区商务局');
    const date = form.getByLabel('活动日期', { exact: true });
    await date.click();
    await date.fill('2026-12-22');
    await date.press('Enter');
    const speakers = form.getByLabel('主讲人 / 出席领导', { exact: true });
    await speakers.fill('李强（区商务局副局长）');
    await speakers.press('Enter');
    const policies = form.getByLabel('宣讲的政策措施', { exact: true });
    for (const code of ['04', '13', '21']) {
      await policies.fill(code);
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    }
    await page.keyboard.press('Escape');
    await page.locator('input[type=file]').setInputFiles({ name: '12月22日宣讲会签到表.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: sheet });
    const preview = page.getByRole('dialog').filter({ hasText: '签到表预览' });
    await preview.getByRole('table', { name: '识别到的企业' }).last().waitFor();
    await page.mouse.move(0, 0);
    await settle(page);
    await page.screenshot({ path: path.join(outDir, 'activities-signin.png') });

    await preview.getByRole('button', { name: /^加入 \d+ 家企业$/ }).click();
    await preview.waitFor({ state: 'hidden' });
    await form.getByLabel('活动情况', { exact: true }).fill('宣讲先进制造业集群、“一带一路”、亲商服务三项政策措施，现场答复企业提问 6 个；企业提出的用工诉求已登记办理。');
    await page.getByRole('button', { name: '保存活动' }).click();
    await page.getByText(`参加企业（4 家）`).waitFor();
    await page.getByRole('button', { name: `为 ${roster[1]!.name} 登记问题` }).click();
    const raise = page.getByRole('dialog').filter({ hasText: '登记问题' });
    await raise.getByLabel('问题类别', { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('用工', { exact: true }).click();
    await raise.getByLabel('问题描述', { exact: true }).fill('春节后普工缺口约 60 人，希望组织专场招聘');
    await raise.getByRole('button', { name: /登\s*记/ }).click();
    await raise.waitFor({ state: 'hidden' });
    await page.getByRole('region', { name: '活动中提出的问题' }).getByText('春节后普工缺口').waitFor();
    await page.addStyleTag({ content: '.ant-message { display: none !important; }' });
    await page.mouse.move(0, 0);
    await settle(page);
    await page.screenshot({ path: path.join(outDir, 'activities-view.png') });

    // A 对话沙龙 of two enterprises chosen from the roster by typing, then the list (activities-list).
    await go('/activities/new');
    await form.getByLabel('活动类型', { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('对话沙龙', { exact: true }).click();
    await form.getByLabel('活动主题', { exact: true }).fill('外资企业用工保障对话沙龙');
    await form.getByLabel('活动地点', { exact: true }).fill('盛泽镇企业服务中心');
    await form.getByLabel('主办单位', { exact: true }).fill('区人社局、区商务局');
    const salonDate = form.getByLabel('活动日期', { exact: true });
    await salonDate.click();
    await salonDate.fill('2026-12-10');
    await salonDate.press('Enter');
    const add = page.getByLabel('添加参加企业', { exact: true });
    for (const enterprise of [roster[0]!, roster[3]!]) {
      await add.click();
      await add.fill(enterprise.name.slice(0, 4));
      await page.locator('.ant-select-dropdown:visible').getByTitle(new RegExp(`^${enterprise.name.replace(/[()（）]/g, '.')}`)).first().click();
    }
    await page.getByRole('button', { name: '保存活动' }).click();
    await page.getByRole('heading', { name: /外资企业用工保障对话沙龙/ }).waitFor();
    await go('/activities');
    await page.getByRole('table', { name: '活动列表' }).getByText('外资企业用工保障对话沙龙').waitFor();
    await page.mouse.move(0, 0);
    await settle(page);
    await page.screenshot({ path: path.join(outDir, 'activities-list.png') });
  },
  /** 设置 → 工作日调整 → 录入 2027 年节假日安排, filled from the pasted notice. */
  'year-schedule': async (page, go) => {
    await page.setViewportSize({ width: 1400, height: 1400 }); // the whole form, down to its buttons
    await go('/settings');
    await page.getByRole('button', { name: '录入 2027 年安排' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('通知原文').fill(notice2027);
    await dialog.getByRole('button', { name: '识别', exact: true }).click();
    await dialog.getByText(/已识别 7 个节日/).waitFor();
    await settle(page);
    await dialog.screenshot({ path: path.join(outDir, 'year-schedule.png') });
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 1400, height: 900 });
  },
  /** 工作台 over the demo data, every chart drawn (ECharts marks each one when its animation ends). */
  workbench: async (page, go) => {
    await page.setViewportSize({ width: 1400, height: 1240 });
    // ECharts times its animations by the clock: a frozen one never lets the line of 每周走访次数 end.
    await page.clock.setSystemTime(fixedTime);
    await go('/workbench?scope=all');
    await page.waitForFunction(() => document.querySelectorAll('[data-chart-drawn="true"]').length === 6);
    await page.screenshot({ path: path.join(outDir, 'workbench.png'), fullPage: true });
    await page.setViewportSize({ width: 1400, height: 900 });
  },
  /**
   * 月度填报 early in January 2027, half-way through the round: last month (December) beside every
   * row, the first rows filled in with the keyboard, the rest still 未填报 on their warning background.
   */
  'monthly-round': async (page, go) => {
    await page.context().clock.setFixedTime(new Date('2027-01-08T02:00:00Z'));
    try {
      await page.setViewportSize({ width: 1500, height: 900 });
      await go('/projects/monthly');
      await page.getByLabel('范围', { exact: true }).click();
      await page.locator('.ant-select-dropdown:visible').getByTitle('全部区镇', { exact: true }).click();
      const table = page.getByRole('table', { name: '月度填报' });
      await table.locator('tbody tr').nth(2).waitFor();
      const typed: [string, string, string][] = [
        ['设备完成安装，进入单机调试', '', '双回路供电接入需协调供电公司'],
        ['二期厂房主体结构封顶，开始内部装修', '', '能耗指标待统筹，需区级协调'],
      ];
      for (const [index, [progress, , blockers]] of typed.entries()) {
        const row = table.locator('tbody tr').nth(index);
        const previous = (await row.locator('td').nth(1).innerText()).match(/累计 ([\d,.]+)/)?.[1]?.replace(/,/g, '');
        await row.getByLabel(/本月进展$/).focus();
        await page.keyboard.type(progress);
        await page.keyboard.press('Enter');
        await page.keyboard.type(String(Math.round(Number(previous ?? '0') * 1.1) || 800));
        await page.keyboard.press('Enter');
        await page.keyboard.type(blockers);
        await page.keyboard.press('Enter');
        await row.locator('.ant-tag-success').waitFor();
      }
      await page.mouse.move(0, 0);
      // The 已保存 messages time out by the clock, which is fixed here: leave them out of the picture.
      await page.addStyleTag({ content: '.ant-message { display: none !important; }' });
      await settle(page);
      await page.screenshot({ path: path.join(outDir, 'monthly-round.png'), fullPage: true });
    } finally {
      await page.context().clock.setFixedTime(fixedTime);
      await page.setViewportSize({ width: 1400, height: 900 });
    }
  },
  /** The problem list at the year end: deadlines in 2027 marked 待确认. */
  /** 首页: the counts bar and the two due lists, read from the tallies and the deadline index (issue 13). */
  home: async (page, go) => {
    await go('/');
    await page.getByText(/^已逾期（\d+）$/).waitFor();
    await page.getByText(/^两个工作日内到期（\d+）$/).waitFor();
    await settle(page);
    await page.screenshot({ path: path.join(outDir, 'home.png') });
  },
  /**
   * 经营数据 on an above-scale demo enterprise's page: six months (July to December) entered through
   * 填报经营数据 as an officer would, so the card shows December's figures and each figure's trend.
   */
  'operations-card': async (page, go) => {
    const enterpriseId = (await liveAboveScaleEnterprises(page))[0]!.id;
    await page.setViewportSize({ width: 1400, height: 1000 });
    await go(`/enterprises/${enterpriseId}`);
    const months: [string, Record<string, string>][] = [
      ['2026-07', { 本月产值: '1100', 本年累计产值: '7600', 用工人数: '310', 缺工人数: '20', 在手订单: '3', 本年新增投资: '500' }],
      ['2026-08', { 本月产值: '1150', 本年累计产值: '8750', 用工人数: '315', 缺工人数: '18', 在手订单: '3', 本年新增投资: '500' }],
      ['2026-09', { 本月产值: '1250', 本年累计产值: '10000', 用工人数: '318', 缺工人数: '12', 在手订单: '3.5', 本年新增投资: '650' }],
      ['2026-10', { 本月产值: '1200', 本年累计产值: '11200', 用工人数: '320', 缺工人数: '15', 在手订单: '3', 本年新增投资: '800', 本月出口额: '180' }],
      ['2026-11', { 本月产值: '1300', 本年累计产值: '12500', 用工人数: '322', 缺工人数: '10', 在手订单: '2.5', 本年新增投资: '800', 本月出口额: '200' }],
      ['2026-12', { 本月产值: '1380', 本年累计产值: '13880', 用工人数: '325', 缺工人数: '8', 在手订单: '2.5', 本年新增投资: '950', 本月出口额: '240' }],
    ];
    for (const [month, figures] of months) {
      await enterOperations(page, month, figures, month === '2026-12' ? '上游芯片交期 16 周；本地缺少表面处理配套' : undefined);
    }
    await page.waitForFunction(() => document.querySelectorAll('[data-chart-drawn="true"]').length === 7);
    await page.mouse.move(0, 0);
    // The 已保存 messages time out by the clock, which is fixed here: leave them out of the picture.
    await page.addStyleTag({ content: '.ant-message { display: none !important; }' });
    await settle(page);
    await page.screenshot({ path: path.join(outDir, 'operations-card.png') });
    await page.setViewportSize({ width: 1400, height: 900 });
  },
  /** 从走访记录中识别到: on a demo enterprise's page, figures read out of its visits' words, offered with 采用 / 忽略. */
  'figure-offers': async (page, go) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await go(`/enterprises/${(await liveAboveScaleEnterprises(page)).at(-1)!.id}`);
    const card = page.getByRole('region', { name: '经营数据' });
    await card.getByRole('region', { name: '从走访记录中识别到的数据' }).waitFor();
    await page.mouse.move(0, 0);
    await settle(page);
    await card.screenshot({ path: path.join(outDir, 'figure-offers.png') });
  },
  /** 记录走访 with the month's figures: October entered through 填报经营数据 shows beside November's, typed on the visit. */
  'visit-figures': async (page, go) => {
    await page.setViewportSize({ width: 1400, height: 1200 });
    const enterpriseId = (await liveAboveScaleEnterprises(page)).at(-1)!.id;
    await go(`/enterprises/${enterpriseId}`);
    await enterOperations(page, '2026-10', { 本月产值: '2100', 本年累计产值: '19800', 用工人数: '460', 缺工人数: '25', 在手订单: '4', 本年新增投资: '1200' });
    await go(`/visits/new/${enterpriseId}`);
    const figures = page.getByRole('group', { name: '本月经营数据' });
    await figures.getByText('上月（2026-10）：2,100 万元').waitFor();
    for (const [label, value] of Object.entries({ 本月产值: '2250', 本年累计产值: '22050', 用工人数: '468', 缺工人数: '18', 在手订单: '4.5' })) {
      await figures.getByLabel(new RegExp(`^${label}（`)).fill(value);
    }
    await page.getByLabel('产业链配套', { exact: true }).fill('进口染料交期延长至 10 周');
    await page.mouse.move(0, 0);
    await page.addStyleTag({ content: '.ant-message { display: none !important; }' });
    await settle(page);
    await page.locator('.ant-card').filter({ has: page.getByText('企业生产经营情况', { exact: true }) }).screenshot({ path: path.join(outDir, 'visit-figures.png') });
    // Leave the form as an officer would (it asks first; the typing stays a draft), so the next shot can navigate.
    await page.getByRole('button', { name: '返回企业' }).click();
    await page.getByRole('dialog').filter({ hasText: '离开走访表单？' }).getByRole('button', { name: '离开' }).click();
    await page.getByRole('region', { name: '经营数据' }).waitFor();
    await page.setViewportSize({ width: 1400, height: 900 });
  },
  /** 经营监测 for December: five enterprises' November and December figures entered through 填报经营数据, two of them falling. */
  'operations-monitor': async (page, go) => {
    // Not the first above-scale enterprise (operations-card enters its months); one per town.
    const seen = new Set<string>();
    const enterprises = (await liveAboveScaleEnterprises(page))
      .slice(1)
      .filter((e) => !seen.has(e.town) && seen.add(e.town))
      .slice(0, 5);
    const figures: [Record<string, string>, Record<string, string>][] = [
      [{ 本月产值: '2400', 本年累计产值: '25200', 用工人数: '560' }, { 本月产值: '2650', 本年累计产值: '27850', 用工人数: '566' }],
      [{ 本月产值: '1800', 本年累计产值: '19000', 用工人数: '410' }, { 本月产值: '1260', 本年累计产值: '20260', 用工人数: '372' }],
      [{ 本月产值: '920', 本年累计产值: '9800', 用工人数: '240' }, { 本月产值: '980', 本年累计产值: '10780', 用工人数: '238' }],
      [{ 本月产值: '3100', 本年累计产值: '33000', 用工人数: '880' }, { 本月产值: '2900', 本年累计产值: '35900', 用工人数: '851' }],
      [{ 本月产值: '650', 本年累计产值: '7000', 用工人数: '150' }, { 本月产值: '700', 本年累计产值: '7700', 用工人数: '152' }],
    ];
    for (const [i, enterprise] of enterprises.entries()) {
      await go(`/enterprises/${enterprise.id}`);
      for (const [month, values] of [['2026-11', figures[i]![0]], ['2026-12', figures[i]![1]]] as const) await enterOperations(page, month, values);
    }
    await page.setViewportSize({ width: 1400, height: 900 });
    await go('/operations');
    await page.getByRole('table', { name: '按区镇' }).locator('.ant-table-summary').waitFor();
    await page.mouse.move(0, 0);
    await page.addStyleTag({ content: '.ant-message { display: none !important; }' });
    await settle(page);
    await page.screenshot({ path: path.join(outDir, 'operations-monitor.png') });
  },
  /**
   * 培育库 for 2026, 规上: five enterprises below the threshold added through 加入培育库 as an officer
   * would, their towns' goals typed in the table, and three of them with this year's figures entered
   * on their pages — two past 2,000 万元 (counted as reached), one still short.
   */
  cultivation: async (page, go) => {
    const seen = new Set<string>();
    const below = (await liveEnterprises(page)).filter((e) => !e.isAboveScale && e.town && !seen.has(e.name) && seen.add(e.name)).slice(0, 5);
    const figures = ['2380', '2060', '1720'];
    for (const [i, ytd] of figures.entries()) {
      await go(`/enterprises/${below[i]!.id}`);
      await enterOperations(page, '2026-11', { 本月产值: String(Math.round(Number(ytd) / 11)), 本年累计产值: ytd });
    }
    await page.setViewportSize({ width: 1400, height: 1100 });
    await go('/cultivation');
    const notes = ['协助申报入统，对接统计局', '帮助落实技改补贴', '', '跟进新增订单', '协调用地指标'];
    await page.getByRole('button', { name: '加入培育库' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '加入培育库' });
    await dialog.waitFor();
    await settle(page);
    for (const [i, enterprise] of below.entries()) {
      const select = dialog.getByLabel('企业', { exact: true });
      await select.click();
      await select.fill(enterprise.name);
      await settle(page);
      await page.locator('.ant-select-dropdown:visible').getByTitle(`${enterprise.name}（${enterprise.town}）`, { exact: true }).click();
      await dialog.getByLabel('培育措施').fill(notes[i]!);
      await dialog.getByRole('button', { name: '保存并继续' }).click();
      await page.waitForFunction(() => !document.querySelector('.ant-modal .ant-btn-loading'));
    }
    await dialog.getByRole('button', { name: '关闭', exact: true }).last().click();
    await dialog.waitFor({ state: 'hidden' });
    const towns = [...new Set(below.map((e) => e.town))];
    for (const [i, town] of towns.entries()) {
      const goal = page.getByLabel(`${town}年度目标`);
      await goal.fill(String(i + 2));
      await goal.press('Enter');
    }
    await page.getByText('培育企业（5 家）').waitFor();
    await page.mouse.move(0, 0);
    await page.addStyleTag({ content: '.ant-message { display: none !important; }' });
    await settle(page);
    await page.screenshot({ path: path.join(outDir, 'cultivation.png'), fullPage: true });
    await page.setViewportSize({ width: 1400, height: 900 });
  },
  /**
   * 评议: a round rating four departments and two towns, 30 forms imported from a workbook (震泽镇 with
   * only two, below the minimum of three: 样本不足), then one paper form half typed in 录入评议表.
   */
  'ratings-round': async (page, go) => {
    // ECharts times its animations by the clock: a frozen one never ends them.
    await page.clock.setSystemTime(fixedTime);
    await page.setViewportSize({ width: 1400, height: 900 });
    await go('/ratings');
    await page.getByRole('button', { name: '新建评议' }).click();
    const setup = page.getByRole('dialog').filter({ hasText: '新建评议' });
    await setup.waitFor();
    await settle(page);
    const departments = ['区商务局', '区税务局', '区市场监管局', '区行政审批局'];
    const towns = ['平望镇', '震泽镇'];
    for (const [label, names] of [['评议部门（千家外商投资企业评议机关）', departments], ['测评区镇（测评投资环境）', towns]] as const) {
      const select = setup.getByLabel(label);
      await select.click();
      for (const name of names) {
        await select.fill(name);
        await page.locator('.ant-select-dropdown:visible').getByTitle(name, { exact: true }).waitFor();
        await page.keyboard.press('Enter');
      }
      await page.keyboard.press('Escape');
    }
    await setup.getByLabel('排名最少份数').fill('3');
    await setup.getByRole('button', { name: '创建评议' }).click();
    await setup.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: '收起录入' }).click();

    // Six enterprises: each rates the four departments and its town (震泽镇 only twice).
    const enterprises = (await liveEnterprises(page)).slice(0, 6);
    // Each target its own mix of answers, so the ranking reads like a real one.
    const pools: Record<string, string[]> = {
      区商务局: ['满意', '满意', '满意', '基本满意', '满意', '满意', '基本满意'],
      区税务局: ['满意', '基本满意', '不满意', '满意', '满意', '基本满意', '满意'],
      区市场监管局: ['基本满意', '满意', '基本满意', '不满意', '满意', '基本满意', '不满意'],
      区行政审批局: ['满意', '不满意', '满意', '基本满意', '不满意', '满意', '不满意', '满意'],
      平望镇: ['满意', '满意', '基本满意', '满意', '不满意'],
      震泽镇: ['满意', '满意', '满意'],
    };
    const comments = ['审批提速明显，希望保持', '窗口办事排队时间较长', '', '政策宣讲及时，解读清楚', '', '希望简化材料'];
    const lines = ['企业名称,评议对象,服务态度,办事效率,政策落实,依法行政,总体评价,意见建议'];
    for (const [i, e] of enterprises.entries()) {
      const targets = [...departments, i < 4 ? '平望镇' : '震泽镇'];
      for (const [j, target] of targets.entries()) {
        const pool = pools[target]!;
        const answers = Array.from({ length: 5 }, (_, q) => pool[(i * 3 + q) % pool.length]);
        lines.push([e.name, target, ...answers, j === i % 5 ? comments[i] : ''].join(','));
      }
    }
    await page.getByRole('button', { name: '导入评议表' }).click();
    const importing = page.getByRole('dialog').filter({ hasText: '导入评议表：' });
    await importing.waitFor();
    await importing.locator('input[type=file]').setInputFiles({ name: '评议表汇总.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n'), 'utf8') });
    await importing.getByRole('button', { name: /^导入 \d+ 份评议表$/ }).click();
    await importing.waitFor({ state: 'hidden' });

    // One more paper form half typed: a seventh enterprise chosen, three answers given by number keys.
    await page.setViewportSize({ width: 1400, height: 1880 });
    await page.getByRole('button', { name: '录入评议表' }).click();
    const field = page.getByLabel('填表企业', { exact: true });
    await field.click();
    const seventh = (await liveEnterprises(page))[6]!;
    await page.keyboard.type(seventh.name);
    await page.locator('.ant-select-dropdown:visible').getByTitle(new RegExp(`^${seventh.name}`)).first().waitFor();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'rating-entry-target');
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.name === 'rating-question-0');
    for (const key of '121') await page.keyboard.press(key);
    await page.waitForFunction(() => document.querySelectorAll('[data-chart-drawn="true"]').length === 4);
    await page.mouse.move(0, 0);
    await page.addStyleTag({ content: '.ant-message { display: none !important; }' });
    await settle(page);
    await page.screenshot({ path: path.join(outDir, 'ratings-round.png'), fullPage: true });
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.context().clock.setFixedTime(fixedTime);
  },
  /** 社会责任先进企业 for 2026: four candidates entered through 添加候选企业, weights 纳税 30, 就业 30, the rest 20/10/10. */
  'ratings-csr': async (page, go) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await go('/ratings?tab=csr');
    const enterprises = (await liveEnterprises(page)).slice(6, 10);
    const entries = [
      ['1850', '620', '35', '优秀', '优秀', '连续五年纳税超千万元'],
      ['920', '1180', '12', '良好', '优秀', '吸纳本地就业多'],
      ['1400', '450', '60', '优秀', '良好', '资助乡村学校'],
      ['2300', '800', '5', '较差', '良好', '年内有环保处罚记录'],
    ];
    for (const [i, e] of enterprises.entries()) {
      await page.getByRole('button', { name: '添加候选企业' }).click();
      const dialog = page.getByRole('dialog').filter({ hasText: '添加 2026 年候选企业' });
      await dialog.waitFor();
      await settle(page);
      const select = dialog.getByLabel('企业', { exact: true });
      await select.click();
      await select.fill(e.name);
      await settle(page);
      await page.locator('.ant-select-dropdown:visible').getByTitle(new RegExp(`^${e.name}`)).first().click();
      const [tax, jobs, welfare, environment, labour, note] = entries[i]!;
      await dialog.getByLabel('纳税（万元）').fill(tax!);
      await dialog.getByLabel('安排就业（人）').fill(jobs!);
      await dialog.getByLabel('公益捐助（万元）').fill(welfare!);
      await dialog.getByRole('radiogroup').nth(0).getByText(environment!, { exact: true }).click();
      await dialog.getByRole('radiogroup').nth(1).getByText(labour!, { exact: true }).click();
      await dialog.getByLabel('推荐理由').fill(note!);
      await dialog.getByRole('button', { name: '保存', exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
    }
    const weights = page.getByRole('form', { name: '评分权重' });
    for (const [label, value] of [['纳税', '30'], ['安排就业', '30'], ['环境保护', '20'], ['公益捐助', '10'], ['劳动关系和谐', '10']]) {
      await weights.getByLabel(label!, { exact: true }).fill(value!);
    }
    await page.getByRole('button', { name: '保存权重' }).click();
    await page.getByText('2026 年评分权重', { exact: true }).waitFor();
    await page.mouse.move(0, 0);
    await page.addStyleTag({ content: '.ant-message { display: none !important; }' });
    await settle(page);
    await page.screenshot({ path: path.join(outDir, 'ratings-csr.png') });
  },
  /** 会议督办 (issue 16): a 督办会 of 12-14 with three decisions and today's with one, the agenda and 上次会议决定 with their lights. */
  'meetings-page': async (page, go) => {
    await ensureMeetings(page, go);
    await page.setViewportSize({ width: 1400, height: 1100 });
    await go(`/meetings`);
    await page.getByRole('link', { name: '2026-12-28 督办会' }).click();
    await page.getByRole('table', { name: '上次会议决定' }).waitFor();
    await page.mouse.move(0, 0);
    await page.addStyleTag({ content: '.ant-message { display: none !important; }' });
    await settle(page);
    await page.screenshot({ path: path.join(outDir, 'meetings-page.png') });
  },
  /** 会议督办: the 亮灯督办 of the open meeting decisions (red first) and the meetings. */
  'meetings-list': async (page, go) => {
    await ensureMeetings(page, go);
    await page.setViewportSize({ width: 1400, height: 900 });
    await go('/meetings');
    await page.getByRole('table', { name: '会议列表' }).getByRole('link').first().waitFor();
    await page.mouse.move(0, 0);
    await page.addStyleTag({ content: '.ant-message { display: none !important; }' });
    await settle(page);
    await page.screenshot({ path: path.join(outDir, 'meetings-list.png') });
  },
  /** 部门红黄榜 of 2026 by department, after the two meetings. */
  'meetings-league': async (page, go) => {
    await ensureMeetings(page, go);
    await page.setViewportSize({ width: 1400, height: 900 });
    await go('/meetings/league');
    await page.getByRole('table', { name: '部门红黄榜' }).getByText('红榜').first().or(page.getByRole('table', { name: '部门红黄榜' }).getByText('黄榜').first()).waitFor();
    await page.mouse.move(0, 0);
    await page.addStyleTag({ content: '.ant-message { display: none !important; }' });
    await settle(page);
    await page.screenshot({ path: path.join(outDir, 'meetings-league.png') });
  },
  /**
   * 同步 and the hub's administration page: a hub on PGlite in a temp folder, this laptop registered on
   * its page (the 登记码 shown), linked on 数据交换 → 同步 with that code and synced once.
   */
  sync: async (page, go) => {
    const { serve } = await import('@hono/node-server');
    const { createHubApp } = await import('../server/src/hubApp');
    const { migrate, openPglite } = await import('../server/src/hubDatabase');
    const hubDir = await freshTempDir('hub');
    const db = await openPglite(hubDir);
    await migrate(db);
    const adminToken = 'screenshot-admin-token';
    const server = await new Promise<{ close: () => void; port: number }>((resolve) => {
      const s = serve({ fetch: createHubApp({ db, adminToken }).fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve({ close: () => s.close(), port: info.port }));
    });
    const hubUrl = `http://127.0.0.1:${server.port}`;
    try {
      await go('/exchange?tab=sync');
      const deviceId = (await page.locator('.ant-descriptions-item').filter({ hasText: '本机设备编号' }).locator('.ant-typography').first().innerText()).trim();
      const admin = await page.context().newPage();
      await admin.setViewportSize({ width: 1400, height: 700 });
      await admin.goto(`${hubUrl}/admin`);
      await admin.getByLabel('管理员凭据').fill(adminToken);
      await admin.getByRole('button', { name: '登录' }).click();
      for (const [id, officer, unit] of [[deviceId, '张敏', '平望镇'], ['a3f1c9e2-77d0-4c1b-9a55-0c2e8d41b7aa', '李强', '震泽镇']] as const) {
        await admin.getByPlaceholder(/设备编号/).fill(id);
        await admin.getByPlaceholder('使用人').fill(officer);
        await admin.getByPlaceholder(/单位/).fill(unit);
        await admin.getByPlaceholder('所属区').fill('吴江区');
        await admin.getByRole('button', { name: '登记' }).click();
        await admin.getByText('一次性登记码').waitFor();
        if (id === deviceId) {
          const code = await admin.locator('.code').innerText();
          await page.getByLabel('同步服务器地址').fill(hubUrl);
          await page.getByLabel('登记码').fill(code);
          await page.getByRole('button', { name: '登记本机' }).click();
          await page.getByRole('row', { name: /上次同步/ }).getByText(/上传/).waitFor();
        }
      }
      await admin.reload();
      await admin.getByRole('cell', { name: '张敏' }).waitFor();
      await admin.screenshot({ path: path.join(outDir, 'hub-admin.png'), fullPage: true });
      await admin.close();
      await page.addStyleTag({ content: '.ant-message { display: none !important; }' });
      await settle(page);
      await page.screenshot({ path: path.join(outDir, 'sync.png') });
    } finally {
      server.close();
      await db.close();
      await removeTempDir(hubDir);
    }
  },
  'problems-provisional': async (page, go) => {
    await go('/problems?tab=all');
    await page.getByText('待确认').first().waitFor();
    await settle(page);
    await page.screenshot({ path: path.join(outDir, 'problems-provisional.png') });
  },
};

/** The first 400 stored enterprises that are live (bare IndexedDB: the demo data just loaded). */
async function liveEnterprises(page: Page): Promise<{ id: string; name: string; town: string; isAboveScale: boolean }[]> {
  return page.evaluate(
    () =>
      new Promise<{ id: string; name: string; town: string; isAboveScale: boolean }[]>((resolve, reject) => {
        const open = indexedDB.open('visit-ledger');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('enterprises').objectStore('enterprises').getAll(undefined, 400);
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            const rows = all.result as { id: string; name: string; town: string; deletedAt?: string; isAboveScale?: boolean }[];
            open.result.close();
            resolve(rows.filter((e) => !e.deletedAt).map((e) => ({ id: e.id, name: e.name, town: e.town, isAboveScale: e.isAboveScale === true })));
          };
        };
      }),
  );
}

/** The first of those that are above scale. */
async function liveAboveScaleEnterprises(page: Page): Promise<{ id: string; town: string }[]> {
  return (await liveEnterprises(page)).filter((e) => e.isAboveScale);
}

/** One month of 经营数据 entered through 填报经营数据 on the enterprise page that is open. */
async function enterOperations(page: Page, month: string, figures: Record<string, string>, supplyChain?: string): Promise<void> {
  await page.getByRole('region', { name: '经营数据' }).getByRole('button', { name: '填报经营数据' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '填报经营数据：' });
  await dialog.waitFor();
  await settle(page);
  const monthInput = dialog.getByLabel('填报月份', { exact: true });
  // Typed once the panel is open (opening writes the current month into the box), and kept.
  await monthInput.click();
  await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').waitFor();
  await monthInput.fill(month);
  await monthInput.press('Enter');
  await page.waitForFunction(([input, want]) => (input as HTMLInputElement).value === want, [await monthInput.elementHandle(), month] as const);
  for (const [label, value] of Object.entries(figures)) await dialog.getByLabel(new RegExp(`^${label}（`)).fill(value);
  if (supplyChain) await dialog.getByLabel('产业链配套问题').fill(supplyChain);
  await dialog.getByRole('button', { name: '保存经营数据', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Two 督办会 made as an officer makes them (once per run): 12-14 with three decisions, today's with one. */
async function ensureMeetings(page: Page, go: (route: string) => Promise<void>): Promise<void> {
  await go('/meetings');
  const list = page.getByRole('table', { name: '会议列表' });
  await list.waitFor();
  if ((await list.getByRole('link').count()) > 0) return;
  const create = async (date: string, title: string) => {
    await go('/meetings');
    await page.getByRole('button', { name: '新建会议' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '新建会议' });
    await dialog.waitFor();
    await settle(page);
    if (title) await dialog.getByLabel('会议名称').fill(title);
    await dialog.getByLabel('主持人').fill('王副局长');
    await dialog.getByLabel('参会人员').fill('李科长、周科长、陈主任、赵主任');
    // The date last: Enter in it confirms the date and saves the dialog.
    const input = dialog.getByLabel('会议日期', { exact: true });
    await input.click();
    await input.fill(date);
    await input.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('table', { name: '议程' }).waitFor();
  };
  const decide = async (department: string, typed: string, task: string, days: string, owner?: string) => {
    await page.getByRole('table', { name: '议程' }).getByRole('button', { name: '记录决定' }).first().click();
    const dialog = page.getByRole('dialog').filter({ hasText: '记录会议决定' });
    await dialog.waitFor();
    await settle(page);
    await dialog.getByLabel('责任部门').click();
    await page.keyboard.type(typed);
    await page.locator('.ant-select-dropdown:visible').getByTitle(department, { exact: true }).click();
    await dialog.getByLabel('办理时限（工作日）').fill(days);
    if (owner) {
      await dialog.getByLabel('挂牌整改').check();
      await dialog.getByLabel('整改责任人').fill(owner);
    }
    await dialog.getByLabel('交办事项').fill(task);
    await dialog.getByRole('button', { name: '保存决定' }).click();
    await dialog.waitFor({ state: 'hidden' });
  };
  await create('2026-12-14', '');
  await decide('区人社局', '人社', '对接劳务基地，组织专场招聘会', '3');
  await decide('区住建局', '住建', '会同消防部门现场指导厂房验收', '8', '周科长');
  await decide('区发改委', '发改', '协调能耗指标，明确办理时限', '12');
  await create('2026-12-28', '');
  await decide('区人社局', '人社', '协调人才公寓床位并反馈企业', '5');
}

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = wanted.filter((name) => !(name in shots));
  if (unknown.length > 0) throw new Error(`没有这些截图：${unknown.join('、')}；可选：${Object.keys(shots).join('、')}`);
  const names = wanted.length > 0 ? wanted : Object.keys(shots);
  await mkdir(outDir, { recursive: true });
  process.env.NODE_ENV = 'production';
  const build = await prepareRenderer((line) => console.log(line));
  const server = await serveStatic(build.dir);
  const profileDir = await freshTempDir('screens');
  const context = await launchChromium({ profileDir });
  try {
    await context.clock.setFixedTime(fixedTime);
    const page = context.pages()[0] ?? (await context.newPage());
    const go = async (route: string) => {
      await page.goto(`${server.url}#${route}`);
      await page.locator('.ant-layout').first().waitFor();
    };
    await go('/');
    await page.waitForFunction(() => 'visitLedgerDebug' in window);
    await page.evaluate(() =>
      (window as unknown as { visitLedgerDebug: { loadDemoData(scale: string): Promise<unknown> } }).visitLedgerDebug.loadDemoData('small'),
    );
    for (const name of names) {
      await shots[name]!(page, go);
      console.log(`docs/screenshots/${name}.png`);
    }
  } finally {
    await context.close();
    await removeTempDir(profileDir);
    await server.close();
    await build.cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
