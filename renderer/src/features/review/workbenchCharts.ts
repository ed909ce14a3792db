// The ECharts options of the workbench's charts, built from the figures (pure, so the choices that
// keep them readable are tested without drawing): a chart with nothing to show is marked empty (the
// page says 暂无数据 instead of drawing bare axes), and category labels never overlap — long names are
// cut to a width with the full name in the tooltip, crowded ones turn, and ECharts hides any label
// that would still touch another (hideOverlap) instead of drawing them over each other.
import type { ChartOption } from './WorkbenchChart';
import type { WorkbenchFigures } from './workbenchData';

const blue = '#1f5fa8';
const red = '#cf1322';

export type ChartKey = 'coverage' | 'byTown' | 'byCategory' | 'byDepartment' | 'outcomes' | 'visitsPerWeek';

export interface WorkbenchChartSpec {
  option: ChartOption;
  /** Nothing to count: the page shows 暂无数据 instead of the chart. */
  empty: boolean;
}

/** Labels of a vertical category axis (names along x): turned when crowded, cut to a width, never overlapping. */
export function xCategoryLabels(names: readonly string[]) {
  const crowded = names.length > 4 || names.some((n) => n.length > 8);
  return {
    interval: 0,
    hideOverlap: true,
    rotate: crowded ? 30 : 0,
    width: crowded ? 96 : 160,
    overflow: 'truncate' as const,
  };
}

/** Labels of a horizontal category axis (names down y): one line each, cut to a width. */
export const yCategoryLabels = { interval: 0, hideOverlap: true, width: 112, overflow: 'truncate' as const };

export function workbenchCharts(f: WorkbenchFigures): Record<ChartKey, WorkbenchChartSpec> {
  const barGrid = { left: 8, right: 16, top: 32, bottom: 8, containLabel: true };
  const categories = f.problemsByCategory.slice(0, 12);
  const departments = f.problemsByDepartment.slice(0, 12);
  const towns = f.byTown.map((t) => t.town);
  return {
    coverage: {
      empty: f.assigned === 0,
      option: {
        color: ['#52c41a', '#faad14'],
        tooltip: { trigger: 'item', formatter: '{b}：{c} 家（{d}%）' },
        legend: { bottom: 0 },
        series: [
          {
            type: 'pie',
            radius: ['45%', '70%'],
            label: { formatter: '{b}\n{c}' },
            data: [
              { name: '已走访', value: f.visited },
              { name: '未走访', value: f.assigned - f.visited },
            ],
          },
        ],
      },
    },
    byTown: {
      empty: f.byTown.length === 0,
      option: {
        color: ['#52c41a', '#faad14'],
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: barGrid,
        xAxis: { type: 'category', data: towns, axisLabel: xCategoryLabels(towns), triggerEvent: true },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: '已走访', type: 'bar', stack: 'town', data: f.byTown.map((t) => t.visited) },
          { name: '未走访', type: 'bar', stack: 'town', data: f.byTown.map((t) => t.assigned - t.visited) },
        ],
      },
    },
    byCategory: {
      empty: categories.length === 0,
      option: {
        color: [blue],
        tooltip: { trigger: 'axis' },
        grid: barGrid,
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', inverse: true, data: categories.map((c) => c.name), axisLabel: yCategoryLabels, triggerEvent: true },
        series: [{ name: '问题数', type: 'bar', data: categories.map((c) => c.count) }],
      },
    },
    byDepartment: {
      empty: departments.length === 0,
      option: {
        color: [blue, red],
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: barGrid,
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', inverse: true, data: departments.map((d) => d.name), axisLabel: yCategoryLabels, triggerEvent: true },
        series: [
          { name: '问题数', type: 'bar', data: departments.map((d) => d.count) },
          { name: '逾期', type: 'bar', data: departments.map((d) => d.overdue) },
        ],
      },
    },
    outcomes: {
      empty: f.outcomes.every((o) => o.count === 0),
      option: {
        color: ['#52c41a', '#1f5fa8', '#faad14'],
        tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
        legend: { bottom: 0, orient: 'vertical' },
        series: [{ type: 'pie', radius: '52%', center: ['50%', '38%'], label: { formatter: '{c}' }, data: f.outcomes.map((o) => ({ name: o.name, value: o.count })) }],
      },
    },
    visitsPerWeek: {
      empty: f.visitsPerWeek.every((w) => w.count === 0),
      option: {
        color: [blue],
        tooltip: { trigger: 'axis' },
        grid: barGrid,
        // Dates of 5 characters: ECharts' automatic interval already skips labels that would touch.
        xAxis: { type: 'category', data: f.visitsPerWeek.map((w) => w.from.slice(5)), axisLabel: { hideOverlap: true }, triggerEvent: true },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ name: '走访次数', type: 'line', smooth: true, symbolSize: 8, areaStyle: { opacity: 0.15 }, data: f.visitsPerWeek.map((w) => w.count) }],
      },
    },
  };
}
