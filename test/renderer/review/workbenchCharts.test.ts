// The workbench charts' options: empty figures are marked so the page says 暂无数据, and category
// labels are set up never to overlap (cut to a width, turned when crowded, overlaps hidden).
import { describe, expect, it } from 'vitest';
import { emptyProblemCounts, finishProblemCounts } from '../../../shared/problems/problemStats';
import { workbenchCharts, xCategoryLabels } from '../../../renderer/src/features/review/workbenchCharts';
import type { WorkbenchFigures } from '../../../renderer/src/features/review/workbenchData';

function figures(overrides: Partial<WorkbenchFigures> = {}): WorkbenchFigures {
  return {
    month: '2026-11',
    assigned: 0,
    visited: 0,
    attendedOnly: 0,
    byTown: [],
    problemsByCategory: [],
    problemsByDepartment: [],
    outcomes: [
      { name: '解决或已有明确途径', count: 0 },
      { name: '提交会商协调', count: 0 },
      { name: '政策解释说明', count: 0 },
    ],
    counts: finishProblemCounts(emptyProblemCounts()),
    planLate: 0,
    visitsPerWeek: [{ from: '2026-11-23', to: '2026-11-29', count: 0 }],
    ...overrides,
  };
}

describe('workbenchCharts', () => {
  it('marks every chart empty when there is nothing to count', () => {
    const charts = workbenchCharts(figures());
    expect(Object.entries(charts).filter(([, c]) => !c.empty).map(([k]) => k)).toEqual([]);
  });

  it('draws the charts that have figures', () => {
    const charts = workbenchCharts(
      figures({
        assigned: 3,
        visited: 1,
        byTown: [{ town: '盛泽镇', assigned: 3, visited: 1 }],
        problemsByCategory: [{ name: '用工', count: 2 }],
        problemsByDepartment: [{ name: '区人社局', count: 2, overdue: 1 }],
        outcomes: [{ name: '解决或已有明确途径', count: 1 }],
        visitsPerWeek: [{ from: '2026-11-23', to: '2026-11-29', count: 4 }],
      }),
    );
    expect(Object.values(charts).every((c) => !c.empty)).toBe(true);
  });

  it('turns and cuts crowded or long town names, and lets no label overlap another', () => {
    const towns = ['吴江开发区', '汾湖高新区（黎里镇）', '吴江高新区（盛泽镇）', '东太湖度假区（太湖新城）', '平望镇', '七都镇', '桃源镇', '震泽镇'];
    const labels = xCategoryLabels(towns);
    expect(labels).toMatchObject({ interval: 0, hideOverlap: true, overflow: 'truncate' });
    expect(labels.rotate).toBeGreaterThan(0);
    expect(xCategoryLabels(['盛泽镇', '七都镇']).rotate).toBe(0);
    const charts = workbenchCharts(figures({ byTown: towns.map((town) => ({ town, assigned: 2, visited: 1 })) }));
    expect((charts.byTown.option as { xAxis: { axisLabel: unknown } }).xAxis.axisLabel).toEqual(labels);
    for (const key of ['byCategory', 'byDepartment'] as const) {
      expect((charts[key].option as { yAxis: { axisLabel: object } }).yAxis.axisLabel).toMatchObject({ hideOverlap: true, overflow: 'truncate' });
    }
  });
});
