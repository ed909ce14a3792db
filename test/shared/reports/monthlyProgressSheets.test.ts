// The sheets of the monthly workbook (月度进展表) from the hand-checked library fixture, 2026-11, all
// towns: the 概况 tables carry the figures seed 001 reports, the progress list is the service-month
// report's 重点项目进展 rows (the library of the month's end, each project's stage then), the month's
// entries and exits, and every sheet keeps the printable layout (landscape A4/A3 set by the writer,
// widths that print at 8 pt or more).
import { describe, expect, test } from 'vitest';
import { libraryOverview } from '../../../shared/projects/libraryOverview';
import {
  libraryMovesRows,
  libraryMovesSheetSpec,
  libraryProgressSheetSpec,
  librarySummarySheetRows,
  librarySummarySheetSpec,
  projectRequestsSheetSpec,
} from '../../../shared/reports/monthlyProgressSheets';
import { projectRequestRow } from '../../../shared/reports/problemListSheet';
import { projectProgressRows, projectProgressSheetSpec } from '../../../shared/reports/projectProgressSheet';
import { monthPeriod, reportFileName } from '../../../shared/reports/reportScope';
import { sheetSpecSchema } from '../../../shared/reports/sheetSpec';
import { summarySheetSpec } from '../../../shared/reports/summarySheet';
import { libraryEntries, libraryProjects, libraryRequests } from '../projects/libraryFixture';

const o = libraryOverview({ projects: libraryProjects, entries: libraryEntries, problems: libraryRequests, month: '2026-11' });
const period = monthPeriod('2026-11');

describe('概况', () => {
  const spec = librarySummarySheetSpec(o, { unit: '吴江开发区', filedOn: '2026-11-30' });
  const rows = librarySummarySheetRows(o);
  const byLabel = (label: string) => rows.find((r) => r.kind !== 'section' && r.cells[0] === label)?.cells;

  test('is a figures sheet like 汇总: titled tables, headings kept per page, the unit, period and scope under the title', () => {
    expect(sheetSpecSchema.parse(spec)).toEqual(spec);
    expect(spec.title).toBe('2026年11月重点外资项目库概况（吴江开发区）');
    expect(spec.infoLines).toEqual(['填报单位：吴江开发区', '填报日期：2026-11-30\u3000\u3000统计期间：2026-11-01 至 2026-11-30\u3000\u3000统计范围：全部']);
    const summary = summarySheetSpec({ period, scope: { kind: 'all' } } as Parameters<typeof summarySheetSpec>[0], { unit: '', filedOn: '' });
    expect({ columnHeader: spec.columnHeader, rowHeight: spec.rowHeight, pageTables: spec.pageTables }).toEqual({
      columnHeader: summary.columnHeader,
      rowHeight: summary.rowHeight,
      pageTables: summary.pageTables,
    });
    // No wider than 汇总 (106 widths: full size on A4 landscape).
    expect(spec.columns.reduce((sum, c) => sum + c.width, 0)).toBeLessThanOrEqual(106);
    expect(spec.paper).toBeUndefined();
  });

  test('the four tables, in order', () => {
    expect(rows.filter((r) => r.kind === 'section').map((r) => r.cells[0])).toEqual([
      '一、在库项目总体情况',
      '二、按项目阶段',
      '三、按投资方来源',
      '四、项目诉求办理情况',
    ]);
  });

  test('the library, its average, 1 亿美元 and above, last month and the change, the entries and exits', () => {
    expect(byLabel('本月末在库项目')).toEqual(['本月末在库项目', 4, 29_999.5, 8_000.5, null, '2026-11 末；其中 1 个未填总投资']);
    expect(byLabel('平均投资规模')).toEqual(['平均投资规模', null, 9_999.83, null, null, '总投资 ÷ 填有总投资的项目数']);
    expect(byLabel('总投资1亿美元及以上')).toEqual(['总投资1亿美元及以上', 1, 12_000, null, 0.25, '占比为占在库项目数']);
    expect(byLabel('上月末在库项目')).toEqual(['上月末在库项目', 4, 41_999.5, 15_000, null, '2026-10 末']);
    expect(byLabel('较上月增减')).toEqual(['较上月增减', 0, -12_000, -6_999.5, null, '1亿美元及以上项目 -1 个']);
    expect(byLabel('本月新入库')).toEqual(['本月新入库', 1, null, null, null, '乙新能源电池项目']);
    expect(byLabel('本月出库')).toEqual(['本月出库', 1, null, null, null, '丙半导体封测项目']);
  });

  test('by stage and by source region, counts, investment and shares, each with its 合计', () => {
    const start = rows.findIndex((r) => r.cells[0] === '二、按项目阶段');
    expect(rows.slice(start + 1, start + 8).map((r) => [r.kind, ...r.cells])).toEqual([
      ['header', '项目阶段', '项目数', '总投资（万美元）', null, '占比', null],
      ['data', '签约未设立', 1, 0, null, 0.25, null],
      ['data', '已设立·前期手续', 1, 8_000, null, 0.25, null],
      ['data', '在建', 2, 21_999.5, null, 0.5, null],
      ['data', '设备安装', 0, 0, null, 0, null],
      ['data', '竣工投产', 0, 0, null, 0, null],
      ['total', '合计', 4, 29_999.5, null, 1, null],
    ]);
    const regions = rows.findIndex((r) => r.cells[0] === '三、按投资方来源');
    expect(rows.slice(regions + 2, regions + 6).map((r) => r.cells)).toEqual([
      ['港澳台', 2, 21_999.5, null, 0.5, null],
      ['欧美', 1, 8_000, null, 0.25, null],
      ['未填写', 1, 0, null, 0.25, null],
      ['合计', 4, 29_999.5, null, 1, null],
    ]);
  });

  test('requests by the three outcome classes', () => {
    const start = rows.findIndex((r) => r.cells[0] === '四、项目诉求办理情况');
    expect(rows.slice(start + 2).map((r) => r.cells)).toEqual([
      ['解决或已有明确途径', 1, null, null, 0.25, null],
      ['已有方案或正在争取', 1, null, null, 0.25, null],
      ['提交会商协调', 1, null, null, 0.25, null],
      ['尚未归类', 1, null, null, 0.25, null],
      ['合计', 4, null, null, 1, '3 个项目提出；其中本月提出 2 项'],
    ]);
  });
});

