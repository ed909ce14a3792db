// 经营监测 (issue 15, seed 004: 产值、新增投资应统尽统): one month's 经营数据 of my enterprises or of
// all — how many gave figures, the totals and their change by town and by industry (本月产值、用工 against
// last month, 本年累计产值、本年新增投资 against the same month last year, like for like), the
// enterprises whose output or jobs fell most, and the enterprises with no figures this month. Every
// enterprise name is a link to its page (keyboard: Tab to it, Enter opens it). The figures are
// shared/operations/operationsMonitor.ts's, the same the service-month report's 经营监测 sheet prints.
import { Alert, Card, Col, DatePicker, Empty, Flex, Row, Segmented, Spin, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { Faller, FigureTotal, MonitorGroup, MonitorMissing } from '../../../../shared/operations/operationsMonitor';
import { shanghaiMonth } from '../../../../shared/projects/monthlyProgress';
import { ScopeSwitch } from '../../components/ScopeSwitch';
import { useLiveData } from '../../components/useLiveData';
import { useSettings } from '../../db/settingsStore';
import { loadAppOperationsMonitor } from './operationsMonitorData';

const numberFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const amount = (n: number | undefined): string => (n === undefined ? '—' : numberFormat.format(n));
const signed = (n: number | undefined): string => (n === undefined ? '—' : n > 0 ? `+${numberFormat.format(n)}` : numberFormat.format(n));
const percent = (share: number | undefined): string => {
  if (share === undefined) return '—';
  const p = Math.round(share * 1000) / 10;
  return `${p > 0 ? '+' : ''}${p}%`;
};
/** A total, or — when no enterprise gave the figure. */
const totalOf = (f: FigureTotal): string => (f.given > 0 ? amount(f.total) : '—');
const changeColor = (n: number | undefined) => (n === undefined || n === 0 ? undefined : n < 0 ? '#cf1322' : '#389e0d');

function groupColumns(what: string): ColumnsType<MonitorGroup> {
  return [
    { title: what, dataIndex: 'label', key: 'label', fixed: 'left' },
    { title: '企业数', key: 'enterprises', align: 'right', render: (_, g) => g.enterprises },
    {
      title: '已填报',
      key: 'reported',
      align: 'right',
      render: (_, g) => (
        <Typography.Text type={g.reported < g.enterprises ? 'warning' : undefined}>
          {g.reported}
        </Typography.Text>
      ),
    },
    { title: '本月产值（万元）', key: 'output', align: 'right', render: (_, g) => totalOf(g.figures.outputValue) },
    {
      title: '环比',
      key: 'outputChange',
      align: 'right',
      render: (_, g) =>
        g.figures.outputValue.change === undefined ? (
          '—'
        ) : (
          <span style={{ color: changeColor(g.figures.outputValue.change) }}>
            {signed(g.figures.outputValue.change)}（{percent(g.figures.outputValue.share)}）
          </span>
        ),
    },
    { title: '本年累计产值（万元）', key: 'ytd', align: 'right', render: (_, g) => totalOf(g.figures.outputValueYtd) },
    { title: '同比', key: 'ytdChange', align: 'right', render: (_, g) => percent(g.figures.outputValueYtd.share) },
    { title: '用工人数', key: 'employees', align: 'right', render: (_, g) => totalOf(g.figures.employees) },
    {
      title: '用工环比',
      key: 'employeesChange',
      align: 'right',
      render: (_, g) => <span style={{ color: changeColor(g.figures.employees.change) }}>{signed(g.figures.employees.change)}</span>,
    },
    { title: '本年新增投资（万元）', key: 'investment', align: 'right', render: (_, g) => totalOf(g.figures.newInvestmentYtd) },
    { title: '投资同比', key: 'investmentChange', align: 'right', render: (_, g) => percent(g.figures.newInvestmentYtd.share) },
  ];
}

const enterpriseLink = (e: { id: string; name: string }) => <Link to={`/enterprises/${e.id}`}>{e.name}</Link>;

function fallerColumns(unit: string): ColumnsType<Faller> {
  return [
    { title: '序号', key: 'seq', width: 64, render: (_, __, i) => i + 1 },
    { title: '企业名称', key: 'name', render: (_, f) => enterpriseLink(f.enterprise) },
    { title: '所属区镇', key: 'town', render: (_, f) => f.enterprise.town || '—' },
    { title: '行业', key: 'industry', render: (_, f) => f.enterprise.industry || '—' },
    { title: `上月（${unit}）`, key: 'previous', align: 'right', render: (_, f) => amount(f.previous) },
    { title: `本月（${unit}）`, key: 'current', align: 'right', render: (_, f) => amount(f.current) },
    { title: '减少', key: 'change', align: 'right', render: (_, f) => <span style={{ color: '#cf1322' }}>{signed(f.change)}</span> },
    { title: '降幅', key: 'share', align: 'right', render: (_, f) => <span style={{ color: '#cf1322' }}>{percent(f.share)}</span> },
  ];
}

const missingColumns: ColumnsType<MonitorMissing> = [
  { title: '序号', key: 'seq', width: 64, render: (_, __, i) => i + 1 },
  { title: '企业名称', key: 'name', render: (_, m) => enterpriseLink(m.enterprise) },
  { title: '所属区镇', key: 'town', render: (_, m) => m.enterprise.town || '—' },
  { title: '行业', key: 'industry', render: (_, m) => m.enterprise.industry || '—' },
  {
    title: '上月',
    key: 'lastMonth',
    render: (_, m) => (m.reportedLastMonth ? <Tag color="orange">上月已填报，本月未填</Tag> : <Tag>上月也未填报</Tag>),
  },
];

/** A list of fallers, with the choice of ranking (by amount or by share: the two can disagree). */
function FallerTable({ label, unit, byAmount, byShare }: { label: string; unit: string; byAmount: Faller[]; byShare: Faller[] }) {
  const [rank, setRank] = useState<'amount' | 'share'>('amount');
  const rows = rank === 'amount' ? byAmount : byShare;
  return (
    <Flex vertical gap={8}>
      <Segmented
        aria-label={`${label}排序`}
        value={rank}
        options={[
          { value: 'amount', label: `按减少${unit === '人' ? '人数' : '金额'}` },
          { value: 'share', label: '按降幅' },
        ]}
        onChange={(v) => setRank(v === 'share' ? 'share' : 'amount')}
        style={{ alignSelf: 'flex-start' }}
      />
      <Table<Faller>
        aria-label={label}
        size="small"
        rowKey={(f) => f.enterprise.id}
        columns={fallerColumns(unit)}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有比上月减少的企业（只比较两个月都填报的企业）" /> }}
      />
    </Flex>
  );
}

export function OperationsMonitorPage() {
  const settings = useSettings();
  const [params, setParams] = useSearchParams();
  const officerName = settings?.officerName ?? '';
  const scopeAll = params.get('scope') === 'all' || !officerName;
  // The month defaults to this one, as 填报经营数据 does: officers enter a month's figures while they
  // follow the enterprise through it, so what was just entered is what the screen shows; last month
  // (the one a 统计月报 closes) is one click back in the picker.
  const thisMonth = shanghaiMonth();
  const month = /^\d{4}-\d{2}$/.test(params.get('month') ?? '') && params.get('month')! <= thisMonth ? params.get('month')! : thisMonth;
  const scopeKey = scopeAll ? '' : officerName;
  const loaded = useLiveData(
    () => (settings ? loadAppOperationsMonitor(month, scopeKey ? { kind: 'officer', officer: scopeKey } : { kind: 'all' }) : undefined),
    [month, scopeKey, settings ? 1 : 0],
  );
  const m = loaded.stale ? undefined : loaded.value;

  function update(next: { month?: string; scope?: 'all' | 'mine' }) {
    const query = new URLSearchParams(params);
    if (next.month !== undefined) {
      if (next.month === thisMonth) query.delete('month');
      else query.set('month', next.month);
    }
    if (next.scope === 'all') query.set('scope', 'all');
    if (next.scope === 'mine') query.delete('scope');
    setParams(query, { replace: true });
  }

  const o = m?.overall;
  const figure = (title: string, f: FigureTotal | undefined, unit: string, against: string) => (
    <Card size="small">
      <Statistic title={`${title}（${unit}）`} value={f ? totalOf(f) : '—'} />
      <Typography.Text type="secondary">
        {against} {f?.change === undefined ? '无可比数据' : <span style={{ color: changeColor(f.change) }}>{signed(f.change)}（{percent(f.share)}）</span>}
        {f && f.given > 0 ? `；${f.given} 家填报` : ''}
      </Typography.Text>
    </Card>
  );

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          经营监测
        </Typography.Title>
        <Flex gap={8} wrap align="center">
          <DatePicker
            picker="month"
            aria-label="监测月份"
            allowClear={false}
            format="YYYY-MM"
            value={dayjs(`${month}-01`)}
            disabledDate={(d) => d.format('YYYY-MM') > thisMonth}
            onChange={(value) => value && update({ month: value.format('YYYY-MM') })}
          />
          <ScopeSwitch officerName={officerName} all={scopeAll} onChange={(all) => update({ scope: all ? 'all' : 'mine' })} />
        </Flex>
      </Flex>
      {settings && !officerName ? <Alert type="info" showIcon title="设置中还没有填写您的姓名，下面统计全部企业。" /> : null}
      {!m || !o ? (
        <Flex justify="center" style={{ padding: 64 }}>
          <Spin description="正在统计…" />
        </Flex>
      ) : o.enterprises === 0 ? (
        <Card>
          <Empty description={scopeAll ? '企业名录中还没有企业。' : `没有服务专员为“${officerName}”的企业，可切换到“全部企业”。`} />
        </Card>
      ) : (
        <>
          <Typography.Text type="secondary">
            {m.month} 的经营数据 · 环比对比 {m.previousMonth}，同比对比 {m.lastYearMonth} · 增减只计两个月都填报了该项的企业（同口径）
          </Typography.Text>
          {o.reported === 0 ? (
            <Alert
              type="warning"
              showIcon
              title={`${m.month} 还没有企业填报经营数据`}
              description="在企业页面的“经营数据”卡片中点“填报经营数据”录入；下面列出应填报的企业。"
            />
          ) : null}
          <Row gutter={[12, 12]}>
            <Col xs={12} lg={6}>
              <Card size="small">
                <Statistic title="本月已填报（家）" value={o.reported} suffix={`/ ${o.enterprises}`} />
                <Typography.Text type={o.enterprises > o.reported ? 'warning' : 'secondary'}>
                  填报率 {Math.round((o.reported / o.enterprises) * 100)}%；未填报 {o.enterprises - o.reported} 家
                </Typography.Text>
              </Card>
            </Col>
            <Col xs={12} lg={6}>
              {figure('本月产值', o.figures.outputValue, '万元', '环比')}
            </Col>
            <Col xs={12} lg={6}>
              {figure('本年累计产值', o.figures.outputValueYtd, '万元', '同比')}
            </Col>
            <Col xs={12} lg={6}>
              {figure('用工人数', o.figures.employees, '人', '环比')}
            </Col>
          </Row>
          <Card size="small">
            <Tabs
              items={[
                {
                  key: 'town',
                  label: '按区镇',
                  children: <GroupTable label="按区镇" what="区镇" groups={m.byTown} overall={o} />,
                },
                {
                  key: 'industry',
                  label: '按行业',
                  children: <GroupTable label="按行业" what="行业" groups={m.byIndustry} overall={o} />,
                },
                {
                  key: 'output',
                  label: `产值减少（${m.fallers.outputByAmount.length}）`,
                  children: <FallerTable label="本月产值减少的企业" unit="万元" byAmount={m.fallers.outputByAmount} byShare={m.fallers.outputByShare} />,
                },
                {
                  key: 'jobs',
                  label: `用工减少（${m.fallers.employeesByAmount.length}）`,
                  children: <FallerTable label="用工人数减少的企业" unit="人" byAmount={m.fallers.employeesByAmount} byShare={m.fallers.employeesByShare} />,
                },
                {
                  key: 'missing',
                  label: `本月未填报（${m.missing.length}）`,
                  children: (
                    <Table<MonitorMissing>
                      aria-label="本月未填报经营数据的企业"
                      size="small"
                      rowKey={(x) => x.enterprise.id}
                      columns={missingColumns}
                      dataSource={m.missing}
                      pagination={m.missing.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
                      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="范围内的企业本月都已填报（应统尽统）" /> }}
                    />
                  ),
                },
              ]}
            />
          </Card>
        </>
      )}
    </Flex>
  );
}

function GroupTable({ label, what, groups, overall }: { label: string; what: string; groups: MonitorGroup[]; overall: MonitorGroup }) {
  const columns = groupColumns(what);
  return (
    <Table<MonitorGroup>
      aria-label={label}
      size="small"
      rowKey="label"
      columns={columns}
      dataSource={groups}
      pagination={false}
      scroll={{ x: 'max-content' }}
      summary={() => (
        <Table.Summary.Row style={{ fontWeight: 600 }}>
          {columns.map((c, i) => (
            <Table.Summary.Cell key={String(c.key)} index={i} align={c.align}>
              {i === 0 ? '合计' : (c.render?.(undefined, overall, 0) as React.ReactNode)}
            </Table.Summary.Cell>
          ))}
        </Table.Summary.Row>
      )}
    />
  );
}
