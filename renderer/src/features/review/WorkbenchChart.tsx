// One ECharts chart: only the chart types and components the workbench uses are registered, so the
// bundle carries no more of ECharts than it draws. A click on a bar, slice or point calls onPick; on
// a chart with a category axis, a click anywhere in a category's column (beside a short bar, between
// a week's points) or on its label picks that category too, so the whole bar or week is the target.
// With nothing to show it says 暂无数据 instead of drawing bare axes.
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { Empty } from 'antd';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;
export interface ChartPick {
  name: string;
  /** The series clicked; undefined when the category's column or label was clicked. */
  seriesName?: string;
  dataIndex: number;
}

interface AxisOption {
  type?: string;
  data?: unknown[];
}

/** The chart's category axis (x or y of the first grid), if it has one. */
function categoryAxis(instance: echarts.ECharts): { along: 'x' | 'y'; names: string[] } | undefined {
  const option = instance.getOption() as { xAxis?: AxisOption[]; yAxis?: AxisOption[] };
  for (const along of ['x', 'y'] as const) {
    const axis = option[`${along}Axis`]?.[0];
    if (axis?.type === 'category') {
      const names = (axis.data ?? []).map((d) => String(typeof d === 'object' && d !== null && 'value' in d ? d.value : d));
      return { along, names };
    }
  }
  return undefined;
}

export function WorkbenchChart({
  option,
  onPick,
  height = 260,
  label,
  empty = false,
}: {
  option: ChartOption;
  onPick?: (pick: ChartPick) => void;
  height?: number;
  label: string;
  empty?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const pick = useRef(onPick);
  useEffect(() => {
    pick.current = onPick;
  }, [onPick]);

  useEffect(() => {
    if (!ref.current || empty) return;
    const instance = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    // Marks the chart as drawn once its animation ends (tests wait for it before a screenshot).
    instance.on('finished', () => ref.current?.setAttribute('data-chart-drawn', 'true'));
    // A click on a bar or point reaches both handlers below; the item's own pick wins.
    let itemPicked = false;
    instance.on('click', (params) => {
      if (params.componentType === 'series' && typeof params.dataIndex === 'number') {
        itemPicked = true;
        pick.current?.({ name: String(params.name), seriesName: params.seriesName, dataIndex: params.dataIndex });
      } else if (params.componentType === 'xAxis' || params.componentType === 'yAxis') {
        // An axis label (triggerEvent): the category it names.
        const name = String((params as { value?: unknown }).value ?? '');
        const dataIndex = categoryAxis(instance)?.names.indexOf(name) ?? -1;
        if (dataIndex >= 0) {
          itemPicked = true;
          pick.current?.({ name, dataIndex });
        }
      }
    });
    instance.getZr().on('click', (event) => {
      const point = [event.offsetX, event.offsetY];
      // ECharts dispatches the item click from this same DOM event; decide after it has run.
      queueMicrotask(() => {
        const picked = itemPicked;
        itemPicked = false;
        if (picked) return;
        const axis = categoryAxis(instance);
        if (!axis) return;
        // Pixel → (category index, value). Outside the grid the index falls outside the categories
        // or the value below zero (the labels' side, whose clicks arrive as axis events above).
        const [x = Number.NaN, y = Number.NaN] = instance.convertFromPixel({ gridIndex: 0 }, point) as number[];
        const [index, value] = axis.along === 'x' ? [Math.round(x), y] : [Math.round(y), x];
        if (!(value >= 0)) return;
        const name = axis.names[index];
        if (name !== undefined) pick.current?.({ name, dataIndex: index });
      });
    });
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(ref.current);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [empty]);

  useEffect(() => {
    if (empty) return;
    ref.current?.removeAttribute('data-chart-drawn');
    chart.current?.setOption(option, { notMerge: true });
  }, [option, empty]);

  if (empty) {
    return (
      <div role="img" aria-label={label} style={{ height, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无数据" />
      </div>
    );
  }
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height, cursor: onPick ? 'pointer' : undefined }} />;
}
