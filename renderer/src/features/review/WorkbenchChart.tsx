// One ECharts chart: only the chart types and components the workbench uses are registered, so the
// bundle carries no more of ECharts than it draws. A click on a bar, slice or point calls onPick.
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;
export interface ChartPick {
  name: string;
  seriesName?: string;
  dataIndex: number;
}

export function WorkbenchChart({
  option,
  onPick,
  height = 260,
  label,
}: {
  option: ChartOption;
  onPick?: (pick: ChartPick) => void;
  height?: number;
  label: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const pick = useRef(onPick);
  useEffect(() => {
    pick.current = onPick;
  }, [onPick]);

  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    // Marks the chart as drawn once its animation ends (tests wait for it before a screenshot).
    instance.on('finished', () => ref.current?.setAttribute('data-chart-drawn', 'true'));
    instance.on('click', (params) => {
      pick.current?.({ name: String(params.name), seriesName: params.seriesName, dataIndex: params.dataIndex });
    });
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(ref.current);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    ref.current?.removeAttribute('data-chart-drawn');
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height, cursor: onPick ? 'pointer' : undefined }} />;
}
