// 项目库概况 (seed 001): for a month and a town (or all), the library's figures as the city reports
// them — projects, total and average investment, registered foreign capital, 1 亿美元 and above, the
// month's entries and exits and the change against last month, requests by outcome class — and two
// charts, by stage and by source region. A click on a bar or slice opens the 重点项目 list filtered to
// those projects.
import { Button, Card, Col, DatePicker, Flex, Row, Select, Space, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { outcomeClasses } from '../../../../shared/domain/records';
import { shanghaiMonth } from '../../../../shared/projects/monthlyProgress';
import { previousMonth, type LibraryOverview } from '../../../../shared/projects/libraryOverview';
import { formatRate } from '../../../../shared/reports/reportNarrative';
import { describeError } from '../../../../shared/errors/describeError';
import { useSettings } from '../../db/settingsStore';
import { WorkbenchChart, type ChartOption } from '../review/WorkbenchChart';
import { xCategoryLabels } from '../review/workbenchCharts';
import { formatWanUsd } from './projectDisplay';
import { loadLibraryOverview } from './libraryOverviewRepo';

const signed = (n: number, text = String(n)) => (n > 0 ? `+${text}` : n < 0 ? text : '持平');

function stageChart(o: LibraryOverview): ChartOption {
  const names = o.byStage.map((s) => s.name);
  return {
    color: ['#1f5fa8'],
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: names, axisLabel: xCategoryLabels(names), triggerEvent: true },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: '项目数', type: 'bar', label: { show: true, position: 'top' }, data: o.byStage.map((s) => s.count) }],
  };
}

function regionChart(o: LibraryOverview): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c} 个（{d}%）' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '45%'],
        label: { formatter: '{b}\n{c} 个' },
        data: o.byRegion.map((r) => ({ name: r.name, value: r.count })),
      },
    ],
  };
}

export function LibraryOverviewPage() {
  const settings = useSettings();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const thisMonth = shanghaiMonth();
  const month = /^\d{4}-\d{2}$/.test(params.get('month') ?? '') ? params.get('month')! : thisMonth;
  const town = params.get('town') ?? undefined;
  const [data, setData] = useState<{ key: string; overview: LibraryOverview } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const key = `${month}|${town ?? ''}`;

  useEffect(() => {
    let stale = false;
    loadLibraryOverview(month, town).then(
      (overview) => !stale && (setData({ key, overview }), setFailure(null)),
      (error: unknown) => !stale && setFailure(`统计失败：${describeError(error)}`),
    );
    return () => {
      stale = true;
    };
  }, [key, month, town]);
  const o = data?.key === key ? data.overview : null;
  const charts = useMemo(() => (o ? { stage: stageChart(o), region: regionChart(o) } : null), [o]);

  function update(name: string, value: string | undefined) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  }

  /** The 重点项目 list, in-library projects of this town, filtered by one more field. */
  function openList(filter: 'stage' | 'region', value: string) {
    const next = new URLSearchParams({ [filter]: value });
    if (town) next.set('town', town);
    navigate(`/projects?${next.toString()}`);
  }

  const c = o?.current;
  const r = o?.requests;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          项目库概况
        </Typography.Title>
        <Space wrap>
          <DatePicker
            picker="month"
            aria-label="统计月份"
            allowClear={false}
            format="YYYY-MM"
            value={dayjs(`${month}-01`)}
            onChange={(value) => value && update('month', value.format('YYYY-MM') === thisMonth ? undefined : value.format('YYYY-MM'))}
          />
          <Select
            aria-label="所属区镇"
            placeholder="全部区镇"
            allowClear
            style={{ width: 200 }}
            value={town}
            options={(settings?.towns ?? []).map((t) => ({ value: t, label: t }))}
            onChange={(v?: string) => update('town', v)}
          />
          <Button onClick={() => navigate(`/reports?report=monthly&month=${month}${town ? `&town=${encodeURIComponent(town)}` : ''}`)}>
            导出月度进展表
          </Button>
          <Link to="/projects">返回项目列表</Link>
        </Space>
      </Flex>
      {failure && <Typography.Text type="danger">{failure}</Typography.Text>}
      {o && c && r && charts && (
        <>
          <Typography.Text type="secondary">
            {month} 末的项目库 · {town ?? '全部区镇'} · 金额单位：万美元 · 较上月为与 {previousMonth(month)} 末相比
          </Typography.Text>
          <Row gutter={[12, 12]}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="在库项目（个）" value={c.projects} />
                <Typography.Text type="secondary">较上月 {signed(o.change.projects)}；入库 {o.entries.length}，出库 {o.exits.length}</Typography.Text>
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="总投资（万美元）" value={formatWanUsd(c.totalInvestment)} />
                <Typography.Text type="secondary">
                  较上月 {signed(o.change.totalInvestment, formatWanUsd(o.change.totalInvestment))}；平均 {formatWanUsd(c.averageInvestment ?? undefined) || '—'}
                </Typography.Text>
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="注册外资（万美元）" value={formatWanUsd(c.registeredForeignCapital)} />
                <Typography.Text type="secondary">
                  较上月 {signed(o.change.registeredForeignCapital, formatWanUsd(o.change.registeredForeignCapital))}
                </Typography.Text>
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="总投资1亿美元及以上（个）" value={c.over100m} />
                <Typography.Text type="secondary">
                  占 {formatRate(c.over100mShare)}；较上月 {signed(o.change.over100m)}
                </Typography.Text>
              </Card>
            </Col>
          </Row>
          <Card size="small" title={`项目诉求 ${r.total} 项（${r.projects} 个项目提出，本月提出 ${r.raisedThisMonth} 项）`}>
            <Row gutter={12}>
              {outcomeClasses.map((k) => (
                <Col key={k} xs={12} md={6}>
                  <Statistic title={k} value={r.byOutcome[k]} suffix={<Typography.Text type="secondary">项 · {formatRate(r.outcomeShares[k])}</Typography.Text>} />
                </Col>
              ))}
              <Col xs={12} md={6}>
                <Statistic title="尚未归类" value={r.unclassified} suffix={<Typography.Text type="secondary">项</Typography.Text>} />
              </Col>
            </Row>
          </Card>
          <Row gutter={[12, 12]}>
            <Col xs={24} md={12}>
              <Card size="small" title="按项目阶段（点击查看项目）">
                <WorkbenchChart
                  label="按项目阶段"
                  option={charts.stage}
                  empty={c.projects === 0}
                  onPick={(pick) => openList('stage', o.byStage[pick.dataIndex]?.name ?? pick.name)}
                />
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card size="small" title="按投资方来源（点击查看项目）">
                <WorkbenchChart
                  label="按投资方来源"
                  option={charts.region}
                  empty={c.projects === 0}
                  onPick={(pick) => openList('region', o.byRegion[pick.dataIndex]?.name ?? pick.name)}
                />
              </Card>
            </Col>
          </Row>
          {month !== thisMonth && (
            <Typography.Text type="secondary">点击图表打开的项目列表按项目现在的阶段和在库状态筛选。</Typography.Text>
          )}
        </>
      )}
    </Space>
  );
}
