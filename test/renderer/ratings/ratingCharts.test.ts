// The results charts' options (pure): best first as the ranking reads, a flagged target grey and
// labelled 样本不足 rather than with a rank, nothing answered marked empty, the question chart only of
// the ranked targets.
import { describe, expect, it } from 'vitest';
import type { Rating, RatingAnswer } from '../../../shared/domain/ratingRecords';
import { ratingResults } from '../../../shared/ratings/ratingResults';
import { overallChart, questionChart } from '../../../renderer/src/features/ratings/ratingCharts';

let n = 0;
const form = (target: string, answers: Record<string, RatingAnswer>): Rating => ({
  id: `rating-${(n += 1)}`,
  createdAt: '2026-11-20T00:00:00.000Z',
  updatedAt: '2026-11-20T00:00:00.000Z',
  updatedBy: '',
  deviceId: 'd',
  rev: 1,
  versionVector: { d: 1 },
  roundId: 'r',
  enterpriseId: `e${n}`,
  targetKind: 'department',
  target,
  answers,
  comment: '',
});

const round = { departments: ['区商务局', '区税务局', '区科技局'], towns: [], questions: ['服务态度', '总体评价'], scale: 'satisfaction' as const, minResponses: 2 };
// 区税务局 2 forms, 3 of 4 good = 75%, 第 1 名; 区商务局 1 form 100%: 样本不足; 区科技局 none: not drawn.
const results = ratingResults(round, [
  form('区税务局', { 服务态度: '满意', 总体评价: '不满意' }),
  form('区税务局', { 服务态度: '基本满意', 总体评价: '满意' }),
  form('区商务局', { 服务态度: '满意', 总体评价: '满意' }),
]);

interface Bar {
  value: number;
  itemStyle: { color: string };
  label: { formatter: string };
}

describe('rating charts', () => {
  it('draws the overall rate best ranked first, a flagged target grey with 样本不足, none for a target without answers', () => {
    const chart = overallChart('satisfaction', results.departments);
    const option = chart.option as { yAxis: { data: string[] }; series: { data: Bar[] }[]; grid: { right: number } };
    expect(chart.empty).toBe(false);
    expect(option.yAxis.data).toEqual(['区税务局', '区商务局']);
    expect(option.series[0]!.data.map((d) => [d.value, d.itemStyle.color, d.label.formatter])).toEqual([
      [75, '#1f5fa8', '75.0%  第 1 名'],
      [100, '#bfbfbf', '100.0%（样本不足 1 份）'],
    ]);
    expect(option.grid.right).toBe(160);
  });

  it('puts each question side by side for the ranked targets only, and says empty when none is ranked', () => {
    const option = questionChart('satisfaction', round.questions, results.departments).option as { yAxis: { data: string[] }; series: { name: string; data: number[] }[] };
    expect(option.yAxis.data).toEqual(['区税务局']);
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['服务态度', [100]],
      ['总体评价', [50]],
    ]);
    expect(overallChart('satisfaction', results.departments.filter((r) => r.responses === 0)).empty).toBe(true);
    expect(questionChart('satisfaction', round.questions, results.departments.filter((r) => r.rank === null)).empty).toBe(true);
  });

  it('draws scores on a 0–5 axis', () => {
    const scored = ratingResults({ ...round, scale: 'score', minResponses: 1 }, [form('区税务局', { 服务态度: 4, 总体评价: 5 })]);
    const option = overallChart('score', scored.departments).option as { xAxis: { max: number }; series: { data: Bar[] }[] };
    expect(option.xAxis.max).toBe(5);
    expect(option.series[0]!.data[0]!.label.formatter).toBe('4.50 分  第 1 名');
  });
});
