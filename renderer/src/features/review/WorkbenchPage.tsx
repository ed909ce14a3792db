// 工作台: this month's visit coverage (overall and per town), problems by category, department and
// outcome class, overdue counts and visits per week. Every chart clicks through to the rows behind
// it: coverage and visits → 我的联系企业 (/review) with filters; problems → 问题诉求 (/problems) with
// the query params status, category, department, town (and outcome for the outcome classes).
import { Alert, Card, Col, Flex, Row, Segmented, Spin, Statistic, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { shanghaiDate } from '../../../../shared/calendar/shanghaiDate';
import { useSettings } from '../../db/settingsStore';
import { WorkbenchChart, type ChartOption } from './WorkbenchChart';
import { loadWorkbenchFigures, type WorkbenchFigures } from './workbenchData';

const blue = '#1f5fa8';
const red = '#cf1322';

export function WorkbenchPage() {
  const settings = useSettings();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [loaded, setLoaded] = useState<{ key: string; figures: WorkbenchFigures }>();
  const officerName = settings?.officerName ?? '';
  const scopeAll = params.get('scope') === 'all' || !officerName;
  const today = shanghaiDate();
  const scopeKey = `${scopeAll ? '' : officerName}|${today}`;
  const figures = loaded?.key === scopeKey ? loaded.figures : undefined;

  useEffect(() => {
    if (!settings) return;
    let cancelled = false;
    const key = scopeKey;
    void loadWorkbenchFigures(scopeAll ? '' : officerName, today, settings.calendarOverrides).then((f) => {
      if (!cancelled) setLoaded({ key, figures: f });
    });
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settings, scopeKey]);

  const review = (extra: Record<string, string>) => {
    const query = new URLSearchParams({ ...(scopeAll && officerName ? { scope: 'all' } : {}), ...extra });
    navigate(`/review?${query.toString()}`);
  };
  const problems = (extra: Record<string, string>) => navigate(`/problems?${new URLSearchParams(extra).toString()}`);

  const options = useMemo(() => (figures ? chartOptions(figures) : undefined), [figures]);

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          工作台 <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 'normal' }}>{figures ? `${figures.month} 月度` : ''}</Typography.Text>
        </Typography.Title>
        {officerName ? (
          <Segmented
            aria-label="统计范围"
            value={scopeAll ? 'all' : 'mine'}
            options={[
              { value: 'mine', label: `我的企业（${officerName}）` },
              { value: 'all', label: '全部企业' },
            ]}
            onChange={(v) => setParams(v === 'all' ? { scope: 'all' } : {}, { replace: true })}
          />
        ) : null}
      </Flex>
      {settings && !officerName ? <Alert type="info" showIcon title="设置中还没有填写您的姓名，下面统计全部企业。" /> : null}
      {!figures || !options ? (
        <Flex justify="center" style={{ padding: 64 }}>
          <Spin description="正在统计…" />
        </Flex>
      ) : (
        <>
          <Row gutter={[12, 12]}>
            <Col span={6}>
              <Card size="small" hoverable onClick={() => review({ due: '1' })}>
                <Statistic
                  title="本月走访覆盖（已走访 / 联系企业）"
                  value={figures.visited}
                  suffix={`/ ${figures.assigned}（${figures.assigned ? Math.round((figures.visited / figures.assigned) * 100) : 0}%）`}
                />
              </Card>
            </Col>
            <Col span={6}>
              <Card size="small" hoverable onClick={() => problems({ tab: 'overdue' })}>
                <Statistic title="逾期未答复问题" value={figures.counts.overdue} styles={{ content: { color: figures.counts.overdue ? '#cf1322' : undefined } }} />
              </Card>
            </Col>
            <Col span={6}>
              <Card size="small" hoverable onClick={() => problems({ tab: 'dueSoon' })}>
                <Statistic title="未答复问题（其中 2 个工作日内到期）" value={figures.counts.unanswered} suffix={`（${figures.counts.dueSoon}）`} />
              </Card>
            </Col>
            <Col span={6}>
              <Card size="small" hoverable onClick={() => review({ plan: '1' })}>
                <Statistic title="逾期的服务措施" value={figures.planLate} styles={{ content: { color: figures.planLate ? '#cf1322' : undefined } }} />
              </Card>
            </Col>
          </Row>
          <Row gutter={[12, 12]}>
            <Col span={8}>
              <Card size="small" title="本月走访覆盖">
                <WorkbenchChart label="本月走访覆盖" option={options.coverage} onPick={(p) => review(p.name === '未走访' ? { due: '1' } : {})} />
              </Card>
            </Col>
            <Col span={16}>
              <Card size="small" title="各区镇本月走访覆盖（点击查看待走访企业）">
                <WorkbenchChart
                  label="各区镇本月走访覆盖"
                  option={options.byTown}
                  onPick={(p) => review({ town: p.name, ...(p.seriesName === '未走访' ? { due: '1' } : {}) })}
                />
              </Card>
            </Col>
            <Col span={12}>
              <Card size="small" title="问题诉求按类别">
                <WorkbenchChart label="问题诉求按类别" option={options.byCategory} onPick={(p) => problems({ category: p.name })} />
              </Card>
            </Col>
            <Col span={12}>
              <Card size="small" title="问题诉求按责任部门（红色为逾期）">
                <WorkbenchChart
                  label="问题诉求按责任部门"
                  option={options.byDepartment}
                  onPick={(p) => problems({ department: p.name, ...(p.seriesName === '逾期' ? { tab: 'overdue' } : {}) })}
                />
              </Card>
            </Col>
            <Col span={8}>
              <Card size="small" title="办理成效分类">
                <WorkbenchChart label="办理成效分类" option={options.outcomes} onPick={(p) => problems({ outcome: p.name })} />
              </Card>
            </Col>
            <Col span={16}>
              <Card size="small" title="每周走访次数（近 12 周，点击查看当周走访的企业）">
                <WorkbenchChart
                  label="每周走访次数"
                  option={options.visitsPerWeek}
                  onPick={(p) => {
                    const week = figures.visitsPerWeek[p.dataIndex];
                    if (week) review({ visitedFrom: week.from, visitedTo: week.to });
                  }}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </Flex>
  );
}

