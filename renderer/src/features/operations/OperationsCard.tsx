// 经营数据 on the enterprise page: the latest month's figures, a small trend chart of each figure over
// the last twelve months (a gap where a month has no figure: 应统尽统 wants missing months seen), and
// 填报经营数据. With no figures yet it says so and offers the entry; the page works the same without.
import { FormOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Space, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import type { OperationReport } from '../../../../shared/domain/records';
import type { FigureOffer } from '../../../../shared/operations/figureOffers';
import { formatFigure, operationFigureSpecs, type OperationFigureSpec } from '../../../../shared/operations/operationFigures';
import { operationTrend, type OperationTrend } from '../../../../shared/operations/operationTrend';
import { shanghaiMonth } from '../../../../shared/projects/monthlyProgress';
import { WorkbenchChart, type ChartOption } from '../review/WorkbenchChart';
import { describeOffer, OperationEntryModal } from './OperationEntryModal';
import { figureOffersOf, ignoreFigureOffer, recentOperationReports } from './operationsRepo';

function trendOption(trend: OperationTrend, spec: OperationFigureSpec): ChartOption {
  return {
    // Small and many: drawn at once (and a lone month between gaps still shows as its point).
    animation: false,
    grid: { left: 48, right: 12, top: 12, bottom: 24 },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? formatFigure(spec, v) : '未填') },
    xAxis: { type: 'category', data: trend.months.map((m) => `${Number(m.slice(5))}月`), axisLabel: { fontSize: 10 } },
    yAxis: { type: 'value', axisLabel: { fontSize: 10 }, minInterval: spec.integer ? 1 : undefined },
    series: [{ type: 'line', name: spec.label, data: trend.series[spec.key], connectNulls: false, showAllSymbol: true, symbolSize: 5 }],
  };
}

function latestSummary(latest: OperationReport): string {
  return operationFigureSpecs
    .filter((spec) => latest[spec.key] !== undefined)
    .map((spec) => `${spec.label} ${formatFigure(spec, latest[spec.key])}`)
    .join('，');
}

/** How many offers the card lists before 展开. */
const offersShown = 5;

export function OperationsCard({ enterpriseId, enterpriseName }: { enterpriseId: string; enterpriseName: string }) {
  const { message } = App.useApp();
  // Open the dialog: plainly, or on 采用 with the offered figure filled in.
  const [entering, setEntering] = useState<false | { adopt?: FigureOffer }>(false);
  const month = shanghaiMonth();
  const reports = useLiveQuery(() => recentOperationReports(enterpriseId, month), [enterpriseId, month]);
  const offers = useLiveQuery(() => figureOffersOf(enterpriseId, month), [enterpriseId, month]) ?? [];
  // The newest few offers; the rest one click away (a year of visits may offer dozens).
  const [allOffers, setAllOffers] = useState(false);
  const shownOffers = allOffers ? offers : offers.slice(0, offersShown);
  const trend = useMemo(() => operationTrend(reports ?? [], month), [reports, month]);
  const options = useMemo(() => new Map(operationFigureSpecs.map((spec) => [spec.key, trendOption(trend, spec)])), [trend]);
  const latest = reports?.at(-1);
  const unreported = operationFigureSpecs.filter((spec) => !trend.reported.includes(spec.key));

  return (
    <Card
      size="small"
      title="经营数据（近 12 个月）"
      style={{ marginTop: 16 }}
      role="region"
      aria-label="经营数据"
      extra={
        <Button size="small" type="primary" ghost icon={<FormOutlined />} onClick={() => setEntering({})}>
          填报经营数据
        </Button>
      }
    >
      {offers.length > 0 ? (
        <Alert
          type="info"
          showIcon
          role="region"
          aria-label="从走访记录中识别到的数据"
          style={{ marginBottom: 12 }}
          title="从走访记录中识别到以下数据（尚未计入经营数据，采用后请核对并保存）"
          description={
            <ul style={{ paddingInlineStart: 16, margin: 0 }}>
              {shownOffers.map((offer) => (
                <li key={`${offer.month}:${offer.figure.key}`}>
                  <Space size={4} wrap>
                    <span>
                      {offer.month}：{describeOffer(offer)}
                    </span>
                    <Button size="small" type="link" onClick={() => setEntering({ adopt: offer })}>
                      采用
                    </Button>
                    <Button
                      size="small"
                      type="link"
                      onClick={() => {
                        void ignoreFigureOffer(enterpriseId, offer).then(
                          () => message.info('已忽略，不再提示（走访记录原文不变）'),
                          () => message.error('未能记下忽略，请重试'),
                        );
                      }}
                    >
                      忽略
                    </Button>
                  </Space>
                </li>
              ))}
              {offers.length > shownOffers.length ? (
                <li style={{ listStyle: 'none' }}>
                  <Button size="small" type="link" style={{ paddingInline: 0 }} onClick={() => setAllOffers(true)}>
                    展开其余 {offers.length - shownOffers.length} 条
                  </Button>
                </li>
              ) : null}
            </ul>
          }
        />
      ) : null}
      {reports === undefined ? null : reports.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description="近 12 个月还没有经营数据。按月填报产值、用工、订单和新增投资后，这里显示各项数据的走势。"
        />
      ) : (
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            <Typography.Text strong>{latest!.month}：</Typography.Text>
            {latestSummary(latest!)}
            {month !== latest!.month ? <Typography.Text type="warning">（{month} 尚未填报）</Typography.Text> : null}
          </Typography.Paragraph>
          {latest!.supplyChainIssues ? (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              产业链配套问题：{latest!.supplyChainIssues}
            </Typography.Paragraph>
          ) : null}
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: 12 }}>
            {operationFigureSpecs
              .filter((spec) => trend.reported.includes(spec.key))
              .map((spec) => (
                <div key={spec.key}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {spec.label}（{spec.unit}）
                  </Typography.Text>
                  <WorkbenchChart label={`${spec.label}走势`} option={options.get(spec.key)!} height={130} />
                </div>
              ))}
          </div>
          {unreported.length > 0 ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              近 12 个月未填报：{unreported.map((s) => s.label).join('、')}
            </Typography.Text>
          ) : null}
        </>
      )}
      {entering ? (
        <OperationEntryModal
          enterpriseId={enterpriseId}
          enterpriseName={enterpriseName}
          adopt={entering.adopt}
          offers={offers}
          onClose={() => setEntering(false)}
          onSaved={(saved) => {
            setEntering(false);
            message.success(`${saved.report.month} 经营数据已${saved.replaced ? '更新' : '保存'}`);
          }}
        />
      ) : null}
    </Card>
  );
}
