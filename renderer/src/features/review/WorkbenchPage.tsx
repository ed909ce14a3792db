// 工作台: this month's visit coverage (overall and per town), problems by category, department and
// outcome class, overdue counts and visits per week. Every chart clicks through to the rows behind
// it: coverage and visits → 我的联系企业 (/review) with filters; problems → 问题诉求 (/problems) with
// the query params status, category, department, town (and outcome for the outcome classes). A
// drill-down keeps the scope it was clicked in: from 我的企业 the problem list shows only the problems
// of the officer's enterprises (assignedOfficer), as the figure it came from counted them.
import { Alert, Card, Col, Flex, Row, Spin, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { shanghaiDate } from '../../../../shared/calendar/shanghaiDate';
import { useSettings } from '../../db/settingsStore';
import { WorkbenchChart } from './WorkbenchChart';
import { workbenchCharts } from './workbenchCharts';
import { loadWorkbenchFigures } from './workbenchData';
import { ScopeSwitch } from '../../components/ScopeSwitch';
import { useLiveData } from '../../components/useLiveData';
import { loadCultivationSummary } from '../cultivation/cultivationRepo';

export function WorkbenchPage() {
  const settings = useSettings();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const officerName = settings?.officerName ?? '';
  const scopeAll = params.get('scope') === 'all' || !officerName;
  const today = shanghaiDate();
  const overrides = settings?.calendarOverrides;
  // Live: the figures follow every visit, answer and plan action saved anywhere.
  const loaded = useLiveData(
    () => (overrides ? loadWorkbenchFigures(scopeAll ? '' : officerName, today, overrides) : undefined),
    [scopeAll ? '' : officerName, today, overrides ?? null],
  );
  const figures = loaded.stale ? undefined : loaded.value;

  const review = (extra: Record<string, string>) => {
    const query = new URLSearchParams({ ...(scopeAll && officerName ? { scope: 'all' } : {}), ...extra });
    navigate(`/review?${query.toString()}`);
  };
  const problems = (extra: Record<string, string>) => {
    const query = new URLSearchParams({ ...extra, ...(scopeAll ? {} : { assignedOfficer: officerName }) });
    navigate(`/problems?${query.toString()}`);
  };

  const year = Number(today.slice(0, 4));
  const cultivation = useLiveData(() => loadCultivationSummary(year, scopeAll ? '' : officerName), [year, scopeAll ? '' : officerName]).value;

  const charts = useMemo(() => (figures ? workbenchCharts(figures) : undefined), [figures]);

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          工作台 <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 'normal' }}>{figures ? `${figures.month} 月度` : ''}</Typography.Text>
        </Typography.Title>
        <ScopeSwitch officerName={officerName} all={scopeAll} onChange={(all) => setParams(all ? { scope: 'all' } : {}, { replace: true })} />
      </Flex>
      {settings && !officerName ? <Alert type="info" showIcon title="设置中还没有填写您的姓名，下面统计全部企业。" /> : null}
      {!figures || !charts ? (
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
                {figures.attendedOnly > 0 ? (
                  <Typography.Text type="secondary">另有 {figures.attendedOnly} 家本月参加了集体活动</Typography.Text>
                ) : null}
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
                <WorkbenchChart label="本月走访覆盖" {...charts.coverage} onPick={(p) => review(p.name === '未走访' ? { due: '1' } : {})} />
              </Card>
            </Col>
            <Col span={16}>
              <Card size="small" title="各区镇本月走访覆盖（点击查看待走访企业）">
                <WorkbenchChart
                  label="各区镇本月走访覆盖"
                  {...charts.byTown}
                  onPick={(p) => review({ town: p.name, ...(p.seriesName === '未走访' ? { due: '1' } : {}) })}
                />
              </Card>
            </Col>
            <Col span={12}>
              <Card size="small" title="问题诉求按类别">
                <WorkbenchChart label="问题诉求按类别" {...charts.byCategory} onPick={(p) => problems({ category: p.name })} />
              </Card>
            </Col>
            <Col span={12}>
              <Card size="small" title="问题诉求按责任部门（红色为逾期）">
                <WorkbenchChart
                  label="问题诉求按责任部门"
                  {...charts.byDepartment}
                  onPick={(p) => problems({ department: p.name, ...(p.seriesName === '逾期' ? { tab: 'overdue' } : {}) })}
                />
              </Card>
            </Col>
            <Col span={8}>
              <Card size="small" title="办理成效分类">
                <WorkbenchChart label="办理成效分类" {...charts.outcomes} onPick={(p) => problems({ outcome: p.name })} />
              </Card>
            </Col>
            <Col span={16}>
              <Card size="small" title="每周走访次数（近 12 周，点击查看当周走访的企业）">
                <WorkbenchChart
                  label="每周走访次数"
                  {...charts.visitsPerWeek}
                  onPick={(p) => {
                    const week = figures.visitsPerWeek[p.dataIndex];
                    if (week) review({ visitedFrom: week.from, visitedTo: week.to });
                  }}
                />
              </Card>
            </Col>
          </Row>
          {cultivation && cultivation.length > 0 ? (
            <Card
              size="small"
              title={`培育库（${year} 年，${scopeAll ? '各区镇合计' : '我的联系企业'}）`}
              extra={<Typography.Link onClick={() => navigate(`/cultivation?year=${year}`)}>查看培育库</Typography.Link>}
            >
              <Row gutter={[12, 12]}>
                {cultivation.map((row) => (
                  <Col span={6} key={row.target}>
                    <Card size="small" hoverable onClick={() => navigate(`/cultivation?year=${year}&target=${encodeURIComponent(row.target)}`)}>
                      <Statistic
                        title={`${row.target}：已达标 / ${row.goal !== undefined ? '年度目标' : '培育企业'}`}
                        value={row.reached}
                        suffix={`/ ${row.goal ?? row.candidates}${row.goal !== undefined ? `（培育 ${row.candidates} 家）` : ''}`}
                      />
                    </Card>
                  </Col>
                ))}
              </Row>
            </Card>
          ) : null}
        </>
      )}
    </Flex>
  );
}