function chartOptions(f: WorkbenchFigures): Record<'coverage' | 'byTown' | 'byCategory' | 'byDepartment' | 'outcomes' | 'visitsPerWeek', ChartOption> {
  const barGrid = { left: 8, right: 16, top: 32, bottom: 8, containLabel: true };
  const categories = f.problemsByCategory.slice(0, 12);
  const departments = f.problemsByDepartment.slice(0, 12);
  return {
    coverage: {
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
    byTown: {
      color: ['#52c41a', '#faad14'],
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: barGrid,
      xAxis: { type: 'category', data: f.byTown.map((t) => t.town), axisLabel: { interval: 0, rotate: f.byTown.length > 6 ? 20 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '已走访', type: 'bar', stack: 'town', data: f.byTown.map((t) => t.visited) },
        { name: '未走访', type: 'bar', stack: 'town', data: f.byTown.map((t) => t.assigned - t.visited) },
      ],
    },
    byCategory: {
      color: [blue],
      tooltip: { trigger: 'axis' },
      grid: barGrid,
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: categories.map((c) => c.name) },
      series: [{ name: '问题数', type: 'bar', data: categories.map((c) => c.count) }],
    },
    byDepartment: {
      color: [blue, red],
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: barGrid,
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: departments.map((d) => d.name) },
      series: [
        { name: '问题数', type: 'bar', data: departments.map((d) => d.count) },
        { name: '逾期', type: 'bar', data: departments.map((d) => d.overdue) },
      ],
    },
    outcomes: {
      color: ['#52c41a', '#1f5fa8', '#faad14'],
      tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
      legend: { bottom: 0, orient: 'vertical' },
      series: [{ type: 'pie', radius: '52%', center: ['50%', '38%'], label: { formatter: '{c}' }, data: f.outcomes.map((o) => ({ name: o.name, value: o.count })) }],
    },
    visitsPerWeek: {
      color: [blue],
      tooltip: { trigger: 'axis' },
      grid: barGrid,
      xAxis: { type: 'category', data: f.visitsPerWeek.map((w) => w.from.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: '走访次数', type: 'line', smooth: true, symbolSize: 8, areaStyle: { opacity: 0.15 }, data: f.visitsPerWeek.map((w) => w.count) }],
    },
  };
}
