// The ECharts options of a round's results (pure, so their choices are tested without drawing): one
// horizontal bar per target, best first, its overall 满意率 (%) or mean score; a target flagged 样本不足
// is drawn grey and labelled so, never looking ranked; a second chart puts each question side by side
// for the ranked targets. Nothing answered: marked empty (the page says 暂无数据).
import type { RatingScale } from '../../../../shared/domain/ratingRecords';
import { formatResult, type TargetResult } from '../../../../shared/ratings/ratingResults';
import type { ChartOption } from '../review/WorkbenchChart';
import { yCategoryLabels } from '../review/workbenchCharts';

const blue = '#1f5fa8';
const grey = '#bfbfbf';
const palette = ['#1f5fa8', '#52c41a', '#faad14', '#13c2c2', '#722ed1', '#eb2f96', '#fa541c', '#2f54eb', '#a0d911', '#8c8c8c'];

export interface RatingChartSpec {
  option: ChartOption;
  empty: boolean;
  height: number;
}

/** 96.0 for a rate (drawn in percent), 4.25 for a score. */
function shown(scale: RatingScale, value: number | null): number | null {
  if (value === null) return null;
  return scale === 'satisfaction' ? Math.round(value * 1000) / 10 : Math.round(value * 100) / 100;
}

function valueAxis(scale: RatingScale) {
  return scale === 'satisfaction'
    ? { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }
    : { type: 'value', min: 0, max: 5, interval: 1 };
}

export function overallChart(scale: RatingScale, results: readonly TargetResult[]): RatingChartSpec {
  const drawn = results.filter((r) => r.overall !== null);
  return {
    empty: drawn.length === 0,
    height: Math.max(160, 40 + drawn.length * 32),
    option: {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      // Room right of the bars for the labels: 100.0%  第 1 名, or the longer 样本不足 note.
      grid: { left: 8, right: drawn.some((r) => r.rank === null) ? 160 : 96, top: 8, bottom: 8, containLabel: true },
      xAxis: valueAxis(scale),
      yAxis: { type: 'category', inverse: true, data: drawn.map((r) => r.target), axisLabel: yCategoryLabels },
      series: [
        {
          name: scale === 'satisfaction' ? '总体满意率' : '总体平均分',
          type: 'bar',
          barMaxWidth: 22,
          data: drawn.map((r) => ({
            value: shown(scale, r.overall),
            itemStyle: { color: r.rank === null ? grey : blue },
            label: {
              show: true,
              position: 'right',
              formatter: `${formatResult(scale, r.overall)}${scale === 'score' ? ' 分' : ''}${r.rank === null ? `（样本不足 ${r.responses} 份）` : `  第 ${r.rank} 名`}`,
            },
          })),
        },
      ],
    },
  };
}

export function questionChart(scale: RatingScale, questions: readonly string[], results: readonly TargetResult[]): RatingChartSpec {
  const drawn = results.filter((r) => r.rank !== null);
  return {
    empty: drawn.length === 0,
    height: Math.max(200, 80 + drawn.length * questions.length * 10),
    option: {
      color: palette,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: valueAxis(scale),
      yAxis: { type: 'category', inverse: true, data: drawn.map((r) => r.target), axisLabel: yCategoryLabels },
      series: questions.map((question, i) => ({
        name: question,
        type: 'bar',
        barMaxWidth: 10,
        data: drawn.map((r) => shown(scale, r.questions[i]?.value ?? null)),
      })),
    },
  };
}