describe('在库项目进展', () => {
  test('is the 重点项目进展 sheet (same columns, same rows) under its own name', () => {
    const spec = libraryProgressSheetSpec(period, '吴江开发区');
    const { name, ...rest } = spec;
    const { name: serviceName, ...serviceRest } = projectProgressSheetSpec(period, '吴江开发区');
    expect([name, serviceName]).toEqual(['在库项目进展', '重点项目进展']);
    expect(rest).toEqual(serviceRest);
  });

  test('lists the library of the month end with the month’s entry, and says when a project reported nothing', () => {
    const rows = projectProgressRows(libraryProjects, libraryEntries, period, { kind: 'all' });
    expect(rows.map((r) => [r.cells[1], r.cells[7], r.cells[8], r.cells[9], r.cells[10], r.cells[11]])).toEqual([
      ['甲精密减速机项目', '2026-11', '在建', '主体厂房封顶', 6_500, '能耗指标待批'],
      ['辛汽车零部件项目', '', '在建', '本期未报送进展', null, ''],
      ['乙新能源电池项目', '2026-11', '已设立·前期手续', '完成工商登记', 500, ''],
      ['丁纺织面料项目', '', '签约未设立', '本期未报送进展', null, ''],
    ]);
    // 丙 left on 11-20: in October's list, not November's.
    const october = projectProgressRows(libraryProjects, libraryEntries, monthPeriod('2026-10'), { kind: 'all' });
    expect(october.map((r) => r.cells[1])).toEqual(['甲精密减速机项目', '辛汽车零部件项目', '丙半导体封测项目', '丁纺织面料项目']);
    expect(october[0]!.cells[8]).toBe('已设立·前期手续');
  });
});

describe('入库出库', () => {
  test('the entries, then the exits, with the exit reason and the stage', () => {
    const spec = libraryMovesSheetSpec('2026-11', '');
    expect(sheetSpecSchema.parse(spec)).toEqual(spec);
    expect(spec.title).toBe('2026年11月重点外资项目入库、出库情况');
    expect(libraryMovesRows(o).map((r) => r.cells)).toEqual([
      [1, '入库', '乙新能源电池项目', '平望镇', '欧美', 8_000, 3_000.5, '已设立·前期手续', '2026-11-05', '', '李四'],
      [2, '出库', '丙半导体封测项目', '盛泽镇', '日韩', 20_000, 10_000, '已设立·前期手续', '2026-11-20', '项目终止：投资方撤回', '张三'],
    ]);
    // 130 widths or fewer: A4 landscape at 8 pt or more, like 重点项目进展 (140).
    expect(spec.columns.reduce((sum, c) => sum + c.width, 0)).toBeLessThanOrEqual(140);
  });
});

describe('项目诉求', () => {
  test('the problem list’s columns, the second naming the project and its enterprise, on A3', () => {
    const spec = projectRequestsSheetSpec(period, '吴江开发区');
    expect(spec.name).toBe('项目诉求');
    expect(spec.title).toBe('2026年11月重点外资项目诉求清单（吴江开发区）');
    expect(spec.columns[1]!.header).toBe('项目名称（企业）');
    expect(spec.paper).toBe('A3');
    const enterprise = { id: 'ent-0', name: '苏州恒力精密机械有限公司', creditCode: '', town: '吴江开发区', assignedOfficer: '张三' };
    const row = projectRequestRow(1, libraryRequests[2]!, libraryProjects[1]!, enterprise, '2026-11-30');
    const cell = (header: string) => row.cells[spec.columns.findIndex((c) => c.header === header)];
    expect([cell('项目名称（企业）'), cell('所属区镇'), cell('答复期限'), cell('办理状态')]).toEqual([
      '乙新能源电池项目\n（苏州恒力精密机械有限公司）',
      '平望镇',
      '2026-11-11',
      '待处理',
    ]);
    expect(row.kind).toBe('late'); // unanswered past 11-11 on 11-30
  });

  test('the file is named 月度进展表-<month>-<unit>', () => {
    expect(reportFileName(period, '吴江开发区', '月度进展表')).toBe('月度进展表-2026-11-吴江开发区.xlsx');
  });
});
